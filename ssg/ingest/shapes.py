"""What a paragraph of newspaper text looks like: sentence ends, headlines, boxes, captions.

Every function here is a heuristic about the shape of one block of text; the
reader combines them. They hold for any Chinese paper's pages, so none knows
a word of one paper: they look at punctuation, length and a few labels every
paper uses (图为, 摄, 记者手记).
"""

from __future__ import annotations

import re
from collections.abc import Callable

SENTENCE_ENDS = "。！？!?…；;：:"
"""A paragraph may end after these: 。！？… end sentences, ；： end list items and introductions."""
CLOSING_QUOTES = "”’」』\"'"
OPENING_MARKS = "（(“‘《「『【〔［"
CANNOT_START = "，,。、；;：:！!？?）)”’》」』】〕］.%％"
"""Marks a paragraph never opens with: text starting with one continues the text before it."""
CONTINUES_AFTER = "，,、" + OPENING_MARKS
"""Marks a paragraph never ends with: text ending in one goes on in the next block."""
DASHES = ("——", "--", "──", "―", "—", "－－")

BOX_MARKERS = "■□●○◆◇▲△★☆▶►◎※▌▍◤•"
BOX_LABELS = frozenset({
    "记者手记", "记者观察", "记者点评", "延伸阅读", "短评", "快评", "链接", "相关链接", "背景链接",
    "新闻链接", "知识链接", "编者按", "编后", "编后语", "专家点评", "专家观点", "数读", "数说",
    "小贴士", "背景", "新闻背景", "相关新闻", "新闻观察", "点评", "声音", "观点", "资料", "名词解释",
    "知识点", "一线声音", "现场直击", "案例", "读者来信", "记者再访",
})

HEADLINE_MAX_CHARS = 40
SUBTITLE_MAX_CHARS = 64
COMMA_HEADLINE_MAX_CHARS = 24
HEADLINE_MAX_RUN = 26
"""A headline line this long has a space, a quote or a colon in it somewhere."""
_UNBROKEN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")

# Single characters a headline never ends on; a block ending on one was cut
# by a column break (…推动产业链、创新链的 / 融合发展). Checked as words, so
# that 参与, 目的, 在于 still end a headline.
FUNCTION_CHARS = frozenset("的和与及或对把将被从向于并且而之其在")

_WS = re.compile(r"\s+")
_HAN_OR_LATIN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_CAPTION_START = re.compile(r"^(?:图为|图片为|上图|下图|左图|右图|中图|组图|题图|图\s*[①-⑳\d]{1,2}\s*[：:]?|图\s*[：:]|[①-⑳]\s*[：:])")
_CREDIT_END = re.compile(
    r"(?:(?<!拍)摄|供图|资料图片|资料图|新华社发|视觉中国|图片来源[^）)]{0,20}|(?<!拍)摄影)\s*[）)]?$"
)
_END_CREDIT = re.compile(
    r"^[（(]\s*(?:作者|本文作者|本报记者|记者|通讯员|实习生|编译|整理|来源|据|综合|本报评论员|特约|执笔|文\s*[/／|｜]|图\s*[/／|｜]|图文\s*[/／|｜：:])[^（）()]{0,40}[）)]$"
    r"|^[（(][^（）()]{1,40}(?:整理|报道|采写|撰稿|供稿|综合|编译|执笔)[）)]$"
)

Lexicon = Callable[[str], bool]
"""Is this a dictionary word? (`Segmenter.is_word`)"""


def bare(text: str) -> str:
    """The text without any whitespace (print padding ignored for matching)."""
    return _WS.sub("", text)


def ends_sentence(text: str) -> bool:
    """Heuristic: does this block end where a paragraph can end?

    Guesses yes after 。！？… (behind a closing quote too: `……。”`), after
    ；and ：, and after a closing bracket (`(相关报道详见2-8版)`, an end credit).
    A block ending on anything else (a character, a comma, a bare closing
    quote as in `“十个一”`) stops mid-sentence.
    """
    t = text.rstrip()
    if not t:
        return True
    if t[-1] in "）)】]〕":
        return True
    core = t.rstrip(CLOSING_QUOTES)
    if core != t and core and core[-1] not in SENTENCE_ENDS:
        return False
    return bool(core) and core[-1] in SENTENCE_ENDS


def ends_mid_sentence(text: str) -> bool:
    """The block ends on a comma, 、 or an opening bracket: it surely goes on."""
    t = text.rstrip()
    return bool(t) and t[-1] in CONTINUES_AFTER


