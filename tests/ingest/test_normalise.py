"""Punctuation and dashes: full-width in Chinese text, ASCII in numbers and Latin text."""

from __future__ import annotations

import pytest

from ssg.config import IngestConfig
from ssg.ingest.normalise import normalise_text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("11月6-7日,以“发展高科技,实现产业化”为主题", "11月6-7日，以“发展高科技，实现产业化”为主题"),
        ("本报讯(记者 张伟)11月6-7日", "本报讯（记者 张伟）11月6-7日"),
        ("提供验证场景、首台(套)、科技金融", "提供验证场景、首台（套）、科技金融"),
        ("第41期(总第2645期) 今日24版", "第41期（总第2645期） 今日24版"),
        ("(相关报道详见2-8版)", "（相关报道详见2-8版）"),
        ("邮发代号:1-206", "邮发代号：1-206"),
        ("对口协作;开展产业协作", "对口协作；开展产业协作"),
        ("这是为什么?答案是创新!", "这是为什么？答案是创新！"),
        ("(1)完善机制", "（1）完善机制"),
        ("GDP(国内生产总值)增长5%", "GDP（国内生产总值）增长5%"),
        ("共计100,其中出口60", "共计100，其中出口60"),
        ("他说:“我们要加油。”", "他说：“我们要加油。”"),
        # Left alone: numbers, times, Latin text, URLs.
        ("实际使用外资1,000万美元", "实际使用外资1,000万美元"),
        ("会议于10:30开始", "会议于10:30开始"),
        ("详见 http://www.example.org/a?b=1", "详见 http://www.example.org/a?b=1"),
        ("He said (see above), then left; fine!", "He said (see above), then left; fine!"),
        ("相关报道详见2-8版", "相关报道详见2-8版"),
    ],
)
def test_ascii_punctuation_in_chinese_becomes_full_width(raw, expected):
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("国内统一连续出版物号 CN 11—0237", "国内统一连续出版物号 CN 11-0237"),
        ("邮发代号 1—206", "邮发代号 1-206"),
        ("CN 32–0097", "CN 32-0097"),
        ("11月6－7日", "11月6-7日"),
        ("相关报道详见2―8版", "相关报道详见2-8版"),
        ("2025——2030年", "2025——2030年"),  # a Chinese dash between years stays
        ("——各地推动科技创新", "——各地推动科技创新"),
    ],
)
def test_a_dash_between_digits_becomes_a_hyphen(raw, expected):
    assert normalise_text(raw) == expected


def test_each_fix_can_be_turned_off():
    raw = "本报讯(记者 张伟) CN 11—0237"
    assert normalise_text(raw, IngestConfig(normalise_punctuation=False)) == "本报讯(记者 张伟) CN 11-0237"
    assert normalise_text(raw, IngestConfig(normalise_dashes=False)) == "本报讯（记者 张伟） CN 11—0237"
    off = IngestConfig(normalise_punctuation=False, normalise_dashes=False)
    assert normalise_text(raw, off) == raw


def test_lines_never_move():
    raw = "第一行,\n\n\u3000\u3000第三行(缩进)\t\n\u200b第四行\xa0正文  \n"
    out = normalise_text(raw)
    assert out.count("\n") == raw.count("\n")
    assert out.split("\n") == ["第一行，", "", "\u3000\u3000第三行（缩进）", "第四行 正文", ""]
