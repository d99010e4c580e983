"""The preview of the sample with the real builder, watched as an editor edits it (no browser)."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from serve_helpers import EventReader, fetch, raw_request, sample_articles


def base_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_an_article_edit_re_renders_that_article_and_the_pages_listing_it_only(preview, sample_project):
    article, *others = sample_articles(sample_project)
    other = others[-1]
    stream = EventReader(preview.url)
    stream.next()
    article.path.write_text(article.path.read_text(encoding="utf-8") + "\n补充一段文字。\n", encoding="utf-8")
    message = stream.next_build()
    base = base_of(preview.url)
    assert message["ok"] and message["css"] == {}
    assert base + article.url in message["changed"]
    assert base + other.url not in message["changed"]
    assert len(message["changed"]) < 20
    status, _, body = fetch(preview.url + article.url)
    assert status == 200 and "补充一段文字。" in body.decode("utf-8")


def test_a_template_error_names_the_template_and_line_and_the_site_stays(preview, sample_project):
    article = sample_articles(sample_project)[0]
    template = sample_project / "themes/newspaper/templates/article.html"
    good = template.read_text(encoding="utf-8")
    lines = good.split("\n")
    broken_line = len(lines) // 2
    lines.insert(broken_line, "{% if %}")
    before = fetch(preview.url + article.url)[2]
    stream = EventReader(preview.url)
    stream.next()
    template.write_text("\n".join(lines), encoding="utf-8")
    message = stream.next_build(timeout=15)
    assert not message["ok"]
    [error] = message["errors"]
    assert error["path"].endswith("article.html") and error["line"] == broken_line + 1
    assert fetch(preview.url + article.url)[2] == before
    template.write_text(good, encoding="utf-8")
    assert stream.next_build(timeout=15)["ok"]


def test_a_site_yaml_edit_rebuilds_with_the_new_settings(preview, sample_project):
    config = sample_project / "site.yaml"
    text = config.read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", text, re.MULTILINE).group(1)
    stream = EventReader(preview.url)
    stream.next()
    config.write_text(text.replace(f"title: {title}", "title: 预览标题已修改"), encoding="utf-8")
    message = stream.next_build(timeout=15)
    assert message["ok"] and base_of(preview.url) in message["changed"]
    assert "预览标题已修改" in fetch(preview.url)[2].decode("utf-8")


def test_a_hundred_concurrent_clients_on_the_real_site(preview, sample_project):
    pages = ["", *(a.url for a in sample_articles(sample_project)), "feed.xml", "sitemap.xml", "robots.txt"]

    def client(i: int) -> list[int]:
        return [fetch(preview.url + pages[(i + k) % len(pages)])[0] for k in range(3)]

    with ThreadPoolExecutor(max_workers=100) as pool:
        statuses = [s for r in pool.map(client, range(100)) for s in r]
    assert statuses == [200] * 300


def test_traversal_attempts_on_the_real_site_get_the_404_page(preview, sample_project: Path):
    base = base_of(preview.url)
    for target in (f"{base}../site.yaml", f"{base}%2e%2e/site.yaml", f"{base}..%2fsite.yaml",
                   f"{base}..\\site.yaml", "/etc/passwd", f"{base}%2e%2e/%2e%2e/%2e%2e/etc/passwd"):
        status, body = raw_request(preview.url, target)
        assert status == 404, target
        assert b"base_url" not in body and b"root:" not in body

