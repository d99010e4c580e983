"""Enumerated lists of policy items (倡议, 举措, 原则) -> initiatives.

An article's body is searched with named heuristics, one per way papers print
a list (`HEURISTICS`). The longest list found wins; its items become
`Initiative`s with a title (the lead clause), a goal (a parallel second clause,
when every item has one) and a body, and the article's text is split into the
introduction before the list and the closing after it. Items holding a list of
another style (一、 heads with (一) items) carry it as nested initiatives.

A name in the headline (国家高新区创新发展“十个一”倡议) names the list, and its
count (十 = 10) is checked against the items found.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from itertools import pairwise

from ssg.diagnostics import Diagnostic, warning
from ssg.ingest.list_markers import LAST, STYLE_NAMES, Marker, markers_in
from ssg.ingest.model import Article, Initiative
from ssg.ingest.numerals import CN_NUMERAL_CHARS, parse_cn_number
from ssg.ingest.parallel_items import Tagger, find_same_openings, split_semicolon_items
from ssg.ingest.shapes import balanced

log = logging.getLogger(__name__)

PARALLEL = "parallel-lead-clauses"
DASH = "dash-items"
SAME_OPENING = "same-opening"
SEMICOLON = "semicolon-items"
HEURISTICS = (PARALLEL, DASH, *STYLE_NAMES, SAME_OPENING, SEMICOLON)
"""Every list heuristic by name; `ListRules.styles` switches them on and off."""


@dataclass(frozen=True)
class ListRules:
    """Which heuristics run and how strict they are (site.yaml may override)."""

    styles: tuple[str, ...] = HEURISTICS
    min_items: int = 2
    """Numbered items needed for a list (一是 alone is just a sentence)."""
    min_unnumbered: int = 3
    """Paragraphs in a run of parallel lead clauses or dash items."""
    max_clause: int = 12
    """Longest lead clause, in characters, that still reads as a slogan-like title."""
    max_spread: int = 3
    """Largest difference in length between the lead clauses of one list."""
    max_depth: int = 3


@dataclass(frozen=True)
class Item:
    """One item as found: its marker and its text pieces (first piece after the marker)."""

    marker: str | None
    pieces: tuple[str, ...]


@dataclass(frozen=True)
class ListMatch:
    """A list found in a run of paragraphs."""

    style: str
    start: int
    """Index of the paragraph where the list begins."""
    end: int
    """Index of the first paragraph after the list."""
    items: tuple[Item, ...]
    intro: str = ""
    """Text before the first marker in the list's first paragraph (inline lists)."""
    tail: str = ""
    """Text after an inline list's last item in the same paragraph (see `_inline_tail`)."""


# -- lead clauses -------------------------------------------------------------

_CLAUSE = r"[^\s，,。；;：:！？!?、（）()]"
_SENTENCE_END = "。；;！!？?"
_CLAUSE_END = "，,。；;：:！？!?"
_STRIP = "，,。；;：:、 \u3000"
# Lead words that open ordinary prose rather than a parallel slogan.
_PROSE_OPENERS = re.compile(r"^(近日|日前|目前|当前|此外|同时|与此同时|近年来|今年以来|去年以来|据悉|据了解|记者|会上|会议|他说|她说|为此)")


def parallel_lead(text: str, rules: ListRules = ListRules()) -> tuple[str, str, str] | None:
    """绘好一张蓝图,推动愿景落地。锚定…… -> ("绘好一张蓝图", "推动愿景落地", "锚定……").

    Two short clauses, one comma between them and a full stop after: the form of
    the seed's 十个一 and of most 倡议 and 举措 lists.
    """
    m = re.match(rf"({_CLAUSE}{{3,{rules.max_clause}}})[，,]({_CLAUSE}{{3,{rules.max_clause}}})。", text)
    if not m or _PROSE_OPENERS.match(m.group(1)):
        return None
    if re.search(r"\d", m.group(1) + m.group(2)):
        return None  # figures belong in a body, not a slogan
    if not (balanced(m.group(1)) and balanced(m.group(2))):
        return None  # “……，……。” opens a quotation, not a pair of slogans
    return m.group(1), m.group(2), text[m.end():].lstrip(_STRIP)


def split_lead(text: str) -> tuple[str, str]:
    """An item's title and the rest, when its lead is not a parallel pair.

    A short head line (总体要求) is the title; otherwise a short first sentence
    (坚持创新驱动。), otherwise the first clause.
    """
    text = text.lstrip(_STRIP)
    if not any(c in _SENTENCE_END for c in text) and len(text) <= 30 and not any(c in "，," for c in text):
        return text.strip(), ""
    cut = next((i for i, c in enumerate(text) if c in _SENTENCE_END), len(text))
    if cut <= 24 and not any(c in "，,：:" for c in text[:cut]):
        return text[:cut].strip(), text[cut + 1:].lstrip(_STRIP)
    cut = next((i for i, c in enumerate(text) if c in _CLAUSE_END), len(text))
    return text[:cut].strip(), text[cut + 1:].lstrip(_STRIP)


