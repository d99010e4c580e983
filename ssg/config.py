"""`site.yaml` -> a frozen, typed `SiteConfig`.

The dataclasses below are the schema: every key a user may write, its type and
its default. `load_config` reads the file and `parse_config` (pure) validates
the YAML nodes against the dataclasses, so every problem names its line:
unknown keys (with a "did you mean"), wrong types, and values outside what a
key allows (`_CHECKS`). base_url always ends in "/".
"""

from __future__ import annotations

import codecs
import difflib
import logging
import re
import types
import typing
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ssg.diagnostics import Collector, SsgError, error

log = logging.getLogger(__name__)

CONFIG_FILE = "site.yaml"


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
    list_styles: tuple[str, ...] | None = None
    """The list heuristics ingest runs (ssg.ingest.enumerations.HEURISTICS); None runs them all."""


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
    root = Path(root)
    path = root / CONFIG_FILE
    if not path.is_file():
        log.debug("no %s in %s: using defaults", CONFIG_FILE, root)
        return SiteConfig(root=root)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SsgError(error(CONFIG_FILE, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})")) from None
    return parse_config(text, root)


def parse_config(text: str, root: Path, path: str = CONFIG_FILE) -> SiteConfig:
    """Validate `site.yaml` text against the schema. Pure; raises SsgError with every problem."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SsgError(error(path, mark.line + 1 if mark else None, f"bad YAML: {problem}")) from None
    if node is None:
        return SiteConfig(root=Path(root))
    diags = Collector()
    reader = _Reader(path, diags)
    values = reader.mapping(node, SiteConfig, "", skip=("root",))
    diags.raise_if_errors()
    return SiteConfig(root=Path(root), **values)


def did_you_mean(word: str, choices) -> str | None:
    """`did you mean 'base_url'?` for a near miss among `choices`, else None."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


# Value checks beyond the type, keyed by dotted path ("deploy.keep" covers every target).
_Check = typing.Callable[[typing.Any], "str | None"]


def _at_least(n: int) -> _Check:
    return lambda v: None if v >= n else f"must be {n} or more, not {v}"


def _check_base_url(v: str) -> str | None:
    parts = urlsplit(v)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"must be an http:// or https:// URL such as https://example.org/, not {v!r}"
    if parts.query or parts.fragment:
        return f"must not carry a query or fragment: {v!r}"
    if any(c.isspace() for c in v):
        return f"must not contain spaces: {v!r}"
    return None


def _check_language(v: str) -> str | None:
    if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", v):
        return None
    return f"must be a language tag such as zh-CN, not {v!r}"


def _check_name(v: str) -> str | None:
    if not v.strip():
        return "must not be empty"
    if "/" in v or "\\" in v or v in (".", ".."):
        return f"must be a theme name, not a path: {v!r}"
    return None


def _check_folder(v: str) -> str | None:
    return None if v.strip() else "must not be empty"


def _check_encoding(v: str) -> str | None:
    try:
        codecs.lookup(v)
    except LookupError:
        return f"unknown encoding {v!r}"
    return None


def _check_deploy_to(v: str) -> str | None:
    scheme, sep, rest = v.partition(":")
    if not sep or scheme not in ("git", "dir", "rsync") or not rest:
        return f"must be git:REMOTE, dir:PATH or rsync:USER@HOST:PATH, not {v!r}"
    return None


def _check_words(v: tuple[str, ...]) -> str | None:
    return "must not hold empty words" if any(not w.strip() for w in v) else None


_CHECKS: dict[str, _Check] = {
    "base_url": _check_base_url,
    "language": _check_language,
    "theme": _check_name,
    "content_dir": _check_folder,
    "output_dir": _check_folder,
    "ingest.encoding": _check_encoding,
    "ingest.tags": _at_least(0),
    "keywords.user_words": _check_words,
    "keywords.stop_words": _check_words,
    "reading.chars_per_minute": _at_least(1),
    "reading.summary_chars": _at_least(1),
    "feed.entries": _at_least(0),
    "deploy.name": _check_name,
    "deploy.to": _check_deploy_to,
    "deploy.keep": _at_least(1),
    "deploy.max_deletes": _at_least(0),
}

