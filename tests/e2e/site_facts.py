"""What the end-to-end tests know about a built site: where each kind of page
is (from the URL scheme in docs/architecture.md), and an independent link
resolver, so that `ssg check` is not the only judge of ssg's output."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SAMPLE_EDITION = "2025/11/10/"
"""The sample issue (sources/2025-11-10.txt) and its edition URL."""

# Every path segment of the URL scheme: 2025/11/10/01/02-slug/03-slug/
ARTICLE_DIR = re.compile(r"^\d{4}/\d{2}/\d{2}/\d{2}/\d{2}-[a-z0-9-]+/$")
EDITION_URL = re.compile(r"^(\d{4})/(\d{2})/(\d{2})/$")


@dataclass(frozen=True)
class Link:
    source: str
    """The output file holding it, relative to the output."""
    line: int
    tag: str
    attr: str
    value: str


class _Parser(HTMLParser):
    """Collects every URL-bearing attribute and every fragment target of one page."""

    URL_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"), ("form", "action")}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str, str, str]] = []
        self.ids: set[str] = set()
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if (tag, name) in self.URL_ATTRS:
                self.links.append((self.getpos()[0], tag, name, value))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@dataclass(frozen=True)
class ParsedPage:
    links: tuple[Link, ...]
    ids: frozenset[str]
    title: str


def parse_page(output: Path, file: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    rel = file.relative_to(output).as_posix()
    links = tuple(Link(rel, line, tag, attr, value) for line, tag, attr, value in parser.links)
    return ParsedPage(links, frozenset(parser.ids), parser.title.strip())


def page_url(base_url: str, rel_file: str) -> str:
    """The URL an output file is served at: index.html files at their folder."""
    if rel_file == "index.html":
        return base_url
    if rel_file.endswith("/index.html"):
        return base_url + rel_file[: -len("index.html")]
    return base_url + rel_file


def resolve(base_url: str, link: Link) -> str | None:
    """The site-relative URL a link points at (without fragment), or None if it is external or not a page."""
    if re.match(r"^(mailto|tel|javascript|data):", link.value):
        return None
    absolute = urljoin(page_url(base_url, link.source), link.value)
    target, base = urlsplit(absolute), urlsplit(base_url)
    if (target.scheme, target.netloc) != (base.scheme, base.netloc):
        return None
    return unquote(target.path)


def broken_links(output: Path, base_url: str) -> list[str]:
    """Every link or asset reference in the output that does not resolve: "file:line: href: problem".

    External URLs are allowed in <a> only: a page that loads a script, style
    sheet or image from elsewhere breaks the rule that pages load nothing from
    outside the site.
    """
    pages = {f.relative_to(output).as_posix(): parse_page(output, f) for f in sorted(output.rglob("*.html"))}
    base_path = urlsplit(base_url).path
    problems: list[str] = []
    for page in pages.values():
        for link in page.links:
            where = f"{link.source}:{link.line}: <{link.tag} {link.attr}={link.value!r}>"
            path = resolve(base_url, link)
            if path is None:
                if link.tag != "a" and urlsplit(link.value).netloc:
                    problems.append(f"{where}: loads from outside the site")
                continue
            if not path.startswith(base_path):
                problems.append(f"{where}: leaves the base path {base_path}")
                continue
            rel_target = path[len(base_path):]
            file = output / rel_target
            if rel_target == "" or rel_target.endswith("/"):
                file = file / "index.html"
            elif file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                problems.append(f"{where}: no such file {file.relative_to(output)}")
                continue
            fragment = urlsplit(urljoin(page_url(base_url, link.source), link.value)).fragment
            if fragment and file.suffix == ".html":
                target = pages.get(file.relative_to(output).as_posix())
                if target is not None and unquote(fragment) not in target.ids:
                    problems.append(f"{where}: no element with id {fragment!r} in {file.relative_to(output)}")
    return problems


def linked_urls(output: Path, base_url: str, files: list[Path]) -> set[str]:
    """Site-relative URLs (folder URLs end in "/") that the given pages link to with <a>."""
    base_path = urlsplit(base_url).path
    found = set()
    for f in files:
        for link in parse_page(output, f).links:
            if link.tag != "a":
                continue
            path = resolve(base_url, link)
            if path is not None and path.startswith(base_path):
                found.add(path[len(base_path):])
    return found


@dataclass(frozen=True)
class SamplePages:
    """Site-relative URLs of one page of each kind in the built sample."""

    home: str
    edition: str
    page: str
    article: str
    list_article: str
    """The 十个一 article, which carries the initiative list."""
    initiatives: tuple[str, ...]
    """Its initiatives, in list order."""
    initiative_index: str
    archive: str
    tag_index: str
    tag: str
    not_found: str

    def by_kind(self) -> dict[str, str]:
        return {
            "home": self.home,
            "edition": self.edition,
            "page": self.page,
            "article": self.article,
            "initiative list": self.list_article,
            "initiative": self.initiatives[0],
            "initiatives index": self.initiative_index,
            "archive": self.archive,
            "tags index": self.tag_index,
            "tag": self.tag,
            "404": self.not_found,
        }


def find_sample_pages(output: Path) -> SamplePages:
    def folder_url(index_html: Path) -> str:
        return index_html.parent.relative_to(output).as_posix() + "/"

    articles = sorted(
        folder_url(f) for f in (output / SAMPLE_EDITION).glob("*/*/index.html") if ARTICLE_DIR.match(folder_url(f))
    )
    assert articles, f"no article pages like {SAMPLE_EDITION}01/01-slug/index.html in {output}"
    with_list = [a for a in articles if "十个一" in parse_page(output, output / a / "index.html").title]
    assert len(with_list) == 1, f"expected one article titled with 十个一 among {articles}"
    initiatives = tuple(sorted(folder_url(f) for f in (output / with_list[0]).glob("*/index.html")))
    tags = sorted(folder_url(f) for f in (output / "tags").glob("*/index.html"))
    assert tags, "no tag pages under tags/"
    first_page = sorted(p.parent.name for p in (output / SAMPLE_EDITION).glob("*/index.html"))[0]
    return SamplePages(
        home="",
        edition=SAMPLE_EDITION,
        page=f"{SAMPLE_EDITION}{first_page}/",
        article=articles[0],
        list_article=with_list[0],
        initiatives=initiatives,
        initiative_index="initiatives/",
        archive="archive/",
        tag_index="tags/",
        tag=tags[0],
        not_found="404.html",
    )
