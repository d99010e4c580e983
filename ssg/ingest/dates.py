"""Dates as papers print them (2025年11月10日, 二〇二五年十一月十日, 星期一) and in file names."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from ssg.ingest.numerals import parse_cn_number

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEKDAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

_CN_YEAR_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4",
                   "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN = "〇零○一二两三四五六七八九十"

DATE_RE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*日"
)
WEEKDAY_RE = re.compile(r"(?:星期|礼拜)[一二三四五六日天]")

_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")


def parse_date(match: re.Match) -> dt.date | None:
    """The date a DATE_RE match names, or None when it is no calendar date."""
    year = _number(match.group("y"), year=True)
    month = _number(match.group("m"))
    day = _number(match.group("d"))
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_name(date: dt.date) -> str:
    """星期一 .. 星期日 for a date."""
    return WEEKDAYS[date.weekday()]


def weekday_matches(date: dt.date, printed: str) -> bool:
    """Does a printed weekday (星期一, 礼拜天) name the date's weekday?"""
    return _WEEKDAY_INDEX.get(printed[-1]) == date.weekday()


def date_from_filename(path: str) -> dt.date | None:
    """The date in a file's name: 2025-11-10.txt, herald_2025_11_10.txt, 20251110.txt."""
    name = PurePath(path).name
    for match in _FILENAME_DATE.finditer(name):
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
    return None


def _number(text: str, year: bool = False) -> int | None:
    if text.isdigit():
        return int(text)
    if year:
        digits = "".join(_CN_YEAR_DIGITS.get(c, "") for c in text)
        return int(digits) if len(digits) == len(text) else None
    return parse_cn_number(text)
