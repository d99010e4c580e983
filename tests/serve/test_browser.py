"""Headless Chromium on `ssg serve` of the sample: edits show up in the open page by themselves."""

from __future__ import annotations

import re
import time
import urllib.request

import pytest
from serve_helpers import EventReader, sample_articles

pytestmark = pytest.mark.browser

MARKER = "window.__ssgTestMarker"
ADDED = "预览时追加的一句话，用来确认页面自动刷新。"


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"script errors in the page: {errors}"


def open_with_marker(page, url: str) -> int:
    """Open url, mark the window (a reload forgets the mark); the response status."""
    response = page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate(f"{MARKER} = 'kept'")
    return response.status


def marker(page) -> str | None:
    return page.evaluate(MARKER)


def test_an_article_edit_appears_in_the_open_page_within_two_seconds(preview, sample_project, browser_page):
    article = sample_articles(sample_project)[0]
    open_with_marker(browser_page, preview.url + article.url)
    assert ADDED not in browser_page.inner_text("body")
    time.sleep(0.3)  # the page's event stream is connected
    started = time.monotonic()
    article.path.write_text(article.path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{ADDED}\n", encoding="utf-8")
    browser_page.wait_for_function("text => document.body.innerText.includes(text)", arg=ADDED, timeout=2000)
    assert time.monotonic() - started < 2.0
    assert marker(browser_page) is None  # the page reloaded itself
    assert browser_page.title() and article.title in browser_page.inner_text("body")


def test_broken_front_matter_shows_an_overlay_naming_file_and_line_until_fixed(preview, sample_project, browser_page):
    article = sample_articles(sample_project)[0]
    open_with_marker(browser_page, preview.url + article.url)
    time.sleep(0.3)
    good = article.path.read_text(encoding="utf-8")
    lines = good.split("\n")
    title_line = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[title_line] = "title: 标题: 冒号后又有冒号"
    article.path.write_text("\n".join(lines), encoding="utf-8")

    overlay = browser_page.locator("#ssg-error-overlay")
    overlay.locator(".where").wait_for(timeout=5000)
    rel = article.path.relative_to(sample_project).as_posix()
    assert overlay.locator(".where").inner_text() == f"{rel}:{title_line + 1}"
    assert "front matter" in overlay.locator(".message").inner_text()
    # the last good page is still shown and still served
    assert article.title in browser_page.inner_text("main")
    assert marker(browser_page) == "kept"
    with urllib.request.urlopen(preview.url + article.url, timeout=10) as response:
        assert response.status == 200 and article.title in response.read().decode("utf-8")

    article.path.write_text(good, encoding="utf-8")
    overlay.wait_for(state="detached", timeout=5000)
    assert article.title in browser_page.inner_text("main")


def test_a_new_tab_opened_during_an_error_shows_it(preview, sample_project, browser_page):
    article = sample_articles(sample_project)[0]
    good = article.path.read_text(encoding="utf-8")
    article.path.write_text(good.replace("title:", "title: [", 1), encoding="utf-8")
    deadline = time.monotonic() + 5
    while preview.preview.hub.state.ok and time.monotonic() < deadline:
        time.sleep(0.05)
    browser_page.goto(preview.url)
    browser_page.locator("#ssg-error-overlay .where").wait_for(timeout=5000)
    assert article.path.name in browser_page.locator("#ssg-error-overlay .where").inner_text()


def test_a_css_edit_applies_without_reloading(preview, sample_project, browser_page):
    article = sample_articles(sample_project)[0]
    open_with_marker(browser_page, preview.url + article.url)
    time.sleep(0.3)
    sheets_before = browser_page.eval_on_selector_all('link[rel="stylesheet"]', "links => links.map(l => l.href)")
    css = next((sample_project / "themes/newspaper/static").glob("*.css"))
    css.write_text(css.read_text(encoding="utf-8") + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n", encoding="utf-8")
    browser_page.wait_for_function("getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'", timeout=5000)
    assert marker(browser_page) == "kept"
    sheets_after = browser_page.eval_on_selector_all('link[rel="stylesheet"]', "links => links.map(l => l.href)")
    assert len(sheets_after) == len(sheets_before) and sheets_after != sheets_before
    fingerprint = re.compile(r"\.[0-9a-f]{8}\.css$")
    assert all(fingerprint.search(href) for href in sheets_after)


def test_many_tabs_share_one_connection_and_only_changed_pages_reload(preview, sample_project, chromium):
    article = sample_articles(sample_project)[0]
    context = chromium.new_context()
    try:
        urls = [article.url, "", "archive/", "tags/", "initiatives/", "404.html", "no/such/page/", "archive/"]
        tabs, statuses = [], []
        for url in urls:  # more tabs than the six connections a browser allows one host
            tab = context.new_page()
            statuses.append(open_with_marker(tab, preview.url + url))
            tabs.append(tab)
        assert statuses[0] == 200 and statuses[-2] == 404
        time.sleep(0.5)
        assert preview.preview.hub.client_count == 1
        stream = EventReader(preview.url)
        stream.next()
        article.path.write_text(article.path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{ADDED}\n", encoding="utf-8")
        changed = stream.next_build()["changed"]
        stream.close()
        base = "/" + preview.url.split("/", 3)[3]
        assert base + article.url in changed
        tabs[0].wait_for_function("text => document.body.innerText.includes(text)", arg=ADDED, timeout=5000)
        time.sleep(1.0)  # time for any other tab to reload
        for url, tab, status in zip(urls, tabs, statuses):
            # a page that changed reloads; so does a 404, which the build may have filled
            expect_reload = base + url in changed or status != 200
            assert (marker(tab) is None) == expect_reload, f"{url}: reloaded={marker(tab) is None}, changed={changed}"
    finally:
        context.close()
