"""ASCII slugs from Chinese titles: 首届火炬论坛在河北雄安新区举办 -> shou-jie-huo-ju-lun-tan.

Pinyin via pypinyin, cut at a word boundary (jieba words, passed in as `cut`)
after at most six syllables, so a slug reads as the start of the title rather
than a string of stray sounds. Only [a-z0-9-] survives, so a slug can never
name a path outside its folder; an empty result falls back to "article-3".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from pypinyin import Style, lazy_pinyin

MAX_UNITS = 6
"""Syllables (or ASCII words) in a slug."""
MAX_WORD = 16
"""Longest ASCII word kept whole (CHINAHIGHTECH... is cut)."""
MAX_LENGTH = 48

Cut = Callable[[str], Iterable[str]]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_FIRST_CLAUSE = re.compile(r"[^，,。；;：:！？!?\s]+")


def _chars(text: str) -> Iterable[str]:
    """The default word cut: every Han character on its own, other runs whole."""
    return re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+", text)


def _units(word: str) -> list[str]:
    """A word's pinyin syllables, or its ASCII words (lower case, accents dropped)."""
    if _HAN.search(word):
        out = []
        for part in lazy_pinyin(word, style=Style.NORMAL, errors="default", v_to_u=False):
            out += _ASCII_WORD.findall(part.lower())
        return out
    return [w[:MAX_WORD] for w in _ASCII_WORD.findall(word.lower())]


def slugify(text: str | None, *, cut: Cut | None = None, max_units: int = MAX_UNITS) -> str:
    """The slug of a title, "" when it has no Han character, letter or digit.

    Whole words are taken while they fit in `max_units`; a first word longer
    than that is cut to its first `max_units` syllables.
    """
    units: list[str] = []
    for word in (cut or _chars)(text or ""):
        word_units = _units(word)
        if not word_units:
            continue
        if len(units) + len(word_units) > max_units:
            if not units:
                units = word_units[:max_units]
            break
        units += word_units
    slug = "-".join(units)
    while len(slug) > MAX_LENGTH and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:MAX_LENGTH].strip("-")


def caption_slug_text(text: str) -> str:
    """A caption has no headline: its slug comes from its first clause (11月6-7日)."""
    m = _FIRST_CLAUSE.search(text or "")
    return m.group(0) if m else ""


def unique_slugs(wanted: Iterable[str], fallback: str) -> tuple[str, ...]:
    """Make slugs unique within one folder, in order: x, x-2, x-3; empty ones become fallback-N."""
    taken: set[str] = set()
    out = []
    for n, slug in enumerate(wanted, start=1):
        slug = slug or f"{fallback}-{n}"
        candidate, k = slug, 2
        while candidate in taken:
            candidate, k = f"{slug}-{k}", k + 1
        taken.add(candidate)
        out.append(candidate)
    return tuple(out)
