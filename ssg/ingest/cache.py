"""A per-user cache for the tables ingest derives from jieba's data files.

jieba's dictionary (350,000 words), its part-of-speech tags and its IDF
table are text files that take a second or two to parse on every run. Each
table is parsed once and kept as a `marshal` file in the user's cache folder
(`$SSG_CACHE_DIR`, else `$XDG_CACHE_HOME/ssg`, else `~/.cache/ssg`), named
after the source files' paths, sizes and modification times and the jieba
version, so a changed dictionary is parsed afresh. The cache only saves
time: the tables are the same values either way, and a folder that cannot
be written just means parsing every time.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

FORMAT = 1
"""Bumped when what a cached table holds changes."""

T = TypeVar("T")


def cache_dir() -> Path:
    """Where cached tables live: $SSG_CACHE_DIR, $XDG_CACHE_HOME/ssg or ~/.cache/ssg."""
    explicit = os.environ.get("SSG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ssg"


def cache_key(name: str, sources: Sequence[Path], version: str) -> str:
    """A file name that changes whenever a source file or the producing code does."""
    parts = [name, version, str(FORMAT)]
    for source in sources:
        st = source.stat()
        parts += [str(source.resolve()), str(st.st_size), str(st.st_mtime_ns)]
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{name}-{digest}.marshal"


def cached_table(name: str, sources: Sequence[Path], version: str, build: Callable[[], T]) -> T:
    """`build()`'s value, read from the cache when an up-to-date copy is there.

    The value must be made of what `marshal` stores (dicts, tuples, strings,
    numbers, frozensets). A cache that cannot be read or written is ignored.
    """
    try:
        path = cache_dir() / cache_key(name, sources, version)
    except OSError as exc:  # a source file is missing: let build() raise its own error
        log.debug("no cache for %s: %s", name, exc)
        return build()
    try:
        return marshal.loads(path.read_bytes())  # read whole: marshal.load on a file is several times slower
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError) as exc:
        log.debug("ignoring the unreadable cache %s: %s", path, exc)
    value = build()
    _store(path, value)
    _remove_stale(path, name)
    return value


def _remove_stale(keep: Path, name: str) -> None:
    """Older copies of the same table (a changed dictionary, another jieba) are dead weight."""
    try:
        for old in keep.parent.glob(f"{name}-*.marshal"):
            if old != keep:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("cannot tidy %s: %s", keep.parent, exc)


def _store(path: Path, value) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(value))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        log.debug("cached %s", path)
    except (OSError, ValueError) as exc:
        log.debug("cannot cache %s: %s", path, exc)
