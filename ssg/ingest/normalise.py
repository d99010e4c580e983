"""Typography fixes on decoded text, line by line (line numbers never move).

Exports from e-papers and PDFs mix ASCII punctuation into Chinese sentences
(`11月6-7日,以`, `本报讯(记者 张伟)`). In Chinese text these become the
full-width forms a paper prints; inside numbers and Latin text (`1,000`,
`10:30`, `http://`, `(see above)`) they stay. Dash variants between digits
(`CN 11—0237`, `1—206`) become the ASCII hyphen serial numbers are written
with. Both fixes can be turned off in site.yaml (`ingest.normalise_*`).
"""

from __future__ import annotations

import re

from ssg.config import IngestConfig

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

# Invisible characters copy-and-paste brings along; they only hinder matching.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_DIGIT_DASH = re.compile(r"(?<=\d)[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d](?=\d)")
_ASCII_MARKS = re.compile(r"[,;:?!()]")
_SPACES = re.compile("[\u00a0\u2002\u2003\u2009\u202f\t\f\v]")


def normalise_text(text: str, config: IngestConfig | None = None) -> str:
    """Apply the configured fixes to every line; the number of lines never changes."""
    config = config or IngestConfig()
    lines = text.split("\n")
    out = []
    for line in lines:
        line = _INVISIBLE.sub("", line)
        line = _SPACES.sub(" ", line).rstrip()
        if config.normalise_dashes:
            line = normalise_serial_dashes(line)
        if config.normalise_punctuation:
            line = full_width_punctuation(line)
        out.append(line)
    return "\n".join(out)


def normalise_serial_dashes(line: str) -> str:
    """`CN 11—0237` -> `CN 11-0237`, `2—8版` -> `2-8版`: one dash between digits is a hyphen.

    A double dash (`——`) is Chinese punctuation and is left alone.
    """
    return _DIGIT_DASH.sub("-", line)


def is_cjk(ch: str) -> bool:
    """Han characters and the punctuation that only Chinese text uses."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x3FFFF
        or 0xF900 <= o <= 0xFAFF
        or 0x3000 <= o <= 0x303F  # 、。〈〉《》「」【】〔〕
        or 0xFF01 <= o <= 0xFF60  # ，：；！？（）
        or ch in "“”‘’…—·"
    )


def full_width_punctuation(line: str) -> str:
    """ASCII `, ; : ? ! ( )` in Chinese context become `， ； ： ？ ！ （ ）`.

    A mark is in Chinese context when the nearest non-space character on
    either side is Chinese; a mark between two digits (`1,000`, `10:30`) never
    is. Brackets go by pairs: a pair turns full-width when what it holds or
    what stands next to it is Chinese (`(记者 张伟)`, `首台(套)`, `(1)加强`),
    and stays ASCII around Latin text (`(see above)`).
    """
    if not _ASCII_MARKS.search(line):
        return line
    chars = list(line)
    pairs = _bracket_pairs(line)
    paired = {i for pair in pairs for i in pair}
    for i, ch in enumerate(line):
        if ch not in _FULL_WIDTH or ch in "()" and i in paired:
            continue
        before, after = _neighbour(line, i, -1), _neighbour(line, i, 1)
        if before.isdigit() and after.isdigit() and ch in ",:;":
            continue
        if (before and is_cjk(before)) or (after and is_cjk(after)):
            chars[i] = _FULL_WIDTH[ch]
    for open_at, close_at in pairs:
        inside = line[open_at + 1 : close_at]
        outside = (_neighbour(line, open_at, -1), _neighbour(line, close_at, 1))
        if any(is_cjk(c) for c in inside) or any(c and is_cjk(c) for c in outside):
            chars[open_at], chars[close_at] = "（", "）"
    return "".join(chars)


def _neighbour(line: str, i: int, step: int) -> str:
    """The nearest non-space character from position i in direction step ("" at an end)."""
    j = i + step
    while 0 <= j < len(line) and line[j] in " \u3000":
        j += step
    return line[j] if 0 <= j < len(line) else ""


def _bracket_pairs(line: str) -> list[tuple[int, int]]:
    """Matching ASCII ( ) positions, innermost first."""
    stack: list[int] = []
    pairs = []
    for i, ch in enumerate(line):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append((stack.pop(), i))
    return pairs
