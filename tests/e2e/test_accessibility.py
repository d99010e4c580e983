"""axe-core on every kind of page of the built sample, in the light and the dark colour scheme."""

from __future__ import annotations

import pytest

KINDS = ["home", "edition", "page", "article", "initiative list", "initiative", "initiatives index", "archive", "tags index", "tag", "404"]
SERIOUS = ("serious", "critical")

pytestmark = pytest.mark.browser


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        lines.append(f"{v['impact']}: {v['id']}: {v['help']} ({len(v['nodes'])} elements: {targets})")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_serious_accessibility_violation(chromium, axe, built_sample, sample_pages, kind, scheme):
    url = built_sample.url + sample_pages.by_kind()[kind]
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        response = page.goto(url)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        violations = [v for v in axe(page) if v["impact"] in SERIOUS]
    finally:
        context.close()
    assert not violations, f"{kind} page {url} ({scheme}):\n{describe(violations)}"


def test_dark_scheme_is_really_dark(chromium, built_sample, sample_pages):
    # Without this the dark runs above could check the light colours twice.
    url = built_sample.url + sample_pages.article
    colours = {}
    for scheme in ("light", "dark"):
        context = chromium.new_context(color_scheme=scheme)
        try:
            page = context.new_page()
            page.goto(url)
            colours[scheme] = page.evaluate(
                """() => {
                    const luminance = (el) => {
                        const c = getComputedStyle(el).backgroundColor.match(/[\\d.]+/g).map(Number);
                        return c.length === 4 && c[3] === 0 ? null : (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]);
                    };
                    return luminance(document.body) ?? luminance(document.documentElement) ?? 255;
                }"""
            )
        finally:
            context.close()
    assert colours["light"] > 128 > colours["dark"], f"page background luminance (0-255): {colours}"
