"""Datelines (电头) and bylines, in the shapes Chinese papers print them.

- leading the first paragraph: `本报讯(记者 张伟)…`, `本报讯 记者张伟 通讯员李明 …`,
  `本报北京11月9日电(记者 王某 通讯员 李某)…`, `本报4月26日讯(记者 …)…`,
  `新华社北京11月9日电(记者 …)…`, `【新华社重庆十四日电】…`;
- a line of its own under the headline: `本报记者  王  某` (print pads
  two-character names), `本报评论员`, or just a name: `王某某`.

Bylines keep the text as printed; padding is ignored only when matching.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ssg.ingest.shapes import BOX_MARKERS, bare

# Common single and compound surnames: a name under a headline starts with one.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
    "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项"
    "连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞"
    "敖巩明佘池乐匡粟"
)
COMPOUND_SURNAMES = frozenset(
    ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "夏侯", "轩辕", "令狐", "宇文", "司徒", "独孤", "南宫", "西门", "端木", "申屠", "呼延", "澹台"]
)

_ROLE = (
    r"(?:(?:本报|新华社|中新社|央视|[\u4e00-\u9fff]{2,6}?(?:日报|晚报|时报|导报|商报|青年报|社|网|台))?"
    r"(?:驻[\u4e00-\u9fff]{1,4})?(?:特约|见习|实习|首席|全媒体)?"
    r"(?:摄影记者|记者|通讯员|评论员|实习生|撰稿人|特约撰稿人)"
    r"|作者[：:]?|文\s*[/／|｜]\s*图|图\s*[/／|｜]\s*文|文[/／|｜：:]|图[/／|｜：:]|摄影[/／|｜：:]?|整理[：:]|编译[：:])"
)
_ROLE_RE = re.compile(_ROLE)
# Signed by an office or agency, not a person: 本报评论员, 本报编辑部, 本报调研组, 新华社.
_OFFICE = re.compile(
    r"^(?:(?:本报|新华社|人民日报|[\u4e00-\u9fff]{2,6}报)?(?:特约)?(?:评论员|评论部|编辑部|调研组|课题组|调查组|采访组|报道组|记者调查组|联合调研组)"
    r"|新华社|中新社|中国新闻社)$"
)
_NAME_SEPARATORS = re.compile(r"[、，,/／|｜·]+")
_LEAD_MARKS = BOX_MARKERS + "—-－―─ \u3000"

_CN_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATE = rf"(?:{_CN_DAY}月)?{_CN_DAY}日"
_AGENCY = (
    r"新华社|中新社|中国新闻社|人民网|新华网|中新网|央视网|央广网|光明网|国际在线|中国日报网|中国网|环球网|"
    r"澎湃新闻|[\u4e00-\u9fff]{2,6}?(?:通讯社|社|网|台)"
)
_PLACE = r"(?:(?!记者)[\u4e00-\u9fff]){1,8}?"
_DATELINE = re.compile(
    rf"""^(?P<open>[【\[〔])?\s*(?P<dateline>据?(?:
        本报(?:讯|电|消息)
      | 本报(?:{_PLACE})?{_DATE}(?:讯|电)
      | 本报{_PLACE}(?:讯|电)
      | (?:{_AGENCY})(?:{_PLACE})?{_DATE}电
      | (?:新华社|中新社|中国新闻社|人民网|新华网|中新网|央视网|央广网|光明网|国际在线|中国日报网|环球网)(?:电|消息|讯)
    ))(?:\s*(?P<close>[】\]〕]))?""",
    re.VERBOSE,
)
_PAREN_BYLINE = re.compile(r"^\s*[（(](?P<byline>[^（）()。；]{1,40})[）)]")

MAX_BYLINE_CHARS = 40
NameCheck = Callable[[str], bool]


@dataclass(frozen=True)
class Lead:
    """A paragraph's dateline and byline, and the text after them."""

    dateline: str | None
    byline: str | None
    rest: str


def looks_like_name(text: str) -> bool:
    """Heuristic: is this one person's name (2-4 Han characters after a common surname)?"""
    b = bare(text)
    if not 2 <= len(b) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in b):
        return False
    if b[:2] in COMPOUND_SURNAMES:
        return len(b) >= 3
    return b[0] in SURNAMES


def looks_like_names(text: str) -> bool:
    """Heuristic: is this one or more names (`王某`, `王某 李某`, `王某、李某`, `王  某`)?

    Padding inside a two-character name (`王  某`) is ignored; names run
    together (`王某李某`) count when they split into names.
    """
    parts = [p for p in _NAME_SEPARATORS.split(text.strip()) if p.strip()]
    if not parts:
        return False
    for part in parts:
        words = part.split()
        if all(looks_like_name(w) for w in words) and len(words) > 1:
            continue
        if not _splits_into_names(bare(part)):
            return False
    return True


