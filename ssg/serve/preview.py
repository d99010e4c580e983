"""The live preview: a builder, the folder it writes, and what open pages are told.

`Preview` runs one build at a time and keeps the last good site served: a
failed build changes nothing on disk (the builder guarantees that) and only
sends the errors to the pages. Requests wait while a build runs, so a page
is never read half-rewritten.

The builder is anything with `build(changed=None) -> result` where the result
has `written` (site paths of the files the build wrote); `ssg.build.Builder`
is the real one.
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from ssg.diagnostics import Diagnostic, SsgError, dedupe
from ssg.serve.events import MAX_CHANGED, BuildEvent, ErrorInfo, EventHub, SiteState
from ssg.serve.routing import is_html, url_of_output_path

log = logging.getLogger(__name__)

_FINGERPRINT = re.compile(r"\.[0-9a-f]{8,64}(?=\.(?:css|js)$)")
# Written files no open page shows: feeds, sitemap, search index, the output marker.
_DATA_SUFFIXES = (".xml", ".json", ".txt", ".map")


class SiteBuilder(Protocol):
    def build(self, changed: Iterable[Path] | None = None): ...


@dataclass(frozen=True)
class BuildOutcome:
    """One build as the terminal reports it."""

    ok: bool
    full: bool
    seconds: float
    written: tuple[str, ...] = ()
    """Site paths ("2025/11/10/index.html") the build wrote."""
    errors: tuple[Diagnostic, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    pages: int | None = None
    """HTML pages in the site (a full build's count), when the builder says."""


def unfingerprinted(site_path: str) -> str:
    """"static/style.3f2a9c1e.css" -> "static/style.css"."""
    return _FINGERPRINT.sub("", site_path)


def plan_build_event(state: SiteState, base_path: str, written: Sequence[str], sources: Sequence[Path] | None,
                     removed: Sequence[str] = ()) -> BuildEvent:
    """What pages must do after a successful build that wrote `written` (and deleted
    `removed`) because `sources` changed.

    `sources` None means a full build: every page reloads. When every changed
    source is a stylesheet, pages swap the new stylesheets in instead of
    reloading (their HTML changed only in the fingerprinted link).
    """
    pages = sorted({url_of_output_path(base_path, w) for w in (*written, *removed) if is_html(w)})
    css_only = bool(sources) and all(p.suffix.lower() == ".css" for p in sources)
    if css_only:
        sheets = {base_path + unfingerprinted(w): base_path + w for w in written if w.lower().endswith(".css")}
        if sheets:
            return BuildEvent(state, tuple(pages), sheets)
    # a file that keeps its name (an image, an unfingerprinted stylesheet) may be on any page
    assets = [w for w in written if not is_html(w) and not w.lower().endswith(_DATA_SUFFIXES) and not _FINGERPRINT.search(w)]
    if sources is None or assets or len(pages) > MAX_CHANGED:
        return BuildEvent(state, None)
    return BuildEvent(state, tuple(pages))


class Preview:
    """The site being previewed. Thread-safe: the watcher builds, handler threads read."""

    def __init__(self, builder: SiteBuilder, output: Path, base_path: str, *, instance: str | None = None, tracebacks: bool = False):
        self.builder = builder
        self.output = output
        self.base_path = base_path
        self.tracebacks = tracebacks
        self._instance = instance or secrets.token_hex(4)
        self._good_builds = 0
        self._closing = False
        self._build_lock = threading.Lock()
        # unset until the first build: a request before it waits for a site to serve
        self._idle = threading.Event()
        self.hub = EventHub(SiteState(self._version()))

    def _version(self) -> str:
        return f"{self._instance}:{self._good_builds}"

    @property
    def has_site(self) -> bool:
        return self._good_builds > 0

    @property
    def closing(self) -> bool:
        return self._closing

    def wait_idle(self, timeout: float) -> bool:
        return self._idle.wait(timeout)

    def close(self) -> None:
        """The preview is stopping: a build still running may fail as its folder goes; say nothing of it."""
        self._closing = True
        self.hub.close()

    def build(self, changed: Iterable[Path] | None = None) -> BuildOutcome:
        """Build (everything the first time, or when `changed` is None), then tell the pages."""
        sources = None if changed is None else tuple(changed)
        with self._build_lock:
            self._idle.clear()
            try:
                return self._build(sources)
            finally:
                self._idle.set()

    def _build(self, sources: tuple[Path, ...] | None) -> BuildOutcome:
        full = sources is None or not self.has_site
        started = time.perf_counter()
        try:
            result = self.builder.build(None if full else sources)
        except SsgError as exc:
            diagnostics = dedupe(exc.diagnostics)
            errors = tuple(d for d in diagnostics if d.severity == "error") or tuple(diagnostics)
            return self._failed(full, started, errors)
        except Exception as exc:
            if self._closing:
                return BuildOutcome(False, full, time.perf_counter() - started)
            log.error("error: %s: %s (the build crashed; run with -v for the traceback)", type(exc).__name__, exc,
                      exc_info=self.tracebacks)
            return self._failed(full, started, (Diagnostic(None, None, f"the build crashed: {type(exc).__name__}: {exc}"),))
        written = tuple(sorted(_site_path(w, self.output) for w in getattr(result, "written", ())))
        # a page deleted by the build (an article removed) must leave the tabs showing it
        removed = tuple(sorted(_site_path(w, self.output) for w in getattr(result, "removed", ())))
        warnings = tuple(d for d in getattr(result, "diagnostics", ()) or () if d.severity == "warning")
        if written or removed or not self.has_site:
            self._good_builds += 1
        state = SiteState(self._version())
        self.hub.publish(plan_build_event(state, self.base_path, written, None if full else sources, removed))
        return BuildOutcome(True, full, time.perf_counter() - started, written, (), warnings, getattr(result, "pages", None))

    def _failed(self, full: bool, started: float, errors: tuple[Diagnostic, ...]) -> BuildOutcome:
        state = SiteState(self._version(), ok=False, errors=tuple(ErrorInfo.of(d) for d in errors))
        self.hub.publish(BuildEvent(state, ()))
        return BuildOutcome(False, full, time.perf_counter() - started, errors=errors)


def _site_path(written: str | Path, output: Path) -> str:
    path = Path(written)
    if path.is_absolute():
        try:
            path = path.relative_to(output)
        except ValueError:
            pass
    return PurePosixPath(path.as_posix()).as_posix()
