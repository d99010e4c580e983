"""Lists whose items open with a pair of short parallel clauses (绘好一张蓝图,推动愿景落地。).

Also how any item's lead splits into a title and the rest.
"""

from __future__ import annotations

import re

from ssg.ingest.list_match import DEFAULT_RULES, PARALLEL, Item, ListMatch, ListRules
from ssg.ingest.shapes import balanced

_CLAUSE = r"[^\s，,。；;：:！？!?、（）()]"
_SENTENCE_END = "。；;！!？?"
_CLAUSE_END = "，,。；;：:！？!?"
_STRIP = "，,。；;：:、 \u3000"
# Lead words that open ordinary prose rather than a parallel slogan.
_PROSE_OPENERS = re.compile(r"^(近日|日前|目前|当前|此外|同时|与此同时|近年来|今年以来|去年以来|据悉|据了解|记者|会上|会议|他说|她说|为此)")


def parallel_lead(text: str, rules: ListRules = DEFAULT_RULES) -> tuple[str, str, str] | None:
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


def is_parallel(leads: list[tuple[str, str, str] | None], rules: ListRules) -> bool:
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
            if is_parallel(leads[a:a + size], rules):
                return a, a + size
    return None