_SCALAR_KINDS = {str: "text", int: "a whole number", bool: "true or false"}


class _Reader:
    """Walks the composed YAML nodes against the dataclass schema, keeping every mark."""

    def __init__(self, path: str, diags: Collector):
        self.path = path
        self.diags = diags
        self.constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        self.diags.error(self.path, node.start_mark.line + 1, message, hint)

    def mapping(self, node: yaml.Node, cls: type, prefix: str, skip: tuple[str, ...] = ()) -> dict:
        """Keyword arguments for `cls` from a mapping node; unknown keys are errors."""
        where = f"'{prefix}'" if prefix else "the top level"
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{where} must be a mapping of keys to values")
            return {}
        hints = typing.get_type_hints(cls)
        known = {f.name: f for f in fields(cls) if f.name not in skip}
        out: dict = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key is None:
                self.fail(key_node, f"keys in {where} must be names")
                continue
            name = f"{prefix}.{key}" if prefix else key
            if key in seen:
                self.fail(key_node, f"duplicate key '{name}' (first on line {seen[key]})")
                continue
            seen[key] = line
            if key not in known:
                self.fail(key_node, f"unknown key '{name}'", did_you_mean(key, known))
                continue
            value = self.value(value_node, hints[key], name)
            if value is not _INVALID:
                out[key] = value
        for f in known.values():
            if f.default is MISSING and f.default_factory is MISSING and f.name not in out and f.name not in seen:
                name = f"{prefix}.{f.name}" if prefix else f.name
                self.fail(node, f"missing required key '{name}'")
        return out

    def value(self, node: yaml.Node, hint, name: str):
        optional = False
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(hint) if a is not type(None)]
            optional = len(args) < len(typing.get_args(hint))
            hint = args[0]
            origin = typing.get_origin(hint)
        if optional and isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return None
        if is_dataclass(hint):
            values = self.mapping(node, hint, name)
            try:
                return hint(**values)
            except TypeError:  # a required key was missing: already reported
                return _INVALID
        if origin is tuple:
            item_type = typing.get_args(hint)[0]
            if not isinstance(node, yaml.SequenceNode):
                self.fail(node, f"'{name}' must be a list")
                return _INVALID
            items = [self.value(n, item_type, name) for n in node.value]
            if is_dataclass(item_type):
                self._unique_names(node, items, name)
            if any(i is _INVALID for i in items):
                return _INVALID
            return self._checked(node, tuple(items), name)
        return self._checked(node, self.scalar(node, hint, name), name)

    def scalar(self, node: yaml.Node, kind: type, name: str):
        expected = _SCALAR_KINDS[kind]
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            self.fail(node, f"'{name}' must be {expected}")
            return _INVALID
        if kind is str:
            # A number or date written where text belongs is meant as text: keep what was typed.
            return node.value
        value = self.constructor.construct_object(node)
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            self.fail(node, f"'{name}' must be {expected}, not {node.value!r}")
            return _INVALID
        if kind is bool and not isinstance(value, bool):
            self.fail(node, f"'{name}' must be {expected}, not {node.value!r}")
            return _INVALID
        return value

    def _checked(self, node: yaml.Node, value, name: str):
        if value is _INVALID:
            return value
        check = _CHECKS.get(name)
        problem = check(value) if check else None
        if problem:
            self.fail(node, f"'{name}' {problem}")
            return _INVALID
        if name == "base_url" and not value.endswith("/"):
            value += "/"
        return value

    def _unique_names(self, node: yaml.SequenceNode, items: list, name: str) -> None:
        seen: set[str] = set()
        for item_node, item in zip(node.value, items):
            item_name = getattr(item, "name", None)
            if item_name is None:
                continue
            if item_name in seen:
                self.fail(item_node, f"duplicate {name} name '{item_name}'")
            seen.add(item_name)


_INVALID = object()
