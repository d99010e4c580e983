"""Keyword tags for articles and initiatives: jieba words ranked by TF-IDF.

The words come from the one jieba tokenizer ingest configures
(`ssg.ingest.segment`), so user words such as 雄安新区 and 十个一 stay whole.
Ranking is jieba.analyse's TF-IDF (term frequency times the IDF table jieba
ships), restricted to noun-like words by their dictionary part of speech, with
stop words (ssg/data/stopwords.txt plus site.yaml's keywords.stop_words),
numbers and dates dropped. Ties keep the order of first appearance, so tags
never depend on dict or set order.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import ChainMap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import jieba

from ssg.ingest.cache import cached_table
from ssg.ingest.segment import word_tags

log = logging.getLogger(__name__)

STOP_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "stopwords.txt"
IDF_FILE = Path(jieba.__file__).resolve().parent / "analyse" / "idf.txt"

NOUN_TAGS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "vn", "eng", "j"})
"""Parts of speech that make a tag: nouns, names, places, organisations, verbal nouns, abbreviations."""

_NUMBER_OR_DATE = re.compile(
    r"[0-9０-９]|^[〇零一二两三四五六七八九十百千万亿几多半]+[年月日号期版个条项次名位家成倍]?$|^(星期|周)[一二三四五六日天]$"
)
_WORDLIKE = re.compile(r"^[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z·\-]*$")


def _parse_idf() -> tuple[dict[str, float], float]:
    table: dict[str, float] = {}
    with IDF_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            word, _, value = line.strip().partition(" ")
            if value:
                table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


@functools.lru_cache(maxsize=1)
def load_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median (the weight of a word it does not know), parsed once."""
    return cached_table("jieba-idf", [IDF_FILE], jieba.__version__, _parse_idf)


@functools.lru_cache(maxsize=1)
def load_stop_words() -> frozenset[str]:
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def word_tag_map(tokenizer: jieba.Tokenizer) -> Mapping[str, str]:
    """Part of speech of every word the tokenizer knows: user words' own tags, then the dictionary's."""
    user_tags = tokenizer.user_word_tag_tab
    return ChainMap(user_tags, word_tags()) if user_tags else word_tags()


@dataclass(frozen=True)
class KeywordRules:
    top: int = 5
    stop_words: frozenset[str] = frozenset()
    """Extra stop words (site.yaml); the shipped list always applies."""
    keep: frozenset[str] = frozenset()
    """Words that are tags whatever their part of speech: the user words."""


def is_candidate(word: str, tag: str | None, rules: KeywordRules) -> bool:
    """A word that may be a tag: noun-like (or a user word), not a stop word, number or date."""
    if len(word) < 2 or not _WORDLIKE.match(word) or _NUMBER_OR_DATE.search(word):
        return False
    if word in rules.stop_words or word in load_stop_words() or word.lower() in load_stop_words():
        return False
    if word in rules.keep:
        return True
    # Words jieba's HMM guessed (no dictionary tag) are too often verb fragments (绘好, 育强).
    return tag in NOUN_TAGS


def rank_keywords(words: Iterable[str], tags: Mapping[str, str], rules: KeywordRules) -> tuple[str, ...]:
    """TF-IDF over a word sequence: the top `rules.top` candidates, ties by first appearance."""
    idf, median = load_idf()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    rejected: set[str] = set()
    for i, word in enumerate(words):
        if word in counts:
            counts[word] += 1
        elif word not in rejected:
            if is_candidate(word, tags.get(word), rules):
                counts[word] = 1
                first[word] = i
            else:
                rejected.add(word)
    ranked = sorted(counts, key=lambda w: (-counts[w] * idf.get(w, median), first[w]))
    return tuple(ranked[: rules.top])


def extract_keywords(text: str, tokenizer: jieba.Tokenizer, rules: KeywordRules = KeywordRules()) -> tuple[str, ...]:
    """The keyword tags of a text, best first."""
    if not text.strip() or rules.top <= 0:
        return ()
    # Dictionary words only (no HMM): a word the HMM guesses has no part of speech and is never a tag.
    return rank_keywords(tokenizer.lcut(text, HMM=False), word_tag_map(tokenizer), rules)


class WordCache:
    """Each distinct text cut once: an article's paragraphs are also its items' text.

    Cutting texts one by one gives the same words as cutting them joined by
    line breaks (jieba never joins words across one), so tags from
    `keywords_of` equal `extract_keywords` on the joined text.
    """

    def __init__(self, tokenizer: jieba.Tokenizer):
        self.tokenizer = tokenizer
        self.tags = word_tag_map(tokenizer)
        self._words: dict[str, list[str]] = {}

    def words(self, text: str) -> list[str]:
        got = self._words.get(text)
        if got is None:
            got = self._words[text] = self.tokenizer.lcut(text, HMM=False)
        return got

    def keywords_of(self, pieces: Iterable[str], rules: KeywordRules = KeywordRules()) -> tuple[str, ...]:
        """The keyword tags of the texts taken together, best first."""
        pieces = [p for p in pieces if p]
        if rules.top <= 0 or not any(p.strip() for p in pieces):
            return ()
        return rank_keywords((w for p in pieces for w in self.words(p)), self.tags, rules)
