"""What the list heuristics share: their names, their settings and the list each finds."""

from __future__ import annotations

from dataclasses import dataclass

from ssg.ingest.list_markers import STYLE_NAMES

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


DEFAULT_RULES = ListRules()


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
