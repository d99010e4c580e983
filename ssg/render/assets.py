"""Static files of the theme, with fingerprinted names for CSS and JS.

`style.css` is published as `static/style.3f2a9c1e.css` (the first 8 hex digits
of its sha256), so a page can be cached for ever and still pick up a new
stylesheet. Other files (images, icons) keep their names. When several folders
hold the same file, the first one (site `static/`, then the theme, then its
parents) wins. Templates ask for a file with `asset("style.css")`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

OUTPUT_DIR = "static"
FINGERPRINTED = (".css", ".js")


@dataclass(frozen=True)
class Asset:
    path: str
    """Output path, e.g. "static/style.3f2a9c1e.css"."""
    data: bytes


def fingerprinted_name(relpath: str, data: bytes) -> str:
    """ "css/style.css" -> "css/style.3f2a9c1e.css" for CSS and JS; other names unchanged."""
    p = PurePosixPath(relpath)
    if p.suffix.lower() not in FINGERPRINTED:
        return relpath
    digest = hashlib.sha256(data).hexdigest()[:8]
    return str(p.with_name(f"{p.stem}.{digest}{p.suffix}"))


def plan_assets(static_dirs: tuple[Path, ...]) -> tuple[dict[str, str], dict[str, bytes], str]:
    """Read the static folders -> (logical name -> output path, output path -> bytes, content hash)."""
    chosen: dict[str, Path] = {}
    for folder in static_dirs:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or any(part.startswith(".") for part in path.relative_to(folder).parts):
                continue
            chosen.setdefault(path.relative_to(folder).as_posix(), path)
    names: dict[str, str] = {}
    files: dict[str, bytes] = {}
    digest = hashlib.sha256()
    for relpath in sorted(chosen):
        data = chosen[relpath].read_bytes()
        out = f"{OUTPUT_DIR}/{fingerprinted_name(relpath, data)}"
        names[relpath] = out
        files[out] = data
        digest.update(out.encode() + b"\0" + hashlib.sha256(data).digest())
    return names, files, digest.hexdigest()


def theme_assets(theme) -> list[Asset]:
    """Every static file of the theme, by output path (sorted)."""
    return [Asset(path, data) for path, data in sorted(theme.asset_files.items())]