# Adverbials that open a sentence before its comma: 截至…, 近日, …以来, 随着….
_OPENER = re.compile(
    r"^(?:截至|截止|据|随着|为了|近日|日前|目前|当前|今年|去年|此外|同时|其中|与此同时|另一方面|记者|在)"
    r"|(?:以来|期间|之际|之后|以后|之前|以前|当中|介绍|表示|指出|认为|告诉记者|透露|坦言|说|称|时|的是)$"
)


def opens_like_a_sentence(phrase: str) -> bool:
    """Heuristic: does this phrase before a comma open a sentence (`截至5月21日`, `“十四五”以来`, `某某告诉记者`, `值得一提的是`)?"""
    return bool(_OPENER.search(phrase.strip("“”‘’\"'")))


# Particles no sentence opens with: text starting on one goes on from the block before.
_PARTICLES = frozenset("的地得了着过于之们吗呢吧")


def starts_on_particle(text: str, is_word: Lexicon | None = None) -> bool:
    """Heuristic: does the text open on a bare particle (`的高新技术企业`, `于人工智能`)?

    With a lexicon, a word that begins with one (`的确`, `了解`, `于是`, `地方`)
    does not count.
    """
    t = text.lstrip()
    if not t or t[0] not in _PARTICLES:
        return False
    return not (is_word and len(t) >= 2 and is_word(t[:2]))


def starts_mid_sentence(text: str) -> bool:
    """The block opens with a mark no paragraph opens with (，、）”): it continues the one before."""
    t = text.lstrip()
    return bool(t) and t[0] in CANNOT_START


_PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "「": "」", "『": "』", "【": "】"}


def balanced(text: str) -> bool:
    """Every quote and bracket opened in the text is closed in it (and none closed unopened)."""
    stack: list[str] = []
    closers = set(_PAIRS.values())
    for ch in text:
        if ch in _PAIRS:
            stack.append(_PAIRS[ch])
        elif ch in closers and (not stack or stack.pop() != ch):
            return False
    return not stack


def ends_on_function_word(text: str, is_word: Lexicon | None = None) -> bool:
    """Heuristic: does the text end on a particle or preposition (的, 和, 对, 在)?

    Headlines end on nouns and verbs; text that ends on `的` was cut by a
    column break. With a lexicon, a function character that ends a word
    (`目的`, `参与`, `在于`) does not count.
    """
    t = text.rstrip()
    if not t or t[-1] not in FUNCTION_CHARS:
        return False
    return not (is_word and len(t) >= 2 and is_word(t[-2:]))


_COUNT_WORD_END = re.compile(r"(?:[一二两三四五六七八九十百千万几多数这那每该某]|\d)[个家项条件位名座台套户所批种类处辆架艘只头亩吨张本部场次]$")
_COUNT_START = re.compile(r"^(?:[一二两三四五六七八九十百千万几多数这那每该某]|\d)")
_BARE_NUMERAL_END = re.compile(r"(?<=[是为有成了])[一二两三四五六七八九十]$")


def ends_on_count_word(text: str, is_word: Lexicon | None = None) -> bool:
    """Heuristic: does the text end on a number and its measure word, the noun cut off (`……的一个` / `缩影`)?

    Also on a numeral after a verb (`……集团是一` / `家专注于…`). A
    headline ends on what it counts: `十个一`, `三个一批` keep theirs in a
    word or after a measure word; with a lexicon, a word ending the text
    that is no count itself (`统一`, `唯一`, `整个`) does not count.
    """
    t = text.rstrip()
    if not (_COUNT_WORD_END.search(t) or _BARE_NUMERAL_END.search(t)):
        return False
    if not is_word:
        return True
    for size in (2, 3):
        word = t[-size:]
        if len(t) >= size and is_word(word) and not _COUNT_START.match(word):
            return False
    return True


def opens_like_a_lead(text: str) -> bool:
    """Heuristic: does the text open on the reporter's lead formula (`记者11月9日从…获悉`, `记者近日走访…`)?

    That is how a news sentence starts, never a headline.
    """
    return bool(_LEAD_FORMULA.match(bare(text)))


# The reporter's lead formula: 记者11月9日从…获悉, 记者近日走访…; body text, never a headline.
_LEAD_FORMULA = re.compile(r"^(?:本报)?记者\s*(?:\d{1,2}月|[一二三四五六七八九十]{1,3}月|\d{1,2}日|近日|日前|从|在|获悉|了解到|走访|采访|调查|看到)")


