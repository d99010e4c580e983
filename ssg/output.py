"""The only writer: build output goes through here and nowhere else.

A full build writes into a fresh staging folder beside the output and swaps it
in at the end (old folder renamed away, new one renamed in, old one deleted),
so a failed or interrupted build leaves the previous output intact. An
incremental rebuild (the preview server) rewrites, in place, only the files
whose bytes changed.

Every output folder ssg makes holds a marker, `.ssg-output.json`: the manifest
(path -> sha256, size) of what it wrote. ssg replaces or deletes only a folder
holding that marker, or an empty or missing one, and refuses an output folder
that is or holds the project, its content or a git repository.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ssg.diagnostics import SsgError, error

log = logging.getLogger(__name__)

MARKER = ".ssg-output.json"
_FORMAT = 1
_PROJECT_FILES = ("site.yaml", "content", ".git")
_ACTIVE: set[str] = set()
"""Staging folders this process is writing, which the sweep must leave alone."""


@dataclass(frozen=True)
class FileRecord:
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """What an output folder holds: site path ("2025/11/10/index.html") -> record."""

    files: Mapping[str, FileRecord]
    """Sorted by path; treat as read-only. The marker itself is not listed."""

    def to_json(self) -> bytes:
        data = {"generator": "ssg", "format": _FORMAT,
                "files": {p: {"sha256": r.sha256, "size": r.size} for p, r in sorted(self.files.items())}}
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        raw = json.loads(data)
        files = {p: FileRecord(r["sha256"], int(r["size"])) for p, r in raw["files"].items()}
        return cls(dict(sorted(files.items())))


def record_of(data: bytes) -> FileRecord:
    return FileRecord(hashlib.sha256(data).hexdigest(), len(data))


def load_manifest(output: Path) -> Manifest | None:
    """The manifest kept in an output folder ssg made, or None (no marker, or unreadable)."""
    try:
        return Manifest.from_json((output / MARKER).read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None


# -- where output may go --------------------------------------------------------------

def check_output_dir(output: Path, project: Path, content: Path) -> None:
    """Refuse an output folder ssg must not replace. Raises SsgError (one line)."""
    out = Path(os.path.abspath(output))
    shown = str(output)
    if out.is_symlink():
        raise SsgError(error(shown, None, "the output folder is a symlink; ssg replaces the folder at the end of a build",
                             "give the real folder as --output"))
    out = out.resolve()
    project = project.resolve()
    content = content.resolve()
    if out == project or project.is_relative_to(out):
        raise SsgError(error(shown, None, "the output folder may not be the project folder or hold it",
                             "use a folder inside the project, such as public/"))
    if out.is_relative_to(content):
        raise SsgError(error(shown, None, "the output folder may not be inside the content folder"))
    if ".git" in out.parts:
        raise SsgError(error(shown, None, "the output folder may not be inside a .git folder"))
    if not out.exists():
        return
    if not out.is_dir():
        raise SsgError(error(shown, None, "the output path is a file, not a folder"))
    for name in _PROJECT_FILES:
        if (out / name).exists():
            raise SsgError(error(shown, None, f"the output folder holds {name}; ssg will not replace it",
                                 "choose an empty or new folder for --output"))
    if not (out / MARKER).is_file() and any(out.iterdir()):
        raise SsgError(error(shown, None, f"the output folder holds files ssg did not write (no {MARKER})",
                             "empty it, or choose a new folder for --output"))


def check_paths(planned: Iterable[tuple[str, str]]) -> None:
    """Check every (site path, source) before anything is written; one SsgError with all problems.

    Catches paths that could escape the output, two sources writing one path
    (both named), and a path that is both a file and a folder.
    """
    problems = []
    owner: dict[str, str] = {}
    for path, source in planned:
        reason = _bad_path(path)
        if reason:
            problems.append(error(source, None, f"output path {path!r} {reason}"))
        elif path in owner:
            problems.append(error(source, None, f"output path {path!r} is also written by {owner[path]}",
                                  "two pages may not share a URL"))
        else:
            owner[path] = source
    folders: dict[str, str] = {}  # folder -> a path inside it
    for path in owner:
        parts = path.split("/")
        for n in range(1, len(parts)):
            folders.setdefault("/".join(parts[:n]), path)
    for folder in sorted(owner.keys() & folders.keys()):
        inside = folders[folder]
        problems.append(error(owner[inside], None, f"output path {inside!r} needs a folder {folder!r}, "
                                                   f"which {owner[folder]} writes as a file"))
    if problems:
        raise SsgError(sorted(set(problems), key=str))


def _bad_path(path: str) -> str | None:
    if not path or "\\" in path or "\0" in path:
        return "is empty or holds a backslash or NUL"
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        return "is absolute"
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "has an empty, '.' or '..' segment"
    if path == MARKER:
        return "is reserved for ssg's manifest"
    return None


def _target(root: Path, path: str) -> Path:
    """root/path, refusing anything that resolves outside root (symlinks included)."""
    reason = _bad_path(path)
    if reason:
        raise SsgError(error(None, None, f"output path {path!r} {reason}"))
    target = root / path
    if not target.resolve().is_relative_to(root.resolve()):
        raise SsgError(error(None, None, f"output path {path!r} escapes the output folder"))
    return target


def _write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside target and rename it over target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- a full build: staging folder + swap -------------------------------------------

class Staging:
    """A fresh folder beside the output that one full build writes into.

    Use as a context manager: leaving the block without `commit()` (an error,
    Ctrl-C) deletes the staging folder and leaves the output untouched.
    """

    def __init__(self, output: Path):
        self.output = Path(os.path.abspath(output))
        self.output.parent.mkdir(parents=True, exist_ok=True)
        _sweep_leftovers(self.output)
        self.root = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.ssg-staging-{os.getpid()}-",
                                          dir=self.output.parent))
        _ACTIVE.add(self.root.name)
        self._sources: dict[str, str] = {}
        self._records: dict[str, FileRecord] = {}
        self._done = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc) -> None:
        if not self._done:
            self.abort()

    def write(self, path: str, data: bytes, source: str = "ssg") -> None:
        if path in self._sources:
            raise SsgError(error(source, None, f"output path {path!r} is also written by {self._sources[path]}"))
        _write_atomic(_target(self.root, path), data)
        self._sources[path] = source
        self._records[path] = record_of(data)

    @property
    def manifest(self) -> Manifest:
        return Manifest(dict(sorted(self._records.items())))

    def commit(self) -> Manifest:
        """Write the marker and swap the staging folder in place of the output."""
        manifest = self.manifest
        if not _replaceable(self.output):  # checked again here, the one place that deletes
            raise SsgError(error(str(self.output), None, f"the output folder is not one ssg made (no {MARKER}); "
                                                         "it was left as it is"))
        (self.root / MARKER).write_bytes(manifest.to_json())
        os.chmod(self.root, 0o755)
        old = None
        if self.output.exists():
            old = self.output.parent / f".{self.output.name}.ssg-old-{os.getpid()}-{self.root.name[-8:]}"
            os.rename(self.output, old)
        try:
            os.rename(self.root, self.output)
        except BaseException:
            if old is not None:
                os.rename(old, self.output)
            raise
        self._done = True
        _ACTIVE.discard(self.root.name)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return manifest

    def abort(self) -> None:
        self._done = True
        _ACTIVE.discard(self.root.name)
        shutil.rmtree(self.root, ignore_errors=True)


def _replaceable(output: Path) -> bool:
    """Missing, empty, or made by ssg (marker present, no project inside)."""
    if output.is_symlink():
        return False
    if not output.exists():
        return True
    if not output.is_dir() or any((output / name).exists() for name in _PROJECT_FILES):
        return False
    return (output / MARKER).is_file() or not any(output.iterdir())


def _sweep_leftovers(output: Path) -> None:
    """Delete staging and old folders that an interrupted build of this output left behind.

    Only folders named by ssg for this output whose process is gone, so a
    concurrent build's staging folder is never touched.
    """
    for kind in ("staging", "old"):
        for leftover in sorted(output.parent.glob(f".{output.name}.ssg-{kind}-*")):
            pid = leftover.name.split(f"ssg-{kind}-", 1)[1].split("-", 1)[0]
            if leftover.name in _ACTIVE or not leftover.is_dir() or leftover.is_symlink():
                continue
            if pid.isdigit() and (int(pid) == os.getpid() or not _alive(int(pid))):
                log.debug("removing %s, left by an interrupted build", leftover)
                shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# -- an incremental rebuild: in place -------------------------------------------------

@dataclass(frozen=True)
class Update:
    manifest: Manifest
    written: tuple[str, ...]
    """Paths whose bytes changed or that are new, sorted."""
    removed: tuple[str, ...]
    """Paths no longer produced, deleted, sorted."""


def update_output(output: Path, previous: Manifest, files: Mapping[str, bytes], unchanged: Iterable[str] = ()) -> Update:
    """Bring an output folder ssg made from `previous` to `files` + `unchanged`, in place.

    `files` holds fresh bytes (written only where they differ from
    `previous`); `unchanged` names paths known to be as they were. Paths of
    `previous` in neither are deleted. Each file is replaced atomically.
    """
    output = Path(os.path.abspath(output))
    if load_manifest(output) != previous:
        raise SsgError(error(str(output), None, "the output folder changed since the last build; rebuild it in full"))
    records = {p: previous.files[p] for p in unchanged}
    written = []
    for path in sorted(files):
        record = record_of(files[path])
        target = _target(output, path)
        if previous.files.get(path) != record or not target.is_file():
            _write_atomic(target, files[path])
            written.append(path)
        records[path] = record
    removed = sorted(set(previous.files) - set(records))
    for path in removed:
        target = _target(output, path)
        target.unlink(missing_ok=True)
        _prune_empty_dirs(output, target.parent)
    manifest = Manifest(dict(sorted(records.items())))
    if written or removed:
        _write_atomic(output / MARKER, manifest.to_json())
    return Update(manifest, tuple(written), tuple(removed))


def _prune_empty_dirs(root: Path, folder: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
