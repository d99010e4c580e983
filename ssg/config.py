"""`site.yaml` -> a frozen, typed `SiteConfig`.

The dataclasses below are the schema: every key a user may write, its type and
its default. `load_config` validates against them (unknown keys and bad values
are errors with the line number and a "did you mean").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class PaperConfig:
    """Defaults for editions whose masthead lacks these fields."""

    name: str | None = None
    name_en: str | None = None
    publisher: str | None = None
    cn: str | None = None
    postal_code: str | None = None


@dataclass(frozen=True)
class IngestConfig:
    normalise_punctuation: bool = True
    """ASCII , ; : ( ) ? ! inside Chinese text become full-width."""
    normalise_dashes: bool = True
    """Dash variants in serial numbers (CN 11—0237) become "-"."""
    encoding: str | None = None
    """Force a source encoding; None detects it."""
    tags: int = 5
    """Keywords per article and initiative."""


@dataclass(frozen=True)
class KeywordsConfig:
    """jieba, configured in one place (ssg.keywords)."""

    user_words: tuple[str, ...] = ()
    """Terms that must stay whole: 雄安新区, 火炬中心, 高新区, 十个一."""
    stop_words: tuple[str, ...] = ()
    """Extra words never used as tags."""


@dataclass(frozen=True)
class ReadingConfig:
    chars_per_minute: int = 400
    summary_chars: int = 120


@dataclass(frozen=True)
class MarkupConfig:
    unsafe_html: bool = False
    """Let raw HTML in content through (escaped by default, as Hugo does)."""


@dataclass(frozen=True)
class FeedConfig:
    entries: int = 20


@dataclass(frozen=True)
class SearchConfig:
    enabled: bool = True


@dataclass(frozen=True)
class DeployTarget:
    name: str
    to: str
    """git:REMOTE, dir:PATH or rsync:USER@HOST:PATH."""
    branch: str = "gh-pages"
    cname: str | None = None
    keep: int = 5
    """dir target: releases kept."""
    max_deletes: int = 256
    """A deploy that deletes more files than this needs --yes."""


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    """The folder holding site.yaml (not a user key)."""
    title: str = "ssg 电子版"
    base_url: str = "http://localhost:8000/"
    language: str = "zh-CN"
    theme: str = "newspaper"
    description: str | None = None
    content_dir: str = "content"
    output_dir: str = "public"
    paper: PaperConfig = field(default_factory=PaperConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    keywords: KeywordsConfig = field(default_factory=KeywordsConfig)
    reading: ReadingConfig = field(default_factory=ReadingConfig)
    markup: MarkupConfig = field(default_factory=MarkupConfig)
    feed: FeedConfig = field(default_factory=FeedConfig)
    search: SearchConfig = field(default_factory=SearchConfig)
    deploy: tuple[DeployTarget, ...] = ()


def load_config(root: Path) -> SiteConfig:
    """Read `root/site.yaml` (defaults when there is none). Raises SsgError."""
    raise NotImplementedError