def is_subtitle_line(text: str) -> bool:
    """A 副题 starts with a dash: `——记……`."""
    return text.lstrip().startswith(DASHES)


def strip_dash(text: str) -> str:
    """The subtitle without its leading dash."""
    t = text.strip()
    for dash in DASHES:
        if t.startswith(dash):
            return t[len(dash):].strip()
    return t


def looks_like_headline(text: str, is_word: Lexicon | None = None, *, max_run: int = HEADLINE_MAX_RUN) -> bool:
    """Heuristic: could this block be a line of a headline group (引题, 主题 or 副题)?

    Guesses yes for a short line (up to 40 characters; a `——` subtitle up to
    64; no more than 26 without a space or mark) with letters in it that
    holds no 。or ；, does not end on a comma,
    colon, opening mark, particle or a count without its noun (`的一个`),
    does not open like a continuation or like a reporter's lead (`记者9日从…`).
    Quotes and brackets must close. A comma is allowed once, in a short
    headline of two matching phrases without figures (`坚持稳中求进，推动高质量发展`),
    not after an opener (`近日，全市…`, `“十四五”以来，…`, `教授张远介绍，当前…`),
    which is how cut-off body text begins.
    """
    t = text.strip()
    b = bare(t)
    subtitle = is_subtitle_line(t)
    if len(b) < 2 or len(b) > (SUBTITLE_MAX_CHARS if subtitle else HEADLINE_MAX_CHARS):
        return False
    if not _HAN_OR_LATIN.search(b) or any(c in b for c in "。；;"):
        return False
    if max(len(run) for run in _UNBROKEN.findall(t) or [""]) > max_run:
        return False
    if opens_like_a_lead(b):
        return False
    if t[-1] in CONTINUES_AFTER or t[-1] in "：:" or starts_mid_sentence(t):
        return False
    if not balanced(b):
        return False
    if not subtitle:
        commas = b.count("，") + b.count(",")
        if commas > 1:
            return False
        if commas == 1:
            first, second = re.split("[，,]", b)
            shorter, longer = sorted((len(first), len(second)))
            if len(b) > COMMA_HEADLINE_MAX_CHARS or shorter < 4 or longer > shorter * 1.5:
                return False
            if any(c.isdigit() for c in b) or opens_like_a_sentence(first):
                return False
    if t[-1] in "！？!?":
        return True
    return not ends_on_function_word(t, is_word) and not ends_on_count_word(t, is_word)


def starts_box(text: str) -> bool:
    """A box or sidebar starts here: `■记者手记`, `编者按:…`, `● 延伸阅读`."""
    t = text.lstrip()
    return bool(t) and (t[0] in BOX_MARKERS or is_box_label(t) or t.startswith(("编者按", "编后", "【编者按】")))


def is_box_label(text: str) -> bool:
    """Heuristic: is this block only a box's label (记者手记, 延伸阅读, 短评)?"""
    t = bare(text).strip(BOX_MARKERS + "【】[]：:")
    return t in BOX_LABELS


def looks_like_caption(text: str) -> bool:
    """Heuristic: is this block a photo caption by its own words?

    Guesses yes when it opens like one (`图为…`, `图①:`, `上图:`) or ends on
    a photo credit after a sentence (`……。 新华社记者 某某摄`, `(受访者供图)`).
    """
    t = text.strip()
    if not t or len(t) > 300:
        return False
    if _CAPTION_START.match(t):
        return True
    return bool(_CREDIT_END.search(t)) and any(c in t for c in "。，,")


def is_photo_credit(text: str) -> bool:
    """Heuristic: is this block only a photo credit (`新华社记者 王某 摄`, `(本报记者 李某摄)`)?"""
    t = text.strip()
    return 0 < len(bare(t)) <= 30 and bool(_CREDIT_END.search(t)) and not any(c in t for c in "。，,")


def is_end_credit(text: str) -> bool:
    """Heuristic: is this block the credit that closes an article?

    `(作者为某大学教授)`, `(本报记者某某整理)`, `(记者 某某)`, `(文/王某)`: a
    bracketed line naming who wrote or compiled it. It stays in the article's
    body where the paper printed it (and is also given as `Article.credit`).
    """
    return bool(_END_CREDIT.match(text.strip()))


def credit_text(text: str) -> str:
    """An end credit without its brackets: `(作者为某大学教授)` -> 作者为某大学教授."""
    return text.strip()[1:-1].strip()
