"""Text that goes on across a break even though the block before it looks like a headline.

A column break can cut a paragraph so that its head is short, ends on no
punctuation and reads like a headline (`滨湖新区全面推行“拿地即开工”`). What
tells it apart is the block after it: a headline is followed by the start of
an article, a cut paragraph by the rest of its sentence (`服务模式,企业开办
时间压缩至…`). Each function here names one shape of "the rest of a
sentence" that no article starts with; `continues_after_headline` combines
them. They look at punctuation, numbers and jieba's parts of speech, never
at particular words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ssg.ingest.bylines import looks_like_name
from ssg.ingest.shapes import opens_like_a_lead

Tagger = Callable[[str], list[tuple[str, str | None]]]
"""Words of a text with their dictionary part of speech (`Segmenter.tagged`)."""

CLAUSE_MARKS = "，,、：:；;。！？!?"
FRAGMENT_MAX_CHARS = 10
"""The longest opening clause that is still read as the tail of a cut phrase."""

_QUOTED = re.compile(r"“[^“”]{1,20}”|‘[^‘’]{1,20}’|「[^「」]{1,20}」")
_QUOTE_RUN = re.compile(rf"^(?:{_QUOTED.pattern})+$")
_QUOTE_RUN_HEAD = re.compile(rf"^(?:{_QUOTED.pattern})+[，,、]")
# A count: digits or Chinese numerals, then a measure word that is no unit of time.
_COUNT_END = re.compile(r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万亿]+)[个家项条件位名座台套户所批种类处辆架艘只头亩吨]$")
_NOMINAL = frozenset({"n", "vn", "nz", "ng", "j", "an", "l"})
"""Parts of speech of words a noun phrase is made of (nouns, verbal nouns, abbreviations, set phrases)."""


def opening_clause(text: str) -> tuple[str, str] | None:
    """The text before the first clause mark outside quotes, and the mark; None when there is none."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“‘「《（(":
            depth += 1
        elif ch in "”’」》）)":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in CLAUSE_MARKS:
            return text[:i], ch
    return None


def is_quote_run(text: str) -> bool:
    """Is the block nothing but quoted terms (`“有求必应、无事不扰”“保姆式服务”`)?"""
    return bool(_QUOTE_RUN.match(text.strip()))


def continues_quote_run(prev: str, nxt: str) -> bool:
    """Heuristic: a run of quoted terms cut in two (`“亩均论英雄”“从制造到智造”` / `“标准地”,这是…`).

    Papers string quoted terms together (`“店小二”“标准地”,这是企业对营商环境的评价`).
    A block that is nothing but quoted terms, followed by one that opens with
    more of them and then a comma, is one run, cut by the break: no headline
    is a bare list of terms with the article going on in the same list.
    """
    return is_quote_run(prev) and bool(_QUOTE_RUN_HEAD.match(nxt.strip()))


def opens_on_count(nxt: str, tagged: Tagger) -> bool:
    """Heuristic: the block opens on a count that belongs to the sentence before (`企业23家,形成了…`).

    A short opening clause of a noun and a number with its measure word
    (`企业23家`, `项目12个`), or of the count alone (`316家,`), is the object
    of a verb the break left behind (`引进上下游`); sentences open on a date
    or a time (`2025年,`, `9日,`) or on a subject and its verb (`新增企业23家,`),
    not on a noun and a count.
    """
    clause = opening_clause(nxt.strip())
    if clause is None or clause[1] not in "，,":
        return False
    head = clause[0]
    count = _COUNT_END.search(head)
    if count is None or len(head) > FRAGMENT_MAX_CHARS:
        return False
    return count.start() == 0 or _nominal(tagged(head[: count.start()]))


def _nominal(words: list[tuple[str, str | None]]) -> bool:
    return bool(words) and all(tag in _NOMINAL for _, tag in words)


