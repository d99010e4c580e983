"""Watch the project's inputs and hand over changes in batches, one batch per save.

Two watchfiles watchers run in background threads: one on the project folder
itself (not recursive: `site.yaml`, and input folders appearing or vanishing)
and one recursive on the input folders that exist (`content/`, `themes/`,
`templates/`, `static/`, `sources/`). Watching the project recursively would
also watch `public/`, `.git/` and whatever else lives there. A third thread
collects what they report until the files have been quiet for a moment
(an editor's "save all", a `git checkout`, `ssg ingest` rewriting a folder)
and passes the whole batch to the callback, which runs in that thread, so
batches never overlap.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import watchfiles

log = logging.getLogger(__name__)

SITE_FILE = "site.yaml"
SOURCES_DIR = "sources"
INPUT_DIRS = ("themes", "templates", "static")
"""Besides the content folder (its name comes from site.yaml)."""
SKIPPED_DIRS = frozenset({"__pycache__", "node_modules"})


@dataclass(frozen=True)
class Batch:
    """What changed since the last batch."""

    inputs: tuple[Path, ...]
    """Changed files the build reads (absolute, sorted)."""
    sources: tuple[Path, ...]
    """Changed raw issue texts under sources/ (the build never reads them)."""
    full: bool = False
    """An input folder appeared or vanished: rebuild everything."""


@dataclass(frozen=True)
class WatchPlan:
    """Which paths of a project are watched, and what a change to each means."""

    root: Path
    content_dir: str = "content"

    @property
    def build_dirs(self) -> tuple[str, ...]:
        return (self.content_dir, *INPUT_DIRS)

    @property
    def top_dirs(self) -> tuple[str, ...]:
        return (*self.build_dirs, SOURCES_DIR)

    def existing_dirs(self) -> tuple[Path, ...]:
        return tuple(self.root / d for d in self.top_dirs if (self.root / d).is_dir())


def classify(plan: WatchPlan, paths: Iterable[Path], full: bool = False) -> Batch:
    """Sort changed paths into build inputs, raw sources and everything else (dropped)."""
    inputs: set[Path] = set()
    sources: set[Path] = set()
    for path in paths:
        try:
            rel = path.relative_to(plan.root)
        except ValueError:
            continue
        if not rel.parts or _ignored(rel.parts[-1]) or any(part.startswith(".") or part in SKIPPED_DIRS for part in rel.parts):
            continue
        if rel.as_posix() == SITE_FILE or rel.parts[0] in plan.build_dirs and len(rel.parts) > 1:
            inputs.add(path)
        elif rel.parts[0] == SOURCES_DIR and len(rel.parts) > 1:
            sources.add(path)
    return Batch(tuple(sorted(inputs)), tuple(sorted(sources)), full)


def _ignored(name: str) -> bool:
    """Editors' temporary and backup files: hidden files, vim's swap and 4913 probe, `file~`."""
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp")) or name == "4913" or "___jb_" in name


class Watcher:
    """Reports batches of changed inputs to `on_batch` until `stop()`.

    `quiet` is how long the files must be still before a batch is handed over;
    `longest` caps how long a batch may keep growing while files keep changing.
    """

    def __init__(self, plan: WatchPlan, on_batch: Callable[[Batch], None], *, quiet: float = 0.05, longest: float = 2.0):
        self.plan = plan
        self.on_batch = on_batch
        self.quiet = quiet
        self.longest = longest
        self._raw: queue.Queue[tuple[set[Path], bool]] = queue.Queue()
        self._stop = threading.Event()
        self._tree_stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._tree: threading.Thread | None = None
        self._ready = threading.Event()

    def start(self) -> None:
        top = threading.Thread(target=self._watch_top, name="ssg-watch-project", daemon=True)
        batcher = threading.Thread(target=self._batch_loop, name="ssg-rebuild", daemon=True)
        self._threads = [top, batcher]
        self._start_tree()
        top.start()
        batcher.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop every thread and wait for them (watchfiles notices within its step)."""
        self._stop.set()
        self._tree_stop.set()
        for thread in [*self._threads, self._tree]:
            if thread is not None and thread.is_alive() and thread is not threading.current_thread():
                thread.join(timeout)

    @property
    def alive(self) -> bool:
        return any(t.is_alive() for t in [*self._threads, self._tree] if t is not None)

    def _start_tree(self) -> None:
        if self._tree is not None:
            self._tree_stop.set()
            self._tree.join(5.0)
        self._tree_stop = threading.Event()
        dirs = self.plan.existing_dirs()
        if not dirs:
            self._tree = None
            return
        self._tree = threading.Thread(target=self._watch_tree, args=(dirs, self._tree_stop), name="ssg-watch-inputs", daemon=True)
        self._tree.start()

    def _watch_top(self) -> None:
        for changes in self._watch([self.plan.root], self._stop, recursive=False):
            paths = {Path(p) for _, p in changes}
            dirs = {p.name for p in paths if p.parent == self.plan.root and p.name in self.plan.top_dirs}
            if dirs:
                log.debug("input folders appeared or vanished: %s", ", ".join(sorted(dirs)))
                self._start_tree()
            self._raw.put((paths, bool(dirs & set(self.plan.build_dirs))))

    def _watch_tree(self, dirs: tuple[Path, ...], stop: threading.Event) -> None:
        for changes in self._watch(dirs, stop, recursive=True):
            self._raw.put(({Path(p) for _, p in changes}, False))

    def _watch(self, paths, stop: threading.Event, recursive: bool):
        try:
            # a short step: watchfiles hands over a burst as soon as it pauses, the batch loop merges bursts
            yield from watchfiles.watch(*paths, stop_event=_Either(stop, self._stop), recursive=recursive,
                                        step=30, rust_timeout=500, raise_interrupt=False,
                                        watch_filter=None)
        except (FileNotFoundError, OSError) as exc:  # a watched folder deleted under the watcher
            log.debug("watcher on %s ended: %s", ", ".join(map(str, paths)), exc)

    def _batch_loop(self) -> None:
        while not self._stop.is_set():
            try:
                paths, full = self._raw.get(timeout=0.2)
            except queue.Empty:
                continue
            started = time.monotonic()
            while time.monotonic() - started < self.longest:
                try:
                    more, more_full = self._raw.get(timeout=self.quiet)
                except queue.Empty:
                    break
                paths |= more
                full = full or more_full
            batch = classify(self.plan, paths, full)
            if not (batch.inputs or batch.sources or batch.full) or self._stop.is_set():
                continue
            try:
                self.on_batch(batch)
            except Exception:
                if not self._stop.is_set():
                    log.exception("rebuild failed unexpectedly")


class _Either:
    """Set when either event is set: watchfiles takes one stop event, a tree watcher has two reasons to stop."""

    def __init__(self, a: threading.Event, b: threading.Event):
        self.a, self.b = a, b

    def is_set(self) -> bool:
        return self.a.is_set() or self.b.is_set()
