"""Typed sources: what each content file says, checked, before the site graph links them.

`parse_source` turns one file's text into one of the four source values;
`load_sources` walks `content/` and assembles them into a `ContentSet` whose
shape follows the folders (an article folder holds its list, a list item's
folder holds its nested list). Nothing here knows about URLs or Markdown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ssg.diagnostics import Diagnostic


@dataclass(frozen=True)
class SeeAlsoRef:
    """A cross reference as written in front matter: `{pages: 2-8, text: 相关报道详见2-8版}`."""

    text: str
    pages: tuple[int, ...]
    """Page (版) numbers referred to, in the order written, ranges expanded."""
    line: int | None
    """Line of the `see_also` key, for warnings about pages that do not exist."""


@dataclass(frozen=True)
class EditionSource:
    """`_edition.md`: the masthead of one issue."""

    path: str
    """Relative to the project: content/editions/2025-11-10/_edition.md."""
    date: dt.date
    paper: str | None = None
    paper_en: str | None = None
    publisher: str | None = None
    cn: str | None = None
    postal_code: str | None = None
    weekday: str | None = None
    number: int | None = None
    total_number: int | None = None
    page_count: int | None = None
    page_names: tuple[tuple[int, str], ...] = ()
    """(page number, name) pairs from `pages`, sorted by number."""
    source: str | None = None
    body: str = ""
    """Text ingest kept out of articles, for the editor; shown nowhere."""
    body_line: int = 1


@dataclass(frozen=True)
class ArticleSource:
    """`NN-slug.md` or `NN-slug/index.md` in an edition folder."""

    path: str
    slug: str
    """From `slug`, else the file (or folder) name after `NN-`."""
    title: str | None
    """None only for a caption without a headline."""
    page: int
    order: int
    kind: str = "news"
    kicker: str | None = None
    subtitle: str | None = None
    column: str | None = None
    dateline: str | None = None
    byline: str | None = None
    see_also: tuple[SeeAlsoRef, ...] = ()
    list_name: str | None = None
    list_count: int | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    body: str = ""
    """Markdown before a `<!-- list -->` line (all of it when there is none)."""
    body_line: int = 1
    closing: str = ""
    """Markdown after the `<!-- list -->` line."""
    closing_line: int | None = None
    list_line: int | None = None
    """Line of the `<!-- list -->` marker, when there is one."""


@dataclass(frozen=True)
class InitiativeSource:
    """`NN-slug.md` (or `NN-slug/index.md` for a nested list's head) inside an article folder."""

    path: str
    slug: str
    title: str
    number: int
    goal: str | None = None
    list_name: str | None = None
    marker: str | None = None
    tags: tuple[str, ...] = ()
    body: str = ""
    """Markdown before a `<!-- list -->` line (a nested list's head may have one)."""
    body_line: int = 1
    closing: str = ""
    """Markdown after the `<!-- list -->` line."""
    closing_line: int | None = None
    list_line: int | None = None


@dataclass(frozen=True)
class PageSource:
    """`content/pages/<name>.md`: a free page such as about."""

    path: str
    slug: str
    title: str
    summary: str | None = None
    order: int | None = None
    """Position in menus; pages without one follow, by slug."""
    body: str = ""
    body_line: int = 1


Source = EditionSource | ArticleSource | InitiativeSource | PageSource


@dataclass(frozen=True)
class InitiativeNode:
    source: InitiativeSource
    children: tuple[InitiativeNode, ...] = ()
    """A nested list's items, sorted by number."""


@dataclass(frozen=True)
class ArticleNode:
    source: ArticleSource
    initiatives: tuple[InitiativeNode, ...] = ()
    """The list the article carries (its folder's item files), sorted by number."""
    folder: str | None = None
    """The article's folder, relative to the project, when it is `NN-slug/index.md`."""


@dataclass(frozen=True)
class EditionContent:
    """One edition folder."""

    date: dt.date
    folder: str
    """Relative to the project: content/editions/2025-11-10."""
    source: EditionSource | None
    """None when the folder has no `_edition.md` (masthead from site.yaml `paper`)."""
    articles: tuple[ArticleNode, ...]
    """In file-name order; the graph sorts by page and order."""


@dataclass(frozen=True)
class ContentSet:
    """Every source under `content/`, checked; `load_sources` raises instead of returning errors."""

    editions: tuple[EditionContent, ...]
    """Oldest first."""
    pages: tuple[PageSource, ...]
    """Sorted by path."""
    warnings: tuple[Diagnostic, ...] = ()
