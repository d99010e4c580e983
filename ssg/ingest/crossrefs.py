"""Cross references to other pages: (相关报道详见2-8版), (下转第三版), (上接第一版).

A paragraph that is nothing but references becomes the article's `see_also`
(build links the pages); a reference inside a sentence stays in the text.
"""

from __future__ import annotations

import re

from ssg.ingest.model import SeeAlso
from ssg.ingest.numerals import parse_cn_number

_CN_NUM = "〇零一二两三四五六七八九十"
_PAGES = rf"第?\s*[\d{_CN_NUM}]+\s*版?(?:\s*(?:[-—–～~至到、，,和及]|\s)\s*第?\s*[\d{_CN_NUM}]+\s*版?)*\s*版"
_REF_BODY = rf"[^（）()【】\[\]]{{0,16}}?(?:见|转|接)[^（）()【】\[\]]{{0,6}}?{_PAGES}[^（）()【】\[\]]{{0,8}}?"
_REFERENCE = re.compile(rf"[（(【\[]\s*(?P<text>{_REF_BODY})\s*[）)】\]]")
_BARE_REFERENCE = re.compile(rf"^(?P<text>{_REF_BODY})$")
_PAGE_RUN = re.compile(_PAGES)
_NUMBER = re.compile(rf"\d+|[{_CN_NUM}]+")


def parse_reference(text: str) -> SeeAlso | None:
    """`相关报道详见2-8版` -> SeeAlso(pages="2-8", text="相关报道详见2-8版"); None when no page is named."""
    t = text.strip()
    run = _PAGE_RUN.search(t)
    if not run:
        return None
    pages = _ascii_pages(run.group(0))
    return SeeAlso(pages=pages, text=t) if pages else None


def reference_paragraph(text: str) -> tuple[SeeAlso, ...] | None:
    """The references when a paragraph holds only references (brackets optional), else None."""
    t = text.strip()
    found: list[SeeAlso] = []
    pos = 0
    for m in _REFERENCE.finditer(t):
        if t[pos:m.start()].strip():
            return None
        ref = parse_reference(m.group("text"))
        if ref is None:
            return None
        found.append(ref)
        pos = m.end()
    if found:
        return tuple(found) if not t[pos:].strip() else None
    m = _BARE_REFERENCE.match(t)
    if m and len(t) <= 24:
        ref = parse_reference(m.group("text"))
        return (ref,) if ref else None
    return None


def find_references(text: str) -> list[SeeAlso]:
    """Every bracketed reference in the text, inline ones included."""
    found = (parse_reference(m.group("text")) for m in _REFERENCE.finditer(text))
    return [ref for ref in found if ref is not None]


def _ascii_pages(run: str) -> str | None:
    """`第三版` -> "3", `2-8版` -> "2-8", `2、3版` -> "2,3", `第二至四版` -> "2-4"."""
    out = []
    pos = 0
    for m in _NUMBER.finditer(run):
        between = run[pos:m.start()]
        value = int(m.group(0)) if m.group(0).isdigit() else parse_cn_number(m.group(0))
        if not value:
            return None
        if out:
            out.append("-" if re.search(r"[-—–～~至到]", between) else ",")
        out.append(str(value))
        pos = m.end()
    return "".join(out) or None
