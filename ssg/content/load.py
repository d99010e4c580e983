"""Walk `content/` and load every source into a `ContentSet` (the I/O wrapper around `parse_source`)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from ssg.config import SiteConfig
from ssg.content.model import (
    ArticleNode,
    ContentSet,
    EditionContent,
    InitiativeNode,
    PageSource,
    Source,
)
from ssg.content.parse import DATE_RE, EDITION_FILE, INDEX_FILE, NAME_RE, parse_source
from ssg.diagnostics import Collector, SsgError, error

log = logging.getLogger(__name__)

Parse = Callable[[str, bytes, str], Source]
"""(path relative to the project, file bytes, kind) -> source; raises SsgError."""


def decode_source(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is allowed). Raises SsgError naming the line of a bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SsgError(error(path, line, f"not UTF-8 text ({exc.reason} at byte {exc.start})", "save the file as UTF-8")) from None


def parse_bytes(path: str, data: bytes, kind: str) -> Source:
    return parse_source(decode_source(data, path), path, kind)


def load_sources(config: SiteConfig, parse: Parse | None = None) -> ContentSet:
    """Every edition, article, list item and free page under the content folder.

    `parse` lets a cache reuse sources whose bytes are unchanged. Raises SsgError
    with every problem found in every file.
    """
    return _Loader(Path(config.root), parse or parse_bytes).load(Path(config.root) / config.content_dir)


def _ignored(p: Path) -> bool:
    """Editor backups, hidden files and `_draft.md`-style names are not content."""
    name = p.name
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp")) or (name.startswith("_") and name != EDITION_FILE)


class _Loader:
    def __init__(self, root: Path, parse: Parse):
        self.root = root
        self.parse_fn = parse
        self.diags = Collector()

    def rel(self, p: Path) -> str:
        try:
            return p.relative_to(self.root).as_posix()
        except ValueError:
            return p.as_posix()

    def entries(self, folder: Path) -> list[Path]:
        return sorted((p for p in folder.iterdir() if not _ignored(p)), key=lambda p: p.name)

    def parse(self, p: Path, kind: str) -> Source | None:
        path = self.rel(p)
        try:
            return self.parse_fn(path, p.read_bytes(), kind)
        except SsgError as exc:
            for d in exc.diagnostics:
                self.diags.add(d)
        except OSError as exc:
            self.diags.error(path, None, f"cannot read: {exc.strerror}")
        return None

    def load(self, content: Path) -> ContentSet:
        if not content.is_dir():
            self.diags.warning(self.rel(content), None, "no content folder: the site has no editions")
            return ContentSet((), (), tuple(self.diags.warnings))
        editions = self.editions(content / "editions") if (content / "editions").is_dir() else ()
        pages = self.pages(content / "pages") if (content / "pages").is_dir() else ()
        for p in self.entries(content):
            if p.name not in ("editions", "pages") and p.suffix == ".md":
                self.diags.warning(self.rel(p), None, "ignored: content goes in editions/<date>/ or pages/")
        self.diags.raise_if_errors()
        return ContentSet(tuple(editions), tuple(pages), tuple(self.diags.warnings))

    def editions(self, folder: Path) -> list[EditionContent]:
        out = []
        for p in self.entries(folder):
            if not p.is_dir():
                if p.suffix == ".md":
                    self.diags.warning(self.rel(p), None, "ignored: an edition is a folder named by its date")
                continue
            date = _folder_date(p.name)
            if date is None:
                self.diags.error(self.rel(p), None, f"an edition folder is named by its date, like 2025-11-10, not {p.name!r}")
                continue
            out.append(self.edition(p, date))
        return out

    def edition(self, folder: Path, date: dt.date) -> EditionContent:
        masthead = None
        articles: list[ArticleNode] = []
        for p in self.entries(folder):
            if p.name == EDITION_FILE and p.is_file():
                masthead = self.parse(p, "edition")
            elif p.is_dir():
                node = self.article_folder(p)
                if node:
                    articles.append(node)
            elif p.suffix == ".md":
                if not self.check_name(p, "an article file is named NN-slug.md, like 01-shou-jie-huo-ju-lun-tan.md"):
                    continue
                source = self.parse(p, "article")
                if source:
                    articles.append(ArticleNode(source))
        if masthead is None and not (folder / EDITION_FILE).exists():
            log.debug("%s has no %s: the masthead comes from site.yaml", self.rel(folder), EDITION_FILE)
        return EditionContent(date, self.rel(folder), masthead, tuple(articles))

    def check_name(self, p: Path, hint: str) -> bool:
        if NAME_RE.fullmatch(p.stem if p.is_file() else p.name):
            return True
        self.diags.error(self.rel(p), None, f"{p.name!r} does not start with a two-digit order and '-'", hint)
        return False

    def folder_index(self, folder: Path) -> Path | None:
        index = folder / INDEX_FILE
        if index.is_file():
            return index
        self.diags.error(self.rel(folder), None, f"the folder has no {INDEX_FILE}", f"a folder of list items needs {INDEX_FILE} for its own text")
        return None

    def article_folder(self, folder: Path) -> ArticleNode | None:
        if not self.check_name(folder, "an article folder is named NN-slug, like 03-guo-jia-gao-xin-qu"):
            return None
        index = self.folder_index(folder)
        source = self.parse(index, "article") if index else None
        items = self.items(folder)
        return ArticleNode(source, items, self.rel(folder)) if source else None

    def items(self, folder: Path) -> tuple[InitiativeNode, ...]:
        """The list items in an article's (or a list head's) folder, sorted by number."""
        nodes: list[InitiativeNode] = []
        for p in self.entries(folder):
            if p.name == INDEX_FILE or not (p.is_dir() or p.suffix == ".md"):
                continue
            if not self.check_name(p, "a list item is named NN-slug.md (or NN-slug/ for a nested list)"):
                continue
            if p.is_dir():
                index = self.folder_index(p)
                source = self.parse(index, "initiative") if index else None
                children = self.items(p)
            else:
                source, children = self.parse(p, "initiative"), ()
            if source:
                nodes.append(InitiativeNode(source, children))
        by_number: dict[int, list[InitiativeNode]] = {}
        for n in nodes:
            by_number.setdefault(n.source.number, []).append(n)
        for number, same in sorted(by_number.items()):
            if len(same) > 1:
                paths = [n.source.path for n in same]
                for n in same:
                    others = ", ".join(q for q in paths if q != n.source.path)
                    self.diags.error(n.source.path, None, f"list item number {number} is also used by {others}")
        return tuple(sorted(nodes, key=lambda n: (n.source.number, n.source.slug)))

    def pages(self, folder: Path) -> list[PageSource]:
        out = []
        for p in self.entries(folder):
            if p.is_file() and p.suffix == ".md":
                source = self.parse(p, "page")
                if source:
                    out.append(source)
            elif p.is_dir() or p.suffix == ".md":
                self.diags.warning(self.rel(p), None, "ignored: free pages are content/pages/<name>.md")
        return out


def _folder_date(name: str) -> dt.date | None:
    if not DATE_RE.fullmatch(name):
        return None
    try:
        return dt.date.fromisoformat(name)
    except ValueError:
        return None
