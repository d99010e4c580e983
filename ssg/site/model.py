"""The site model: what build knows after loading content, before rendering.

Built once by `ssg.site.graph.build_site_graph` from the loaded sources; read
only afterwards. Objects refer to each other by stable ids (never by object
identity), so stages can be cached and values compared. Every object carries
its `url` (site-relative path without the base, e.g. "2025/11/10/01/"),
decided before any Markdown is rendered.

Ids: edition "2025-11-10"; page "2025-11-10/01"; article
"2025-11-10/01/02-guo-jia-gao-xin-qu"; initiative
"2025-11-10/01/02-guo-jia-gao-xin-qu/03-gong-jian-yi-pi-ping-tai".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SeeAlsoLink:
    text: str
    """As printed: 相关报道详见2-8版."""
    pages: tuple[str, ...]
    """Ids of the pages referred to that exist in this edition, in order."""


@dataclass(frozen=True)
class TagRef:
    name: str  # 雄安新区 (shown)
    slug: str  # xiong-an-xin-qu (URL)
    url: str


@dataclass(frozen=True)
class Initiative:
    id: str
    article: str
    """Id of the article that carries the list."""
    parent: str | None
    """Id of the enclosing initiative for a nested list, else None."""
    number: int
    title: str
    goal: str | None
    list_name: str | None
    body_html: str
    text: str
    """Body as plain text (search, summaries, metrics)."""
    tags: tuple[TagRef, ...]
    children: tuple[str, ...]
    """Ids of a nested list's items."""
    url: str
    source_path: str
    """The Markdown file it came from, relative to the project."""


@dataclass(frozen=True)
class Article:
    id: str
    edition: str
    page: str
    """Id of its page (版)."""
    page_number: int
    order: int
    kind: str  # news | caption | initiatives
    title: str
    """Shown title; for a caption without a headline, derived from its text."""
    kicker: str | None
    subtitle: str | None
    column: str | None
    dateline: str | None
    byline: str | None
    see_also: tuple[SeeAlsoLink, ...]
    body_html: str
    closing_html: str
    """Body after the list (initiative articles), else ""."""
    text: str
    summary: str
    """From front matter, or cut from the text at a sentence end."""
    char_count: int
    reading_minutes: int
    tags: tuple[TagRef, ...]
    initiatives: tuple[str, ...]
    """Ids of the top-level list items, in order."""
    list_name: str | None
    url: str
    source_path: str


@dataclass(frozen=True)
class Page:
    id: str
    edition: str
    number: int
    name: str | None
    articles: tuple[str, ...]
    url: str


@dataclass(frozen=True)
class Edition:
    id: str  # 2025-11-10
    date: dt.date
    paper: str | None
    paper_en: str | None
    publisher: str | None
    cn: str | None
    postal_code: str | None
    weekday: str | None
    number: int | None
    total_number: int | None
    page_count: int | None
    source: str | None
    notes_html: str
    pages: tuple[str, ...]
    articles: tuple[str, ...]
    """All article ids in reading order."""
    url: str


@dataclass(frozen=True)
class Tag:
    name: str
    slug: str
    url: str
    articles: tuple[str, ...]
    """Article and initiative ids carrying it, newest edition first."""


@dataclass(frozen=True)
class Site:
    """The whole graph. Lookups by id; lists in display order."""

    editions: tuple[str, ...]
    """Edition ids, oldest first."""
    objects: dict
    """id -> Edition | Page | Article | Initiative (treat as read-only)."""
    tags: tuple[Tag, ...]
    """Sorted by slug."""
    lists: tuple[str, ...]
    """Ids of articles carrying an initiative list, newest first."""
    free_pages: tuple = ()

    def get(self, id: str):
        return self.objects[id]
