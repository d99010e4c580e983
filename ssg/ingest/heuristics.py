"""The guesses the reader makes, gathered so that a caller can swap one.

Each field is a named heuristic with a docstring saying what it guesses and
tests of its own. `read_edition(..., heuristics=replace(DEFAULT_HEURISTICS,
is_chrome=my_rule))` reads a paper whose website, say, prints other
furniture, without touching the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ssg.ingest import blocks, bylines, chrome, headlines, pages, shapes


@dataclass(frozen=True)
class Heuristics:
    is_chrome: Callable[[str], bool] = chrome.is_web_chrome
    """Is this line website furniture? (to the notes)"""
    page_header: Callable[[str], pages.PageHeader | None] = pages.parse_page_header
    """Does this line start a page (版), and which?"""
    is_headline: Callable[..., bool] = shapes.looks_like_headline
    """(text, is_word) -> could this block be a headline line?"""
    starts_fresh: Callable[[str], bool] = blocks.starts_fresh
    """Does this block open something new (dateline, byline, list item, box…)?"""
    column_break: Callable[..., bool] = blocks.is_column_break
    """(prev, next, splits_word=, is_word=, tagged=) -> were these one paragraph?"""
    headline_group: Callable[[list[str]], headlines.HeadlineGroup] = headlines.read_headline_group
    """Which headline line is kicker, title and subtitle?"""
    byline_line: Callable[..., str | None] = bylines.parse_byline_line
    """(text, bare_name=, is_word=) -> the byline when the block is one."""
    is_caption: Callable[[str], bool] = shapes.looks_like_caption
    """Is this block a photo caption by its own words (图为…, ……摄)?"""
    is_photo_credit: Callable[[str], bool] = shapes.is_photo_credit
    """Is this block only a photo credit?"""
    is_end_credit: Callable[[str], bool] = shapes.is_end_credit
    """Is this block the credit that closes an article ((作者为…))?"""


DEFAULT_HEURISTICS = Heuristics()
