"""Progress of a long build: a bar on a terminal, plain lines in a log, nothing with -q.

A build calls `stage(name, total)` when a stage starts, `advance()` per item and
`close()` at the end. Short builds show nothing: the bar appears, and lines are
printed, only once a stage has run for a moment. The clock is injected so tests
can drive it.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import Protocol, TextIO


class Progress(Protocol):
    def stage(self, name: str, total: int | None = None) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def close(self) -> None: ...


class NullProgress:
    """Reports nothing (-q, tests, the preview server)."""

    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


class _Counting:
    def __init__(self, stream: TextIO, clock: Callable[[], float]):
        self.stream = stream
        self.clock = clock
        self.name = ""
        self.total: int | None = None
        self.done = 0
        self.started = clock()

    def stage(self, name: str, total: int | None = None) -> None:
        self.name, self.total, self.done = name, total, 0
        self.started = self.clock()
        self._update(force=False)

    def advance(self, n: int = 1) -> None:
        self.done += n
        self._update(force=False)

    def _count(self) -> str:
        if self.total:
            return f"{self.done}/{self.total}"
        return str(self.done) if self.done else "..."

    def _update(self, force: bool) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class LineProgress(_Counting):
    """One plain line every `every` seconds while a stage runs (CI logs, pipes)."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic, every: float = 2.0):
        super().__init__(stream, clock)
        self.every = every
        self.last = clock()

    def stage(self, name: str, total: int | None = None) -> None:
        self.last = self.clock()  # a new stage starts its own interval: no "0/N" line
        super().stage(name, total)

    def _update(self, force: bool) -> None:
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            self.stream.write(f"{self.name}: {self._count()}\n")
            self.stream.flush()


class BarProgress(_Counting):
    """A bar redrawn in place on a terminal, after `delay` seconds, at most every `interval`."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic,
                 delay: float = 0.3, interval: float = 0.1):
        super().__init__(stream, clock)
        self.delay = delay
        self.interval = interval
        self.drawn_at: float | None = None
        self.build_started = clock()

    def _update(self, force: bool) -> None:
        now = self.clock()
        if now - self.build_started < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < self.interval and not force:
            return
        self.drawn_at = now
        width = max(10, min(40, shutil.get_terminal_size((80, 24)).columns - 40))
        if self.total:
            filled = width * min(self.done, self.total) // self.total
            bar = "[" + "#" * filled + "." * (width - filled) + "] "
        else:
            bar = ""
        self.stream.write(f"\r\x1b[K{self.name:<10} {bar}{self._count()}")
        self.stream.flush()

    def close(self) -> None:
        if self.drawn_at is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn_at = None


def make_progress(stream: TextIO, quiet: bool = False) -> Progress:
    """The reporter for a command: silent with -q, a bar on a terminal, lines otherwise."""
    if quiet:
        return NullProgress()
    isatty = getattr(stream, "isatty", None)
    return BarProgress(stream) if isatty and isatty() else LineProgress(stream)
