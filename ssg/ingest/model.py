"""The edition model: what ingest understood of one issue's text.

Data flows text -> `Edition` -> Markdown files. Every stage of ingest takes and
returns these frozen values; `ssg ingest --json` prints them (`to_json`).
Fields that do not apply are None or empty and are left out of the Markdown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields, is_dataclass

from ssg.diagnostics import Diagnostic


@dataclass(frozen=True)
class Block:
    """A paragraph of source text: lines joined, with where it started."""

    text: str
    line: int
    """1-based line number of its first line in the decoded source."""
    blank_before: int = 0
    """The longest run of blank lines between it and the block before (a wider gap
    than usual sets a photo caption apart)."""
    indented: bool = False
    """Its first line starts with indentation (papers indent a paragraph's first line)."""


@dataclass(frozen=True)
class Masthead:
    """The front-page masthead. Never invent a field that is not in the text."""

    paper: str | None = None  # 中国高新技术产业导报
    paper_en: str | None = None  # CHINA HIGH-TECH INDUSTRY HERALD
    publisher: str | None = None  # 科学技术部主管 科技日报社主办
    cn: str | None = None  # CN 11-0237
    postal_code: str | None = None  # 1-206
    date: dt.date | None = None
    weekday: str | None = None  # 星期一
    number: int | None = None  # 第41期
    total_number: int | None = None  # 总第2645期
    page_count: int | None = None  # 今日24版
    line: int | None = None
    """Where the masthead block starts in the source (None if there is none)."""


@dataclass(frozen=True)
class PageInfo:
    """A page (版) of the edition: its number and, when the header gives it, its name."""

    number: int
    name: str | None = None
    line: int | None = None
    label: str | None = None
    """The page as printed when that is not its number: "B01" (a paper printed in sections)."""


@dataclass(frozen=True)
class SeeAlso:
    """A cross reference such as (相关报道详见2-8版) or (下转第三版)."""

    pages: str
    """The pages referred to, ASCII: "2-8", "3", "2,5"."""
    text: str
    """The reference as printed, without its brackets: 相关报道详见2-8版."""


@dataclass(frozen=True)
class Initiative:
    """One item of an enumerated list (倡议, 举措, 原则), with its own page."""

    number: int
    """1..n in list order."""
    title: str
    """The lead clause: 绘好一张蓝图 (or the item's text head when there is no clause)."""
    goal: str | None = None
    """The second lead clause when the item has one: 推动愿景落地."""
    paragraphs: tuple[str, ...] = ()
    """The body after the lead clauses."""
    list_name: str | None = None
    """The name of the list it belongs to: 十个一."""
    marker: str | None = None
    """The numbering as printed, when there was one: "一是", "(一)", "1.", "①"."""
    initiatives: tuple[Initiative, ...] = ()
    """A nested list (一、 heads holding (一) items)."""
    closing: tuple[str, ...] = ()
    """Body text after a nested list."""
    tags: tuple[str, ...] = ()
    slug: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Article:
    """An article, a photo caption or an article carrying an enumerated list."""

    title: str | None
    """The headline; None only for a caption, which has no headline."""
    kind: str = "news"
    """"news", "caption" or "initiatives"."""
    page: int = 1
    order: int = 1
    """1-based position in the edition's reading order."""
    kicker: str | None = None  # 引题
    subtitle: str | None = None  # 副题 (without the leading ——)
    column: str | None = None
    """A column tag ending the headline, kept in the title too: 人民时评."""
    dateline: str | None = None  # 本报讯, 本报北京11月9日电, 新华社北京11月9日电
    byline: str | None = None  # 记者 张伟
    see_also: tuple[SeeAlso, ...] = ()
    paragraphs: tuple[str, ...] = ()
    """Body text before the list (all of it when there is no list)."""
    byline_first: bool = False
    """The paper printed the byline above the dateline (a byline line, then
    `本报北京11月9日电 …`); the Markdown keeps that order."""
    credit: str | None = None
    """The end credit as printed without brackets (作者为某大学教授, 本报记者某某整理).
    The credit also stays the body's paragraph where the paper printed it, so
    the Markdown files do not repeat it in the front matter."""
    initiatives: tuple[Initiative, ...] = ()
    closing: tuple[str, ...] = ()
    """Body text after the list."""
    list_name: str | None = None
    """The list's name from the headline: 十个一."""
    list_count: int | None = None
    """The count the name announces (十 -> 10), when it announces one."""
    tags: tuple[str, ...] = ()
    slug: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Edition:
    """One issue (期): its masthead, pages and articles in reading order."""

    masthead: Masthead
    articles: tuple[Article, ...]
    pages: tuple[PageInfo, ...] = ()
    notes: tuple[str, ...] = ()
    """Text that is not article text (web chrome, stray lines): kept for the editor
    in `_edition.md`, never silently dropped."""
    source: str | None = None
    """The source file's name, for provenance: sources/2025-11-10.txt."""
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)


def to_json(value):
    """The model as plain JSON data (dates as ISO strings, empty and false fields left out)."""
    if is_dataclass(value):
        out = {}
        for f in fields(value):
            if f.name == "diagnostics":
                continue
            v = to_json(getattr(value, f.name))
            if v is None or v is False or v == () or v == [] or v == "":
                continue
            out[f.name] = v
        return out
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


__all__ = ["Article", "Block", "Edition", "Initiative", "Masthead", "PageInfo", "SeeAlso", "asdict", "to_json"]
