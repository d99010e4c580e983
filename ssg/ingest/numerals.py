"""Chinese and circled numerals as printed in list markers and list names.

Only the forms a paper uses to number things: 一 .. 九十九 (十, 十二, 二十, 两),
① .. ⑳. Anything else (十四五, 一二三) is not a number here, so a slogan or a
run of ordinals never reads as a count.
"""

from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL_CHARS = "〇零一二两三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def parse_cn_number(text: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 九十九 -> 99; None for anything else."""
    if not text or len(text) > 3:
        return None
    if len(text) == 1:
        if text == "十":
            return 10
        value = DIGITS.get(text)
        return value if value else None
    if "十" not in text:
        return None  # 一二, 十四五: a run of digits is not how papers number items
    tens_text, _, ones_text = text.partition("十")
    if "十" in ones_text:
        return None
    tens = 1 if tens_text == "" else DIGITS.get(tens_text)
    ones = 0 if ones_text == "" else DIGITS.get(ones_text)
    if not tens or ones is None or (ones_text and ones == 0) or tens_text == "两":
        return None
    return tens * 10 + ones


def parse_circled(char: str) -> int | None:
    """① -> 1 .. ⑳ -> 20."""
    index = CIRCLED.find(char)
    return index + 1 if len(char) == 1 and index >= 0 else None
