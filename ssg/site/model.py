"""The site model: what build knows after loading content, before rendering.

Built once by `ssg.site.graph.build_site_graph` from the loaded sources; read
only afterwards. Objects refer to each other by stable ids (never by object
identity), so stages can be cached and values compared. Every object carries
its `url` (site-relative path without the base, e.g. "2025/11/10/01/"),
decided before any Markdown is rendered.

Ids: edition "2025-11-10"; page "2025-11-10/01"; article
"2025-11-10/01/02-guo-jia-gao-xin-qu"; initiative
"2025-11-10/01/02-guo-jia-gao-xin-qu/03-gong-jian-yi-pi-ping-tai"; free page
"pages/about". Nested list items add one more "NN-slug" per level.

Fields added after the first version (all with defaults, at the end of their
class): Initiative.edition, .page, .marker, .summary, .char_count,
.reading_minutes, .list_count, .closing_html; Article.list_count; Edition.label;
FreePage (new); Site.title, Site.diagnostics. `Site.free_pages` holds FreePage
ids (the objects are in `Site.objects`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ssg.diagnostics import Diagnostic


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
    edition: str = ""
    page: str = ""
    """Id of the page (版) of its article."""
    marker: str | None = None
    """The numbering as printed (一是, (一)), when there was one."""
    summary: str = ""
    """Cut from the text at a sentence end."""
    char_count: int = 0
    """Title, goal and body, and those of a nested list, in characters."""
    reading_minutes: int = 0
    list_count: int = 0
    """How many items its list (its siblings and itself) has."""
    closing_html: str = ""
    """A nested list's head: its text after the nested list, else ""."""


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
    """Body and closing as plain text, one line per paragraph (not the list items)."""
    summary: str
    """From front matter, or cut from the text at a sentence end."""
    char_count: int
    """Characters (whitespace not counted) of the text and of every list item."""
    reading_minutes: int
    """char_count at site.yaml reading.chars_per_minute, rounded up."""
    tags: tuple[TagRef, ...]
    initiatives: tuple[str, ...]
    """Ids of the top-level list items, in order."""
    list_name: str | None
    url: str
    source_path: str
    list_count: int | None = None
    """The count the list's name announces (十个一 -> 10), when front matter gives it."""


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
    label: str = ""
    """The date as a reader writes it: 2025年11月10日."""


@dataclass(frozen=True)
class FreePage:
    """content/pages/<slug>.md: about, contact, ..."""

    id: str  # pages/about
    slug: str
    title: str
    summary: str
    """From front matter, or cut from the text."""
    order: int | None
    body_html: str
    text: str
    url: str  # about/
    source_path: str


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
    """id -> Edition | Page | Article | Initiative | FreePage (treat as read-only)."""
    tags: tuple[Tag, ...]
    """Sorted by slug."""
    lists: tuple[str, ...]
    """Ids of articles carrying an initiative list, newest first."""
    free_pages: tuple = ()
    """FreePage ids, in menu order (front-matter `order`, then slug)."""
    title: str = ""
    """site.yaml `title`."""
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
    """Warnings found while loading (errors raise instead): report them, then go on."""

    def get(self, id: str):
        return self.objects[id]