def _splits_into_names(b: str) -> bool:
    if looks_like_name(b):
        return True
    for size in (2, 3):
        if len(b) > size and looks_like_name(b[:size]) and _splits_into_names(b[size:]):
            return True
    return False


def parse_byline_line(text: str, *, bare_name: bool = False, is_word: NameCheck | None = None) -> str | None:
    """Heuristic: is this whole block a byline? Returns it as printed, else None.

    Guesses yes for role words with names (`本报记者  王  某`, `记者 张伟
    通讯员 李明`, `文/图 本报记者 王某`), an office (`本报评论员`), and, with
    `bare_name` (the block stands right under a headline), names alone
    (`王某某`) unless the text is a dictionary word (`高考`, `江南`).
    """
    t = text.strip().lstrip(_LEAD_MARKS).strip()
    b = bare(t)
    if not b or len(b) > MAX_BYLINE_CHARS or any(c in b for c in "。；;！？!?"):
        return None
    if _OFFICE.match(b):
        return t
    pieces = _ROLE_RE.split(t)
    roles = _ROLE_RE.findall(t)
    if not roles:
        if bare_name and looks_like_names(t) and not (is_word and is_word(b)):
            return t
        return None
    if bare(pieces[0]):
        return None
    names = [p for p in pieces[1:]]
    if not bare(names[-1]):
        return None  # a role with no name after it: 本报记者
    for part in names:
        if bare(part) and not looks_like_names(part):
            return None
    return t


def split_lead(text: str, split_name: Callable[[str], int | None] | None = None) -> Lead:
    """Take the dateline and byline off the front of a paragraph.

    `本报讯(记者 张伟)11月6日,…` -> Lead("本报讯", "记者 张伟", "11月6日,…").
    A dateline without a byline, or a paragraph without either, comes back
    with those fields None and the text unchanged. `split_name(text)` says
    how long a name run into the text is (`李明近日` -> 2); without it such
    a name stays in the text.
    """
    m = _DATELINE.match(text)
    if not m or bool(m.group("open")) != bool(m.group("close")):
        return Lead(None, None, text)
    dateline = m.group("dateline")
    rest = text[m.end():]
    byline = None
    paren = _PAREN_BYLINE.match(rest)
    if paren:
        byline = paren.group("byline").strip()
        rest = rest[paren.end():]
    elif rest[:1].isspace():
        byline, rest = _spaced_byline(rest, split_name)
    return Lead(dateline, byline, rest.lstrip(" \u3000：:，,"))


def _spaced_byline(rest: str, split_name) -> tuple[str | None, str]:
    """`本报讯 记者张伟 通讯员李明 近日…`: the longest run of tokens that reads as a byline."""
    spans = [m.span() for m in re.finditer(r"\S+", rest)][:10]
    best = None
    for k in range(1, len(spans) + 1):
        candidate = rest[spans[0][0]: spans[k - 1][1]]
        if _ROLE_RE.match(bare(candidate)) and parse_byline_line(candidate):
            best = spans[k - 1][1]
    if best is not None:
        after = rest[best:]
        glued = _glued_name(after, split_name)
        if glued:
            best += glued
        return rest[spans[0][0]: best].strip(), rest[best:]
    glued = _glued_name(rest, split_name)
    if glued:
        return rest[:glued].strip(), rest[glued:]
    return None, rest


def _glued_name(text: str, split_name) -> int | None:
    """` 通讯员李明近日…`: the length of a role and a name run into the text, if any."""
    if split_name is None:
        return None
    lead = len(text) - len(text.lstrip())
    m = _ROLE_RE.match(text[lead:])
    if not m:
        return None
    start = lead + m.end()
    size = split_name(text[start:])
    if not size:
        return None
    return start + size


def make_name_splitter(cut: Callable[[str], list[str]], is_word: NameCheck) -> Callable[[str], int | None]:
    """`split_name` for `split_lead`, from a word cutter: a name ends where a word begins.

    Heuristic: in `李明近日，…` the name is the shortest run of 2-4 characters
    that looks like a name and is followed by a dictionary word of two or
    more characters (近日), a digit or punctuation.
    """

    def split_name(text: str) -> int | None:
        head = text[:12]
        pos = 0
        for word in cut(head):
            if pos >= 2 and (len(word) >= 2 and is_word(word) or not word[0].isalpha()):
                return pos if looks_like_name(head[:pos]) else None
            pos += len(word)
            if pos > 4:
                return None
        return pos if 2 <= pos <= 4 and pos == len(head) and looks_like_name(head) else None

    return split_name
