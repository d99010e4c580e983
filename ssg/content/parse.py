"""One content file's text -> one typed source. Pure: the path only names the file and its kind."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

from ssg.content.model import (
    ArticleSource,
    EditionSource,
    InitiativeSource,
    PageSource,
    SeeAlsoRef,
    Source,
)
from ssg.content.schema import (
    ARTICLE_KEYS,
    EDITION_KEYS,
    INITIATIVE_KEYS,
    PAGE_KEYS,
    SLUG_RE,
    read_meta,
)
from ssg.diagnostics import Collector, SsgError, error
from ssg.frontmatter import Document, parse_document

EDITION_FILE = "_edition.md"
INDEX_FILE = "index.md"
LIST_MARKER = "<!-- list -->"
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
NAME_RE = re.compile(r"(?P<order>\d{2,})-(?P<slug>.*)")
"""An article or list item's file or folder name: two-digit order, then the slug."""

KINDS = ("edition", "article", "initiative", "page")


def classify(path: str) -> str:
    """The kind of file `path` is, from where it sits: edition, article, initiative or page.

    content/editions/<date>/_edition.md, <date>/NN-slug.md and <date>/NN-slug/index.md
    are the edition and its articles; deeper files are list items; .../pages/*.md free pages.
    """
    parts = PurePosixPath(path).parts
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] == "editions" and i + 1 < len(parts) - 1 and DATE_RE.fullmatch(parts[i + 1]):
            rest = parts[i + 2:]
            if rest == (EDITION_FILE,):
                return "edition"
            if len(rest) == 1 or (len(rest) == 2 and rest[1] == INDEX_FILE):
                return "article"
            return "initiative"
    if len(parts) >= 2 and parts[-2] == "pages":
        return "page"
    raise SsgError(error(path, None, "not a content file: expected content/editions/<date>/... or content/pages/*.md"))


def parse_source(text: str, path: str, kind: str | None = None) -> Source:
    """Parse one file. `kind` defaults to `classify(path)`. Raises SsgError with every problem in the file."""
    kind = kind or classify(path)
    doc = parse_document(text, path)
    doc = replace(doc, body_line=_first_text_line(text, doc.body_line))
    diags = Collector()
    parser = {"edition": _edition, "article": _article, "initiative": _initiative, "page": _page}[kind]
    source = parser(doc, path, diags)
    diags.raise_if_errors()
    return source


def _first_text_line(text: str, line: int) -> int:
    """The body's first non-blank line: `parse_document` strips blank lines the line count must skip."""
    lines = text.split("\n")
    i = line - 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i + 1 if i < len(lines) else line


def file_name_parts(path: str) -> tuple[int | None, str]:
    """(order, slug) from `03-slug.md` or `03-slug/index.md`; (None, stem) when there is no NN- prefix."""
    p = PurePosixPath(path)
    name = p.parent.name if p.name == INDEX_FILE else p.stem
    m = NAME_RE.fullmatch(name)
    return (int(m["order"]), m["slug"]) if m else (None, name)


def _slug(meta: dict, doc: Document, path: str, diags: Collector) -> str:
    if "slug" in meta:
        return meta["slug"]
    if "slug" in doc.meta:  # present but invalid: already reported
        return ""
    _, slug = file_name_parts(path)
    if not slug:
        diags.error(path, None, "empty slug: the file name has nothing after its 'NN-' order", "name it like 03-guo-jia-gao-xin-qu.md")
    elif not SLUG_RE.fullmatch(slug):
        diags.error(path, None, f"the slug in the file name must be ASCII letters, digits and '-', not {slug!r}",
                    "rename the file, or set 'slug' in the front matter")
    return slug


