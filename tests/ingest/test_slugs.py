"""Slugs: ASCII pinyin, short, never empty, unique in their folder, never a way out of it."""

from __future__ import annotations

import re

import pytest

from ssg.ingest.segment import tokenizer
from ssg.ingest.slugs import caption_slug_text, slugify, unique_slugs

USER_WORDS = ("雄安新区", "火炬中心", "高新区", "十个一")
SAFE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def cut():
    return tokenizer(USER_WORDS).cut


@pytest.mark.parametrize("title, slug", [
    ("首届火炬论坛在河北雄安新区举办", "shou-jie-huo-ju-lun-tan"),
    # whole words only: 国家 高新区 (5 syllables), 创新 would make 7
    ("国家高新区创新发展“十个一”倡议", "guo-jia-gao-xin-qu"),
    ("绘好一张蓝图", "hui-hao-yi-zhang-lan-tu"),
    ("共建一批平台", "gong-jian-yi-pi-ping-tai"),
    ("绿色低碳", "lv-se-di-tan"),
    ("2025火炬论坛", "2025-huo-ju-lun-tan"),
    ("CHINA HIGH-TECH 产业", "china-high-tech-chan-ye"),
    # a first word longer than six syllables is cut inside it
    ("中华人民共和国国民经济和社会发展第十四个五年规划", "zhong-hua-ren-min-gong-he"),
])
def test_titles(cut, title, slug):
    assert slugify(title, cut=cut) == slug


@pytest.mark.parametrize("title", [
    "../../etc/passwd", "<script>alert(1)</script>", "/根目录/", "C:\\Windows", "a/../b", "...", "--", "𠀀𠀁",
    "Ünïcödé ÀÉ", "第一版\n第二行", "  空格  ",
])
def test_only_safe_characters(cut, title):
    slug = slugify(title, cut=cut)
    assert slug == "" or SAFE.match(slug)
    assert "/" not in slug and "\\" not in slug and ".." not in slug


def test_without_a_word_cut_every_han_character_counts():
    assert slugify("国家高新区创新发展") == "guo-jia-gao-xin-qu-chuang"


def test_length_is_bounded(cut):
    slug = slugify("ABCDEFGHIJKLMNOPQRSTUVWXYZ " * 5, cut=cut)
    assert len(slug) <= 48 and SAFE.match(slug)


@pytest.mark.parametrize("text, head", [
    ("11月6-7日,2025火炬论坛在河北雄安新区举办。", "11月6-7日"),
    ("图为签约现场。新华社记者 张三摄", "图为签约现场"),
    ("", ""),
])
def test_caption_slug_text(text, head):
    assert caption_slug_text(text) == head


def test_caption_slug(cut):
    assert slugify(caption_slug_text("11月6-7日,2025火炬论坛在河北雄安新区举办。"), cut=cut) == "11-yue-6-7-ri"


def test_unique_in_folder_and_never_empty():
    assert unique_slugs(["a", "a", "", "b", "a", "", "a-2"], "article") == (
        "a", "a-2", "article-3", "b", "a-3", "article-6", "a-2-2")


def test_fallback_names_the_position():
    assert unique_slugs(["", ""], "item") == ("item-1", "item-2")
