"""The masthead: every field papers print, in the shapes they print it; nothing invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssg.config import PaperConfig, SiteConfig
from ssg.ingest.masthead import parse_masthead
from ssg.ingest.normalise import normalise_text
from ssg.ingest.reader import read_edition

CONFIG = SiteConfig(root=Path("."))


def masthead(text: str):
    lines = normalise_text(text).split("\n")
    return parse_masthead(list(enumerate(lines, 1)))


SEED_TOP = """

中国高新技术产业导报

CHINA HIGH-TECH INDUSTRY HERALD

科学技术部主管 科技日报社主办 国内统一连续出版物号 CN 11—0237 邮发代号 1—206 2025年11月10日 星期一 第41期(总第2645期) 今日24版

首届火炬论坛在河北雄安新区举办
"""


def test_the_seed_masthead_on_one_line():
    m = masthead(SEED_TOP)
    assert (m.paper, m.paper_en, m.publisher) == (
        "中国高新技术产业导报",
        "CHINA HIGH-TECH INDUSTRY HERALD",
        "科学技术部主管 科技日报社主办",
    )
    assert (m.cn, m.postal_code, m.date, m.weekday) == ("CN 11-0237", "1-206", dt.date(2025, 11, 10), "星期一")
    assert (m.number, m.total_number, m.page_count) == (41, 2645, 24)
    assert (m.line, m.lines) == (3, (3, 5, 7))
    assert m.notes == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "江海经济报\nJIANGHAI ECONOMIC DAILY\n主管：中共江海市委宣传部　主办：江海日报社\n"
            "国内统一连续出版物号：CN 32-0097　邮发代号：27-88\n2020年1月1日 星期三 第1期(总第2600期) 今日16版\n\n标题",
            {"paper": "江海经济报", "paper_en": "JIANGHAI ECONOMIC DAILY", "publisher": "主管：中共江海市委宣传部 主办：江海日报社",
                 "cn": "CN 32-0097", "postal_code": "27-88", "date": dt.date(2020, 1, 1), "weekday": "星期三", "number": 1,
                 "total_number": 2600, "page_count": 16},
            id="labels with colons, one field per line",
        ),
        pytest.param(
            "人 民 日 报\n\nRENMIN RIBAO\n\n人民日报社出版 国内统一连续出版物号 CN 11-0065 代号1-1\n\n"
            "2025年11月10日 星期一 农历乙巳年九月二十一\n\n第27613期 今日20版\n\n标题",
            {"paper": "人民日报", "paper_en": "RENMIN RIBAO", "publisher": "人民日报社出版", "cn": "CN 11-0065", "postal_code": "1-1",
                 "date": dt.date(2025, 11, 10), "weekday": "星期一", "number": 27613, "page_count": 20},
            id="spaced-out name, 代号, a lunar date",
        ),
        pytest.param(
            "光明日报 2025年3月5日 星期三 第9012期 本期16版\n\n标题",
            {"paper": "光明日报", "date": dt.date(2025, 3, 5), "weekday": "星期三", "number": 9012, "page_count": 16},
            id="name on the date line, 本期N版",
        ),
        pytest.param(
            "某某晚报\n二〇二五年四月二十六日 星期六\n\n标题",
            {"paper": "某某晚报", "date": dt.date(2025, 4, 26), "weekday": "星期六"},
            id="date in Chinese numerals",
        ),
        pytest.param(
            "CN11-0237/N 邮发代号:1-206\n2025年11月10日\n\n标题",
            {"cn": "CN 11-0237/N", "postal_code": "1-206", "date": dt.date(2025, 11, 10)},
            id="no name, serial with a class letter",
        ),
        pytest.param(
            "第41期（总第2645期）\n2025年11月10日 礼拜一\n\n标题",
            {"number": 41, "total_number": 2645, "date": dt.date(2025, 11, 10), "weekday": "礼拜一"},
            id="issue numbers first",
        ),
    ],
)
def test_masthead_styles(text, expected):
    m = masthead(text)
    fields = ("paper", "paper_en", "publisher", "cn", "postal_code", "date", "weekday", "number", "total_number", "page_count")
    assert {f: getattr(m, f) for f in fields} == {f: expected.get(f) for f in fields}


def test_text_beside_the_fields_goes_to_the_notes():
    m = masthead("某某日报\n2025年11月10日 星期一 农历乙巳年九月二十一\n每份定价1.50元 国外代号D1\n\n标题")
    assert m.notes == ("农历乙巳年九月二十一", "每份定价1.50元 国外代号D1")
    assert m.postal_code is None  # 国外代号 is not 邮发代号


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("首届火炬论坛在河北雄安新区举办\n\n本报讯(记者 张伟)2025年11月10日,论坛开幕。", id="a headline, then a dated lead"),
        pytest.param("绿色发展\n\n2025年11月10日上午,全市召开推进会,部署下一阶段工作任务,要求各地抓好落实。", id="a sentence with a date"),
        pytest.param("", id="empty"),
    ],
)
def test_text_without_a_masthead_has_none(text):
    m = masthead(text)
    assert m.line is None and m.lines == () and m.paper is None and m.date is None


def test_a_weekday_that_does_not_match_the_date_is_a_warning():
    text = "某某日报\n\n2025年11月10日 星期二 第41期\n\n标题\n\n正文一段。\n"
    edition = read_edition(text, source="x.txt", config=CONFIG)
    assert edition.masthead.weekday == "星期二"  # kept as printed
    (d,) = edition.diagnostics
    assert d.severity == "warning" and d.line == 3
    assert str(d) == "x.txt:3: warning: masthead weekday 星期二 does not match 2025-11-10, a 星期一"


def test_a_matching_weekday_gives_no_warning():
    edition = read_edition("某某日报\n\n2025年11月10日 星期一\n\n标题\n\n正文。\n", source="x.txt", config=CONFIG)
    assert edition.diagnostics == ()


def test_site_yaml_fills_what_the_masthead_lacks_and_never_overrides_it():
    config = SiteConfig(root=Path("."), paper=PaperConfig(name="中国高新技术产业导报", name_en="HERALD", cn="CN 11-0237"))
    edition = read_edition("某某日报\n\n2025年11月10日 星期一\n\n标题\n\n正文。\n", source="x.txt", config=config)
    m = edition.masthead
    assert (m.paper, m.paper_en, m.cn, m.postal_code) == ("某某日报", "HERALD", "CN 11-0237", None)
