"""The helpers templates use: relative links, Chinese numerals and dates, JSON-LD escaping."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ssg.render.filters import (
    cn_date,
    cn_numeral,
    cn_weekday,
    jsonld,
    page_label,
    relative_url,
)
from ssg.render.pages import output_path


@pytest.mark.parametrize(
    "target, page, expected",
    [
        ("2025/11/10/", "", "2025/11/10/"),
        ("", "2025/11/10/", "../../../"),
        ("2025/11/10/", "2025/11/10/", "./"),
        ("2025/11/10/#list", "2025/11/10/", "#list"),
        ("2025/11/10/01/03-a/#list", "2025/11/10/01/03-a/02-b/", "../#list"),
        ("2025/11/10/01/03-a/03-c/", "2025/11/10/01/03-a/02-b/", "../03-c/"),
        ("2025/11/03/", "2025/11/10/", "../03/"),
        ("2024/12/30/", "2025/01/06/01/", "../../../../2024/12/30/"),
        ("static/style.3f2a9c1e.css", "2025/11/10/01/", "../../../../static/style.3f2a9c1e.css"),
        ("feed.xml", "", "feed.xml"),
        ("tags/gao-xin-qu/", "tags/", "gao-xin-qu/"),
        ("tags/", "tags/gao-xin-qu/", "../"),
        ("archive/", "404.html", "archive/"),
        ("https://example.org/", "2025/11/10/", "https://example.org/"),
    ],
)
def test_relative_url(target, page, expected):
    assert relative_url(target, page) == expected


@pytest.mark.parametrize(
    "n, text",
    [
        (1, "一"),
        (3, "三"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1005, "一千零五"),
        (1010, "一千零一十"),
    ],
)
def test_cn_numeral(n, text):
    assert cn_numeral(n) == text


def test_dates_and_page_labels():
    assert cn_date(dt.date(2025, 11, 10)) == "2025年11月10日"
    assert cn_weekday(dt.date(2025, 11, 10)) == "星期一"
    assert page_label(1) == "第01版" and page_label(12) == "第12版"


def test_jsonld_cannot_close_its_script_element():
    text = jsonld({"headline": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"headline": "</script><script>alert(1)</script> & <!--"}


@pytest.mark.parametrize(
    "url, path", [("", "index.html"), ("2025/11/10/", "2025/11/10/index.html"), ("404.html", "404.html")]
)
def test_output_path(url, path):
    assert output_path(url) == path
