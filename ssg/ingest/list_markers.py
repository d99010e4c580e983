"""List markers as papers print them: 一是, 第一, (一), 一、, 1., (1), ①, 首先.

Each marker style is a named heuristic with one regular expression. A marker
counts only where a new item can begin: at the start of a paragraph, or (for
the styles papers also run inline) right after punctuation. That boundary is
what keeps 有机统一是, 稳居世界第二 and 图① from reading as markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ssg.ingest.numerals import CIRCLED, parse_circled, parse_cn_number

_CN = "一二三四五六七八九十"

# Characters after which an inline marker may start a new item.
_BOUNDARY = frozenset("，,；;。：:！？!?“\"「 \t\u3000")

LAST = -1
"""Value of 最后: it takes whatever number comes next and ends the list."""


@dataclass(frozen=True)
class MarkerStyle:
    name: str
    pattern: re.Pattern
    inline: bool
    """True when papers also run this style inside one paragraph."""
    example: str


@dataclass(frozen=True)
class Marker:
    """One marker found in a paragraph."""

    style: str
    value: int
    """1..n, or LAST for 最后."""
    text: str
    """The marker as printed, without the punctuation after it: 一是, (一), 1."""
    start: int
    end: int
    """Where the item's own text begins (after the marker and its comma)."""


MARKER_STYLES: tuple[MarkerStyle, ...] = (
    # 一是……;二是……  (per paragraph or inline)
    MarkerStyle("yi-shi", re.compile(rf"([{_CN}]{{1,3}})是(?![否非])"), True, "一是加强统筹;二是……"),
    # 第一,……第二,……  (the comma is required: 第一次, 第一批 are not markers)
    MarkerStyle("di-yi", re.compile(rf"第([{_CN}]{{1,3}})[，,、：:]"), True, "第一,坚持……"),
    # (一)……  section items, often nested under 一、 heads
    MarkerStyle("paren-cn", re.compile(rf"[（(]([{_CN}]{{1,3}})[）)]"), True, "(一)坚持创新驱动。"),
    # 一、……  section heads: only at a paragraph start, and not a run 一、二、三产业
    MarkerStyle("dun-cn", re.compile(rf"([{_CN}]{{1,3}})、(?![{_CN}]、)"), False, "一、总体要求"),
    # 1. / 1、 / 1) at a paragraph start (not 1.5亿元)
    MarkerStyle("arabic", re.compile(r"(\d{1,2})[.．、)）](?![\d.．])"), False, "1.加强统筹"),
    # (1)……
    MarkerStyle("paren-arabic", re.compile(r"[（(](\d{1,2})[）)]"), True, "(1)完善机制"),
    # ①……
    MarkerStyle("circled", re.compile(f"([{CIRCLED}])"), True, "①完善机制"),
    # 首先……其次……最后……
    MarkerStyle("shou-xian", re.compile(r"(首先|其次|再次|最后)(?![是的])"), True, "首先……其次……最后……"),
)

STYLE_NAMES = tuple(s.name for s in MARKER_STYLES)
_BY_NAME = {s.name: s for s in MARKER_STYLES}
_SHOUXIAN = {"首先": 1, "其次": 2, "再次": 3, "最后": LAST}


def _value(style: str, raw: str) -> int | None:
    if style in ("arabic", "paren-arabic"):
        n = int(raw)
        return n if 1 <= n <= 99 else None
    if style == "circled":
        return parse_circled(raw)
    if style == "shou-xian":
        return _SHOUXIAN[raw]
    return parse_cn_number(raw)


def _item_start(text: str, end: int) -> int:
    """Skip the comma or colon a marker is printed with: 第一,  1. ."""
    while end < len(text) and text[end] in "，,、：: \u3000":
        end += 1
    return end


def markers_in(paragraph: str, style_name: str) -> list[Marker]:
    """Every marker of one style in a paragraph, in order, where an item can begin."""
    style = _BY_NAME[style_name]
    found: list[Marker] = []
    if style.inline:
        candidates = style.pattern.finditer(paragraph)
    else:
        m = style.pattern.match(paragraph)
        candidates = iter([m] if m else [])
    for m in candidates:
        start = m.start()
        if start > 0 and paragraph[start - 1] not in _BOUNDARY:
            continue
        value = _value(style_name, m.group(1))
        if value is None:
            continue
        printed = m.group(0).rstrip("，,、：:") if style_name == "di-yi" else m.group(0)
        found.append(Marker(style_name, value, printed, start, _item_start(paragraph, m.end())))
    return found


def leading_marker(paragraph: str) -> Marker | None:
    """The marker a paragraph opens with, of any style (used to tell list lines apart)."""
    for style in MARKER_STYLES:
        for marker in markers_in(paragraph, style.name):
            if marker.start == 0:
                return marker
            break
    return None
