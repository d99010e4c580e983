"""Enumerated lists of policy items (倡议, 举措, 原则) -> initiatives.

An article's body is searched with named heuristics, one per way papers print
a list (`HEURISTICS`). The longest list found wins; its items become
`Initiative`s with a title (the lead clause), a goal (a parallel second clause,
when every item has one) and a body, and the article's text is split into the
introduction before the list and the closing after it. Items holding a list of
another style (一、 heads with (一) items) carry it as nested initiatives.

A name in the headline (国家高新区创新发展“十个一”倡议) names the list, and its
count (十 = 10) is checked against the items found.

The lead-clause and numbered-marker heuristics live in `lead_clauses` and
`numbered_lists`; the short unnumbered ones (dashes, same openings,
semicolons) are here.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from ssg.diagnostics import Diagnostic, warning
from ssg.ingest.lead_clauses import (
    find_parallel_leads,
    is_parallel,
    parallel_lead,
    split_lead,
)
from ssg.ingest.list_markers import STYLE_NAMES
from ssg.ingest.list_match import (
    DASH,
    DEFAULT_RULES,
    HEURISTICS,
    PARALLEL,
    SAME_OPENING,
    SEMICOLON,
    Item,
    ListMatch,
    ListRules,
)
from ssg.ingest.model import Article, Initiative
from ssg.ingest.numbered_lists import find_numbered
from ssg.ingest.numerals import CN_NUMERAL_CHARS, parse_cn_number
from ssg.ingest.parallel_items import Tagger, find_same_openings, split_semicolon_items

log = logging.getLogger(__name__)

# -- finding lists ------------------------------------------------------------


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
    paragraphs: tuple[str, ...], rules: ListRules = DEFAULT_RULES, exclude: str | None = None, tagged: Tagger | None = None
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
    paragraphs: tuple[str, ...], rules: ListRules = DEFAULT_RULES, exclude: str | None = None, tagged: Tagger | None = None
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
    parallel = is_parallel(leads, rules)
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
    article: Article, *, path: str | None = None, rules: ListRules = DEFAULT_RULES, tagged: Tagger | None = None
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
