"""Chinese text metrics: length in characters, reading time, summaries cut at a sentence end.

Chinese has no spaces between words, so length is counted in characters (字数,
whitespace not counted) and reading speed in characters per minute. A summary
ends where a sentence ends (。！？；), never inside quotes or a book title
(“……。” is whole, 《……》 is never split), and never between a character and
the marks that combine with it.
"""

from __future__ import annotations

import math
import unicodedata

SENTENCE_ENDS = frozenset("。！？；!?;")
ELLIPSIS = "…"
CAPTION_TITLE_CHARS = 30
"""A caption's display title: its first sentence, at most this long."""

_PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〔": "〕"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_ENDS_WITH_SENTENCE = frozenset("”’」』）)】〕")
"""Closing marks that belong to a sentence ending inside them; a book title's 》 does not."""
_JOINERS = frozenset("\u200d\ufe0e\ufe0f")


def char_count(text: str) -> int:
    """Characters a reader reads: everything but whitespace."""
    return len("".join(text.split()))


def reading_minutes(chars: int, chars_per_minute: int) -> int:
    """Whole minutes, rounded up; 0 only for no text."""
    return math.ceil(chars / chars_per_minute) if chars > 0 else 0


def join_lines(text: str) -> str:
    """Plain text's lines as one run: no space between Chinese lines, one between Latin ones."""
    out = ""
    for line in (ln.strip() for ln in text.split("\n")):
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return out


def sentence_ends(text: str, limit: int) -> list[int]:
    """Offsets within `text[:limit]` just after a sentence end that no quote or bracket still holds open."""
    ends: list[int] = []
    open_marks: list[str] = []
    i, n = 0, min(len(text), limit)
    while i < n:
        c = text[i]
        if c in _PAIRS:
            open_marks.append(c)
        elif c in _CLOSERS and open_marks and open_marks[-1] == _CLOSERS[c]:
            open_marks.pop()
        elif c in SENTENCE_ENDS:
            j = i + 1
            # 。” and ？） end the sentence together with the marks that close around it
            while j < len(text) and (text[j] in SENTENCE_ENDS or (
                    text[j] in _ENDS_WITH_SENTENCE and open_marks and open_marks[-1] == _CLOSERS[text[j]])):
                if text[j] in _CLOSERS:
                    open_marks.pop()
                j += 1
            if not open_marks and j <= limit:
                ends.append(j)
            i = j
            continue
        i += 1
    return ends


def safe_cut(text: str, at: int) -> int:
    """The largest offset <= `at` that splits no character from its combining marks or joiners."""
    at = max(0, min(at, len(text)))
    while 0 < at < len(text):
        nxt, prev = text[at], text[at - 1]
        if unicodedata.combining(nxt) or nxt in _JOINERS or prev == "\u200d" or "\ud800" <= prev <= "\udbff" \
                or unicodedata.category(nxt) == "Mn" or (0x1F3FB <= ord(nxt) <= 0x1F3FF):
            at -= 1
            continue
        break
    return at


def cut_summary(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, ending at a sentence end when one falls within the limit.

    Without one, the text is cut at the limit (on a character boundary) and ends with "…".
    """
    run = join_lines(text)
    if len(run) <= limit:
        return run
    ends = sentence_ends(run, limit)
    if ends:
        return run[: ends[-1]]
    cut = safe_cut(run, max(limit - 1, 0))
    return run[:cut].rstrip() + ELLIPSIS


def display_title(text: str, limit: int = CAPTION_TITLE_CHARS) -> str:
    """A headline for a caption that has none: its first sentence, without the final mark, cut like a summary."""
    run = join_lines(text)
    ends = sentence_ends(run, limit)
    if ends:
        first = run[: ends[0]]
        if first and first[-1] in SENTENCE_ENDS:
            first = first[:-1]
        return first
    if len(run) <= limit:
        return run
    return run[: safe_cut(run, max(limit - 1, 0))].rstrip() + ELLIPSIS
