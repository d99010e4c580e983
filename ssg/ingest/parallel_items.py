"""Unnumbered parallel items: lists that papers print without any numbering.

- paragraphs that all open the same way: `大力宣传……。` / `大力宣传……。` /
  `大力宣传……。`, `坚持……。` three times or more;
- items in one paragraph separated by `;`: `大力宣传……;大力宣传……;大力宣传……。`,
  or after an introduction ending in a colon, clauses that each open on a
  verb: `重点做好以下工作:加大财政投入……;完善金融支持……;强化人才保障……。`

Both need parts of speech (jieba's dictionary tags, `Segmenter.tagged`): a
shared opening must hold a verb or an adverb, so that prose opening on the
same subject (`记者……` three times), pronoun (`有的……`) or time does not
read as a list. `ssg.ingest.enumerations` turns what is found into lists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Tagger = Callable[[str], list[tuple[str, str | None]]]

VERBAL_TAGS = frozenset({"v", "vd", "vn", "vi", "a", "ad", "d", "l"})
"""Parts of speech that make an item's opening an action: 坚持, 加快, 大力(宣传), 进一步."""
NOT_OPENING_TAGS = frozenset({"r", "t", "tg", "s", "f", "ns", "nr", "nrt", "nrfg", "nt", "c", "p", "m", "mq", "q", "u", "uj", "x"})
"""Parts of speech a list item never opens on: pronouns, times, places, names, conjunctions, prepositions, numbers."""
HEAD_CHARS = 12
_CLAUSE_MARKS = "，,、；;：:。！？!?"
MAX_CLAUSE_CHARS = 120
"""The longest clause that still reads as one `;`-separated item."""


def _head_words(text: str, tagged: Tagger) -> list[tuple[str, str | None]]:
    return tagged(text.lstrip()[:HEAD_CHARS])


def shared_opening(texts: Sequence[str], tagged: Tagger) -> str | None:
    """Heuristic: the words every text opens with, when they make an item's lead action.

    The longest run of whole words all the texts open with (`大力宣传`,
    `坚持`), two characters or more, not opening on a pronoun, a time, a
    place, a name, a conjunction, a preposition or a number, holding a verb
    or an adverb and no particle (`有的`), and followed in every text by
    the action's object before any comma (`大力宣传党的创新理论,` but not
    `记者看到,`). None when the texts share no such opening.
    """
    if len(texts) < 2:
        return None
    return _shared_opening(texts, [_head_words(t, tagged) for t in texts])


def _shared_opening(texts: Sequence[str], heads: Sequence[list[tuple[str, str | None]]]) -> str | None:
    shared: list[tuple[str, str | None]] = []
    for words in zip(*heads):
        if any(w[0] != words[0][0] for w in words) or not words[0][0].isalnum():
            break  # an opening is words, never a mark: `记者看到,` opens on 记者看到
        shared.append(words[0])
    opening = "".join(w for w, _ in shared)
    if len(opening) < 2 or shared[0][1] in NOT_OPENING_TAGS:
        return None
    if any(tag in ("u", "uj", "ul", "uz", "ug") for _, tag in shared):
        return None  # 有的……;有的……: "some … , others …" is prose, not a list of actions
    if not any(tag in VERBAL_TAGS for _, tag in shared):
        return None
    for text in texts:
        rest = text.lstrip()[len(opening):]
        cut = next((k for k, c in enumerate(rest) if c in _CLAUSE_MARKS), len(rest))
        if cut < 2:
            return None  # `记者看到,…`, `他指出,…`: the opening is a whole clause, no item's lead
    return opening


def find_same_openings(paragraphs: Sequence[str], tagged: Tagger, min_items: int = 3) -> list[tuple[int, int, str]]:
    """Heuristic "same-opening": runs of `min_items` or more paragraphs opening the same way.

    Returns (first paragraph, paragraph after the run, the shared opening)
    for each run. Every paragraph of a run must end a sentence, as items do.
    """
    found = []
    i = 0
    n = len(paragraphs)
    heads: dict[int, list[tuple[str, str | None]]] = {}

    def head(k: int) -> list[tuple[str, str | None]]:
        if k not in heads:
            heads[k] = _head_words(paragraphs[k], tagged)
        return heads[k]

    while i < n:
        best = None
        for j in range(i + min_items, n + 1):
            run = paragraphs[i:j]
            if not run[-1].rstrip().endswith(("。", "！", "；", "”")):
                break
            opening = _shared_opening(run, [head(k) for k in range(i, j)])
            if opening is None:
                break
            best = (i, j, opening)
        if best:
            found.append(best)
            i = best[1]
        else:
            i += 1
    return found


def split_semicolon_items(paragraph: str, tagged: Tagger, min_items: int = 3) -> tuple[str, tuple[str, ...], str] | None:
    """Heuristic "semicolon-items": `;`-separated items inside one paragraph.

    (introduction, items, text after them), or None. The items are the
    clauses between `;` (the last one up to its full stop), `min_items` or
    more, none longer than `MAX_CLAUSE_CHARS`. They must share an opening
    (`大力宣传……;大力宣传……`), or, after an introduction ending in a colon
    (`重点做好以下工作:`), each open on a verb or an adverb.
    """
    text = paragraph.strip()
    intro = ""
    first_semi = min((i for i in (text.find("；"), text.find(";")) if i >= 0), default=-1)
    if first_semi < 0:
        return None
    colon = max(text.rfind("：", 0, first_semi), text.rfind(":", 0, first_semi))
    if colon >= 0:
        intro, text = text[: colon + 1], text[colon + 1:]
    clauses = text.replace(";", "；").split("；")
    last = clauses[-1]
    stop = next((k for k, c in enumerate(last) if c in "。！？!?"), None)
    tail = ""
    if stop is not None:
        while stop + 1 < len(last) and last[stop + 1] in "”’」）)":
            stop += 1
        clauses[-1], tail = last[: stop + 1], last[stop + 1:].strip()
    clauses = [c.strip() for c in clauses]
    if len(clauses) < min_items or any(not c or len(c) > MAX_CLAUSE_CHARS for c in clauses):
        return None
    if shared_opening(clauses, tagged) is None and not (intro and all(_opens_on_action(c, tagged) for c in clauses)):
        return None
    return intro, tuple(clauses), tail


def _opens_on_action(text: str, tagged: Tagger) -> bool:
    words = _head_words(text, tagged)
    return bool(words) and words[0][1] in VERBAL_TAGS and len(words[0][0]) >= 2
