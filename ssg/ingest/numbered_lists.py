"""Lists whose items carry numbered markers (一是, (一), 1., ①, 首先 ... see list_markers)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ssg.ingest.list_markers import LAST, Marker, markers_in
from ssg.ingest.list_match import Item, ListMatch, ListRules


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