def _is_parallel(leads: list[tuple[str, str, str] | None], rules: ListRules) -> bool:
    if not leads or any(lead is None for lead in leads):
        return False
    for part in (0, 1):
        lengths = [len(lead[part]) for lead in leads]
        if max(lengths) - min(lengths) > rules.max_spread:
            return False
    return True


# -- finding lists ------------------------------------------------------------


def find_parallel_leads(paragraphs: tuple[str, ...], rules: ListRules) -> list[ListMatch]:
    """Heuristic "parallel-lead-clauses": >= 3 consecutive paragraphs opening with A,B。"""
    found = []
    i = 0
    while i < len(paragraphs):
        j = i
        while j < len(paragraphs) and parallel_lead(paragraphs[j], rules):
            j += 1
        span = _parallel_span([parallel_lead(p, rules) for p in paragraphs[i:j]], rules)
        if span is not None:
            a, b = span
            found.append(ListMatch(PARALLEL, i + a, i + b, tuple(Item(None, (p,)) for p in paragraphs[i + a:i + b])))
        i = max(j, i + 1)
    return found


def _parallel_span(leads: list, rules: ListRules) -> tuple[int, int] | None:
    """The longest stretch of a run whose lead clauses are parallel (a paragraph of
    ordinary prose that happens to open with two clauses may stand next to the list)."""
    n = len(leads)
    for size in range(n, rules.min_unnumbered - 1, -1):
        for a in range(n - size + 1):
            if _is_parallel(leads[a:a + size], rules):
                return a, a + size
    return None


_DASH = re.compile(r"^(——|—|－－|--)(?=\S)")


def find_dash_items(paragraphs: tuple[str, ...], rules: ListRules) -> list[ListMatch]:
    """Heuristic "dash-items": >= 3 consecutive paragraphs opening with ——坚持……"""
    found = []
    i = 0
    while i < len(paragraphs):
        j = i
        while j < len(paragraphs) and _DASH.match(paragraphs[j]) and len(paragraphs[j]) > 6:
            j += 1
        if j - i >= rules.min_unnumbered:
            items = tuple(Item("——", (_DASH.sub("", p, count=1),)) for p in paragraphs[i:j])
            found.append(ListMatch(DASH, i, j, items))
        i = max(j, i + 1)
    return found


@dataclass(frozen=True)
class _Event:
    para: int
    marker: Marker


def find_numbered(paragraphs: tuple[str, ...], style: str, rules: ListRules) -> list[ListMatch]:
    """Heuristic per marker style: items numbered 1, 2, 3 ... in order.

    Markers may open paragraphs or run inline; an item runs to the next marker.
    When every item is one paragraph (or a piece of one), the list ends with
    the last item's paragraph; when items are sections (a head followed by
    paragraphs), the last one runs on to the end of the text or the next list.
    """
    events = [_Event(j, m) for j, p in enumerate(paragraphs) for m in markers_in(p, style)]
    found = []
    k = 0
    while k < len(events):
        if events[k].marker.value != 1:
            k += 1
            continue
        seq = [events[k]]
        expected = 2
        n = k + 1
        while n < len(events):
            value = events[n].marker.value
            if value == expected or (value == LAST and expected > 1):
                seq.append(events[n])
                expected += 1
                if value == LAST:
                    n += 1
                    break
            elif value == 1 or value > expected:
                break
            n += 1
        stop = events[n].para if n < len(events) and events[n].marker.value == 1 else len(paragraphs)
        if len(seq) >= rules.min_items and not (style == "shou-xian" and len(seq) < 3):
            match = _build_numbered(paragraphs, style, seq, stop)
            if all(re.search(r"[\u4e00-\u9fff]", "".join(item.pieces)) for item in match.items):
                found.append(match)
        k = max(n, k + 1)
    return found


