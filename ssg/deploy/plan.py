"""What a deploy changes: the files to publish and their diff against what is live.

Targets differ in how they fingerprint a file (git blob ids, sha256), so a
plan compares opaque fingerprints: `build_plan(old, new)` is pure and each
target supplies both sides with its own hash.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ssg.diagnostics import Diagnostic, SsgError
from ssg.output import MARKER

log = logging.getLogger(__name__)

BUILD_MARKERS = frozenset({MARKER})
"""Bookkeeping files of the build in the output root: never published."""


@dataclass(frozen=True)
class SiteFile:
    """One file to publish: read from `source`, or given as `data`."""

    path: str
    """Site-relative, "/"-separated (e.g. "2025/11/10/index.html")."""
    source: Path | None = None
    data: bytes | None = None

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.source is not None
        return self.source.read_bytes()

    @property
    def executable(self) -> bool:
        return self.source is not None and bool(self.source.stat().st_mode & 0o111)


@dataclass(frozen=True)
class Plan:
    """Paths added, changed and removed by a deploy, each sorted."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.changed)} changed, "
            f"{len(self.removed)} removed, {self.unchanged} unchanged"
        )

    def lines(self) -> list[str]:
        """One line per path, "+ added", "~ changed", "- removed"."""
        return (
            [f"+ {p}" for p in self.added]
            + [f"~ {p}" for p in self.changed]
            + [f"- {p}" for p in self.removed]
        )


@dataclass(frozen=True)
class Outcome:
    """What a target did with a plan."""

    changed: bool
    """False when the target already held this site and was left as it was."""
    message: str


def build_plan(old: Mapping[str, str], new: Mapping[str, str]) -> Plan:
    """Diff two maps of path -> fingerprint (`old` is what is live now)."""
    added = sorted(p for p in new if p not in old)
    changed = sorted(p for p in new if p in old and old[p] != new[p])
    removed = sorted(p for p in old if p not in new)
    unchanged = sum(1 for p in new if p in old and old[p] == new[p])
    return Plan(tuple(added), tuple(changed), tuple(removed), unchanged)


def check_deletions(plan: Plan, max_deletes: int, confirmed: bool, where: str) -> None:
    """Refuse a deploy that removes more than `max_deletes` files unless confirmed."""
    if confirmed or len(plan.removed) <= max_deletes:
        return
    raise SsgError(
        Diagnostic(
            None,
            None,
            f"deploy to {where} would remove {len(plan.removed)} files, more than max_deletes ({max_deletes})",
            hint="look with --dry-run, then run again with --yes to confirm",
        )
    )


def load_site_files(folder: Path) -> tuple[SiteFile, ...]:
    """Every regular file under `folder`, sorted by path, without build bookkeeping.

    Symbolic links are refused rather than followed: a build never makes them,
    and following one could publish a file from outside the site.
    """
    if not folder.is_dir():
        raise SsgError(Diagnostic(str(folder), None, "nothing to publish: not a folder"))
    files: list[SiteFile] = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            raise SsgError(Diagnostic(str(path), None, "refusing to publish a symbolic link"))
        if path.is_dir():
            continue
        if rel in BUILD_MARKERS:
            continue
        if "\n" in rel or "\r" in rel:
            raise SsgError(Diagnostic(str(path), None, "refusing to publish a file whose name holds a line break"))
        files.append(SiteFile(rel, source=path))
    if not files:
        raise SsgError(Diagnostic(str(folder), None, "nothing to publish: the folder is empty"))
    return tuple(sorted(files, key=lambda f: f.path))


def with_extra_files(files: Iterable[SiteFile], extra: Mapping[str, bytes]) -> tuple[SiteFile, ...]:
    """`files` plus generated ones (.nojekyll, CNAME); a generated file wins."""
    merged = {f.path: f for f in files}
    for path, data in extra.items():
        merged[path] = SiteFile(path, data=data)
    return tuple(merged[p] for p in sorted(merged))


def sha256_file(f: SiteFile) -> str:
    return hashlib.sha256(f.read()).hexdigest()


def scan_tree(folder: Path) -> dict[str, str]:
    """path -> sha256 of every regular file under `folder` (empty if missing)."""
    if not folder.is_dir():
        return {}
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(folder).as_posix()
            if rel not in BUILD_MARKERS:
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out
