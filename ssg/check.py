"""Link check of a built site: every internal link, anchor and asset resolves.

Reads the output folder only (it never rebuilds), so it checks exactly what
would be published. A link is resolved as a browser would, against the page's
address under `base_url`; one that lands outside the base path is an error
(the site would break when hosted under a sub-path). External http(s) links are
collected, never fetched.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from ssg.diagnostics import Diagnostic, error
from ssg.output import MARKER

log = logging.getLogger(__name__)

# attributes holding one URL, per element (None: any element)
_URL_ATTRS = {
    "href": ("a", "area", "link", "base"),
    "src": ("img", "script", "iframe", "source", "audio", "video", "track", "embed", "input"),
    "poster": ("video",),
    "data": ("object",),
    "action": ("form",),
    "cite": ("blockquote", "q", "del", "ins"),
}
_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "about:")
_CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>[^'")]*)(?P=q)\s*\)|@import\s+(?P<q2>['"])(?P<imp>[^'"]+)(?P=q2)""")
_LINK_RELS_NOT_FETCHED = {"preconnect", "dns-prefetch"}


@dataclass(frozen=True)
class Link:
    page: str
    """Output path of the file it is in."""
    line: int
    url: str
    """As written."""


@dataclass(frozen=True)
class CheckReport:
    diagnostics: tuple[Diagnostic, ...]
    external: tuple[Link, ...]
    """http(s) links leaving the site, listed for the user, not fetched."""
    files: int
    links: int


class _PageParser(HTMLParser):
    """Collects ids (anchor targets) and URLs with their lines from one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[int, str]] = []
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for name in ("id",) + (("name",) if tag == "a" else ()):
            if values.get(name):
                self.ids.add(values[name])
        if tag == "link" and set((values.get("rel") or "").split()) & _LINK_RELS_NOT_FETCHED:
            return
        for attr, value in attrs:
            if value is None:
                continue
            if attr in _URL_ATTRS and tag in _URL_ATTRS[attr]:
                if tag == "base":
                    self.base = value.strip()
                else:
                    self.urls.append((line, value.strip()))
            elif attr in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.urls.append((line, candidate.split()[0]))

    handle_startendtag = handle_starttag


def check_output(output: Path, base_url: str, *, display_root: str | None = None) -> list[Diagnostic]:
    """Every problem found in the built site at `output`, as diagnostics naming file:line."""
    return list(check_tree(output, base_url, display_root=display_root).diagnostics)


def check_tree(output: Path, base_url: str, *, display_root: str | None = None) -> CheckReport:
    """Parse every HTML and CSS file under `output` and resolve each link it holds.

    `display_root` prefixes the paths in diagnostics (e.g. "public"); by
    default they are relative to the output folder.
    """
    output = output.resolve()
    base = base_url if base_url.endswith("/") else base_url + "/"
    files = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file() and p.name != MARKER)
    pages: dict[str, _PageParser] = {}
    links: list[Link] = []
    for rel in files:
        if rel.endswith((".html", ".htm")):
            parser = _PageParser()
            parser.feed((output / rel).read_text("utf-8", errors="replace"))
            parser.close()
            pages[rel] = parser
            links += [Link(rel, line, url) for line, url in parser.urls]
        elif rel.endswith(".css"):
            links += _css_links(rel, (output / rel).read_text("utf-8", errors="replace"))
    existing = set(files)
    shown = (lambda rel: f"{display_root.rstrip('/')}/{rel}") if display_root else (lambda rel: rel)
    problems: list[Diagnostic] = []
    external: list[Link] = []
    for link in links:
        page_base = pages[link.page].base if link.page in pages else None
        verdict = _resolve(link, base, page_base, existing, pages)
        if verdict == "external":
            external.append(link)
        elif verdict:
            problems.append(error(shown(link.page), link.line, verdict))
    return CheckReport(tuple(problems), tuple(external), len(files), len(links))


def _css_links(rel: str, text: str) -> list[Link]:
    links = []
    for m in _CSS_URL.finditer(text):
        url = (m.group("url") if m.group("url") is not None else m.group("imp")).strip()
        if url:
            links.append(Link(rel, text.count("\n", 0, m.start()) + 1, url))
    return links


def _resolve(link: Link, base: str, page_base: str | None, existing: set[str], pages: dict) -> str | None:
    """None if the link resolves, "external" for an outside http(s) link, else the problem."""
    url = link.url
    if not url or url.lower().startswith(_SKIP_SCHEMES):
        return None
    here = urljoin(base, link.page)
    if page_base:
        here = urljoin(here, page_base)
    target = urljoin(here, url)
    parts = urlsplit(target)
    site = urlsplit(base)
    if parts.scheme not in ("http", "https", ""):
        return None  # ftp:, a custom scheme: not ours to check
    if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
        return "external" if parts.scheme in ("http", "https") else f"link {url!r} has no scheme or host it can be fetched from"
    if not (parts.path + "/").startswith(site.path):
        return f"link {url!r} leaves the base path {site.path} (it resolves to {parts.path})"
    rel = unquote(parts.path[len(site.path):])
    fragment = unquote(urldefrag(target).fragment)
    if ".." in rel.split("/") or "\\" in rel:
        return f"link {url!r} climbs out of the site"
    path = _file_for(rel, existing)
    if path is None:
        return f"broken link {url!r}: nothing at {site.path}{rel}"
    if fragment and fragment.lower() != "top" and path in pages and fragment not in pages[path].ids:
        return f"broken anchor {url!r}: {path} has no id {fragment!r}"
    return None


def _file_for(rel: str, existing: set[str]) -> str | None:
    """The output file a server would answer for site path `rel`."""
    if rel == "" or rel.endswith("/"):
        candidate = rel + "index.html"
        return candidate if candidate in existing else None
    if rel in existing:
        return rel
    if rel + "/index.html" in existing:
        return rel + "/index.html"  # a server redirects the folder to its slash form
    return None
