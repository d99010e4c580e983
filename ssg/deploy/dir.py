"""The dir target: releases/<timestamp>/ folders and an atomically switched `current` link.

Layout under the target folder (the web server's root is `current`):

    releases/20251110T120000.000000Z/   one complete site per deploy
    current -> releases/<newest>        what readers get
    previous -> releases/<before>       what readers got just before the switch
    assets/static/style.3f2a9c1e.css     every kept release's fingerprinted files

A release is copied into a hidden temporary folder and renamed into place
only when complete, so a release folder is never half-written. `current` is
switched by making a new link under a temporary name and `os.replace`-ing it
over the old one: one rename, so every request sees the old site or the new
one. `assets/` holds the fingerprinted files (static/*.<8 hex>.css|js) of
every kept release (and, for an hour, of releases just pruned), hard-linked,
so a server can answer a page's stylesheet even when the reader's page came
from a release two or more switches ago (docs/deploy.md).
Unchanged files are hard-linked from the current release, so a release costs
only what changed.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ssg.deploy.plan import Outcome, Plan, SiteFile, scan_tree, sha256_file
from ssg.diagnostics import Diagnostic, SsgError

log = logging.getLogger(__name__)

RELEASES = "releases"
CURRENT = "current"
PREVIOUS = "previous"
ASSETS = "assets"
# Files whose name carries their content hash: the same name never means other bytes.
# How long a pooled file outlives the last kept release that had it: a reader's
# page from a release just pruned may still be loading its stylesheet.
ASSET_GRACE = dt.timedelta(hours=1)
ASSET_BOOK = ".ssg-assets.json"
_FINGERPRINTED = re.compile(r"^static/.+\.[0-9a-f]{8}\.(css|js)$")
LOCK = ".ssg-deploy.lock"
_RELEASE_NAME = re.compile(r"^\d{8}T\d{6}\.\d{6}Z(?:-\d+)?$")


def release_name(now: dt.datetime) -> str:
    """A name that sorts in deploy order: 20251110T120000.123456Z (UTC)."""
    return now.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


def is_release_name(name: str) -> bool:
    return bool(_RELEASE_NAME.match(name))


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _sort_key(name: str) -> tuple[str, int]:
    stamp, _, n = name.partition("-")
    return stamp, int(n or 0)


class DirPublisher:
    """Publishes into `root` as releases plus a `current` link."""

    def __init__(self, root: Path, *, keep: int, clock: Callable[[], dt.datetime] = _utc_now):
        if keep < 1:
            raise SsgError(Diagnostic(None, None, f"keep must be at least 1 for a dir target, not {keep}"))
        self.root = root
        self.keep = keep
        self.clock = clock
        self.where = f"dir:{root}"

    def close(self) -> None:
        pass

    # -- reading the target ------------------------------------------------

    @property
    def releases_dir(self) -> Path:
        return self.root / RELEASES

    def releases(self) -> list[str]:
        """Complete releases, oldest first."""
        if not self.releases_dir.is_dir():
            return []
        names = [p.name for p in self.releases_dir.iterdir() if p.is_dir() and is_release_name(p.name)]
        return sorted(names, key=_sort_key)

    def current(self) -> str | None:
        """The release `current` points at, or None before the first deploy."""
        return self._link_target(CURRENT)

    def _link_target(self, name: str) -> str | None:
        link = self.root / name
        if not link.is_symlink():
            if link.exists():
                raise SsgError(Diagnostic(str(link), None, f"'{name}' is not a symbolic link; ssg will not replace it",
                                          hint="move it away, or deploy to another folder"))
            return None
        target = Path(os.readlink(link))
        if target.parent.as_posix() != RELEASES or not is_release_name(target.name):
            raise SsgError(Diagnostic(str(link), None, f"'{name}' points at {target}, not at one of {RELEASES}/"))
        return target.name

    def fingerprint(self, f: SiteFile) -> str:
        return sha256_file(f)

    def extra_files(self) -> dict[str, bytes]:
        return {}

    def live(self) -> dict[str, str]:
        current = self.current()
        return scan_tree(self.releases_dir / current) if current else {}

    # -- changing it -------------------------------------------------------

    def publish(self, files: Sequence[SiteFile], plan: Plan) -> Outcome:
        with self._locked():
            current = self.current()
            if current and plan.empty:
                return Outcome(False, f"no changes: {current} already holds this site, nothing published")
            name = self._new_release_name()
            self._write_release(name, files, current)
            self._pool_assets(name)
            self._switch(name, previous=current)
            pruned = self._prune()
        extra = f", removed {len(pruned)} old release(s)" if pruned else ""
        return Outcome(True, f"released {name} at {self.root / CURRENT}{extra}")

    def rollback(self) -> str:
        """Point `current` back at the release before it."""
        with self._locked():
            current = self.current()
            releases = self.releases()
            if current is None or current not in releases:
                raise SsgError(Diagnostic(str(self.root), None, "nothing to roll back: no current release"))
            older = releases[: releases.index(current)]
            if not older:
                raise SsgError(Diagnostic(str(self.root), None, f"nothing to roll back to: {current} is the oldest release kept"))
            self._switch(older[-1], previous=current)
        return f"rolled back {self.root / CURRENT} from {current} to {older[-1]}"

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """One deploy at a time per target folder (another one waits)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK, "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _new_release_name(self) -> str:
        name = release_name(self.clock())
        releases = self.releases()
        if releases and _sort_key(name) <= _sort_key(releases[-1]):
            # Same microsecond, or a clock that stepped back: still sort last.
            stamp, n = _sort_key(releases[-1])
            name = f"{stamp}-{n + 1}"
        return name

    def _write_release(self, name: str, files: Sequence[SiteFile], current: str | None) -> None:
        if not self.releases_dir.is_dir():
            self.releases_dir.mkdir(parents=True)
            self.releases_dir.chmod(0o755)  # the web server walks through it
        for leftover in self.releases_dir.glob(".tmp-*"):  # from a deploy that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        staging = self.releases_dir / f".tmp-{name}"
        old_dir = self.releases_dir / current if current else None
        old = scan_tree(old_dir) if old_dir else {}
        try:
            for f in files:
                dest = staging / f.path
                dest.parent.mkdir(parents=True, exist_ok=True)
                data = f.read()
                if old_dir and old.get(f.path) == sha256_file(SiteFile(f.path, data=data)):
                    try:
                        os.link(old_dir / f.path, dest)
                        continue
                    except OSError:
                        pass  # another file system, or no hard links there: copy
                dest.write_bytes(data)
                if f.executable:
                    dest.chmod(0o755)
            _make_readable(staging)
            os.replace(staging, self.releases_dir / name)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _fsync_dir(self.releases_dir)

    def _switch(self, name: str, *, previous: str | None) -> None:
        if previous and previous != name:
            _replace_link(self.root, PREVIOUS, f"{RELEASES}/{previous}")
        _replace_link(self.root, CURRENT, f"{RELEASES}/{name}")
        log.info("%s -> %s/%s", self.root / CURRENT, RELEASES, name)

    def _prune(self) -> list[str]:
        """Delete releases beyond the newest `keep`, never the current or previous one."""
        releases = self.releases()
        protected = {self.current(), self._link_target(PREVIOUS)}
        doomed = [r for r in releases[: max(0, len(releases) - self.keep)] if r not in protected]
        for name in doomed:
            shutil.rmtree(self.releases_dir / name)
        self._prune_assets()
        return doomed

    def _pool_assets(self, name: str) -> None:
        """Hard-link (or copy) the release's fingerprinted files into `assets/` before it goes live."""
        release = self.releases_dir / name
        for path in sorted(scan_tree(release)):
            if not _FINGERPRINTED.match(path):
                continue
            dest = self.root / ASSETS / path
            if dest.exists():
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".{dest.name}.tmp-{os.getpid()}")
            try:
                os.link(release / path, tmp)
            except OSError:
                shutil.copyfile(release / path, tmp)
            os.chmod(tmp, 0o644)
            os.replace(tmp, dest)
        if (self.root / ASSETS).is_dir():
            _make_readable(self.root / ASSETS)

    def _prune_assets(self) -> None:
        """Drop pooled files no kept release has had for ASSET_GRACE.

        `assets/.ssg-assets.json` notes when each pooled file was last part of a
        kept release, so a page of a release pruned a moment ago keeps its styles.
        """
        pool = self.root / ASSETS
        if not pool.is_dir():
            return
        now = self.clock()
        kept: set[str] = set()
        for name in self.releases():
            kept.update(p for p in scan_tree(self.releases_dir / name) if _FINGERPRINTED.match(p))
        book_path = pool / ASSET_BOOK
        try:
            book = json.loads(book_path.read_text("utf-8"))
        except (OSError, ValueError):
            book = {}
        fresh: dict[str, str] = {}
        for path in scan_tree(pool):
            if not _FINGERPRINTED.match(path):
                continue
            seen = now if path in kept else _parse_time(book.get(path), now)
            if now - seen > ASSET_GRACE:
                (pool / path).unlink()
            else:
                fresh[path] = seen.isoformat()
        tmp = book_path.with_name(f"{ASSET_BOOK}.tmp-{os.getpid()}")
        tmp.write_text(json.dumps(fresh, sort_keys=True, indent=0), "utf-8")
        os.replace(tmp, book_path)


def _parse_time(value, default: dt.datetime) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return default


def _replace_link(root: Path, name: str, target: str) -> None:
    """Point root/name at target in one rename (a reader never sees it missing)."""
    tmp = root / f".{name}.tmp-{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, root / name)
    _fsync_dir(root)


def _make_readable(folder: Path) -> None:
    """Folders 755, files 644 (or 755): a web server running as another user must read them."""
    for dirpath, _dirnames, filenames in os.walk(folder):
        os.chmod(dirpath, 0o755)
        for fn in filenames:
            p = os.path.join(dirpath, fn)
            if not os.path.islink(p):
                mode = os.stat(p).st_mode
                os.chmod(p, 0o755 if mode & 0o100 else 0o644)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
