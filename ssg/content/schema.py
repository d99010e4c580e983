"""Front-matter keys per kind of file: their types, which are required, and how values are checked.

`read_meta` converts a parsed header into plain typed values and reports every
problem as a `path:line` diagnostic: an unknown key (with "did you mean"), a
missing required key, a value of the wrong type (`page: 一`), an empty slug.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ssg.config import did_you_mean
from ssg.diagnostics import Collector
from ssg.frontmatter import Document

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SLUG_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
ARTICLE_KINDS = ("news", "caption", "initiatives")


@dataclass(frozen=True)
class Key:
    type: str
    """text, int, date, tags, see_also, page_names, kind or slug."""
    required: bool = False
    minimum: int | None = None


EDITION_KEYS = {
    "paper": Key("text"),
    "paper_en": Key("text"),
    "publisher": Key("text"),
    "cn": Key("text"),
    "postal_code": Key("text"),
    "date": Key("date", required=True),
    "weekday": Key("text"),
    "number": Key("int", minimum=1),
    "total_number": Key("int", minimum=1),
    "page_count": Key("int", minimum=1),
    "pages": Key("page_names"),
    "source": Key("text"),
}

ARTICLE_KEYS = {
    "title": Key("text"),  # required except for a caption: checked by the parser
    "kicker": Key("text"),
    "subtitle": Key("text"),
    "column": Key("text"),
    "kind": Key("kind"),
    "page": Key("int", required=True, minimum=1),
    "order": Key("int", required=True, minimum=1),
    "dateline": Key("text"),
    "byline": Key("text"),
    "see_also": Key("see_also"),
    "list": Key("text"),
    "list_count": Key("int", minimum=1),
    "tags": Key("tags"),
    "summary": Key("text"),
    "slug": Key("slug"),
}

INITIATIVE_KEYS = {
    "title": Key("text", required=True),
    "goal": Key("text"),
    "number": Key("int", required=True, minimum=1),
    "list": Key("text"),
    "marker": Key("text"),
    "tags": Key("tags"),
    "slug": Key("slug"),
}

PAGE_KEYS = {
    "title": Key("text", required=True),
    "slug": Key("slug"),
    "summary": Key("text"),
    "order": Key("int", minimum=0),
}


_KINDS = {
    "the edition's _edition.md": EDITION_KEYS,
    "articles": ARTICLE_KEYS,
    "list items": INITIATIVE_KEYS,
    "free pages": PAGE_KEYS,
}


def _unknown_key_hint(name: str, keys: dict[str, Key]) -> str | None:
    """"did you mean", or where the key belongs when it is another kind of file's."""
    close = did_you_mean(name, keys)
    if close:
        return close
    owners = [kind for kind, other in _KINDS.items() if name in other and other is not keys]
    return f"'{name}' belongs in {' and '.join(owners)}" if owners else None


class _Invalid(Exception):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


def read_meta(doc: Document, keys: dict[str, Key], path: str, diags: Collector) -> dict:
    """Typed values of the keys present and valid; problems go to `diags`.

    A key written with no value (`kicker:`) counts as absent, as the contract
    leaves out keys that do not apply; for a required key that is an error.
    """
    out: dict = {}
    for name, raw in doc.meta.items():
        line = doc.meta_lines.get(str(name), 1)
        key = keys.get(name) if isinstance(name, str) else None
        if key is None:
            diags.error(path, line, f"unknown front-matter key '{name}'", _unknown_key_hint(str(name), keys))
            continue
        if raw is None and key.type != "slug":
            if key.required:
                diags.error(path, line, f"'{name}' has no value")
            continue
        try:
            out[name] = _convert(raw, key, name)
        except _Invalid as bad:
            diags.error(path, line, bad.message, bad.hint)
    for name, key in keys.items():
        if key.required and name not in doc.meta:
            diags.error(path, 1, f"missing required key '{name}'")
    return out


def _convert(raw, key: Key, name: str):
    kind = key.type
    if kind == "text":
        return _text(raw, name)
    if kind == "int":
        value = _int(raw, name)
        if key.minimum is not None and value < key.minimum:
            raise _Invalid(f"'{name}' must be {key.minimum} or more, not {value}")
        return value
    if kind == "date":
        return _date(raw, name)
    if kind == "slug":
        return _slug(raw, name)
    if kind == "kind":
        value = _text(raw, name)
        if value not in ARTICLE_KINDS:
            hint = did_you_mean(value, ARTICLE_KINDS) or f"use one of {', '.join(ARTICLE_KINDS)}"
            raise _Invalid(f"'{name}' must be news, caption or initiatives, not {value!r}", hint)
        return value
    if kind == "tags":
        return _tags(raw, name)
    if kind == "see_also":
        return _see_also(raw, name)
    if kind == "page_names":
        return _page_names(raw, name)
    raise AssertionError(kind)


