"""Headline groups: which line is the 引题 (kicker), the 主题 (title), the 副题 (subtitle).

A group is one to three short lines. Three lines are kicker, title and
subtitle. Two lines are either a title with its subtitle or a kicker with its
title; the dash a subtitle opens with decides, and otherwise the guess below.
A title may end in a column tag (`……(人民时评)`): it stays in the title and is
also given on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ssg.ingest.shapes import is_subtitle_line, strip_dash

_COLUMN_TAG = re.compile(r"[（(【\[〔](?P<tag>[\u4e00-\u9fff·]{2,10})[）)】\]〕]$")
# Series numbering in brackets is no column: (上) (下) (之一) (续) (上篇).
_NOT_A_COLUMN = re.compile(r"^(?:之?[一二三四五六七八九十]+|[上中下]篇?|续[一二三四五六七八九十]?|全文|摘要|图文|附图)$")
# A kicker often ends on the verb that introduces the title: ……时强调 / ……指出.
_KICKER_ENDINGS = ("强调", "指出", "表示", "要求", "提出", "希望", "勉励", "主持", "宣布", "致信", "致电", "回信")


@dataclass(frozen=True)
class HeadlineGroup:
    title: str
    kicker: str | None = None
    subtitle: str | None = None
    column: str | None = None


def read_headline_group(lines: list[str]) -> HeadlineGroup:
    """One to three headline lines -> title, kicker, subtitle and column tag."""
    lines = [line.strip() for line in lines]
    if len(lines) == 1:
        kicker, title, subtitle = None, lines[0], None
    elif len(lines) == 2:
        kicker, title, subtitle = two_line_roles(lines[0], lines[1])
    else:
        kicker, title, subtitle = lines[-3], lines[-2], lines[-1]
        if is_subtitle_line(title) and not is_subtitle_line(kicker):
            # 主题 / ——副题 / ——副题: a second subtitle line is no title.
            kicker, title, subtitle = None, kicker, f"{strip_dash(title)} {strip_dash(subtitle)}"
    if subtitle is not None:
        subtitle = strip_dash(subtitle) or None
    return HeadlineGroup(title=title, kicker=kicker, subtitle=subtitle, column=column_tag(title))


def two_line_roles(first: str, second: str) -> tuple[str | None, str, str | None]:
    """Heuristic: is a two-line group kicker + title, or title + subtitle?

    Guesses title + subtitle when the second line opens with a dash
    (`——记……`); kicker + title when the first line ends on a verb that
    introduces what follows (`……时强调`) or is the shorter one, since a
    kicker is a lead-in; otherwise title + subtitle.
    """
    if is_subtitle_line(second):
        return None, first, second
    if is_subtitle_line(first):
        return None, second, first
    if first.endswith(_KICKER_ENDINGS) or len(first) < len(second):
        return first, second, None
    return None, first, second


def column_tag(title: str) -> str | None:
    """Heuristic: the column a headline's closing bracket names (`……(人民时评)` -> 人民时评).

    Two to ten Han characters in brackets at the very end, and not series
    numbering such as (上) or (之一).
    """
    m = _COLUMN_TAG.search(title.strip())
    if not m or m.start() == 0:
        return None
    tag = m.group("tag")
    return None if _NOT_A_COLUMN.match(tag) else tag
