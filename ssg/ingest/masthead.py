"""The front-page masthead: paper, publisher, serial numbers, date, issue numbers.

A masthead is a run of lines at the top of the text, on one line or many,
holding fields such as `国内统一连续出版物号 CN 11-0237`, `邮发代号 1-206`,
`2025年11月10日 星期一`, `第41期(总第2645期)`, `今日24版`, and the
sponsor line `科学技术部主管 科技日报社主办`. The paper's name and its English
name stand on their own lines above or between them. Any field may be
missing; none is ever invented. Text on masthead lines that is no field
(`农历乙巳年九月二十一`, prices) goes to the notes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ssg.ingest.dates import DATE_RE, WEEKDAY_RE, parse_date

_CN_SERIAL = re.compile(
    r"(?:国内统一连续出版物号|国内统一刊号|统一刊号|刊号)?\s*[：:]?\s*"
    r"CN\s*(?P<a>\d{2})\s*-\s*(?P<b>\d{4})(?:\s*/\s*(?P<c>[A-Z]{1,2}))?"
)
_POSTAL = re.compile(r"(?<!国外)(?<!国外发行)(?:邮发)?代号\s*[：:]?\s*(?P<code>\d{1,2}\s*-\s*\d{1,4})")
_TOTAL = re.compile(r"总\s*第?\s*(?P<n>\d{1,6})\s*[期号]")
_NUMBER = re.compile(r"(?<!总)第\s*(?P<n>\d{1,6})\s*[期号]")
_PAGES = re.compile(r"(?:今日|今天|本期|本日|共)\s*(?P<n>\d{1,3})\s*版")
_PUBLISHER_TOKEN = re.compile(r"^(?:.{2,30}(?:主管|主办|出版|承办|协办)|(?:主管|主办|出版|承办)(?:单位)?[：:].{2,30})$")
_EXTRA = re.compile(r"农历|定价|零售价|每份|国外代号|国外发行|国内发行|网址|电话|热线|邮编|社址|广告|订阅|印刷|总编辑|社长")
_PAPER_EN = re.compile(r"^[A-Z][A-Za-z'’.&\- ]{3,80}$")
_PAPER_TOKEN = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:报|刊|周刊)$")
_NAME_LINE = re.compile(r"^[\u4e00-\u9fff·][\u4e00-\u9fff· ]{1,19}$")
_LEFTOVER_NOISE = re.compile(r"[\s（）()【】\[\]，,、：:|｜/·.。—\-]+")

MAX_LINES_BEFORE_FIELDS = 4
"""A masthead's fields start within this many non-blank lines of the top."""


@dataclass(frozen=True)
class MastheadRead:
    """The masthead fields found, and which source lines they took."""

    paper: str | None = None
    paper_en: str | None = None
    publisher: str | None = None
    cn: str | None = None
    postal_code: str | None = None
    date: dt.date | None = None
    date_line: int | None = None
    weekday: str | None = None
    number: int | None = None
    total_number: int | None = None
    page_count: int | None = None
    line: int | None = None
    """1-based line of the first masthead line; None when there is no masthead."""
    lines: tuple[int, ...] = ()
    """Every 1-based line number the masthead used (they are no article text)."""
    notes: tuple[str, ...] = ()


