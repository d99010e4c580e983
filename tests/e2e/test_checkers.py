"""The checkers the end-to-end tests rely on catch what they are there to catch,
so a passing run means the site is right, not that a checker looked away."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from site_facts import broken_links

GOOD = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>好</title></head>
<body><main><h1 id="top">标题</h1><p><a href="b/">下一页</a> <a href="#top">顶部</a></p></main></body></html>
"""


def test_vnu_reports_invalid_html_with_file_and_line(tmp_path, vnu):
    good, bad = tmp_path / "good.html", tmp_path / "bad.html"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(GOOD.replace("<p>", "<p><div>坏</div>", 1).replace("<title>好</title>", ""), encoding="utf-8")
    errors = vnu([good, bad])
    assert errors and all(e.file.endswith("bad.html") for e in errors), [str(e) for e in errors]
    assert any(e.line == 3 for e in errors)


@pytest.mark.browser
def test_axe_reports_a_serious_violation(tmp_path, chromium, axe):
    page = chromium.new_page()
    try:
        page.set_content(GOOD.replace("下一页", '<img src="x.png">'))
        found = {v["id"]: v["impact"] for v in axe(page)}
    finally:
        page.close()
    assert found.get("link-name") in ("serious", "critical"), found


def test_link_resolver_finds_missing_pages_anchors_and_escapes(tmp_path):
    site = tmp_path / "herald"
    (site / "b").mkdir(parents=True)
    (site / "index.html").write_text(GOOD, encoding="utf-8")
    (site / "b" / "index.html").write_text(
        GOOD.replace('href="b/"', 'href="../c/"').replace('href="#top"', 'href="../#nowhere"')
        .replace("</main>", '</main><a href="../../elsewhere/">外</a><script src="https://cdn.example.com/x.js"></script>'),
        encoding="utf-8",
    )
    assert broken_links(site, "http://127.0.0.1:9/herald/") == [
        "b/index.html:3: <a href='../c/'>: no such file c/index.html",
        "b/index.html:3: <a href='../#nowhere'>: no element with id 'nowhere' in index.html",
        "b/index.html:3: <a href='../../elsewhere/'>: leaves the base path /herald/",
        "b/index.html:3: <script src='https://cdn.example.com/x.js'>: loads from outside the site",
    ]


def test_http_server_serves_the_folder_under_its_sub_path_only(tmp_path, http_server):
    (tmp_path / "index.html").write_text(GOOD, encoding="utf-8")
    served = http_server(tmp_path, "/herald/")
    with urllib.request.urlopen(served.url) as response:
        assert response.read().decode("utf-8") == GOOD
    with pytest.raises(urllib.error.HTTPError) as outside:
        urllib.request.urlopen(f"http://127.0.0.1:{served.port}/index.html")
    assert outside.value.code == 404
    with urllib.request.urlopen(f"http://127.0.0.1:{served.port}/herald") as response:
        assert response.url == served.url, "the base path without its slash redirects"
