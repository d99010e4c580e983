"""The rendered fixture site in real checkers: the Nu HTML checker, axe-core in Chromium, layouts from 320 px up.

Screenshots of the article and initiative pages land in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import pytest
from render_helpers import TEN_ARTICLE

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "edition": "2025/11/03/",
    "page": "2025/11/10/01/",
    "article": "2025/11/10/01/01-shou-jie-huo-ju-lun-tan/",
    "list": TEN_ARTICLE,
    "initiative": TEN_ARTICLE + "03-gong-jian-yi-pi-ping-tai/",
    "initiatives": "initiatives/",
    "archive": "archive/",
    "tags": "tags/",
    "tag": "tags/gao-xin-qu/",
    "free": "about/",
    "404": "404.html",
}


@pytest.fixture
def served(seed, http_server):
    """The rendered fixture at http://127.0.0.1:PORT/herald/, the base path it was built for."""
    return http_server(seed.output, "/herald/")


def url_of(served, seed, page: str) -> str:
    return served.url + page


def test_every_page_is_valid_html(seed, vnu):
    errors = vnu(sorted(seed.output.rglob("*.html")))
    assert not errors, "\n".join(str(e) for e in errors[:20])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violation(seed, served, chromium, axe, scheme):
    found = []
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for kind, path in PAGES.items():
            response = page.goto(url_of(served, seed, path))
            assert response is not None and response.ok
            for v in axe(page):
                targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
                found.append(f"{kind}: {v['impact']}: {v['id']}: {v['help']} ({targets})")
    finally:
        context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width", [320, 375, 768, 1280])
def test_no_page_scrolls_sideways(seed, served, chromium, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        for kind, path in PAGES.items():
            page.goto(url_of(served, seed, path))
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{kind} page scrolls sideways by {overflow}px at {width}px"
    finally:
        context.close()


def test_keyboard_focus_is_visible_and_skip_link_works(seed, served, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(url_of(served, seed, PAGES["article"]))
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement, s = getComputedStyle(e);"
            " const r = e.getBoundingClientRect();"
            " return [e.textContent, s.outlineStyle, parseFloat(s.outlineWidth), r.top >= 0 && r.bottom <= innerHeight]; }"
        )
        assert focused[0] == "跳到正文" and focused[1] != "none" and focused[2] >= 2 and focused[3], focused
        page.keyboard.press("Enter")
        page.wait_for_url("**#main", timeout=5000)
        page.keyboard.press("Tab")
        style = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
        )
        assert style[0] != "none" and style[1] >= 2
    finally:
        context.close()


def test_body_text_is_set_like_a_newspaper(seed, served, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(url_of(served, seed, PAGES["article"]))
        indent, size, height = page.evaluate(
            "() => { const s = getComputedStyle(document.querySelector('.story-body p'));"
            " return [parseFloat(s.textIndent), parseFloat(s.fontSize), parseFloat(s.lineHeight)]; }"
        )
        assert indent == pytest.approx(2 * size) and 1.7 <= height / size <= 1.9
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "() => ['.site-nav', '.pager', '.crumbs'].map(q => getComputedStyle(document.querySelector(q)).display)"
        )
        assert hidden == ["none", "none", "none"]
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", ["article", "list", "initiative", "home"])
def test_screenshots(seed, served, chromium, artifacts, width, kind):
    for scheme in ("light", "dark"):
        context = chromium.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        try:
            page = context.new_page()
            page.goto(url_of(served, seed, PAGES[kind]))
            shot = artifacts / f"render-{kind}-{width}px-{scheme}.png"
            page.screenshot(path=shot, full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            context.close()