def parse_masthead(lines: list[tuple[int, str]]) -> MastheadRead:
    """Read the masthead from the top of the front page's (line number, text) pairs.

    Heuristic: the masthead is the run of lines at the top that hold masthead
    fields, with up to a few name lines (the paper's name, its English name)
    before them. A top without any field has no masthead: nothing is taken,
    so a headline is never read as a paper's name.
    """
    fields: dict = {}
    used: list[int] = []
    notes: list[str] = []
    pending: list[tuple[int, str]] = []
    seen_fields = False
    nonblank = 0
    for number, raw in lines:
        text = raw.strip()
        if not text:
            continue
        nonblank += 1
        found, leftover = _fields_in(text)
        if found and _is_masthead_line(found, leftover):
            if not seen_fields:
                _take_names(pending, fields, used, notes)
                seen_fields = True
            if "date" in found:
                found["date_line"] = number
            for key, value in found.items():
                fields.setdefault(key, value)
            _take_leftover(leftover, fields, notes)
            used.append(number)
        elif _PAPER_EN.match(text) and text.upper() == text and "paper_en" not in fields:
            if seen_fields:
                fields["paper_en"] = text
                used.append(number)
            else:
                pending.append((number, text))
        elif not seen_fields and _NAME_LINE.match(text) and len(pending) < 2 and nonblank <= MAX_LINES_BEFORE_FIELDS:
            pending.append((number, text))
        elif seen_fields and _EXTRA.search(text) and len(text) <= 60:
            notes.append(text)
            used.append(number)
        else:
            break
        if not seen_fields and nonblank >= MAX_LINES_BEFORE_FIELDS:
            break
    if not seen_fields:
        return MastheadRead()
    used.sort()
    return MastheadRead(line=used[0], lines=tuple(used), notes=tuple(notes), **fields)


def _take_names(pending, fields, used, notes) -> None:
    """Lines above the first field line: the paper's name and its English name."""
    for number, text in pending:
        if _PAPER_EN.match(text) and text.upper() == text:
            fields.setdefault("paper_en", text)
        elif "paper" not in fields:
            fields["paper"] = _unspace(text)
        else:
            notes.append(text)
        used.append(number)


def _fields_in(text: str) -> tuple[dict, str]:
    """The masthead fields on one line, and what is left of the line without them."""
    found: dict = {}
    rest = text
    m = _CN_SERIAL.search(rest)
    if m:
        found["cn"] = f"CN {m.group('a')}-{m.group('b')}" + (f"/{m.group('c')}" if m.group("c") else "")
        rest = _cut(rest, m)
    m = _POSTAL.search(rest)
    if m:
        found["postal_code"] = re.sub(r"\s", "", m.group("code"))
        rest = _cut(rest, m)
    m = DATE_RE.search(rest)
    if m and parse_date(m):
        found["date"] = parse_date(m)
        rest = _cut(rest, m)
    m = WEEKDAY_RE.search(rest)
    if m:
        found["weekday"] = m.group(0)
        rest = _cut(rest, m)
    m = _TOTAL.search(rest)
    if m:
        found["total_number"] = int(m.group("n"))
        rest = _cut(rest, m)
    m = _NUMBER.search(rest)
    if m:
        found["number"] = int(m.group("n"))
        rest = _cut(rest, m)
    m = _PAGES.search(rest)
    if m:
        found["page_count"] = int(m.group("n"))
        rest = _cut(rest, m)
    publisher = [t for t in rest.split() if _PUBLISHER_TOKEN.match(t)]
    if publisher:
        found["publisher"] = " ".join(publisher)
        rest = " ".join(t for t in rest.split() if t not in publisher)
    return found, rest


def _is_masthead_line(found: dict, leftover: str) -> bool:
    """A line is the masthead's when fields fill it: a sentence that mentions a date is not."""
    if any(c in leftover for c in "。；！？"):
        return False
    left = _LEFTOVER_NOISE.sub("", leftover)
    if len(found) >= 3:
        return len(left) <= 40
    return len(left) <= 12


def _take_leftover(leftover: str, fields: dict, notes: list[str]) -> None:
    """Text beside the fields: a paper's name (人民日报 2025年…) or a note."""
    kept = []
    for token in leftover.split():
        if not _LEFTOVER_NOISE.sub("", token):
            continue
        if "paper" not in fields and _PAPER_TOKEN.match(token):
            fields["paper"] = token
        else:
            kept.append(token)
    if kept:
        notes.append(" ".join(kept))


def _cut(text: str, m: re.Match) -> str:
    return text[: m.start()] + " " + text[m.end() :]


def _unspace(name: str) -> str:
    """`人 民 日 报` -> `人民日报`: mastheads space their names out."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", name)