def opens_on_modifier_tail(nxt: str, tagged: Tagger) -> bool:
    """Heuristic: the block opens on the end of a noun phrase (`领域的应用,建成…`, `联汽车领域的应用,…`).

    A short opening clause of nouns, then 的 and one or two words more, is what
    is left of `……在文化旅游领域的应用` when a break cuts it after 文化旅游. One
    leading character that is no word on its own is a word's tail cut off
    (`智能网|联汽车`). Sentences open on such a phrase only after a pronoun, a
    time or a place (`我们的目标,`, `今天的中国,`), which are not nouns here.
    """
    clause = opening_clause(nxt.strip())
    if clause is None or clause[1] not in "，,":
        return False
    head = clause[0]
    if not 3 <= len(head) <= FRAGMENT_MAX_CHARS or "的" not in head[1:]:
        return False
    words = tagged(head)
    at = next((i for i, (w, _) in enumerate(words) if w == "的"), None)
    if at is None or at == 0 or not 1 <= len(words) - at - 1 <= 2:
        return False
    before = words[:at]
    if len(before) > 1 and len(before[0][0]) == 1:
        before = before[1:]  # the tail of a word the break cut: 联|汽车
    return _nominal(before)


def opens_on_noun_after_quote(prev: str, nxt: str, tagged: Tagger) -> bool:
    """Heuristic: a quoted term ends the block and the next opens on the noun it qualifies.

    `滨湖新区全面推行“拿地即开工”` / `服务模式,企业开办时间…`: a quoted term
    before a short opening clause of two or more nouns (`服务模式`) is that
    noun phrase's modifier (`“拿地即开工”服务模式`), cut by the break. An
    article does not open on a bare compound noun and a comma.
    """
    if not prev.rstrip().endswith(("”", "’", "」")):
        return False
    clause = opening_clause(nxt.strip())
    if clause is None or clause[1] not in "，,":
        return False
    head = clause[0]
    if not 2 <= len(head) <= FRAGMENT_MAX_CHARS - 4:
        return False
    words = tagged(head)
    return len(words) >= 2 and _nominal(words)


def opens_on_bare_noun(prev: str, nxt: str, tagged: Tagger) -> bool:
    """Heuristic: a short noun and a comma open the block, after a block ending on a noun.

    `…推动现代物流产业` / `集群,力争到…`, `…构建工业互联网` / `产业集群,力争…`,
    `…的高新技术` / `企业,产品…`: the nouns are one compound the break cut at a
    word boundary. An article does not open on a lone common noun and a comma
    (`企业,`); it opens on a time, a place, a person or a sentence (none of
    which is tagged a common noun), or on a topic and what is said of it
    (`数字经济,正在…`, `创新,是…`), which the word after the comma shows.
    """
    clause = opening_clause(nxt.strip())
    if clause is None or clause[1] not in "，,":
        return False
    words = tagged(clause[0])
    if not 1 <= len(words) <= 2 or not 1 <= len(clause[0]) <= 4 or any(t not in ("n", "vn", "nz") for _, t in words):
        return False
    if _COMMENT.match(nxt.strip()[len(clause[0]) + 1:]):
        return False
    tail = tagged(_last_clause(prev))
    return bool(tail) and tail[-1][1] in _NOMINAL


# What a comment on a topic opens with: 数字经济,正在… / 创新,是… / 人才,既是…
_COMMENT = re.compile(r"^(?:是|正|已|就|既|不仅|也|都|才|更|还|又|作为|成为|始终|一直|历来|向来|从来|永远)")


def closes_locative_frame(prev: str, nxt: str, tagged: Tagger) -> bool:
    """Heuristic: the block closes a `在……里` frame the block before opened (`在某公司的生产` / `车间里,…`).

    A block with the preposition 在 and no locative after it, followed by one
    whose short opening clause is nouns ending on a locative of place (里,
    中, 上), or the locative alone (`在某公司的生产车间` / `里,…`), is one
    phrase cut by the break. A headline keeps its frame whole (`在希望的田野上`).
    """
    clause = opening_clause(nxt.strip())
    if clause is None or clause[1] not in "，," or len(clause[0]) > FRAGMENT_MAX_CHARS - 2:
        return False
    head = tagged(clause[0])
    if not head or head[-1][0] not in _PLACE_WORDS or not all(tag in _NOMINAL for _, tag in head[:-1]):
        return False  # `车间里`, `里`; not a time (`去年以来`)
    words = tagged(_last_clause(prev))
    at = next((i for i in range(len(words) - 1, -1, -1) if words[i] == ("在", "p")), None)
    return at is not None and all(tag != "f" for _, tag in words[at + 1:])


_PLACE_WORDS = frozenset({"里", "中", "上", "下", "内", "外", "旁", "边", "间", "之中", "当中", "里面", "内部", "周边"})
"""Locatives that close a 在 frame of place (在……车间里); 以来, 期间 close frames of time."""