def _text(raw, name: str) -> str:
    if isinstance(raw, (bool, list, dict)):
        raise _Invalid(f"'{name}' must be text, not {_describe(raw)}")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    value = str(raw).strip()
    if not value:
        raise _Invalid(f"'{name}' is empty", "leave the key out when it does not apply")
    return value


def _int(raw, name: str) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().isascii() and raw.strip().isdigit():
        return int(raw.strip())
    hint = None
    if isinstance(raw, str) and raw and all(c in _CN_DIGITS or c == "十" for c in raw):
        value = _chinese_number(raw)
        if value is not None:
            hint = f"write it in digits: {value}"
    raise _Invalid(f"'{name}' must be a whole number, not {_describe(raw)}", hint)


def _chinese_number(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十四 -> 24 (enough for page numbers in a hint)."""
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    t = _CN_DIGITS.get(tens) if tens else 1
    o = _CN_DIGITS.get(ones) if ones else 0
    return None if t is None or o is None else t * 10 + o


def _date(raw, name: str) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise _Invalid(f"'{name}' must be a date such as 2025-11-10, not {_describe(raw)}")


def _slug(raw, name: str) -> str:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise _Invalid(f"empty slug in '{name}'", "write an ASCII slug such as shou-jie-huo-ju-lun-tan, or leave the key out")
    value = _text(raw, name)
    if not SLUG_RE.fullmatch(value):
        raise _Invalid(f"'{name}' must be ASCII letters, digits and '-', not {value!r}")
    return value


def _tags(raw, name: str) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise _Invalid(f"'{name}' must be a list such as [雄安新区, 火炬论坛], not {_describe(raw)}")
    out: list[str] = []
    for item in raw:
        value = _text(item, name)
        if value not in out:
            out.append(value)
    return tuple(out)


def _see_also(raw, name: str) -> tuple[tuple[str | None, tuple[int, ...]], ...]:
    if not isinstance(raw, list):
        raise _Invalid(f"'{name}' must be a list of {{pages: 2-8, text: 相关报道详见2-8版}}, not {_describe(raw)}")
    out = []
    for item in raw:
        if not isinstance(item, dict):
            raise _Invalid(f"each '{name}' entry must be a mapping with 'pages' and 'text', not {_describe(item)}")
        for key in item:
            if key not in ("pages", "text"):
                raise _Invalid(f"unknown key '{key}' in '{name}'", did_you_mean(str(key), ("pages", "text")))
        if item.get("pages") is None:
            raise _Invalid(f"a '{name}' entry has no 'pages'")
        pages = parse_page_spec(item["pages"])
        if pages is None:
            raise _Invalid(f"'{name}' pages must look like 3, 2-8 or 2,5, not {item['pages']!r}")
        text = _text(item["text"], f"{name} text") if item.get("text") is not None else None
        out.append((text, pages))
    return tuple(out)


def parse_page_spec(spec) -> tuple[int, ...] | None:
    """3 -> (3,); "2-8" -> (2, ..., 8); "2,5" or "2、5" -> (2, 5); None when it is not a page list."""
    if isinstance(spec, int) and not isinstance(spec, bool):
        return (spec,) if spec >= 1 else None
    if not isinstance(spec, str):
        return None
    pages: list[int] = []
    for part in re.split(r"\s*[,，、]\s*", spec.strip()):
        m = re.fullmatch(r"(\d+)(?:\s*[-–—~～至到]\s*(\d+))?", part)
        if not m:
            return None
        first, last = int(m[1]), int(m[2] or m[1])
        if first < 1 or last < first or last - first > 999:
            return None
        pages.extend(n for n in range(first, last + 1) if n not in pages)
    return tuple(pages)


def _page_names(raw, name: str) -> tuple[tuple[int, str], ...]:
    if not isinstance(raw, dict):
        raise _Invalid(f"'{name}' must map page numbers to names, such as {{1: 要闻, 2: 综合新闻}}, not {_describe(raw)}")
    out: dict[int, str] = {}
    for key, value in raw.items():
        number = _int(key, f"{name} number")
        if number < 1:
            raise _Invalid(f"'{name}' page numbers start at 1, not {number}")
        out[number] = _text(value, f"{name} {number}")
    return tuple(sorted(out.items()))


def _describe(raw) -> str:
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return repr(raw) if isinstance(raw, str) else str(raw)
