"""Page (版) headers in every shape papers print them; text with none is page 1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssg.config import SiteConfig
from ssg.ingest.model import PageInfo
from ssg.ingest.normalise import normalise_text
from ssg.ingest.pages import (
    PageHeader,
    parse_column_line,
    parse_page_header,
    parse_source_line,
)
from ssg.ingest.reader import read_edition

CONFIG = SiteConfig(root=Path("."))
NOV10 = dt.date(2025, 11, 10)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("第02版:要闻", PageHeader(2, "要闻")),
        ("第02版：要闻", PageHeader(2, "要闻")),
        ("第2版 综合新闻", PageHeader(2, "综合新闻")),
        ("第 12 版 : 国际", PageHeader(12, "国际")),
        ("第三版 经济", PageHeader(3, "经济")),
        ("第02版", PageHeader(2)),
        ("第1版()", PageHeader(1)),
        ("第1版（要闻）", PageHeader(1, "要闻")),
        ("第02版:要闻 上一版 下一版", PageHeader(2, "要闻", rest="上一版 下一版")),
        ("02版 要闻", PageHeader(2, "要闻")),
        ("02版：要闻", PageHeader(2, "要闻")),
        ("8版", PageHeader(8)),
        ("2025年11月10日 星期一 2 综合新闻", PageHeader(2, "综合新闻", date=NOV10, weekday="星期一")),
        ("2 综合新闻 2025年11月10日 星期一", PageHeader(2, "综合新闻", date=NOV10, weekday="星期一")),
        ("2025年11月10日 星期一 综合新闻 3", PageHeader(3, "综合新闻", date=NOV10, weekday="星期一")),
        ("2025年11月10日 第5版 理论", PageHeader(5, "理论", date=NOV10)),
        ("1951年9月15日人民日报 第1版", PageHeader(1, date=dt.date(1951, 9, 15), paper="人民日报")),
        # papers printed in sections (叠): the letter and the label as printed
        ("A02版", PageHeader(2, section="A", label="A02")),
        ("A02版：要闻", PageHeader(2, "要闻", section="A", label="A02")),
        ("A02版 要闻", PageHeader(2, "要闻", section="A", label="A02")),
        ("第A02版：要闻", PageHeader(2, "要闻", section="A", label="A02")),
        ("第B12版:国际新闻", PageHeader(12, "国际新闻", section="B", label="B12")),
        ("B3: 国际", PageHeader(3, "国际", section="B", label="B3")),
        ("B3：国际", PageHeader(3, "国际", section="B", label="B3")),
        ("C01：文化周刊", PageHeader(1, "文化周刊", section="C", label="C01")),
        ("2025年11月10日 星期一 A02 要闻", PageHeader(2, "要闻", date=NOV10, weekday="星期一", section="A", label="A02")),
    ],
)
def test_page_header_forms(line, expected):
    assert parse_page_header(normalise_text(line)) == expected


@pytest.mark.parametrize(
    "line",
    [
        "第2版刊登了读者来信。",
        "第一版头条新闻引发热议，读者纷纷来电。",
        "2025年11月10日 星期一 第41期(总第2645期) 今日24版",  # a masthead line
        "2025年11月10日，全市召开推进会",
        "8版面设计",
        "首届火炬论坛在河北雄安新区举办",
        "2版 要闻 国际 体育 文化",
        "G20：峰会在里约开幕",  # no section letter runs that far
        "C919：国产大飞机",
        "A股：市场回暖",
        "B3：国际油价连续三周上涨",  # a headline, not a page name
        "第A版：要闻",
    ],
)
def test_lines_that_are_not_page_headers(line):
    assert parse_page_header(normalise_text(line)) is None


@pytest.mark.parametrize(
    "line, expected", [("专栏:", ""), ("专栏：国际述评", "国际述评"), ("专栏 : 社论", "社论"), ("专栏作家王某说", None)]
)
def test_column_lines_of_old_archives(line, expected):
    assert parse_column_line(normalise_text(line)) == expected


def test_text_without_headers_is_page_one():
    edition = read_edition("标题一\n\n正文一段。\n\n标题二\n\n正文两段。\n", source="x.txt", config=CONFIG, date=NOV10)
    assert edition.pages == (PageInfo(1),)
    assert [a.page for a in edition.articles] == [1, 1]


def test_headers_start_pages_with_numbers_and_names():
    text = (
        "第01版：要闻\n\n标题一\n\n正文一段。\n\n"
        "第02版：评论\n\n标题二\n\n正文两段。\n\n"
        "2025年11月10日 星期一 3 综合新闻\n\n标题三\n\n正文三段。\n\n"
        "第03版：综合新闻\n\n标题四\n\n正文四段。\n"
    )
    edition = read_edition(text, source="x.txt", config=CONFIG)
    assert edition.pages == (PageInfo(1, "要闻", 1), PageInfo(2, "评论", 7), PageInfo(3, "综合新闻", 13))
    assert [(a.title, a.page) for a in edition.articles] == [("标题一", 1), ("标题二", 2), ("标题三", 3), ("标题四", 3)]
    assert edition.masthead.date == NOV10  # from the running head: there is no masthead


def test_pages_of_a_paper_printed_in_sections_count_on_and_keep_their_labels():
    text = (
        "A01版：要闻\n\n标题一\n\n正文一段。\n\n"
        "A02版：城事\n\n标题二\n\n正文两段。\n\n"
        "B1：体育\n\n标题三\n\n正文三段。\n\n"
        "第B02版：文化\n\n标题四\n\n正文四段。\n"
    )
    edition = read_edition(text, source="x.txt", config=CONFIG, date=NOV10)
    assert [(p.number, p.name, p.label) for p in edition.pages] == [
        (1, "要闻", "A01"), (2, "城事", "A02"), (3, "体育", "B1"), (4, "文化", "B02")
    ]
    assert [(a.title, a.page) for a in edition.articles] == [("标题一", 1), ("标题二", 2), ("标题三", 3), ("标题四", 4)]


def test_a_running_head_with_a_wrong_weekday_is_a_warning():
    edition = read_edition("2025年11月10日 星期五 2 要闻\n\n标题\n\n正文。\n", source="x.txt", config=CONFIG)
    assert [str(d) for d in edition.diagnostics] == [
        "x.txt:1: warning: page 2: weekday 星期五 does not match 2025-11-10, a 星期一"
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("《 人民日报 》（ 2025年11月10日 01 版）", PageHeader(1, date=NOV10, paper="人民日报")),
        ("《光明日报》(2025年11月10日 05版)", PageHeader(5, date=NOV10, paper="光明日报")),
        ("《人民日报》是党中央机关报", None),
    ],
)
def test_source_lines_of_web_copies(line, expected):
    assert parse_source_line(normalise_text(line)) == expected
