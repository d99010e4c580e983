"""jieba in one place: the cached dictionary, the fast cut, word splits at a break, parts of speech."""

from __future__ import annotations

import os
from pathlib import Path

import jieba
import pytest

from ssg.ingest import cache
from ssg.ingest.decode import decode_source
from ssg.ingest.segment import Segmenter, tokenizer

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
USER_WORDS = ("雄安新区", "火炬中心", "高新区", "十个一")


@pytest.fixture(scope="module")
def plain_jieba() -> jieba.Tokenizer:
    """jieba as it loads itself, with the same user words."""
    tk = jieba.Tokenizer()
    tk.initialize()
    for word in USER_WORDS:
        tk.add_word(word)
    return tk


def texts() -> list[str]:
    pages = [REPO / "sources" / "2025-11-10.txt", *sorted(FIXTURES.rglob("*.txt"))]
    return [decode_source(p.read_bytes(), str(p)) for p in pages]


def test_the_cached_dictionary_is_jiebas_own(plain_jieba):
    tk = tokenizer(USER_WORDS)
    assert tk.total == plain_jieba.total
    assert tk.FREQ == plain_jieba.FREQ


SEG = Segmenter(USER_WORDS)


@pytest.mark.parametrize(
    "left, right, expected",
    [
        ("大力发展供应链金融、创", "业投资", True),  # 创业投资
        ("构建全链条体系化推", "动场景开放", True),  # 推动
        ("营造良好的社会文化环", "境，让政务服务", True),  # 环境
        ("走进科", "技馆里的新发现", True),  # one character of 科技馆 left behind
        ("某区政务服务的蝶变之路", "经开区全面推行", False),  # jieba prefers 路经, no word was cut
        ("某某市出台二十条措施支持碳达峰碳中和", "市生态环境局", False),  # 中和市: a prefix of the next block
        ("深化改革", "开放", False),  # two words that make a compound
        ("加快建设全国一体化算力网络和数据", "中心项目", False),
        ("2025", "年", False),  # no Han on one side
    ],
)
def test_splits_word(left, right, expected):
    assert SEG.splits_word(left, right) is expected


def test_word_gain_is_zero_at_a_word_boundary():
    assert SEG.word_gain("高新技术", "企业") == pytest.approx(0.0, abs=1e-9)
    assert SEG.word_gain("创", "业投资") > 10


def test_tags_come_from_the_dictionary_and_user_words():
    assert SEG.tagged("坚持创新") == [("坚持", "v"), ("创新", "v")]
    assert dict(SEG.tagged("今天北京"))["今天"] == "t"
    assert SEG.tag("没有这个词语") is None


# -- the cache ---------------------------------------------------------------------------------


def test_a_table_is_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SSG_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("甲 1\n", "utf-8")
    calls = []

    def build():
        calls.append(1)
        return {"甲": 1}, 1

    assert cache.cached_table("test", [source], "1", build) == ({"甲": 1}, 1)
    assert cache.cached_table("test", [source], "1", build) == ({"甲": 1}, 1)
    assert len(calls) == 1
    assert len(list((tmp_path / "cache").glob("test-*.marshal"))) == 1


def test_a_changed_source_is_parsed_afresh_and_the_old_copy_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("SSG_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("甲 1\n", "utf-8")
    assert cache.cached_table("test", [source], "1", lambda: "old") == "old"
    source.write_text("甲 1\n乙 2\n", "utf-8")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    assert cache.cached_table("test", [source], "1", lambda: "new") == "new"
    assert cache.cached_table("test", [source], "2", lambda: "newer") == "newer"  # a new jieba version
    assert len(list((tmp_path / "cache").glob("test-*.marshal"))) == 1


def test_a_broken_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("SSG_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("甲 1\n", "utf-8")
    cache.cached_table("test", [source], "1", lambda: "value")
    (broken,) = (tmp_path / "cache").glob("test-*.marshal")
    broken.write_bytes(b"\x00not marshal")
    assert cache.cached_table("test", [source], "1", lambda: "rebuilt") == "rebuilt"


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("SSG_CACHE_DIR", str(blocker / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("甲 1\n", "utf-8")
    assert cache.cached_table("test", [source], "1", lambda: "value") == "value"
    assert cache.cached_table("test", [source], "1", lambda: "again") == "again"


def test_the_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("SSG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "ssg"
    monkeypatch.setenv("SSG_CACHE_DIR", str(tmp_path / "x"))
    assert cache.cache_dir() == tmp_path / "x"
