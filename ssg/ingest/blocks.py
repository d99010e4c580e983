"""Lines -> paragraphs: undo hard wrapping and repair column breaks.

Plain text from an e-paper or a PDF comes in three layouts, often mixed:
paragraphs separated by blank lines, paragraphs on single lines with no blank
line between them, and hard-wrapped lines (a PDF's column width, paragraphs
marked by indentation). Every non-blank line starts as a piece; two pieces
become one paragraph when the first was wrapped or cut by a column or page
break. Headlines are never glued to what follows them.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ssg.ingest.bylines import SURNAMES, parse_byline_line, split_lead
from ssg.ingest.continuations import (
    Tagger,
    continues_after_headline,
    opens_new_sentence,
    opens_on_speaker,
)
from ssg.ingest.crossrefs import reference_paragraph
from ssg.ingest.list_markers import leading_marker
from ssg.ingest.model import Block
from ssg.ingest.shapes import (
    HEADLINE_MAX_CHARS,
    ends_mid_sentence,
    ends_sentence,
    is_end_credit,
    is_photo_credit,
    looks_like_caption,
    looks_like_headline,
    starts_box,
    starts_mid_sentence,
    starts_on_particle,
)

log = logging.getLogger(__name__)

Lexicon = Callable[[str], bool]
WordSplit = Callable[[str, str], bool]


@dataclass(frozen=True)
class Layout:
    """How a text lays out its paragraphs (measured once per edition)."""

    indented: bool = False
    """Paragraphs start with indentation (so an unindented line continues one)."""
    wrap_width: int | None = None
    """Lines are hard-wrapped at this display width (None: they are not)."""


@dataclass(frozen=True)
class _Piece:
    block: Block
    last_line: int
    """The source line the paragraph so far ends on."""
    last_width: int
    """The display width of that line."""


def parse_pieces(lines: Sequence[tuple[int, str | None]]) -> list[Block]:
    """Every non-blank line as a block, with the blank-line gap above it.

    `lines` are (line number, text) pairs; text None marks a line taken out
    before (a page header, web chrome): it separates pieces like a blank
    line but does not widen the gap.
    """
    out: list[Block] = []
    run = widest = 0
    for number, text in lines:
        if text is None:
            widest, run = max(widest, run), 0
            continue
        if not text.strip():
            run += 1
            continue
        widest = max(widest, run)
        out.append(Block(text.strip(), number, blank_before=widest if out else 0, indented=_indented(text)))
        run = widest = 0
    return out


def _indented(line: str) -> bool:
    """One ideographic space or two ASCII ones open the line (a single space is noise)."""
    lead = line[: len(line) - len(line.lstrip())]
    return "\u3000" in lead or len(lead) >= 2


def measure_layout(pieces: Sequence[Block]) -> Layout:
    """Heuristic: are paragraphs marked by indentation, and are lines hard-wrapped?

    Guesses indentation when at least two lines and a fifth of all lines are
    indented. Guesses hard wrapping when at least five lines and two fifths
    of those eight or more characters wide share one display width (give or
    take one), as a PDF column's lines do.
    """
    indented = sum(p.indented for p in pieces)
    layout_indented = indented >= 2 and indented * 5 >= len(pieces)
    longer = [p for p in pieces if display_width(p.text) >= 16]
    widths = Counter(_line_width(p) for p in longer)
    wrap_width = None
    if widths:
        best_width, best_count = max(
            ((w, sum(widths.get(w + d, 0) for d in (-1, 0, 1))) for w in widths), key=lambda wc: (wc[1], wc[0])
        )
        if best_count >= 5 and best_count * 5 >= 2 * len(longer):
            wrap_width = best_width + 1
    return Layout(layout_indented, wrap_width)


# East Asian Wide and Fullwidth characters (unicodedata.east_asian_width "W"/"F").
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def display_width(text: str) -> int:
    """Columns the text fills in print: Chinese characters count two."""
    return len(text) + len(_WIDE.findall(text))


def starts_fresh(text: str) -> bool:
    """Heuristic: does this block open something new, whatever came before it?

    Yes for a dateline (`本报讯`), a byline line, a list marker (`一、`,
    `(一)`, `1.`, `①`), a box (`■`, `编者按`), a cross reference, a photo
    caption or credit, and an end credit (`(作者为…)`).
    """
    return bool(
        split_lead(text).dateline
        or parse_byline_line(text)
        or leading_marker(text)
        or starts_box(text)
        or reference_paragraph(text)
        or looks_like_caption(text)
        or is_photo_credit(text)
        or is_end_credit(text)
    )


def is_column_break(
    prev: str, nxt: str, *, splits_word: WordSplit, is_word: Lexicon | None = None, tagged: Tagger | None = None
) -> bool:
    """Heuristic: were these two blocks one paragraph, cut apart by a column or page break?

    Guesses yes when `nxt` opens with a mark or a particle no paragraph opens
    with (`，`, `的`), when a number or Latin name runs on, or when
    `prev` stops mid-sentence and `nxt` does not start something new: after a
    comma always; after anything else unless one of the two looks like a
    headline. Then only a word cut in two (jieba: `创|业投资`) joins them,
    or, after a headline-like `prev`, a `nxt` that is plainly the rest of its
    sentence rather than an article's start (`continues_after_headline`:
    `……推行“拿地即开工”` / `服务模式,企业…`). A headline is never glued to
    the text after it.
    """
    if starts_mid_sentence(nxt) or continues_number(prev, nxt) or ends_mid_sentence(prev):
        return True  # `…的关系,` / `四是…`: after a comma even a list marker goes on inline
    if (starts_on_particle(nxt, is_word) and not looks_like_headline(nxt, is_word)
            and not _may_open_on_name(prev, nxt, is_word, tagged)):
        return True  # `的高新技术企业,…`
    if ends_sentence(prev) or starts_fresh(nxt) or is_photo_credit(prev) or looks_like_caption(prev):
        return False  # a photo credit (`……摄`) ends its caption
    prev_headline = looks_like_headline(prev, is_word)
    next_headline = looks_like_headline(nxt, is_word)
    if next_headline:
        return splits_word(prev, nxt)
    if prev_headline:
        return (splits_word(prev, nxt) and not opens_on_speaker(nxt)) or continues_after_headline(prev, nxt, tagged)
    # A long headline without a space (`……有限公司……项目签约落户某区`), then `近日,…`: no break.
    return not (looks_like_headline(prev, is_word, max_run=HEADLINE_MAX_CHARS) and opens_new_sentence(prev, nxt, tagged))


def _may_open_on_name(prev: str, nxt: str, is_word: Lexicon | None, tagged: Tagger | None = None) -> bool:
    """After a headline, a particle that is also a surname (于) may open a name: `于海滨告诉记者,…`.

    Not when the block before ends on what takes 于 as a particle: a word
    with it (`致力|于`, `位|于`) or a verb (`专注|于人工智能`).
    """
    t = nxt.lstrip()
    if t[:1] not in SURNAMES or not looks_like_headline(prev, is_word):
        return False
    tail = prev.rstrip()
    if is_word and any(is_word(tail[-k:] + t[0]) for k in (1, 2, 3) if len(tail) >= k):
        return False
    last = tagged(tail[-6:]) if tagged else []
    return not (last and last[-1][1] == "v")


# Measure words and units that follow a number: 25 / 家, 3.5 / 亿元.
_UNITS = frozenset("个家项条件位名人次亿万千百元年月日天岁倍台套户座所批种类米吨度公里亩克时分秒号期版章节届")


def continues_number(prev: str, nxt: str) -> bool:
    """Heuristic: a number or a Latin name was cut (`企业25` / `家,形成…`, `与Open` / `Source基金会`).

    A Chinese line that ends in the middle of digits or Latin words goes on
    in the next block when that one opens with more of them or with a unit.
    """
    a, b = prev[-1:], nxt[:1]
    if a.isdigit():
        return b.isdigit() or b in _UNITS
    return a.isascii() and a.isalpha() and b.isascii() and b.isalpha() and _has_han(prev)


def _has_han(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def join_pieces(
    pieces: Sequence[Block],
    layout: Layout,
    *,
    splits_word: WordSplit,
    is_word: Lexicon | None = None,
    tagged: Tagger | None = None,
    column_break: Callable[..., bool] = is_column_break,
) -> list[Block]:
    """Join wrapped lines and column-broken paragraphs into paragraphs."""
    out: list[_Piece] = []
    for piece in pieces:
        if out and _belongs_to(out[-1], piece, layout, splits_word, is_word, tagged, column_break):
            prev = out[-1].block
            log.debug("line %d: joined to the paragraph of line %d", piece.line, prev.line)
            text = prev.text + _joint(prev.text, piece.text) + piece.text
            out[-1] = _Piece(replace(prev, text=text), piece.line, _line_width(piece, layout))
        else:
            out.append(_Piece(piece, piece.line, _line_width(piece, layout)))
    return [p.block for p in out]


def _belongs_to(prev: _Piece, piece: Block, layout: Layout, splits_word, is_word, tagged, column_break) -> bool:
    text = prev.block.text
    same_chunk = piece.line == prev.last_line + 1
    if same_chunk and not starts_mid_sentence(piece.text) and not starts_fresh(piece.text):
        if layout.indented and not piece.indented and not looks_like_headline(text, is_word):
            return True  # an unindented line goes on with the paragraph above
        if layout.wrap_width and prev.last_width >= layout.wrap_width - 2:
            return True  # the line above was filled to the column's width
    if layout.indented and piece.indented and not starts_mid_sentence(piece.text):
        return False
    return column_break(text, piece.text, splits_word=splits_word, is_word=is_word, tagged=tagged)


def _line_width(piece: Block, layout: Layout | None = None) -> int:
    if layout is not None and not layout.wrap_width:
        return 0  # only hard-wrapped text needs it
    # An indented first line is as full as the others: count the usual two-character indent.
    return display_width(piece.text) + (4 if piece.indented else 0)


def _joint(left: str, right: str) -> str:
    """Nothing between Chinese text; a space between two Latin words a line break parted."""
    a, b = left[-1:], right[:1]
    return " " if a.isascii() and a.isalpha() and b.isascii() and b.isalpha() else ""