def _last_clause(text: str) -> str:
    t = text.strip()
    cut = max(t.rfind(mark) for mark in CLAUSE_MARKS)
    return t[cut + 1:]


_NEW_SENTENCE_TAGS = frozenset({"r", "t", "c"})
_STRONG_OPENER = re.compile(
    r"^(?:(?:近日|日前|目前|当前|近年来|今年以来|去年以来|近期|此前|据悉|据了解|据介绍|据统计|"
    r"记者从|记者近日|记者日前|此外|与此同时|另据|截至目前|截至[^，,。]{2,12})[，,]"
    r"|[\u4e00-\u9fff]{2,8}?(?:表示|认为|指出|介绍|坦言|透露|强调|告诉记者)[，,：:])"
)
# A person's name and what they said: 程某某表示：…, 王某说,…
_SPEAKER = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4}?)(?:表示|认为|指出|介绍|坦言|透露|强调|告诉记者|说)[，,：:]")


def opens_on_speaker(nxt: str) -> bool:
    """Heuristic: the block opens on a name and a verb of saying (`程某某表示:`, `王某说,`).

    A sentence starts there, so a word that jieba would make across the break
    (`……之路` / `程某某表示` -> 路程) is no evidence of a cut word.
    """
    m = _SPEAKER.match(nxt.strip())
    return bool(m) and looks_like_name(m.group("name"))


_QUOTED_SENTENCE = re.compile(r"^[“「][^“”「」]*?[。！？!?…][”」]")


def opens_on_quoted_sentence(nxt: str) -> bool:
    """Heuristic: the block opens on a whole quoted sentence (`“数字化改造后，效率提升了三成。”…`).

    Speech starts a sentence; a quoted term the break cut from its noun
    (`“拿地即开工”模式`) holds no full stop.
    """
    return bool(_QUOTED_SENTENCE.match(nxt.strip()))


REPEAT_MIN_CHARS = 4


def repeats_subject(prev: str, nxt: str) -> bool:
    """Heuristic: the block opens with the words the block before opened with.

    A headline names its subject and the article's first sentence names it
    again (`某某股份有限公司……项目签约落户某市` / `某某股份有限公司是一家…`);
    a sentence cut by a break does not start over.
    """
    a, b = prev.strip(), nxt.strip()
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= REPEAT_MIN_CHARS and all("\u4e00" <= c <= "\u9fff" for c in a[:REPEAT_MIN_CHARS])


def opens_new_sentence(prev: str, nxt: str, tagged: Tagger | None = None) -> bool:
    """Heuristic: the block after a block that ends on no punctuation opens a sentence of its own.

    `近日,…`, `据悉,…`, `截至9月底,…`, `专家认为,…`, the reporter's lead
    (`记者9日从…获悉`), a whole quoted sentence or the subject the block before
    opened with open a sentence wherever they stand; a pronoun, a time word or
    a conjunction (`这是…`, `目前全市…`, `同时…`) after a block ending on a noun
    does too. A break cuts a sentence in the
    middle, so the block before was no cut sentence but a headline.
    """
    t = nxt.strip()
    if _STRONG_OPENER.match(t) or opens_like_a_lead(t) or opens_on_quoted_sentence(t) or repeats_subject(prev, t):
        return True
    if tagged is None:
        return False
    head = tagged(t[:6])
    tail = tagged(_last_clause(prev)[-8:])
    return bool(head and tail) and head[0][1] in _NEW_SENTENCE_TAGS and tail[-1][1] in _NOMINAL | {"ns", "nt", "nr"}


def continues_after_headline(prev: str, nxt: str, tagged: Tagger | None = None) -> bool:
    """Heuristic: does `nxt` go on with the sentence of a headline-like `prev`?

    Yes when it opens on a quoted term continuing a run of them, on a count,
    on the tail of a noun phrase, on the noun a closing quoted term
    qualifies, on a noun compounding with the one before, or when it closes
    a `在……里` frame (each a heuristic above). The ones that need parts of
    speech are skipped without a `tagged`.
    """
    if continues_quote_run(prev, nxt):
        return True
    if tagged is None:
        return False
    return (
        opens_on_count(nxt, tagged)
        or opens_on_modifier_tail(nxt, tagged)
        or opens_on_noun_after_quote(prev, nxt, tagged)
        or opens_on_bare_noun(prev, nxt, tagged)
        or closes_locative_frame(prev, nxt, tagged)
    )
