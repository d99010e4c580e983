"""The theme: its search path, its parents, and the one Jinja environment.

Search path, highest priority first: the site's `templates/`, then for each
theme in the chain (the configured theme, then what its `theme.yaml`
`extends:`) the site's `themes/<name>/` and ssg's built-in `themes/<name>/`.
Static files follow the same order (site `static/` first). Every template is
parsed when the theme loads, so a syntax error surfaces before any page is
rendered.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import yaml

from ssg.config import SiteConfig
from ssg.diagnostics import Diagnostic, SsgError, error
from ssg.paths import builtin_themes_dir
from ssg.render import filters
from ssg.render.assets import plan_assets
from ssg.render.loader import LayeredEnvironment, LayeredLoader
from ssg.render.template_errors import template_diagnostic

log = logging.getLogger(__name__)

THEME_KEYS = ("extends", "description")


@dataclass(frozen=True)
class Theme:
    name: str
    chain: tuple[str, ...]
    """The theme, then its parent, grandparent ... (names)."""
    template_dirs: tuple[Path, ...]
    static_dirs: tuple[Path, ...]
    """Highest priority first."""
    assets: dict = field(hash=False)
    """Logical static name ("style.css") -> output path ("static/style.3f2a9c1e.css")."""
    asset_files: dict = field(hash=False, repr=False)
    """Output path -> the file's bytes."""
    fingerprint: str
    """Changes whenever a template or static file changes (part of every job key)."""
    root: Path
    """The project (for showing template paths relative to it)."""
    env: jinja2.Environment = field(hash=False, compare=False, repr=False)


def load_theme(config: SiteConfig) -> Theme:
    """Find the theme and its parents, parse every template. Raises SsgError."""
    root = config.root
    chain, theme_dirs = _resolve_chain(config.theme, root)
    template_dirs = [root / "templates"] + [d / "templates" for d in theme_dirs]
    static_dirs = [root / "static"] + [d / "static" for d in theme_dirs]
    template_dirs = tuple(d for d in template_dirs if d.is_dir())
    static_dirs = tuple(d for d in static_dirs if d.is_dir())
    assets, asset_files, asset_hash = plan_assets(static_dirs)
    env = make_environment(template_dirs)
    env.globals["asset_map"] = assets
    templates_hash = _parse_all(env, root)
    fingerprint = hashlib.sha256((templates_hash + asset_hash).encode()).hexdigest()[:16]
    log.debug("theme %s: %s", " < ".join(chain), ", ".join(str(d) for d in template_dirs))
    return Theme(
        name=config.theme,
        chain=chain,
        template_dirs=template_dirs,
        static_dirs=static_dirs,
        assets=assets,
        asset_files=asset_files,
        fingerprint=fingerprint,
        root=root,
        env=env,
    )


def make_environment(template_dirs: tuple[Path, ...]) -> jinja2.Environment:
    env = LayeredEnvironment(
        loader=LayeredLoader(template_dirs),
        autoescape=jinja2.select_autoescape(("html", "htm", "xml"), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    filters.install(env)
    return env


def _theme_dirs(name: str, root: Path) -> list[Path]:
    """Folders holding theme `name`: the site's own first, then the built-in one."""
    dirs = [root / "themes" / name]
    try:
        dirs.append(builtin_themes_dir() / name)
    except FileNotFoundError:
        pass
    seen: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [s.resolve() for s in seen]:
            seen.append(d)
    return seen


def _available_themes(root: Path) -> list[str]:
    names = set()
    for base in (root / "themes", _builtin_or_none()):
        if base and base.is_dir():
            names.update(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    return sorted(names)


def _builtin_or_none() -> Path | None:
    try:
        return builtin_themes_dir()
    except FileNotFoundError:
        return None


def _resolve_chain(name: str, root: Path) -> tuple[tuple[str, ...], list[Path]]:
    chain: list[str] = []
    dirs: list[Path] = []
    where = "site.yaml"
    while name:
        if name in chain:
            raise SsgError(error(where, None, f"theme inheritance loops: {' -> '.join(chain + [name])}"))
        found = _theme_dirs(name, root)
        if not found:
            known = _available_themes(root)
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"available: {', '.join(known) or 'none'}"
            raise SsgError(error(where, None, f"unknown theme '{name}'", hint))
        chain.append(name)
        dirs.extend(found)
        meta, where = _read_theme_yaml(found)
        name = meta.get("extends")
    return tuple(chain), dirs


def _read_theme_yaml(dirs: list[Path]) -> tuple[dict, str]:
    """The first theme.yaml among `dirs` (the site's copy wins), validated."""
    for d in dirs:
        path = d / "theme.yaml"
        if path.is_file():
            return parse_theme_yaml(path.read_text(encoding="utf-8"), str(path)), str(path)
    return {}, str(dirs[0] / "theme.yaml")


def parse_theme_yaml(text: str, path: str) -> dict:
    """theme.yaml -> {"extends": str|None, "description": str|None}. Raises SsgError with path:line."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SsgError(
            error(path, mark.line + 1 if mark else None, f"bad YAML: {getattr(exc, 'problem', exc)}")
        ) from None
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise SsgError(error(path, node.start_mark.line + 1, "theme.yaml must be a mapping of keys to values"))
    problems: list[Diagnostic] = []
    out: dict = {}
    for key_node, value_node in node.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        if key not in THEME_KEYS:
            close = difflib.get_close_matches(str(key), THEME_KEYS, n=1)
            problems.append(error(path, line, f"unknown key '{key}'", f"did you mean '{close[0]}'?" if close else None))
            continue
        if not isinstance(value_node, yaml.ScalarNode) or not value_node.value.strip():
            problems.append(error(path, line, f"'{key}' must be a non-empty string"))
            continue
        out[key] = value_node.value.strip()
    if problems:
        raise SsgError(problems)
    return out


def _parse_all(env: jinja2.Environment, root: Path) -> str:
    """Compile every template of every layer; hash their sources. Raises SsgError."""
    problems: list[Diagnostic] = []
    digest = hashlib.sha256()
    for name in env.loader.list_templates():
        source, filename, _ = env.loader.get_source(env, name)
        digest.update(name.encode() + b"\0" + source.encode() + b"\0")
        if not name.endswith((".html", ".htm", ".xml", ".txt", ".j2")):
            continue
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(template_diagnostic(exc, filename, root))
    if problems:
        raise SsgError(problems)
    return digest.hexdigest()
