"""Read a rendered page the way the tests need: links with their text, ids, headings, visible text."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

@dataclass
class Anchor:
    href: str
    text: str
    attrs: dict


@dataclass
class Scan:
    anchors: list[Anchor] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)
    """(tag, url) of every href/src, anchors included."""
    ids: list[str] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    text: str = ""
    scripts: list[tuple[str, str]] = field(default_factory=list)
    """(type, body) of each <script>."""
    html_lang: str | None = None
    metas: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    title: str = ""

    def links_with(self, text: str) -> list[Anchor]:
        return [a for a in self.anchors if text in a.text]

    def meta(self, key: str, attr: str = "property") -> str | None:
        for m in self.metas:
            if m.get(attr) == key:
                return m.get("content")
        return None


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scan = Scan()
        self._anchor: list[Anchor] = []
        self._heading: list[list] = []
        self._script: list = []
        self._title = False
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if "id" in a:
            self.scan.ids.append(a["id"])
        for key in ("href", "src"):
            if key in a:
                self.scan.refs.append((tag, a[key]))
        if tag == "html":
            self.scan.html_lang = a.get("lang")
        elif tag == "a" and "href" in a:
            self._anchor.append(Anchor(a["href"], "", a))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading.append([int(tag[1]), ""])
        elif tag == "script":
            self._script = [a.get("type", ""), ""]
        elif tag == "meta":
            self.scan.metas.append(a)
        elif tag == "link":
            self.scan.links.append(a)
        elif tag == "title":
            self._title = True

    def handle_endtag(self, tag):
        if tag == "a" and self._anchor:
            anchor = self._anchor.pop()
            anchor.text = " ".join(anchor.text.split())
            self.scan.anchors.append(anchor)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading:
            level, text = self._heading.pop()
            self.scan.headings.append((level, " ".join(text.split())))
        elif tag == "script" and self._script:
            self.scan.scripts.append(tuple(self._script))
            self._script = []
        elif tag == "title":
            self._title = False

    def handle_data(self, data):
        if self._script:
            self._script[1] += data
            return
        if self._title:
            self.scan.title += data
            return
        for anchor in self._anchor:
            anchor.text += data
        for heading in self._heading:
            heading[1] += data
        self._text.append(data)

    def close(self):
        super().close()
        self.scan.text = " ".join("".join(self._text).split())


def scan(html: str) -> Scan:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.scan


def resolve(page_path: str, href: str) -> tuple[str, str]:
    """The output file and fragment a relative link on output file `page_path` points at."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc and not parts.path.startswith("/"), (
        f"{page_path}: {href} is not relative"
    )
    path = unquote(parts.path)
    if not path:
        return page_path, parts.fragment
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    assert joined != ".." and not joined.startswith("../"), f"{page_path}: {href} climbs out of the site"
    if path.endswith("/") or path == ".":
        joined = "index.html" if joined == "." else joined + "/index.html"
    return joined, parts.fragment
