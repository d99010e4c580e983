"""Source text -> Markdown that shows exactly that text once rendered.

A paper can print `*`, `_`, `<script>`, a line opening with `#` or `1. `; none of
it may turn into emphasis, HTML, a heading or a list. Characters Python-Markdown
knows as escapable get a backslash; `&`, `<` and `>` become entities (Markdown
has no backslash escape for `<`), so the text stays literal whether or not raw
HTML is allowed, with or without the `extra` extensions.
"""

from __future__ import annotations

import re

_INLINE = str.maketrans({
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]",
    "{": "\\{", "}": "\\}", "&": "&amp;", "<": "&lt;", ">": "&gt;",
    "|": "&#124;",  # tables (extra); a backslash would show without it
})

_LINE_START = (
    (re.compile(r"^([#+\-])"), r"\\\1"),  # heading, list item, rule, setext underline
    (re.compile(r"^(\d+)\."), r"\1\\."),  # ordered list item "1. "
    (re.compile(r"^=(?==*\s*$)"), "&#61;"),  # setext underline "==="
    (re.compile(r"^~(?=~~)"), "&#126;"),  # fenced code "~~~" (extra)
    (re.compile(r"^:"), "&#58;"),  # definition list ": " (extra)
)


def escape_line(line: str) -> str:
    """One line of source text as literal Markdown (outer whitespace dropped: it is layout)."""
    line = line.strip().translate(_INLINE)
    for pattern, replacement in _LINE_START:
        line = pattern.sub(replacement, line, count=1)
    return line


def escape_paragraph(text: str) -> str:
    """A paragraph, line by line; blank lines inside it are dropped so it stays one paragraph."""
    return "\n".join(escape_line(line) for line in text.splitlines() if line.strip())


def render_paragraphs(paragraphs) -> str:
    """Paragraphs as a Markdown body: escaped, separated by blank lines."""
    return "\n\n".join(p for p in (escape_paragraph(text) for text in paragraphs) if p)
