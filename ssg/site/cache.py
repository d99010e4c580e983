"""Parsed sources and their rendered markup, kept between builds while a file's bytes stay the same."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from ssg.content import Source, parse_bytes
from ssg.markup import Rendered, render_markdown

log = logging.getLogger(__name__)


@dataclass
class _Entry:
    digest: str
    kind: str
    source: Source
    markup: dict = field(default_factory=dict)
    """(Markdown text, unsafe_html) -> Rendered for the parts of this file."""


class SourceCache:
    """Keyed by path and the sha256 of the file's bytes: an unchanged file is neither
    parsed nor rendered again. One cache per site; not shared between threads."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self.hits = 0
        self.misses = 0
        self.site_key = None
        self.site = None
        """The last Site and what it was built from, so an unchanged site is not rebuilt."""

    def parse(self, path: str, data: bytes, kind: str) -> Source:
        digest = hashlib.sha256(data).hexdigest()
        entry = self._entries.get(path)
        if entry is not None and entry.digest == digest and entry.kind == kind:
            self.hits += 1
            return entry.source
        self.misses += 1
        source = parse_bytes(path, data, kind)  # raises: nothing cached for a broken file
        self._entries[path] = _Entry(digest, kind, source)
        return source

    def render(self, path: str, text: str, unsafe_html: bool) -> Rendered:
        entry = self._entries.get(path)
        if entry is None:
            return render_markdown(text, unsafe_html)
        key = (text, unsafe_html)
        markup = entry.markup.get(key)
        if markup is None:
            markup = entry.markup[key] = render_markdown(text, unsafe_html)
        return markup

    def digests(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((p, e.digest) for p, e in self._entries.items()))

    def retain(self, paths: set[str]) -> None:
        """Forget files that are gone."""
        for path in [p for p in self._entries if p not in paths]:
            del self._entries[path]

    def __len__(self) -> int:
        return len(self._entries)
