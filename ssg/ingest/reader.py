"""Issue text -> `Edition`: the one function that knows the order of the reading steps.

normalise -> page headers and web chrome (per line) -> masthead (top of the
front page) -> paragraphs (wrapping and column breaks undone, per page) ->
articles. Pure: text in, model out; warnings ride along in
`Edition.diagnostics`, errors raise SsgError.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from ssg.config import SiteConfig
from ssg.diagnostics import Diagnostic, SsgError, error, warning
from ssg.ingest.articles import PageBlocks, build_articles
from ssg.ingest.blocks import join_pieces, measure_layout, parse_pieces
from ssg.ingest.dates import date_from_filename, weekday_matches, weekday_name
from ssg.ingest.heuristics import DEFAULT_HEURISTICS, Heuristics
from ssg.ingest.masthead import MastheadRead, parse_masthead
from ssg.ingest.model import Edition, Masthead, PageInfo
from ssg.ingest.normalise import normalise_text
from ssg.ingest.pages import PageHeader, parse_column_line, parse_source_line
from ssg.ingest.segment import Segmenter

__all__ = ["date_from_filename", "read_edition"]

log = logging.getLogger(__name__)


@dataclass
class _Page:
    number: int
    name: str | None = None
    line: int | None = None
    header: PageHeader | None = None
    lines: list[tuple[int, str | None]] = field(default_factory=list)

    def has_text(self) -> bool:
        return any(text for _, text in self.lines)


@dataclass
class _Layout:
    """What the line pass found: pages, notes, column hints."""

    pages: list[_Page]
    notes: list[tuple[int, str]]
    columns: list[tuple[int, str]]
    source_lines: list[tuple[int, PageHeader]]
    """Dated source lines among the chrome: 《人民日报》(2025年11月10日 01版)."""


def read_edition(
    text: str,
    *,
    source: str,
    config: SiteConfig,
    date: dt.date | None = None,
    heuristics: Heuristics = DEFAULT_HEURISTICS,
) -> Edition:
    """Read one issue's decoded text into an `Edition`.

    `date` (from --date or the file's name) dates an issue whose masthead
    has none. Articles come with titles, bylines, captions and cross
    references, not yet with lists, tags or slugs.
    """
    diagnostics: list[Diagnostic] = []
    text = normalise_text(text, config.ingest)
    layout = _split_lines(text.split("\n"), heuristics)
    front = next((p for p in layout.pages if p.has_text()), layout.pages[0])
    read = parse_masthead([(n, t) for n, t in front.lines if t is not None])
    if read.line is not None:
        taken = set(read.lines)
        front.lines = [(n, None if n in taken else t) for n, t in front.lines]
        layout.notes.extend((read.line, note) for note in read.notes)
    masthead = _masthead(read, layout, config, date, source, diagnostics)

    segmenter = Segmenter(tuple(config.keywords.user_words))
    pieces = [(page, parse_pieces(page.lines)) for page in layout.pages]
    text_layout = measure_layout([b for _, blocks in pieces for b in blocks])
    page_blocks = [
        PageBlocks(
            page.number,
            tuple(join_pieces(blocks, text_layout, splits_word=segmenter.splits_word, is_word=segmenter.is_word,
                              tagged=segmenter.tagged, column_break=heuristics.column_break)),
        )
        for page, blocks in pieces
    ]
    read_articles = build_articles(
        page_blocks, source=source, segmenter=segmenter, heuristics=heuristics, columns=layout.columns
    )
    diagnostics.extend(read_articles.diagnostics)
    pages = _page_infos(layout.pages)
    notes = tuple(note for _, note in sorted(layout.notes, key=lambda ln: ln[0]))
    diagnostics.sort(key=lambda d: (d.line or 0, d.message))
    return Edition(
        masthead=masthead,
        articles=read_articles.articles,
        pages=pages,
        notes=notes,
        source=source,
        diagnostics=tuple(diagnostics),
    )


def _split_lines(lines: list[str], h: Heuristics) -> _Layout:
    """Sort lines into pages; take out page headers, 专栏 lines and web chrome."""
    pages = [_Page(1)]
    notes: list[tuple[int, str]] = []
    columns: list[tuple[int, str]] = []
    source_lines: list[tuple[int, PageHeader]] = []
    sections: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        page = pages[-1]
        stripped = line.strip()
        if not stripped:
            page.lines.append((number, ""))
            continue
        if h.is_chrome(stripped):
            notes.append((number, stripped))
            page.lines.append((number, None))
            dated = parse_source_line(stripped)
            if dated is not None:
                source_lines.append((number, dated))
            continue
        header = h.page_header(stripped)
        if header is not None:
            if header.rest:
                notes.append((number, header.rest))
            page_number = _page_number(header, pages, sections)
            if page_number != page.number and (page.has_text() or page.header is not None):
                page = _Page(page_number)
                pages.append(page)
            page.number = page_number
            page.name = page.name or header.name
            page.line = page.line or number
            page.header = page.header or header
            page.lines.append((number, None))
            continue
        column = parse_column_line(stripped)
        if column is not None:
            notes.append((number, stripped))
            if column:
                columns.append((number, column))
            page.lines.append((number, None))
            continue
        page.lines.append((number, line))
    return _Layout(pages, notes, columns, source_lines)


def _masthead(
    read: MastheadRead, layout: _Layout, config: SiteConfig, given: dt.date | None, source: str, diagnostics: list
) -> Masthead:
    """The masthead as read, completed from site.yaml's `paper`, dated, its weekday checked."""
    # Where the text dates itself: the masthead, else a running head, else a source line.
    dated = [(p.line, p.header) for p in layout.pages if p.header is not None and p.header.date]
    dated += layout.source_lines
    header = dated[0][1] if dated else None
    printed = read.date or (header.date if header else None)
    printed_line = read.date_line if read.date else (dated[0][0] if dated else None)
    if printed is None and given is None:
        raise SsgError(
            error(
                source,
                None,
                "no date: the text has no masthead date; give --date YYYY-MM-DD or name the file YYYY-MM-DD.txt",
            )
        )
    if printed is not None and given is not None and printed != given:
        diagnostics.append(
            warning(source, printed_line, f"the text is dated {printed.isoformat()}, not {given.isoformat()} as given: using the text's date")
        )
    date = printed or given
    if read.weekday and read.date and not weekday_matches(read.date, read.weekday):
        diagnostics.append(
            warning(
                source,
                read.date_line,
                f"masthead weekday {read.weekday} does not match {read.date.isoformat()}, a {weekday_name(read.date)}",
            )
        )
    for page in layout.pages:
        h = page.header
        if h and h.date and h.weekday and not weekday_matches(h.date, h.weekday):
            diagnostics.append(
                warning(source, page.line, f"page {page.number}: weekday {h.weekday} does not match {h.date.isoformat()}, a {weekday_name(h.date)}")
            )
    paper = config.paper
    header_paper = next((h.paper for _, h in dated if h.paper), None)
    return Masthead(
        paper=read.paper or header_paper or paper.name,
        paper_en=read.paper_en or paper.name_en,
        publisher=read.publisher or paper.publisher,
        cn=read.cn or paper.cn,
        postal_code=read.postal_code or paper.postal_code,
        date=date,
        weekday=read.weekday or (header.weekday if header and header.date == date else None),
        number=read.number,
        total_number=read.total_number,
        page_count=read.page_count,
        line=read.line,
    )


def _page_number(header: PageHeader, pages: list[_Page], sections: dict[str, int]) -> int:
    """Heuristic: the page's number in the edition, for a page of a paper printed in sections too.

    A plain header gives it (`第02版`). Section pages (`A02版`, `B03版`)
    count on from the sections before: a section's pages follow the highest
    page number a header gave before its first page (A01..A16 are 1..16,
    then B01 is 17), so every page has its own number in reading order; the
    printed label (B01) is kept beside it.
    """
    if header.section is None:
        return header.number
    if header.section not in sections:
        sections[header.section] = max((p.number for p in pages if p.header is not None), default=0)
    return sections[header.section] + header.number


def _page_infos(pages: list[_Page]) -> tuple[PageInfo, ...]:
    """One PageInfo per page number that has a header or text, in order of appearance."""
    seen: dict[int, PageInfo] = {}
    for page in pages:
        if not (page.has_text() or page.header):
            continue
        label = page.header.label if page.header is not None else None
        known = seen.get(page.number)
        if known is None:
            seen[page.number] = PageInfo(page.number, page.name, page.line, label)
        elif known.name is None and page.name:
            seen[page.number] = PageInfo(page.number, page.name, known.line or page.line, known.label or label)
    return tuple(seen.values())
