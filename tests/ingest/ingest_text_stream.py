"""Read an ingested edition folder back as the text a reader sees, in reading order.

Used by the conservation tests: every Han character, letter and digit of the
source body must come back, in order, from exactly one file. Per file the
order is kicker, title, subtitle, dateline, byline (articles) or marker,
title, goal (initiatives), then the body, with a list's items where its
`<!-- list -->` line stands, then see_also[].text. Bodies are rendered with
Python-Markdown, so escaping is undone exactly as a page shows it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import markdown

from ssg.frontmatter import parse_document

LIST_MARK = "<!-- list -->"
ARTICLE_HEAD = ("kicker", "title", "subtitle", "dateline", "byline")
ITEM_HEAD = ("marker", "title", "goal")


def significant(text: str) -> str:
    """Han characters, letters and digits only, compatibility forms folded (１ -> 1)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())


def shown(markdown_text: str) -> str:
    rendered = markdown.markdown(markdown_text)
    return html.unescape(re.sub(r"<[^>]+>", "\n", rendered))


def body_after_masthead(text: str) -> str:
    """The source text after its masthead, which ends with the 今日N版 / 本期N版 line."""
    lines = text.split("\n")
    last = max((i for i, line in enumerate(lines[:20]) if re.search(r"(今日|本期)\s*\d+\s*版", line)), default=-1)
    return "\n".join(lines[last + 1:])


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith((".", "_")) and p.name != "index.md")


def _file_text(path: Path, head: tuple[str, ...], children: list[Path]) -> str:
    doc = parse_document(path.read_text("utf-8"), str(path))
    parts = [str(doc.meta[k]) for k in head if doc.meta.get(k) is not None]
    intro, mark, closing = doc.body.partition(LIST_MARK)
    parts.append(shown(intro))
    for child in children:
        parts.append(item_text(child))
    if mark:
        parts.append(shown(closing))
    parts += [ref["text"] for ref in doc.meta.get("see_also") or []]
    return "\n".join(parts)


def item_text(path: Path) -> str:
    """An initiative file, or a folder holding a nested list."""
    if path.is_dir():
        return _file_text(path / "index.md", ITEM_HEAD, _entries(path))
    return _file_text(path, ITEM_HEAD, [])


def article_text(path: Path) -> str:
    if path.is_dir():
        return _file_text(path / "index.md", ARTICLE_HEAD, _entries(path))
    return _file_text(path, ARTICLE_HEAD, [])


def edition_stream(folder: Path) -> tuple[str, list[str]]:
    """(all article text in reading order, the notes kept in _edition.md)."""
    text = "\n".join(article_text(p) for p in _entries(folder))
    notes_body = parse_document((folder / "_edition.md").read_text("utf-8"), "_edition.md").body
    notes = [n for n in (shown(p) for p in notes_body.split("\n\n")) if significant(n)]
    return text, notes


def remove_notes(expected: str, notes: list[str]) -> str:
    """The source's significant text without what went to _edition.md as notes (in order)."""
    at = 0
    for note in notes:
        s = significant(note)
        found = expected.find(s, at)
        assert found >= 0, f"note {note[:40]!r} is not in the source"
        expected = expected[:found] + expected[found + len(s):]
        at = found
    return expected


def first_difference(expected: str, got: str) -> str:
    i = next((k for k, (a, b) in enumerate(zip(expected, got)) if a != b), min(len(expected), len(got)))
    return (f"first difference at {i}: source …{expected[max(0, i - 30):i]}[{expected[i:i + 30]}]… "
            f"files …{got[max(0, i - 30):i]}[{got[i:i + 30]}]… (lengths {len(expected)} and {len(got)})")


def assert_conserved(source_text: str, folder: Path) -> None:
    text, notes = edition_stream(folder)
    expected = remove_notes(significant(body_after_masthead(source_text)), notes)
    got = significant(text)
    assert got == expected, first_difference(expected, got)
