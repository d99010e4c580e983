"""Page (版) headers: where a page starts, its number and its name.

Papers print them in a few shapes, each read by one pattern:

- `第02版:要闻`, `第2版 要闻`, `第1版()` (e-paper sites and old archives);
- `02版 要闻`, `02版:要闻`;
- a running head with the date: `2025年11月10日 星期一 2 综合新闻`,
  `2 综合新闻 2025年11月10日 星期一`, `1951年9月15日人民日报 第1版`;
- pages of a paper printed in sections (叠) carry the section's letter:
  `A02版`, `第A02版:要闻`, `B3:国际`, `2025年11月10日 星期一 A02 要闻`.

Old archives follow the header with a `专栏:` line naming the column (often
empty); it belongs to the page furniture too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ssg.ingest.dates import DATE_RE, WEEKDAY_RE, parse_date
from ssg.ingest.numerals import parse_cn_number

_NAME = r"[^\s，。；！？、,.;!?（）()]{1,12}"
_NUM = r"\d{1,3}|[一二三四五六七八九十]{1,3}"
_SECTION = r"(?P<sec>[A-Za-z])?"

# 第02版:要闻 / 第2版 要闻 / 第1版() / 第1版(要闻) / 第02版 / 第A02版:要闻
_DI_BAN = re.compile(
    rf"^第\s*{_SECTION}\s*(?P<num>{_NUM})\s*版\s*(?:[：:]\s*(?P<n1>{_NAME})?|\s+(?P<n2>{_NAME})|[（(]\s*(?P<n3>{_NAME})?\s*[）)])?"
    rf"(?P<rest>\s.*)?$"
)
# 02版 要闻 / 02版:要闻 / 2版 / A02版 (without 第 the line must hold nothing else)
_NUM_BAN = re.compile(
    rf"^{_SECTION}(?P<num>\d{{1,3}})\s*版\s*(?:(?:[：:]\s*|\s+)(?P<n1>{_NAME}))?$"
)
# B3:国际 / A02：要闻: a section page with its name, no 版 (the colon is required:
# `A02 要闻` alone could be anything; sections run A to F, so `G20:峰会` is no page).
_SECTION_PAGE = re.compile(r"^(?P<sec>[A-F])(?P<num>\d{1,2})\s*[：:]\s*(?P<n1>[\u4e00-\u9fff·]{2,6})$")
# 《人民日报》(2025年11月10日 01版): the source line a paper's website adds under each article.
_SOURCE_LINE = re.compile(r"^《\s*(?P<paper>[\u4e00-\u9fff]{2,12})\s*》\s*[（(]\s*(?P<rest>.{8,30}?)\s*[）)]$")
_COLUMN_LINE = re.compile(r"^专栏\s*[：:]\s*(?P<name>.{0,20})$")
_NUMBER_TOKEN = re.compile(rf"^(?:第\s*(?P<s1>[A-Za-z])?(?P<a>{_NUM})\s*版|(?P<s2>[A-Za-z])?(?P<b>\d{{1,2}})版?)$")
_PAPER_TOKEN = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:报|刊)$")
_NAME_TOKEN = re.compile(r"^[\u4e00-\u9fff·]{2,10}$")

MAX_RUNNING_HEAD_CHARS = 40


@dataclass(frozen=True)
class PageHeader:
    """What one page-header line says."""

    number: int
    name: str | None = None
    date: dt.date | None = None
    weekday: str | None = None
    paper: str | None = None
    """A paper name in an archive's running head: 1951年9月15日人民日报 第1版."""
    rest: str | None = None
    """Text on the header line that is not part of the header (kept as a note)."""
    section: str | None = None
    """The section (叠) letter of a paper printed in sections: "A" in A02版."""
    label: str | None = None
    """A section page as printed: "A02", "B1"."""


def parse_page_header(line: str) -> PageHeader | None:
    """Heuristic: is this line a page header, and of which page?

    Guesses from the shape of the whole line (see the module docstring); a
    line that also carries a sentence is never a header.
    """
    text = line.strip()
    if not text or len(text) > 60:
        return None
    m = _DI_BAN.match(text)
    if m:
        number = _page_number(m.group("num"))
        if number is None or m.group("sec") and not m.group("num").isdigit():
            return None
        name = m.group("n1") or m.group("n2") or m.group("n3")
        return PageHeader(number, name, rest=_rest(m.group("rest")), **_section(m.group("sec"), m.group("num")))
    m = _NUM_BAN.match(text) or _SECTION_PAGE.match(text)
    if m:
        number = int(m.group("num"))
        return PageHeader(number, m.group("n1"), **_section(m.group("sec"), m.group("num"))) if number > 0 else None
    return parse_running_head(text)


def parse_running_head(text: str) -> PageHeader | None:
    """`2025年11月10日 星期一 2 综合新闻` (any order of date, page number and name)."""
    if len(text) > MAX_RUNNING_HEAD_CHARS:
        return None
    m = DATE_RE.search(text)
    if not m:
        return None
    date = parse_date(m)
    rest = text[: m.start()] + " " + text[m.end() :]
    weekday = WEEKDAY_RE.search(rest)
    if weekday:
        rest = rest[: weekday.start()] + " " + rest[weekday.end() :]
    number = paper = name = None
    section: dict = {}
    for token in rest.split():
        n = _NUMBER_TOKEN.match(token)
        if n and number is None:
            number = _page_number(n.group("a") or n.group("b"))
            section = _section(n.group("s1") or n.group("s2"), n.group("a") or n.group("b"))
            if number is None:
                return None
        elif _PAPER_TOKEN.match(token) and paper is None and number is None:
            paper = token
        elif _NAME_TOKEN.match(token) and name is None:
            name = token
        else:
            return None
    if number is None:
        return None
    return PageHeader(number, name, date=date, weekday=weekday.group(0) if weekday else None, paper=paper, **section)


def parse_source_line(line: str) -> PageHeader | None:
    """`《人民日报》(2025年11月10日 01版)` -> the paper, date and page it names (web chrome that dates the text)."""
    m = _SOURCE_LINE.match(line.strip())
    if not m:
        return None
    head = parse_running_head(re.sub(r"\s+版", "版", m.group("rest")))
    return PageHeader(head.number, date=head.date, paper=m.group("paper")) if head and head.date else None


def parse_column_line(line: str) -> str | None:
    """`专栏:国际述评` -> "国际述评"; `专栏:` -> ""; None when the line is no 专栏 line."""
    m = _COLUMN_LINE.match(line.strip())
    return m.group("name").strip() if m else None


def _page_number(text: str) -> int | None:
    value = int(text) if text.isdigit() else parse_cn_number(text)
    return value if value and value > 0 else None


def _section(letter: str | None, digits: str) -> dict:
    """The section fields of a header: `A` and `A02` for A02版; none for a plain page."""
    return {"section": letter.upper(), "label": f"{letter.upper()}{digits}"} if letter else {}


def _rest(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None
