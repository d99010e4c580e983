"""A reader goes through the sample by clicking only, on a real HTTP server that keeps the site under /herald/.

home -> edition -> the 十个一 article -> initiative 1 -> 下一条 x9 -> initiative 10 -> back to the list,
on a phone (375 px) and a desktop (1280 px), with screenshots in test-artifacts/.
"""

from __future__ import annotations

import pytest

# The ten initiatives of the sample's 十个一 list, in the order the paper printed them.
INITIATIVES = ["绘好一张蓝图", "集成一套政策", "共建一批平台", "育强一套体系", "聚焦一个特色", "抢滩一个赛道", "推动一体开放", "优化一流服务", "守护一流生态", "擦亮一面旗帜"]

pytestmark = pytest.mark.browser

FIND_LINK = """([to, text]) => [...document.querySelectorAll('a[href]')].findIndex(a =>
    (to === null || a.href.split('#')[0] === to)
    && (text === null || a.textContent.includes(text))
    && a.getClientRects().length > 0 && getComputedStyle(a).visibility !== 'hidden')"""


class Reader:
    """Clicks visible links and remembers what went wrong on the way."""

    def __init__(self, page, base_url: str, shots, width: int):
        self.page, self.base, self.shots, self.width = page, base_url, shots, width
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.console: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(base_url) else self.outside.append(r.url))
        page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console.append(str(e)))

    def here(self) -> str:
        return self.page.url.split("#")[0]

    def click(self, *, to: str | None = None, text: str | None = None, step: str) -> None:
        target = None if to is None else self.base + to
        index = self.page.evaluate(FIND_LINK, [target, text])
        assert index >= 0, (
            f"{step}: no visible link{' to ' + target if target else ''}{' showing ' + repr(text) if text else ''} "
            f"on {self.here()} at {self.width}px"
        )
        with self.page.expect_navigation():
            self.page.locator("a[href]").nth(index).click()
        if target is not None:
            assert self.here() == target, f"{step}: clicking went to {self.here()}, not {target}"

    def check_layout(self, name: str, *, shot: bool = True) -> None:
        if shot:
            self.page.screenshot(path=self.shots / f"journey-{self.width}px-{name}.png", full_page=True)
        overflow = self.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{self.here()} scrolls sideways by {overflow}px at {self.width}px wide"

    def headline(self) -> str:
        return self.page.locator("h1").first.inner_text()


@pytest.mark.parametrize("width", [375, 1280])
def test_reader_goes_through_the_ten_initiatives_by_clicking(chromium, built_sample, sample_pages, artifacts, width):
    assert len(sample_pages.initiatives) == len(INITIATIVES), sample_pages.initiatives
    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        reader = Reader(page, built_sample.url, artifacts, width)
        response = page.goto(built_sample.url)
        assert response is not None and response.ok
        reader.check_layout("01-home")

        reader.click(to=sample_pages.edition, step="home -> edition")
        reader.check_layout("02-edition")

        reader.click(to=sample_pages.list_article, text="十个一", step="edition -> 十个一 article")
        assert "十个一" in reader.headline()
        reader.check_layout("03-list")

        reader.click(to=sample_pages.initiatives[0], text=INITIATIVES[0], step="list -> initiative 1")
        assert INITIATIVES[0] in reader.headline()
        reader.check_layout("04-initiative-1")

        for number in range(2, 11):
            reader.click(to=sample_pages.initiatives[number - 1], text="下一条", step=f"下一条 -> initiative {number}")
            assert INITIATIVES[number - 1] in reader.headline(), f"initiative {number} shows {reader.headline()!r}"
            reader.check_layout(f"05-initiative-{number}", shot=number == 10)

        reader.click(to=sample_pages.list_article, step="initiative 10 -> back to the list")
        assert "十个一" in reader.headline()
        reader.check_layout("06-back-to-list")
    finally:
        context.close()
    assert not reader.outside, f"pages loaded from outside the site: {reader.outside[:5]}"
    assert not reader.failed, f"failed requests: {reader.failed[:5]}"
    assert not reader.console, f"console errors: {reader.console[:5]}"
