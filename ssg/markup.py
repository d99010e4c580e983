"""Markdown -> HTML and plain text: Python-Markdown configured once, pure and cached by text.

Raw HTML in content is escaped unless `site.yaml` sets `markup.unsafe_html`
(Hugo's default), and so are links with a script scheme (`javascript:`).
A line break between two Chinese characters is dropped, because a browser
would show it as a space (editors may wrap long paragraphs).

Depends only on the standard library and Python-Markdown, so the content
and site stages can render bodies before any theme is involved.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

log = logging.getLogger(__name__)

EXTENSIONS = ("tables", "fenced_code", "footnotes", "def_list", "abbr", "sane_lists")
"""Python-Markdown's 'extra' without md_in_html (raw HTML) and attr_list (arbitrary attributes)."""

_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019\u2026\u2014\U00020000-\U0003ffff"
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])[ \\t]*\\n[ \\t]*(?=[{_CJK}])")
_SAFE_SCHEMES = ("http", "https", "mailto", "tel", "ftp")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
_CELL_GAP = "\x00"
"""Stands for the space between table cells until Chinese lines are joined."""
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dt", "dd", "br", "hr", "table", "ul", "ol", "dl"}


@dataclass(frozen=True)
class Rendered:
    """One rendered body."""

    html: str
    text: str
    """Plain text, one line per block (paragraph, heading, list item)."""
    headings: tuple[tuple[int, str], ...]
    """(level, text) of each heading, in order."""


def render_markdown(text: str, unsafe_html: bool = False) -> Rendered:
    """Markdown -> `Rendered`. Pure; equal inputs return the same (cached) value."""
    return _render_cached(text, bool(unsafe_html))


@functools.lru_cache(maxsize=16384)
def _render_cached(text: str, unsafe_html: bool) -> Rendered:
    if not text.strip():
        return Rendered("", "", ())
    md, lock = _converter(unsafe_html)
    with lock:
        html = md.reset().convert(text)
    plain, headings = html_to_text(html)
    return Rendered(html, plain, headings)


@functools.cache
def _converter(unsafe_html: bool) -> tuple[markdown.Markdown, threading.Lock]:
    md = markdown.Markdown(extensions=[*EXTENSIONS, _CjkAndSafety(unsafe_html)], output_format="html")
    if not unsafe_html:
        # Without these two, a '<' in content is text like any other and gets escaped.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
    return md, threading.Lock()


class _CjkAndSafety(Extension):
    def __init__(self, unsafe_html: bool):
        super().__init__()
        self.unsafe_html = unsafe_html

    def extendMarkdown(self, md):
        # After 'inline' (20) has built the text nodes, before 'prettify' (10).
        md.treeprocessors.register(_Tidy(md, self.unsafe_html), "ssg_tidy", 15)


class _Tidy(Treeprocessor):
    def __init__(self, md, unsafe_html: bool):
        super().__init__(md)
        self.unsafe_html = unsafe_html

    def run(self, root: etree.Element) -> None:
        self._walk(root, in_code=False)

    def _walk(self, el: etree.Element, in_code: bool) -> None:
        in_code = in_code or el.tag in ("pre", "code")
        if not in_code and el.text:
            el.text = _join_cjk_lines(el.text)
        if not self.unsafe_html:
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is not None and not _is_safe_url(value):
                    log.debug("dropped a %s link: %r", attr, value)
                    el.set(attr, "#")
        for child in el:
            self._walk(child, in_code)
            if not in_code and child.tail:
                child.tail = _join_cjk_lines(child.tail)
                # "**粗**\n第二行": the break sits at the start of the tail, after the element's text
                text = "".join(child.itertext())
                if text and _CJK_BREAK.match(text[-1] + child.tail, 1):
                    child.tail = _CJK_BREAK.sub("", text[-1] + child.tail, count=1)[1:]


def _join_cjk_lines(text: str) -> str:
    return _CJK_BREAK.sub("", text) if "\n" in text else text


def _is_safe_url(url: str) -> bool:
    m = _SCHEME.match(url.replace("\x00", ""))
    return m is None or m[1].lower() in _SAFE_SCHEMES


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.heading_level: int | None = None
        self.heading_text: list[str] = []
        self.skip = 0

    def flush(self) -> None:
        line = re.sub(r"\s+", " ", _join_cjk_lines("".join(self.current)).replace(_CELL_GAP, " ")).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self.flush()
        elif tag in ("td", "th") and self.current:
            self.current.append(_CELL_GAP)
        if tag in ("script", "style"):
            self.skip += 1
        if re.fullmatch(r"h[1-6]", tag):
            self.heading_level, self.heading_text = int(tag[1]), []

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.flush()
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if re.fullmatch(r"h[1-6]", tag) and self.heading_level is not None:
            self.headings.append((self.heading_level, re.sub(r"\s+", " ", "".join(self.heading_text)).strip()))
            self.heading_level = None

    def handle_data(self, data):
        if self.skip:
            return
        self.current.append(data)
        if self.heading_level is not None:
            self.heading_text.append(data)


def html_to_text(html: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """Plain text of rendered HTML (one line per block) and its headings."""
    parser = _TextCollector()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n".join(parser.lines), tuple(parser.headings)
