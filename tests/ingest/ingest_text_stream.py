"""Read an ingested edition folder back as the text a reader sees, in reading order.

Used by the conservation tests: every Han character, letter and digit of the
source body must come back, in order, from exactly one file. Per file the
order is kicker, title, subtitle, dateline and byline (in the order the
file writes them: the paper's) for articles, or marker,
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
LEAD_KEYS = ("dateline", "byline")
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


# Page furniture as papers print it, defined here independently of ingest's own
# rules: a page header (第02版:要闻, A02版 要闻, B3: 国际, a dated running head,
# an archive's 第1版()). Their text is in no content file.
_FURNITURE = re.compile(
    r"""^\s*(?:
        第\s*[A-Za-z]?\d{1,3}\s*版.{0,14}
      | [A-Za-z]?\d{1,3}\s*版(?:\s*[：:]?\s*\S{1,8})?
      | [A-Za-z]\d{1,3}\s*[：:]\s*\S{1,8}
      | \d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期.)?\s*(?:\S{2,8}报)?\s*(?:第\s*)?[A-Za-z]?\d{1,3}\s*版?(?:\s+\S{1,8})?
    )\s*$""",
    re.VERBOSE,
)


def body_text(text: str) -> str:
    """The source text after its masthead, without page furniture lines."""
    return "\n".join(line for line in body_after_masthead(text).split("\n") if not _FURNITURE.match(line))


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith((".", "_")) and p.name != "index.md")


def _in_file_order(head: tuple[str, ...], meta: dict) -> list[str]:
    """The head keys in order, with dateline and byline in the order the file gives them
    (a byline line printed above the dateline comes first)."""
    if head != ARTICLE_HEAD:
        return list(head)
    return [k for k in head if k not in LEAD_KEYS] + [k for k in meta if k in LEAD_KEYS]


def _file_text(path: Path, head: tuple[str, ...], children: list[Path]) -> str:
    doc = parse_document(path.read_text("utf-8"), str(path))
    parts = [str(doc.meta[k]) for k in _in_file_order(head, doc.meta) if doc.meta.get(k) is not None]
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


def edition_files(folder: Path) -> tuple[list[str], list[str]]:
    """(the text of each article in reading order, the notes kept in _edition.md)."""
    texts = [article_text(p) for p in _entries(folder)]
    notes_body = parse_document((folder / "_edition.md").read_text("utf-8"), "_edition.md").body
    notes = [n for n in (shown(p) for p in notes_body.split("\n\n")) if significant(n)]
    return texts, notes


def edition_stream(folder: Path) -> tuple[str, list[str]]:
    """(all article text in reading order, the notes kept in _edition.md)."""
    texts, notes = edition_files(folder)
    return "\n".join(texts), notes


def remove_notes(expected: str, notes: list[str], masthead: str = "") -> str:
    """The source's significant text without what went to _edition.md as notes (in order).

    A note may also be a masthead line ingest did not understand (农历乙巳年…):
    it is then in `masthead`, the significant text before the body.
    """
    at = 0
    for note in notes:
        s = significant(note)
        found = expected.find(s, at)
        if found < 0 and s in masthead:
            continue
        assert found >= 0, f"note {note[:40]!r} is not in the source"
        expected = expected[:found] + expected[found + len(s):]
        at = found
    return expected


def first_difference(expected: str, got: str) -> str:
    i = next((k for k, (a, b) in enumerate(zip(expected, got)) if a != b), min(len(expected), len(got)))
    return (f"first difference at {i}: source …{expected[max(0, i - 30):i]}[{expected[i:i + 30]}]… "
            f"files …{got[max(0, i - 30):i]}[{got[i:i + 30]}]… (lengths {len(expected)} and {len(got)})")


# Where an article goes on after a jump to another page: (上接第一版), (接第2版).
CONTINUED = re.compile(r"(?:上接|接)第?[A-Za-z]?[0-9〇一二三四五六七八九十]+版")


def _segments(text: str) -> list[str]:
    """A file's significant text, cut where it says it goes on from another page."""
    s = significant(text)
    cuts = [m.start() for m in CONTINUED.finditer(s) if m.start() > 0]
    return [s[a:b] for a, b in zip([0, *cuts], [*cuts, len(s)])]


def assert_conserved(source_text: str, folder: Path) -> None:
    """Every significant character of the source body is in exactly one file, in order.

    Files are read in reading order. An article continued on a later page
    (its text says `上接第一版` where the continuation starts) holds text
    from two places: its continuation must stand in the source exactly
    where the files' order has reached when it comes, and nowhere else.
    """
    texts, notes = edition_files(folder)
    body = body_after_masthead(source_text)
    masthead = significant(source_text[: len(source_text) - len(body)])
    expected = remove_notes(significant(body_text(source_text)), notes, masthead)
    files = [_segments(t) for t in texts]
    if all(len(f) <= 1 for f in files):
        got = "".join(s for f in files for s in f)
        assert got == expected, first_difference(expected, got)
        return
    pos = 0
    pending: list[list[str]] = []  # continuations of articles already begun, in reading order
    queue = [list(f) for f in files]
    while queue or any(pending):
        candidates = [f for f in pending if f] + queue[:1]
        match = next((f for f in candidates if expected.startswith(f[0], pos)), None)
        assert match is not None, first_difference(expected[pos:], candidates[-1][0] if candidates else "")
        pos += len(match.pop(0))
        if queue and match is queue[0]:
            pending.append(queue.pop(0))
    assert pos == len(expected), first_difference(expected[pos:], "")
