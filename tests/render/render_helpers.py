"""The render tests' fixture site (fixtures/seed, like the 2025-11-10 issue) and how to render it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ssg.config import load_config
from ssg.render import load_theme, plan_pages, render_job, theme_assets
from ssg.site import load_site

SEED = Path(__file__).parent / "fixtures" / "seed"
TEN_ARTICLE = "2025/11/10/01/03-guo-jia-gao-xin-qu/"
TEN = [
    "绘好一张蓝图",
    "集成一套政策",
    "共建一批平台",
    "育强一套体系",
    "聚焦一个特色",
    "抢滩一个赛道",
    "推动一体开放",
    "优化一流服务",
    "守护一流生态",
    "擦亮一面旗帜",
]


@dataclass
class Rendered:
    config: object
    site: object
    theme: object
    jobs: list
    pages: dict
    """Output path -> HTML text."""
    output: Path
    """The pages and theme assets written out, for link resolution and browsers."""

    def job(self, path: str):
        return next(j for j in self.jobs if j.path == path)


def render_site(root: Path, output: Path) -> Rendered:
    config = load_config(root)
    theme = load_theme(config)
    site = load_site(config)
    jobs = plan_pages(site, config, theme)
    pages = {}
    for job in jobs:
        data = render_job(theme, job)
        pages[job.path] = data.decode("utf-8")
        target = output / job.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for asset in theme_assets(theme):
        target = output / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.data)
    return Rendered(config, site, theme, jobs, pages, output)
