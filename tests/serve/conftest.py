"""Fixtures of the preview server tests: a plain-files project built by a stand-in
builder (fakesite.py), the server on a free port, and an event-stream reader."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakesite import FakeBuilder
from serve_helpers import EventReader

from ssg.serve import PreviewServer, WatchPlan
from ssg.serve.project import serve_project

PAGE = """<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="{css_href}"></head>
<body><main><h1 id="title">{title}</h1><p id="text">{text}</p></main></body>
</html>
"""


def page(title: str, text: str, depth: int) -> str:
    return PAGE.format(title=title, text=text, css_href="../" * depth + "{{css}}")


@pytest.fixture
def fake_project(tmp_path: Path) -> Path:
    """content/ (a home page, an article, a 404 page, feed, assets) and themes/style.css."""
    root = tmp_path / "project"
    content = root / "content"
    (content / "2025/11/10/01/01-shou-jie").mkdir(parents=True)
    (content / "index.html").write_text(page("首页", "最新一期", 0), encoding="utf-8")
    (content / "2025/11/10/01/01-shou-jie/index.html").write_text(
        page("首届火炬论坛在河北雄安新区举办", "本报讯 首届火炬论坛举办。", 5), encoding="utf-8")
    (content / "404.html").write_text(page("找不到页面", "没有这个页面", 0), encoding="utf-8")
    (content / "feed.xml").write_text("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>")
    (content / "static").mkdir()
    for name, data in {"app.wasm": b"\0asm\1\0\0\0", "font.woff2": b"wOF2", "logo.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
                       "index.json": b"{}", "app.js": b"console.log(1)"}.items():
        (content / "static" / name).write_bytes(data)
    (root / "themes").mkdir()
    (root / "themes/style.css").write_text("#title { color: rgb(0, 0, 0); }\n")
    (root / "sources").mkdir()
    (root / "site.yaml").write_text("base_url: https://example.org/herald/\n")
    (tmp_path / "secret.txt").write_text("top secret")
    return root


@dataclass
class FakeServe:
    server: PreviewServer
    builder: FakeBuilder
    root: Path
    output: Path

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture
def serve_fake(fake_project: Path, tmp_path: Path) -> Iterator[Callable[..., FakeServe]]:
    """`serve_fake(watch=True) -> FakeServe`: the fake project previewed at /herald/ on a free port."""
    servers: list[PreviewServer] = []

    def start(watch: bool = True, base_path: str = "/herald/") -> FakeServe:
        output = tmp_path / "private" / "site"
        made: list[FakeBuilder] = []

        def make(url: str) -> FakeBuilder:
            made.append(FakeBuilder(fake_project, output, url))
            return made[0]

        server = PreviewServer(make, output, base_path, port=0,
                               watch=WatchPlan(fake_project) if watch else None, instance="test")
        servers.append(server)
        server.start()
        return FakeServe(server, made[0], fake_project, output)

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def events() -> Iterator[Callable[[str], EventReader]]:
    readers: list[EventReader] = []

    def open_stream(url: str) -> EventReader:
        readers.append(EventReader(url))
        return readers[-1]

    yield open_stream
    for reader in readers:
        reader.close()


# --- the real sample, previewed with the real builder ------------------------------

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def sample_content(tmp_path_factory, ssg) -> Path:
    """The sample's content/: the repository's, or, while it has none, sources/ ingested once."""
    if any((REPO / "content").rglob("*.md")):
        return REPO / "content"
    root = tmp_path_factory.mktemp("ingested")
    shutil.copy2(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "sources", root / "sources")
    ssg("ingest", *sorted(p.relative_to(root) for p in (root / "sources").glob("*.txt")), cwd=root)
    assert any((root / "content").rglob("*.md")), "ssg ingest wrote no content"
    return root / "content"


@pytest.fixture
def sample_project(tmp_path: Path, sample_content: Path) -> Path:
    """A copy of the repository's sample (site.yaml, sources/, content/, the newspaper theme) to edit.

    The theme is copied into the project's themes/, which comes before the
    built-in one, so a test can edit its stylesheet.
    """
    root = tmp_path / "sample"
    root.mkdir()
    shutil.copy2(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "sources", root / "sources")
    shutil.copytree(REPO / "themes" / "newspaper", root / "themes" / "newspaper")
    shutil.copytree(sample_content, root / "content")
    return root


@pytest.fixture
def preview(sample_project: Path) -> Iterator[PreviewServer]:
    """`ssg serve` on the sample copy, in this process, on a free port; started."""
    with serve_project(sample_project, port=0) as server:
        outcome = server.start()
        assert outcome.ok, "\n".join(map(str, outcome.errors))
        yield server
