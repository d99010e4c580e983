"""Paragraphs -> articles: headline groups, bylines, cross references, captions.

Walks each page's paragraphs in reading order. A headline group (one to
three headline lines, then any byline lines) opens an article; the
paragraphs after it are its body, the first one giving up its dateline and
byline. Around that:

- a paragraph of nothing but cross references that ends its article
  becomes the article's `see_also`; one inside a sentence, or with more of
  the article after it (`(下转第三版)` … `(上接第一版)`), stays in the text;
- a photo caption never joins an article: a paragraph that reads as one
  (`图为…`, `……摄`), a lone photo credit, or a lone paragraph between
  articles, set apart by a wider gap or after the article's closing
  reference or credit (the seed's `11月6-7日,2025火炬论坛…`);
- boxes (`■记者手记`, `编者按:…`) stay in the article as paragraphs, and the
  line under a box label is the box's title, not a new article;
- text at the top of a page before any headline continues the article
  before it (a page break), or is a caption when it stands alone.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ssg.diagnostics import Diagnostic, warning
from ssg.ingest.bylines import (
    looks_like_names,
    make_name_splitter,
    parse_byline_line,
    split_lead,
)
from ssg.ingest.continuations import Tagger, opens_new_sentence
from ssg.ingest.crossrefs import find_references, reference_paragraph
from ssg.ingest.heuristics import DEFAULT_HEURISTICS, Heuristics
from ssg.ingest.model import Article, Block, SeeAlso
from ssg.ingest.segment import Segmenter
from ssg.ingest.shapes import (
    HEADLINE_MAX_CHARS,
    Lexicon,
    bare,
    credit_text,
    ends_mid_sentence,
    ends_sentence,
    is_box_label,
    looks_like_headline,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageBlocks:
    """One page's paragraphs, in reading order."""

    page: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ArticlesRead:
    articles: tuple[Article, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass
class _Draft:
    """An article being read; frozen into an `Article` at the end."""

    kind: str
    page: int
    line: int
    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    column: str | None = None
    dateline: str | None = None
    byline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    see_also: list[SeeAlso] = field(default_factory=list)
    references: list[tuple[int, str, tuple[SeeAlso, ...]]] = field(default_factory=list)
    """Reference paragraphs as read: (paragraphs before it, text as printed, references)."""
    byline_first: bool = False
    """A byline line stood above the dateline (本报记者 王某 / 本报北京11月9日电 …)."""
    credit: str | None = None
    closed: bool = False
    """Its closing reference or end credit has been read."""
    lead_read: bool = False

    def add_references(self, text: str, refs: tuple[SeeAlso, ...]) -> None:
        self.references.append((len(self.paragraphs), text, refs))
        self.closed = True

    def settle_references(self) -> None:
        """References that end the article become `see_also`; one with more of the
        article after it (`(下转第三版)` before the continued text, `(上接第一版)`)
        stays in the body where it stands, so the text keeps the paper's order."""
        paragraphs = list(self.paragraphs)
        see_also = list(self.see_also)
        for at, text, refs in reversed(self.references):
            if at < len(self.paragraphs):
                paragraphs.insert(at, text)
            else:
                see_also[:0] = refs
        self.paragraphs, self.see_also, self.references = paragraphs, see_also, []

    def freeze(self, order: int) -> Article:
        self.settle_references()
        return Article(
            title=self.title,
            kind=self.kind,
            page=self.page,
            order=order,
            kicker=self.kicker,
            subtitle=self.subtitle,
            column=self.column,
            dateline=self.dateline,
            byline=self.byline,
            see_also=tuple(self.see_also),
            paragraphs=tuple(self.paragraphs),
            byline_first=self.byline_first,
            credit=self.credit,
            line=self.line,
        )


def headed_by(text: str, nxt: str, tagged: Tagger | None = None, is_word: Lexicon | None = None) -> bool:
    """Heuristic: a line too long to look like a headline still is one when a lead follows it.

    A line of up to 40 characters that ends no sentence, followed by a
    dateline (`本报讯(记者 …)`) or a byline line, heads an article; so does a
    headline-shaped line too long for a run without a space
    (`……有限公司……项目签约落户某区`) followed by a block that opens a
    sentence of its own (`近日,…`: `opens_new_sentence`).
    """
    if len(bare(text)) > HEADLINE_MAX_CHARS or ends_sentence(text) or ends_mid_sentence(text):
        return False
    if split_lead(nxt).dateline is not None or parse_byline_line(nxt) is not None:
        return True
    return looks_like_headline(text, is_word, max_run=HEADLINE_MAX_CHARS) and opens_new_sentence(text, nxt, tagged)


def _points_to(text: str, page: int) -> bool:
    """Does the text say the article goes on at `page` (`下转第三版`)?"""
    return any("转" in ref.text and ref.pages == str(page) for ref in find_references(text))


def build_articles(
    pages: Sequence[PageBlocks],
    *,
    source: str,
    segmenter: Segmenter | None = None,
    heuristics: Heuristics = DEFAULT_HEURISTICS,
    columns: Sequence[tuple[int, str]] = (),
) -> ArticlesRead:
    """Read articles from the pages' paragraphs. Pure.

    `columns` are (line, name) column hints from `专栏:` lines; each names
    the column of the first article after it that has none of its own.
    """
    reader = _Reader(heuristics, segmenter, source, typical_gap(pages))
    for page in pages:
        reader.read_page(page.page, page.blocks)
    return reader.finish(columns)


def typical_gap(pages: Sequence[PageBlocks]) -> int:
    """The usual number of blank lines between paragraphs (the most common gap)."""
    gaps = Counter(b.blank_before for p in pages for b in p.blocks[1:])
    if not gaps:
        return 1
    return max(gaps.items(), key=lambda kv: (kv[1], -kv[0]))[0]


class _Reader:
    def __init__(self, heuristics: Heuristics, seg: Segmenter | None, source: str, gap: int):
        self.heuristics = heuristics
        self.source = source
        self.gap = gap
        self.is_word = seg.is_word if seg else None
        self.splits_word = seg.splits_word if seg else (lambda a, b: False)
        self.tagged = seg.tagged if seg else None
        self.split_name = make_name_splitter(seg.cut, seg.is_word) if seg else None
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        """The news article receiving text."""
        self.diagnostics: list[Diagnostic] = []

    # -- the walk ---------------------------------------------------------------

    def read_page(self, page: int, blocks: Sequence[Block]) -> None:
        h = self.heuristics
        headed = False  # a headline has been read on this page
        under_headline = False  # the block before belongs to the current headline group
        warned_headless = False
        last_caption: _Draft | None = None
        i = 0
        while i < len(blocks):
            block = blocks[i]
            text = block.text
            caption = None
            refs = reference_paragraph(text)
            if refs:
                if not headed:
                    continued = self._continued(refs, page)
                    if continued is not None:
                        self.current, warned_headless = continued, True
                target = self.current or self._untitled(block, page)
                target.add_references(text, refs)
            elif h.is_photo_credit(text) and not under_headline:
                if last_caption is not None:
                    last_caption.paragraphs.append(text)
                    caption = last_caption
                else:
                    caption = self._caption(block, page)
            elif self._headline_starts(blocks, i) and not self._is_signature(blocks, i):
                i = self._headline_group(blocks, i, page)
                headed = under_headline = True
                continue
            elif h.is_caption(text) and not under_headline:
                caption = self._caption(block, page)
            elif under_headline:
                self._add(self.current, text)
            elif not headed:
                caption, warned_headless = self._headless(blocks, i, page, warned_headless)
            elif self._is_lone_caption(blocks, i):
                caption = self._caption(block, page)
            else:
                self._add(self.current, text)
            last_caption = caption
            under_headline = False
            i += 1

    def _is_lone_caption(self, blocks: Sequence[Block], i: int) -> bool:
        """Heuristic: is this paragraph a photo caption standing between two articles?

        Guesses yes when only a headline (or the page's end) follows it and it
        is set apart from the article above: by a wider gap than the text's
        usual one, or by that article's closing reference or end credit (the
        seed's `11月6-7日,2025火炬论坛…` after `(相关报道详见2-8版)`).
        """
        return self._lone(blocks, i) and (blocks[i].blank_before > self.gap or self.current.closed)

    def _continued(self, refs: Sequence[SeeAlso], page: int) -> _Draft | None:
        """The article a page-top `(上接第一版)` continues: the one on that page that
        says `(下转第三版)`, else that page's last article."""
        for ref in refs:
            if "接" not in ref.text or not ref.pages.isdigit():
                continue
            on_page = [d for d in self.drafts if d.kind == "news" and d.page == int(ref.pages)]
            for draft in reversed(on_page):
                said = [r.text for _, _, refs in draft.references for r in refs] + draft.paragraphs[-1:]
                if any(_points_to(text, page) for text in said):
                    return draft
            if on_page:
                return on_page[-1]
        return None

    def _headline_starts(self, blocks: Sequence[Block], i: int) -> bool:
        text = blocks[i].text
        if i > 0 and is_box_label(blocks[i - 1].text):
            return False  # the title of a box: ■记者手记 / 让创新之花竞相绽放
        if self.heuristics.starts_fresh(text):
            return False
        if self.heuristics.is_headline(text, self.is_word):
            return True
        return i + 1 < len(blocks) and headed_by(text, blocks[i + 1].text, self.tagged, self.is_word)

    def _is_signature(self, blocks: Sequence[Block], i: int) -> bool:
        """Heuristic: a name alone after an article's text, before the next headline, signs it."""
        cur = self.current
        if cur is None or not cur.paragraphs or not looks_like_names(blocks[i].text):
            return False
        return self.heuristics.byline_line(blocks[i].text, bare_name=True, is_word=self.is_word) is not None and self._lone(blocks, i)

    def _headline_group(self, blocks: Sequence[Block], i: int, page: int) -> int:
        """Read the headline lines and byline lines from i; returns the index after them."""
        h = self.heuristics
        run = [blocks[i]]
        j = i + 1
        while j < len(blocks):
            text = blocks[j].text
            if h.byline_line(text, bare_name=True, is_word=self.is_word):
                break
            if not (h.is_headline(text, self.is_word) and not h.starts_fresh(text)):
                break
            run.append(blocks[j])
            j += 1
        bylines = []
        while j < len(blocks):
            byline = h.byline_line(blocks[j].text, bare_name=True, is_word=self.is_word)
            if not byline:
                break
            bylines.append(byline)
            j += 1
        for extra in run[:-3]:
            # More lines than a headline group holds: the first ones stand alone.
            self.drafts.append(_Draft("news", page, extra.line, title=extra.text))
        group = run[-3:]
        read = h.headline_group([b.text for b in group])
        draft = _Draft(
            "news", page, group[0].line, title=read.title, kicker=read.kicker, subtitle=read.subtitle, column=read.column
        )
        if bylines:
            draft.byline = " ".join(bylines)
        self.drafts.append(draft)
        self.current = draft
        return j

    def _headless(self, blocks: Sequence[Block], i: int, page: int, warned: bool) -> tuple[_Draft | None, bool]:
        """Text on a page before its first headline: a page break's continuation, or a caption.

        A paragraph that ends no sentence continues the article before (the
        page break cut it); a lone paragraph at the top of a page is a
        caption; anything else is kept with the article before, with a warning.
        """
        block = blocks[i]
        cur = self.current
        if cur is not None and cur.paragraphs and self.heuristics.column_break(
            cur.paragraphs[-1], block.text, splits_word=self.splits_word, is_word=self.is_word, tagged=self.tagged
        ):
            cur.paragraphs[-1] += block.text
            return None, warned
        if self._lone(blocks, i) and (cur is None or i == 0 or block.blank_before > self.gap or cur.closed):
            return self._caption(block, page), warned
        if cur is None:
            self._untitled(block, page)
            self._add(self.current, block.text)
            return None, True
        if not warned:
            self.diagnostics.append(
                warning(self.source, block.line, f"text on page {page} before its first headline: kept with the article above")
            )
        self._add(cur, block.text)
        return None, True

    def _lone(self, blocks: Sequence[Block], i: int) -> bool:
        """Nothing but a headline (or the page's end) follows; a photo credit may."""
        j = i + 1
        if j < len(blocks) and self.heuristics.is_photo_credit(blocks[j].text):
            j += 1
        return j >= len(blocks) or self._headline_starts(blocks, j)

    # -- drafts -------------------------------------------------------------------

    def _caption(self, block: Block, page: int) -> _Draft:
        draft = _Draft("caption", page, block.line, paragraphs=[block.text])
        self.drafts.append(draft)
        return draft

    def _untitled(self, block: Block, page: int) -> _Draft:
        self.diagnostics.append(
            warning(self.source, block.line, "text before any headline: an article without a title", "add a title")
        )
        draft = _Draft("news", page, block.line)
        self.drafts.append(draft)
        self.current = draft
        return draft

    def _add(self, draft: _Draft, text: str) -> None:
        """Add a paragraph; the article's first one gives up its dateline and byline."""
        if not draft.lead_read and not draft.paragraphs:
            draft.lead_read = True
            lead = split_lead(text, self.split_name)
            if lead.dateline and not (draft.byline and lead.byline):
                # A byline line above a dateline that carries its own byline
                # (本报记者 王某 / 本报北京9日电(记者 李某)…) cannot be told in
                # the paper's order by two fields: that lead stays in the text.
                draft.dateline = lead.dateline
                draft.byline_first = draft.byline is not None
                draft.byline = draft.byline or lead.byline
                text = lead.rest
            if not text.strip():
                return
        draft.paragraphs.append(text)
        draft.closed = self.heuristics.is_end_credit(text)
        draft.credit = credit_text(text) if draft.closed else None  # the credit that ends it, if any

    def finish(self, columns: Sequence[tuple[int, str]]) -> ArticlesRead:
        for line, name in columns:
            target = next((d for d in self.drafts if d.kind == "news" and d.line > line), None)
            if target is not None and target.column is None:
                target.column = name
        for d in self.drafts:
            d.settle_references()
            if d.kind == "news" and d.title and not d.paragraphs and not d.see_also:
                self.diagnostics.append(warning(self.source, d.line, f"headline with no text: {d.title}"))
        articles = tuple(d.freeze(n) for n, d in enumerate(self.drafts, 1))
        return ArticlesRead(articles, tuple(self.diagnostics))
