"""jieba, set up in one place: one tokenizer per set of user words, loaded once.

Ingest asks jieba two things: where the words of a text are (`cut`), and
whether a column break fell inside a word (`splits_word`, which confirms that
`创` + `业投资` belong together). Keywords use the same tokenizer, so terms from
`site.yaml` (`keywords.user_words`: 雄安新区, 十个一) stay whole everywhere.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

import jieba

log = logging.getLogger(__name__)

# jieba logs its dictionary loading at INFO on its own handler; keep it quiet.
jieba.setLogLevel(logging.WARNING)


@functools.lru_cache(maxsize=8)
def tokenizer(user_words: tuple[str, ...] = ()) -> jieba.Tokenizer:
    """A loaded jieba tokenizer knowing `user_words`; one per distinct tuple.

    jieba's default dictionary is shared by every tokenizer; the words are
    added to this instance only, so two sites in one process do not mix.
    """
    tk = jieba.Tokenizer()
    tk.initialize()
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
        return list(self.tokenizer.cut(text, HMM=hmm))

    def is_word(self, text: str) -> bool:
        """True when `text` is an entry of the dictionary (or a user word)."""
        return self.tokenizer.FREQ.get(text, 0) > 0

    def word_frequency(self, text: str) -> int:
        return self.tokenizer.FREQ.get(text, 0)

    def splits_word(self, left: str, right: str) -> bool:
        """Heuristic: does the boundary between `left` and `right` cut a word in two?

        Guesses yes when jieba, cutting the text around the boundary, makes a
        word that spans it and one side of that word is no word on its own
        (`创|业投资` -> 创业投资, `体系化推|动场景` -> 推动, `文化环|境` -> 环境).
        Two whole words that also form a compound (`改革|开放`, `新空间|数据`
        -> 空间数据) are no evidence: a headline ends where a word ends, and
        the text after it may begin with one that compounds with it.
        """
        a, b = _han_tail(left), _han_head(right)
        if not a or not b:
            return False
        text = a + b
        at = len(a)
        pos = 0
        for word in self.cut(text):
            end = pos + len(word)
            if pos < at < end:
                head, tail = word[: at - pos], word[at - pos :]
                return not (len(head) > 1 and len(tail) > 1 and self.is_word(head) and self.is_word(tail))
            pos = end
            if pos >= at:
                return False
        return False


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
