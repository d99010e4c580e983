"""Test material for the build tests: a hand-made site graph and a small project on disk."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from ssg.config import FeedConfig, PaperConfig, SiteConfig
from ssg.site.model import Article, Edition, Initiative, Page, Site, Tag, TagRef

NUMERALS = "一二三"


def _tag(name: str, slug: str) -> TagRef:
    return TagRef(name, slug, f"tags/{slug}/")


def _article(ed: str, page: int, order: int, slug: str, title: str, *, kind: str = "news",
             tags=(), initiatives=(), byline=None, summary="") -> Article:
    y, m, d = ed.split("-")
    return Article(
        id=f"{ed}/{page:02d}/{order:02d}-{slug}", edition=ed, page=f"{ed}/{page:02d}", page_number=page,
        order=order, kind=kind, title=title, kicker=None, subtitle=None, column=None, dateline="本报讯",
        byline=byline, see_also=(), body_html=f"<p>{title}的正文。</p>", closing_html="", text=f"{title}的正文。",
        summary=summary or f"{title}的摘要。", char_count=len(title) + 4, reading_minutes=1, tags=tuple(tags),
        initiatives=tuple(initiatives), list_name="三个一" if initiatives else None,
        url=f"{y}/{m}/{d}/{page:02d}/{order:02d}-{slug}/", source_path=f"content/editions/{ed}/{order:02d}-{slug}.md",
    )


def make_site() -> Site:
    """Edition 2025-11-03 (one article, one caption) and 2025-11-10 (news + a 三个一 list of three)."""
    objects: dict = {}
    forum = _tag("火炬论坛", "huo-ju-lun-tan")
    xiongan = _tag("雄安新区", "xiong-an-xin-qu")

    old_news = _article("2025-11-03", 1, 1, "qiu-ji-jiao-yi-hui", "秋季交易会开幕", tags=[forum])
    old_caption = _article("2025-11-03", 1, 2, "tu-pian", "图为交易会现场", kind="caption")
    news = _article("2025-11-10", 1, 1, "shou-jie-huo-ju-lun-tan", "首届火炬论坛在河北雄安新区举办",
                    tags=[forum, xiongan], byline="记者 张伟")
    list_id = "2025-11-10/02/02-san-ge-yi"
    inis = []
    for n in (1, 2, 3):
        inis.append(Initiative(
            id=f"{list_id}/{n:02d}-item-{n}", article=list_id, parent=None, number=n, title=f"第{NUMERALS[n - 1]}条",
            goal=None, list_name="三个一", body_html=f"<p>条目{n}</p>", text=f"条目{n}", tags=(), children=(),
            url=f"2025/11/10/02/02-san-ge-yi/{n:02d}-item-{n}/",
            source_path=f"content/editions/2025-11-10/02-san-ge-yi/{n:02d}-item-{n}.md"))
    listing = _article("2025-11-10", 2, 2, "san-ge-yi", "“三个一”倡议", kind="initiatives",
                       tags=[xiongan], initiatives=[i.id for i in inis])
    for a in (old_news, old_caption, news, listing, *inis):
        objects[a.id] = a
    for ed, arts, number in (("2025-11-03", (old_news, old_caption), 40), ("2025-11-10", (news, listing), 41)):
        y, m, d = ed.split("-")
        page_ids = sorted({a.page for a in arts})
        for pid in page_ids:
            num = int(pid.rsplit("/", 1)[1])
            objects[pid] = Page(pid, ed, num, None, tuple(a.id for a in arts if a.page == pid), f"{y}/{m}/{d}/{num:02d}/")
        objects[ed] = Edition(
            id=ed, date=dt.date.fromisoformat(ed), paper="中国高新技术产业导报", paper_en=None, publisher=None, cn=None,
            postal_code=None, weekday=None, number=number, total_number=None, page_count=len(page_ids), source=None,
            notes_html="", pages=tuple(page_ids), articles=tuple(a.id for a in arts), url=f"{y}/{m}/{d}/")
    tags = (
        Tag("火炬论坛", "huo-ju-lun-tan", "tags/huo-ju-lun-tan/", (news.id, old_news.id)),
        Tag("雄安新区", "xiong-an-xin-qu", "tags/xiong-an-xin-qu/", (news.id, listing.id)),
    )
    return Site(editions=("2025-11-03", "2025-11-10"), objects=objects, tags=tags, lists=(list_id,))


def make_config(root: Path, **changes) -> SiteConfig:
    config = SiteConfig(root=root, title="导报 电子版", base_url="https://example.org/herald/",
                        description="按期、按版阅读。", paper=PaperConfig(name="中国高新技术产业导报"),
                        feed=FeedConfig(entries=20))
    return dataclasses.replace(config, **changes)



# -- a small project on disk, in the content format (docs/content-format.md) ------------

PROJECT_FILES = {
    "site.yaml": """\
