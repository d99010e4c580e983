"""jieba, set up in one place: one tokenizer per set of user words, loaded once.

Ingest asks jieba three things: where the words of a text are (`cut`),
whether a column break fell inside a word (`splits_word`, which confirms that
`创` + `业投资` belong together), and what part of speech a dictionary word
has (`tag`, for the shape of a clause). Keywords use the same tokenizer, so
terms from `site.yaml` (`keywords.user_words`: 雄安新区, 十个一) stay whole
everywhere.

jieba's dictionary and tag table are read through `ssg.ingest.cache`, which
keeps them parsed in the user's cache folder: the same tables, without a
second of parsing on every run.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

import jieba

from ssg.ingest.cache import cached_table

log = logging.getLogger(__name__)

# jieba logs its dictionary loading at INFO on its own handler; keep it quiet.
jieba.setLogLevel(logging.WARNING)

DICTIONARY = Path(jieba.__file__).resolve().parent / "dict.txt"


def _parse_dictionary() -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's dict.txt -> (word and prefix frequencies, their total, part of speech per word).

    The frequencies are what `jieba.Tokenizer.gen_pfdict` builds (every prefix
    of a word present, with 0 when it is no word itself), the tags what
    `jieba.posseg` reads.
    """
    with DICTIONARY.open("rb") as fh:
        freq, total = jieba.Tokenizer.gen_pfdict(fh)
    tags: dict[str, str] = {}
    with DICTIONARY.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return freq, total, tags


@functools.lru_cache(maxsize=1)
def dictionary() -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's default dictionary, parsed once per process (and kept in the user cache)."""
    return cached_table("jieba-dict", [DICTIONARY], jieba.__version__, _parse_dictionary)


def word_tags() -> dict[str, str]:
    """Part of speech of every word of jieba's dictionary (n, v, ns, t, ...)."""
    return dictionary()[2]


@functools.lru_cache(maxsize=8)
def tokenizer(user_words: tuple[str, ...] = ()) -> jieba.Tokenizer:
    """A loaded jieba tokenizer knowing `user_words`; one per distinct tuple.

    Each tokenizer gets its own copy of the dictionary, and the words are
    added to that instance only, so two sites in one process do not mix.
    It cuts exactly as `jieba.Tokenizer().initialize()` would.
    """
    tk = jieba.Tokenizer()
    freq, total, _ = dictionary()
    tk.FREQ, tk.total = dict(freq), total
    tk.initialized = True
    for word in user_words:
        if word.strip():
            tk.add_word(word.strip())
    log.debug("jieba tokenizer ready with %d user words", len(user_words))
    return tk


@dataclass(frozen=True)
class Segmenter:
    """jieba for one site: `Segmenter(config.keywords.user_words)`."""

    user_words: tuple[str, ...] = ()

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        return tokenizer(tuple(self.user_words))

    def cut(self, text: str, hmm: bool = False) -> list[str]:
        """The words of `text` in order (HMM off by default: only dictionary words)."""
        return self.tokenizer.lcut(text, HMM=hmm)

    def is_word(self, text: str) -> bool:
        """True when `text` is an entry of the dictionary (or a user word)."""
        return self.tokenizer.FREQ.get(text, 0) > 0

    def word_frequency(self, text: str) -> int:
        return self.tokenizer.FREQ.get(text, 0)

    def tag(self, word: str) -> str | None:
        """The dictionary's part of speech of a word (n, v, t, ...), None when it has none."""
        return self.tokenizer.user_word_tag_tab.get(word) or word_tags().get(word)

    def tagged(self, text: str) -> list[tuple[str, str | None]]:
        """The words of `text` with their parts of speech (dictionary words only, no HMM)."""
        return [(word, self.tag(word)) for word in self.cut(text)]

    def best_score(self, text: str) -> float:
        """The log-probability of jieba's best cut of a run of Han text (0.0 for none)."""
        if not text:
            return 0.0
        tk = self.tokenizer
        route: dict[int, tuple[float, int]] = {}
        tk.calc(text, tk.get_DAG(text), route)
        return route[0][0]

    def word_gain(self, left: str, right: str) -> float:
        """How much likelier jieba finds the text around a boundary with a word across it.

        The log-probability of the best cut of the Han text on both sides
        together, less that of cutting each side alone: 0 when the best cut
        has a word boundary there anyway, large when a word spans it.
        """
        a, b = _han_tail(left), _han_head(right)
        if not a or not b:
            return 0.0
        return self.best_score(a + b) - self.best_score(a) - self.best_score(b)

    def spanning_word(self, left: str, right: str) -> tuple[str, int] | None:
        """The word of jieba's cut that spans the boundary, and how much of it is on the left."""
        a, b = _han_tail(left), _han_head(right)
        pos = 0
        for word in self.cut(a + b) if a and b else ():
            end = pos + len(word)
            if pos < len(a) < end:
                return word, len(a) - pos
            if end >= len(a):
                break
            pos = end
        return None

    def splits_word(self, left: str, right: str) -> bool:
        """Heuristic: does the boundary between `left` and `right` cut a word in two?

        Guesses yes when jieba finds the text around the boundary far likelier
        with a word across it than cut there (`SPLIT_GAIN`, a factor of about
        150): `创|业投资` -> 创业投资, `体系化推|动场景` -> 推动, `文化环|境` ->
        环境; or when the break leaves the first character of a word of three
        or more alone (`走进科|技馆` -> 科技馆). Two whole words that also form
        a compound (`改革|开放`, `数据|中心`), a word jieba merely prefers
        across the boundary (`之路|经开区` -> 路经), or a word that a one-character
        prefix of the next block would make (`碳中和|市住房…` -> 中和市) are no
        evidence: a headline ends where a word ends, and the text after it may
        begin with a word that runs on with it.
        """
        spanning = self.spanning_word(left, right)
        if spanning is None:
            return False
        word, at = spanning
        if len(word) >= 3 and at == 1:
            return True
        return self.word_gain(left, right) >= SPLIT_GAIN


SPLIT_GAIN = 5.0
"""Natural-log gain above which a word across a boundary is taken as cut (e^5 ≈ 150)."""

_WINDOW = 8


def _han_tail(text: str) -> str:
    """The run of Han characters ending `text` (at most a window's worth)."""
    out = []
    for ch in reversed(text.rstrip()):
        if not _is_han(ch) or len(out) == _WINDOW:
            break
        out.append(ch)
    return "".join(reversed(out))


def _han_head(text: str) -> str:
    out = []
    for ch in text.lstrip():
        if not _is_han(ch) or len(out) == _WINDOW:
            break
        out.append(ch)
    return "".join(out)


def _is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3FFFF