def _build_numbered(paragraphs: tuple[str, ...], style: str, seq: list[_Event], stop: int) -> ListMatch:
    sectioned = any(b.para > a.para + 1 for a, b in pairwise(seq))
    items = []
    for a, b in zip(seq, seq[1:] + [None]):
        first = paragraphs[a.para]
        if b is None:
            last_para = max(stop, a.para + 1) if sectioned else a.para + 1
            pieces = [first[a.marker.end:], *paragraphs[a.para + 1:last_para]]
        elif b.para == a.para:
            pieces = [first[a.marker.end:b.marker.start]]
        else:
            pieces = [first[a.marker.end:], *paragraphs[a.para + 1:b.para]]
            if paragraphs[b.para][:b.marker.start].strip():
                pieces.append(paragraphs[b.para][:b.marker.start])
        items.append(Item(a.marker.text, tuple(p for p in (x.strip() for x in pieces) if p)))
    end = max(stop, seq[-1].para + 1) if sectioned else seq[-1].para + 1
    intro = paragraphs[seq[0].para][:seq[0].marker.start].strip()
    tail = ""
    if not sectioned and len(seq) > 1 and seq[-2].para == seq[-1].para:
        last, tail = _inline_tail(items[-2].pieces, items[-1].pieces[0] if items[-1].pieces else "")
        items[-1] = Item(items[-1].marker, (last,) if last else ())
    return ListMatch(style, seq[0].para, end, tuple(items), intro, tail)


def _inline_tail(previous: tuple[str, ...], last: str) -> tuple[str, str]:
    """Heuristic "inline-list-end": 一是……;二是……;三是……。会议还要求……

    When the items before the last are clauses (ending in ; or , with no full
    stop inside), the last item ends at its first full stop and what follows is
    the text after the list.
    """
    text = "".join(previous).strip()
    if not text or text[-1] not in "；;，," or any(c in "。！？!?" for c in text):
        return last, ""
    cut = next((i for i, c in enumerate(last) if c in "。！？!?"), len(last))
    while cut + 1 < len(last) and last[cut + 1] in "”’」）)":
        cut += 1
    return last[:cut + 1].strip(), last[cut + 1:].strip()


def find_same_opening(paragraphs: tuple[str, ...], rules: ListRules, tagged: Tagger) -> list[ListMatch]:
    """Heuristic "same-opening": >= 3 consecutive paragraphs opening the same way (`大力宣传……`)."""
    return [
        ListMatch(SAME_OPENING, i, j, tuple(Item(None, (p,)) for p in paragraphs[i:j]))
        for i, j, _ in find_same_openings(paragraphs, tagged, rules.min_unnumbered)
    ]


def find_semicolon_items(paragraphs: tuple[str, ...], rules: ListRules, tagged: Tagger) -> list[ListMatch]:
    """Heuristic "semicolon-items": >= 3 `;`-separated items in one paragraph (see parallel_items)."""
    found = []
    for k, paragraph in enumerate(paragraphs):
        split = split_semicolon_items(paragraph, tagged, rules.min_unnumbered)
        if split is not None:
            intro, clauses, tail = split
            found.append(ListMatch(SEMICOLON, k, k + 1, tuple(Item(None, (c,)) for c in clauses), intro, tail))
    return found


def find_lists(
    paragraphs: tuple[str, ...], rules: ListRules = ListRules(), exclude: str | None = None, tagged: Tagger | None = None
) -> list[ListMatch]:
    """Every list any enabled heuristic finds, in no particular priority.

    The unnumbered styles (same-opening, semicolon-items) need `tagged`
    (parts of speech); without it they find nothing.
    """
    found: list[ListMatch] = []
    for style in rules.styles:
        if style == exclude:
            continue
        if style == PARALLEL:
            found += find_parallel_leads(paragraphs, rules)
        elif style == DASH:
            found += find_dash_items(paragraphs, rules)
        elif style in STYLE_NAMES:
            found += find_numbered(paragraphs, style, rules)
        elif style == SAME_OPENING and tagged is not None:
            found += find_same_opening(paragraphs, rules, tagged)
        elif style == SEMICOLON and tagged is not None:
            found += find_semicolon_items(paragraphs, rules, tagged)
    return found


def best_list(
    paragraphs: tuple[str, ...], rules: ListRules = ListRules(), exclude: str | None = None, tagged: Tagger | None = None
) -> ListMatch | None:
    """The list to turn into initiatives.

    A list that lies inside another's span (the (一) items under 一、 heads) is
    that list's nesting, never the outer list. Of the outer lists: the most
    items, then the earliest, then the first heuristic.
    """
    found = find_lists(paragraphs, rules, exclude, tagged)

    def inside(m: ListMatch, other: ListMatch) -> bool:
        return other.start <= m.start and m.end <= other.end and (other.start, other.end) != (m.start, m.end)

    outer = [m for m in found if not any(inside(m, other) for other in found)]
    if not outer:
        return None
    order = {name: i for i, name in enumerate(HEURISTICS)}
    return min(outer, key=lambda m: (-len(m.items), m.start, order.get(m.style, 99)))


