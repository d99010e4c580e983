"""Chinese text metrics: character counts, reading time, summaries cut at a sentence end."""

from __future__ import annotations

import pytest

from ssg.site.metrics import (
    char_count,
    cut_summary,
    display_title,
    reading_minutes,
    sentence_ends,
)


def test_char_count_ignores_whitespace():
    assert char_count("本报讯 (记者 张伟)\n2025年") == 14
    assert char_count("") == 0


@pytest.mark.parametrize("chars, cpm, minutes", [(0, 400, 0), (1, 400, 1), (400, 400, 1), (401, 400, 2), (1200, 300, 4)])
def test_reading_minutes(chars, cpm, minutes):
    assert reading_minutes(chars, cpm) == minutes


@pytest.mark.parametrize(
    "text, limit, summary",
    [
        # short text: all of it
        ("一句话。", 120, "一句话。"),
        # the last sentence end within the limit
        ("第一句。第二句！第三句很长很长很长。", 9, "第一句。第二句！"),
        ("第一句；第二句？第三句", 10, "第一句；第二句？"),
        # a sentence end inside quotes ends with the closing quote, never before it
        ("他说：“我们来了。”大家都很高兴。后面还有很多很多。", 12, "他说：“我们来了。”"),
        # a sentence end inside a book title or brackets is not one
        ("《改革。开放》是一本书，很好很好的书。", 12, "《改革。开放》是一本书…"),
        # no sentence end within the limit: cut and mark
        ("没有句号的一段很长很长的文字", 8, "没有句号的一段…"),
        # lines (paragraphs) join without spaces in Chinese
        ("第一段\n第二段。第三段。", 8, "第一段第二段。"),
    ],
)
def test_cut_summary(text, limit, summary):
    assert cut_summary(text, limit) == summary
    assert len(summary) <= max(limit, len(summary.rstrip("…")))


def test_summary_never_splits_a_character_from_its_marks():
    accented = "e\u0301" * 10
    cut = cut_summary(accented, 6)
    assert cut == "e\u0301e\u0301…"
    emoji = "👍🏽" * 10
    assert cut_summary(emoji, 6) == "👍🏽👍🏽…"
    family = "👨\u200d👩\u200d👧" * 3
    assert "\u200d…" not in cut_summary(family, 4) and cut_summary(family, 4).endswith("…")


def test_summary_of_the_seed_lead():
    lead = ("本报讯(记者 张伟)11月6-7日,以“发展高科技,实现产业化,推动科技创新和产业创新深度融合”为主题的2025火炬论坛在河北雄安新区举办。"
            "来自国家部委、地方政府和高新区、孵化器、技术转移机构、创新型产业集群、高新技术企业及投融资机构等有关负责人汇聚一堂,围绕推动科技创新和产业创新深度融合相关话题进行了深入探讨。")
    summary = cut_summary(lead, 120)
    assert summary.endswith("在河北雄安新区举办。")
    assert len(summary) <= 120


def test_sentence_ends_track_nesting():
    text = "甲。“乙。”丙《丁。》（戊。）己。"
    # the 。 inside 《》 is part of a title; 。” and 。） end with their closing mark
    assert sentence_ends(text, len(text)) == [2, 6, 15, 17]


@pytest.mark.parametrize(
    "text, title",
    [
        ("11月6-7日,2025火炬论坛在河北雄安新区举办。本次论坛以……为主题。", "11月6-7日,2025火炬论坛在河北雄安新区举办"),
        ("图为雄安新区一角", "图为雄安新区一角"),
        ("图为" + "很" * 40 + "长的说明。", "图为" + "很" * 27 + "…"),
    ],
)
def test_caption_display_title(text, title):
    assert display_title(text) == title
    assert len(display_title(text)) <= 30
