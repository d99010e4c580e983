"""Keyword tags: jieba TF-IDF, user words whole, stop words, numbers and dates dropped."""

from __future__ import annotations

import pytest

from ssg.ingest.keywords import (
    KeywordRules,
    extract_keywords,
    is_candidate,
    load_stop_words,
    rank_keywords,
)
from ssg.ingest.segment import tokenizer

USER_WORDS = ("雄安新区", "火炬中心", "高新区", "十个一", "火炬论坛")


@pytest.fixture(scope="module")
def tk():
    return tokenizer(USER_WORDS)


def rules(**kw) -> KeywordRules:
    return KeywordRules(keep=frozenset(USER_WORDS), **kw)


LEAD = (
    "11月6-7日,2025火炬论坛在河北雄安新区举办。来自国家部委、地方政府和高新区、孵化器、技术转移机构的负责人汇聚一堂。"
    "雄安新区正在成为创新成果转化的重要策源地。雄安高新区将与南京高新区、武汉东湖高新区建立对口协作长效机制。"
    "工业和信息化部火炬中心携手国家高新区共同发出“十个一”倡议。本届论坛由火炬中心联合主办。"
)


def test_user_words_stay_whole(tk):
    tags = extract_keywords(LEAD, tk, rules(top=10))
    assert "雄安新区" in tags and "高新区" in tags and "火炬中心" in tags
    assert not {"雄安", "新区", "火炬", "中心"} & set(tags)


def test_top_n(tk):
    assert len(extract_keywords(LEAD, tk, rules(top=5))) == 5
    assert len(extract_keywords(LEAD, tk, rules(top=2))) == 2
    assert extract_keywords(LEAD, tk, rules(top=0)) == ()
    assert extract_keywords("", tk, rules()) == ()


def test_deterministic(tk):
    assert extract_keywords(LEAD, tk, rules()) == extract_keywords(LEAD, tk, rules())


def test_numbers_and_dates_are_never_tags(tk):
    text = "2025年11月10日,全市地区生产总值达到1.2万亿元,同比增长5.6%。十一月、三季度、星期一的数据同样亮眼。" * 3
    for tag in extract_keywords(text, tk, rules(top=20)):
        assert not any(ch.isdigit() for ch in tag), tag
        assert tag not in {"十一月", "三季度", "星期一", "万亿元"}


@pytest.mark.parametrize("word, tag, ok", [
    ("雄安新区", None, True),  # a user word, whatever its part of speech
    ("论坛", "n", True),
    ("推动", "v", False),
    ("发展", "vn", False),  # shipped stop word
    ("2025", "m", False),
    ("11月", "t", False),
    ("十一月", "t", False),
    ("星期一", "t", False),
    ("记者", "n", False),
    ("的", "uj", False),
    ("A", "eng", False),
    ("绘好", None, False),  # an HMM guess, not a dictionary word
])
def test_candidates(word, tag, ok):
    assert is_candidate(word, tag, rules()) is ok


def test_site_stop_words(tk):
    tags = extract_keywords(LEAD, tk, rules(top=10))
    assert "孵化器" in tags
    tags = extract_keywords(LEAD, tk, rules(top=10, stop_words=frozenset({"孵化器"})))
    assert "孵化器" not in tags


def test_shipped_stop_words_are_loaded():
    words = load_stop_words()
    assert {"记者", "发展", "本报"} <= words
    assert not any(w.startswith("#") for w in words)


def test_ties_keep_order_of_first_appearance():
    # words jieba's IDF table does not know all weigh the same (its median)
    tags = {"鑫淼": "n", "垚犇": "n", "燚骉": "n"}
    assert rank_keywords(["垚犇", "鑫淼", "燚骉"], tags, KeywordRules(top=3)) == ("垚犇", "鑫淼", "燚骉")
    assert rank_keywords(["燚骉", "鑫淼", "垚犇"], tags, KeywordRules(top=3)) == ("燚骉", "鑫淼", "垚犇")
    assert rank_keywords(["垚犇", "鑫淼", "燚骉", "燚骉"], tags, KeywordRules(top=1)) == ("燚骉",)