def _edition(doc: Document, path: str, diags: Collector) -> EditionSource:
    meta = read_meta(doc, EDITION_KEYS, path, diags)
    folder = PurePosixPath(path).parent.name
    date = meta.get("date")
    if date is not None and DATE_RE.fullmatch(folder) and date.isoformat() != folder:
        diags.error(path, doc.meta_lines.get("date"), f"date {date.isoformat()} does not match the folder {folder}")
    return EditionSource(
        path=path,
        date=date,
        paper=meta.get("paper"),
        paper_en=meta.get("paper_en"),
        publisher=meta.get("publisher"),
        cn=meta.get("cn"),
        postal_code=meta.get("postal_code"),
        weekday=meta.get("weekday"),
        number=meta.get("number"),
        total_number=meta.get("total_number"),
        page_count=meta.get("page_count"),
        page_names=meta.get("pages", ()),
        source=meta.get("source"),
        body=doc.body,
        body_line=doc.body_line,
    )


def split_list(body: str, body_line: int, path: str, diags: Collector) -> tuple[str, str, int | None, int | None]:
    """(intro, closing, closing's line, marker's line): a `<!-- list -->` line marks where the list stands."""
    lines = body.split("\n")
    marks = [i for i, line in enumerate(lines) if line.strip() == LIST_MARKER]
    if not marks:
        return body, "", None, None
    for extra in marks[1:]:
        diags.error(path, body_line + extra, f"a second '{LIST_MARKER}' line (the first is on line {body_line + marks[0]})")
    i = marks[0]
    intro = "\n".join(lines[:i]).strip("\n")
    after = lines[i + 1:]
    skip = next((k for k, line in enumerate(after) if line.strip()), 0)
    closing = "\n".join(after).strip("\n")
    return intro, closing, body_line + i + 1 + skip, body_line + i


def _article(doc: Document, path: str, diags: Collector) -> ArticleSource:
    meta = read_meta(doc, ARTICLE_KEYS, path, diags)
    kind = meta.get("kind", "news")
    if kind != "caption" and doc.meta.get("title") is None:
        line = doc.meta_lines.get("title", 1)
        diags.error(path, line, "missing required key 'title'", "only a caption (kind: caption) may go without one")
    see_also = tuple(
        SeeAlsoRef(text=text or f"详见{_pages_label(pages)}版", pages=pages, line=doc.meta_lines.get("see_also"))
        for text, pages in meta.get("see_also", ())
    )
    intro, closing, closing_line, list_line = split_list(doc.body, doc.body_line, path, diags)
    return ArticleSource(
        path=path,
        slug=_slug(meta, doc, path, diags),
        title=meta.get("title"),
        page=meta.get("page", 0),
        order=meta.get("order", 0),
        kind=kind,
        kicker=meta.get("kicker"),
        subtitle=meta.get("subtitle"),
        column=meta.get("column"),
        dateline=meta.get("dateline"),
        byline=meta.get("byline"),
        see_also=see_also,
        list_name=meta.get("list"),
        list_count=meta.get("list_count"),
        tags=meta.get("tags", ()),
        summary=meta.get("summary"),
        body=intro,
        body_line=doc.body_line,
        closing=closing,
        closing_line=closing_line,
        list_line=list_line,
    )


def _pages_label(pages: tuple[int, ...]) -> str:
    if len(pages) > 2 and list(pages) == list(range(pages[0], pages[-1] + 1)):
        return f"{pages[0]}-{pages[-1]}"
    return "、".join(str(p) for p in pages)


def _initiative(doc: Document, path: str, diags: Collector) -> InitiativeSource:
    meta = read_meta(doc, INITIATIVE_KEYS, path, diags)
    intro, closing, closing_line, list_line = split_list(doc.body, doc.body_line, path, diags)
    return InitiativeSource(
        path=path,
        slug=_slug(meta, doc, path, diags),
        title=meta.get("title", ""),
        number=meta.get("number", 0),
        goal=meta.get("goal"),
        list_name=meta.get("list"),
        marker=meta.get("marker"),
        tags=meta.get("tags", ()),
        body=intro,
        body_line=doc.body_line,
        closing=closing,
        closing_line=closing_line,
        list_line=list_line,
    )


def _page(doc: Document, path: str, diags: Collector) -> PageSource:
    meta = read_meta(doc, PAGE_KEYS, path, diags)
    return PageSource(
        path=path,
        slug=_slug(meta, doc, path, diags),
        title=meta.get("title", ""),
        summary=meta.get("summary"),
        order=meta.get("order"),
        body=doc.body,
        body_line=doc.body_line,
    )
