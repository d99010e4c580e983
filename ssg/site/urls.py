"""Every URL of the site, decided before any page is rendered.

URLs are site-relative: no leading slash, folders end in "/", "" is home.
The base path (`base_url`) is added only where an absolute URL is needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ssg.diagnostics import Diagnostic, error

HOME = ""
ARCHIVE = "archive/"
INITIATIVES = "initiatives/"
TAGS = "tags/"
SEARCH = "search/"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
NOT_FOUND = "404.html"

BUILT_IN = (HOME, ARCHIVE, INITIATIVES, TAGS, SEARCH, FEED, SITEMAP, ROBOTS, NOT_FOUND)
"""Pages every site has; a free page may not take their place."""


def edition_url(date: dt.date) -> str:
    return f"{date.year:04d}/{date.month:02d}/{date.day:02d}/"


def page_url(date: dt.date, number: int) -> str:
    return f"{edition_url(date)}{number:02d}/"


def item_folder(position: int, slug: str) -> str:
    """An article's or list item's folder: two-digit position, then the slug (03-gong-jian-yi-pi-ping-tai)."""
    return f"{position:02d}-{slug}"


def child_url(parent_url: str, position: int, slug: str) -> str:
    """An article below its page, or a list item below its article (or list head)."""
    return f"{parent_url}{item_folder(position, slug)}/"


def tag_url(slug: str) -> str:
    return f"{TAGS}{slug}/"


def free_page_url(slug: str) -> str:
    return f"{slug}/"


def output_path(url: str) -> str:
    """The file a URL is served from: "" -> index.html, "a/b/" -> a/b/index.html, feed.xml as is."""
    return f"{url}index.html" if url == "" or url.endswith("/") else url


def find_collisions(claims: Iterable[tuple[str, str]]) -> list[Diagnostic]:
    """One error per source of every URL claimed more than once, naming all the others.

    `claims` are (url, source path) pairs; built-in pages use a name such as "(the archive)".
    """
    by_url: dict[str, list[str]] = {}
    for url, source in claims:
        by_url.setdefault(output_path(url), []).append(source)
    out = []
    for path, sources in sorted(by_url.items()):
        if len(sources) < 2:
            continue
        for source in sources:
            others = ", ".join(s for s in sources if s != source) or source
            if source.startswith("("):
                continue
            out.append(error(source, None, f"URL /{path.removesuffix('index.html')} is also produced by {others}",
                             "change the slug or order so each source has its own URL"))
    return out
