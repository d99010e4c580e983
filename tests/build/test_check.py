"""The link check on hand-made output trees: what resolves, what is broken, where it is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssg.check import check_output, check_tree

BASE = "https://example.org/herald/"


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    out = tmp_path / "out"
    for path, text in files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(text, encoding="utf-8")
    return out


def page(body: str) -> str:
    return f"<!doctype html>\n<html lang=zh-CN>\n<head><title>t</title></head>\n<body>\n{body}\n</body>\n</html>\n"


GOOD = {
    "index.html": page('<a href="2025/11/10/">期</a>\n<a href="2025/11/10/#toc">目录</a>\n'
                       '<link rel="stylesheet" href="static/style.1.css">\n<img src="static/a.png" alt="">\n'
                       '<a href="#main">跳</a><main id="main"></main>\n<a href="mailto:x@example.org">m</a>\n'
                       '<a href="https://www.most.gov.cn/">科技部</a>\n<a href="feed.xml">订阅</a>\n'
                       '<link rel="canonical" href="https://example.org/herald/">\n<a href="#">top</a>'),
    "2025/11/10/index.html": page('<nav id="toc"><a href="../../../">首页</a>\n<a href="01/">第01版</a>\n'
                                  '<a href="01">第01版</a>\n<img srcset="../../../static/a.png 1x, ../../../static/a.png 2x" alt=""></nav>'),
    "2025/11/10/01/index.html": page('<a href="../">返回</a>\n<a href="/herald/archive/">归档</a>'),
    "archive/index.html": page('<a href="../2025/11/10/01/#top">x</a>'),
    "static/style.1.css": "body { background: url('a.png'); }\n@import 'print.css';\n",
    "static/print.css": "",
    "static/a.png": "png",
    "feed.xml": "<feed/>",
}


def test_a_sound_site_has_no_problems_and_external_links_are_listed_not_fetched(tmp_path):
    report = check_tree(site(tmp_path, GOOD), BASE)
    assert report.diagnostics == ()
    assert [link.url for link in report.external] == ["https://www.most.gov.cn/"]
    assert report.files == len(GOOD) and report.links >= 15


@pytest.mark.parametrize("html, message, line", [
    ('<a href="2025/11/11/">x</a>', "broken link '2025/11/11/'", 5),
    ('\n\n<img src="static/missing.png" alt="">', "broken link 'static/missing.png'", 7),
    ('<a href="../#nowhere">x</a>', "broken anchor '../#nowhere': 2025/11/10/index.html has no id 'nowhere'", 5),
    ('<a href="#nowhere">x</a>', "no id 'nowhere'", 5),
    ('<a href="../../../../../">up</a>', "leaves the base path /herald/", 5),
    ('<a href="/archive/">x</a>', "leaves the base path", 5),
    ('<a href="https://example.org/other/">x</a>', "leaves the base path", 5),
    ('<a href="/herald/nope/">x</a>', "nothing at /herald/nope/", 5),
    ('<script src="static/app.js"></script>', "broken link 'static/app.js'", 5),
])
def test_broken_links_are_reported_with_file_and_line(tmp_path, html, message, line):
    files = dict(GOOD, **{"2025/11/10/01/index.html": page(html)})
    problems = check_output(site(tmp_path, files), BASE)
    assert len(problems) == 1, problems
    assert problems[0].path == "2025/11/10/01/index.html" and problems[0].line == line
    assert message in problems[0].message


def test_css_urls_are_checked_too(tmp_path):
    files = dict(GOOD, **{"static/style.1.css": "a {}\nb { background: url(\"gone.png\") }\n"})
    problems = check_output(site(tmp_path, files), BASE)
    assert [(p.path, p.line) for p in problems] == [("static/style.1.css", 2)]


def test_a_site_at_the_root_accepts_root_relative_links(tmp_path):
    files = {"index.html": page('<a href="/archive/">归档</a>'), "archive/index.html": page('<a href="../">首页</a>')}
    assert check_output(site(tmp_path, files), "https://example.org/") == []
    assert len(check_output(site(tmp_path, files), "https://example.org/herald/")) == 1


def test_percent_encoded_traversal_is_not_taken_for_a_file(tmp_path):
    files = dict(GOOD, **{"2025/11/10/01/index.html": page('<a href="%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd">x</a>')})
    problems = check_output(site(tmp_path, files), BASE)
    assert len(problems) == 1


def test_display_root_prefixes_paths(tmp_path):
    files = dict(GOOD, **{"index.html": page('<a href="x/">x</a>')})
    problems = check_output(site(tmp_path, files), BASE, display_root="public")
    assert str(problems[0]).startswith("public/index.html:5: broken link 'x/'")


def test_every_problem_is_reported_in_a_stable_order(tmp_path):
    files = dict(GOOD, **{"b.html": page('<a href="1">1</a>\n<a href="2">2</a>'), "a.html": page('<a href="3">3</a>')})
    problems = check_output(site(tmp_path, files), BASE)
    assert [(p.path, p.line) for p in problems] == [("a.html", 5), ("b.html", 5), ("b.html", 6)]