# -- building initiatives -------------------------------------------------------


def build_initiatives(
    match: ListMatch, list_name: str | None, rules: ListRules, depth: int = 1, tagged: Tagger | None = None
) -> tuple[Initiative, ...]:
    """Items -> initiatives: title and goal from the lead, nested lists below them."""
    leads = [parallel_lead(item.pieces[0], rules) if item.pieces else None for item in match.items]
    parallel = _is_parallel(leads, rules)
    out = []
    for number, (item, lead) in enumerate(zip(match.items, leads), start=1):
        first = item.pieces[0] if item.pieces else ""
        if parallel:
            title, goal, rest = lead
        else:
            (title, rest), goal = split_lead(first), None
        body = tuple(p for p in (rest, *item.pieces[1:]) if p.strip())
        children: tuple[Initiative, ...] = ()
        closing: tuple[str, ...] = ()
        nested = best_list(body, rules, exclude=match.style, tagged=tagged) if depth < rules.max_depth and body else None
        if nested:
            children = build_initiatives(nested, None, rules, depth + 1, tagged)
            closing = ((nested.tail,) if nested.tail else ()) + body[nested.end:]
            body = body[:nested.start] + ((nested.intro,) if nested.intro else ())
        out.append(Initiative(
            number=number, title=title, goal=goal, paragraphs=body, list_name=list_name,
            marker=item.marker,
            initiatives=children, closing=closing,
        ))
    return tuple(out)


# -- the list's name and count ----------------------------------------------------

_MEASURE = "个条项大点类张件种句方面"
_NAME = re.compile(rf"[“\"「‘]([{CN_NUMERAL_CHARS}]{{1,3}})([{_MEASURE}]|方面)([^”\"」’]{{1,8}})?[”\"」’]")
_ANNOUNCED = re.compile(rf"(?:以下|如下|下列|下述)([{CN_NUMERAL_CHARS}]{{1,3}})(?:个|条|项|点|大)?(?:方面|措施|举措|任务|工作|条|项|点|个)")


def list_name_from_headline(*lines: str | None) -> tuple[str | None, int | None]:
    """“十个一” in a headline line -> ("十个一", 10); slogans without a count give (None, None).

    A name counting one thing (“一件事一次办”) is a slogan too: a list has two items or more.
    """
    for line in lines:
        for m in _NAME.finditer(line or ""):
            count = parse_cn_number(m.group(1))
            if count and count >= 2:  # “一件事一次办”, “一网通办”: a slogan, not a count
                return m.group(0)[1:-1], count
    return None, None


def count_from_intro(intro: tuple[str, ...]) -> int | None:
    """重点抓好以下五方面工作 -> 5, from the paragraph right before the list."""
    if not intro:
        return None
    m = _ANNOUNCED.search(intro[-1])
    return parse_cn_number(m.group(1)) if m else None


def count_initiatives(initiatives: tuple[Initiative, ...]) -> int:
    """All initiatives, nested ones included."""
    return sum(1 + count_initiatives(i.initiatives) for i in initiatives)


def apply_lists(
    article: Article, *, path: str | None = None, rules: ListRules = ListRules(), tagged: Tagger | None = None
) -> tuple[Article, list[Diagnostic]]:
    """The article with its list split out (kind "initiatives"), and count warnings.

    Articles that already carry initiatives (set by an override) and captions
    are returned unchanged. `tagged` (`Segmenter.tagged`) lets the
    unnumbered styles run.
    """
    if article.kind == "caption" or article.initiatives or not article.paragraphs:
        return article, []
    match = best_list(article.paragraphs, rules, tagged=tagged)
    if match is None:
        return article, []
    name, count = list_name_from_headline(article.kicker, article.title, article.subtitle)
    intro = article.paragraphs[:match.start] + ((match.intro,) if match.intro else ())
    if count is None:
        count = count_from_intro(intro)
    initiatives = build_initiatives(match, name, rules, tagged=tagged)
    log.debug("%s: %s list of %d items in %r", path, match.style, len(initiatives), article.title)
    diagnostics = []
    if count is not None and count != len(initiatives):
        announced = f"“{name}”" if name else "the introduction"
        diagnostics.append(warning(
            path, article.line,
            f"{announced} announces {count} items but {len(initiatives)} were found ({match.style})",
            "check the list in the content files and correct them by hand",
        ))
    return replace(
        article, kind="initiatives", paragraphs=intro, initiatives=initiatives,
        closing=((match.tail,) if match.tail else ()) + article.paragraphs[match.end:], list_name=name, list_count=count,
    ), diagnostics