title: 导报 电子版
base_url: https://example.org/herald/
description: 按期、按版阅读。
paper:
  name: 中国高新技术产业导报
feed:
  entries: 10
""",
    "content/editions/2025-11-03/_edition.md": """\
---
paper: 中国高新技术产业导报
date: 2025-11-03
weekday: 星期一
number: 40
total_number: 2644
page_count: 4
---
""",
    "content/editions/2025-11-03/01-qiu-ji-jiao-yi-hui.md": """\
---
title: 秋季交易会开幕
page: 1
order: 1
dateline: 本报讯
byline: 记者 李明
tags: [交易会, 火炬论坛]
---

秋季交易会昨日开幕，吸引了众多企业参展。

展会持续三天。
""",
    "content/editions/2025-11-10/_edition.md": """\
---
paper: 中国高新技术产业导报
date: 2025-11-10
weekday: 星期一
number: 41
total_number: 2645
page_count: 4
pages: {1: 要闻, 2: 综合新闻}
---
""",
    "content/editions/2025-11-10/01-shou-jie-huo-ju-lun-tan.md": """\
---
title: 首届火炬论坛在河北雄安新区举办
kicker: 聚焦新质生产力
page: 1
order: 1
dateline: 本报讯
byline: 记者 张伟
see_also: [{pages: '2', text: 相关报道详见2版}]
tags: [火炬论坛, 雄安新区]
---

11月8日，首届火炬论坛在河北雄安新区举办。论坛以“创新驱动”为主题。

与会代表围绕高新区建设展开讨论。
""",
    "content/editions/2025-11-10/02-tu-pian.md": """\
---
kind: caption
page: 1
order: 2
---

图为论坛现场。本报记者 张伟摄
""",
    "content/editions/2025-11-10/03-san-ge-yi/index.md": """\
---
title: 发布“三个一”倡议
kind: initiatives
page: 2
order: 3
dateline: 本报讯
list: 三个一
list_count: 3
tags: [雄安新区]
---

论坛发布“三个一”倡议。

<!-- list -->

倡议得到广泛响应。
""",
    "content/editions/2025-11-10/03-san-ge-yi/01-hui-hao-yi-zhang-lan-tu.md": """\
---
title: 绘好一张蓝图
goal: 推动愿景落地
number: 1
list: 三个一
---

各高新区要制定发展规划。
""",
    "content/editions/2025-11-10/03-san-ge-yi/02-da-zao-yi-ge-ping-tai.md": """\
---
title: 打造一个平台
goal: 汇聚创新资源
number: 2
list: 三个一
---

建设公共服务平台。
""",
    "content/editions/2025-11-10/03-san-ge-yi/03-pei-yu-yi-pi-qi-ye.md": """\
---
title: 培育一批企业
goal: 壮大产业集群
number: 3
list: 三个一
---

培育科技型中小企业。
""",
    "content/pages/about.md": """\
---
title: 关于本报
---

《中国高新技术产业导报》由科技日报社主办。
""",
}


def write_project(root: Path, files: dict[str, str] | None = None) -> Path:
    """The small two-edition project above (plus `files`, which may override) under root."""
    for path, text in {**PROJECT_FILES, **(files or {})}.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root



def tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder: relative path -> bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
