"""Errors and warnings as data: collected through a stage, printed once.

Every problem a user can cause becomes a `Diagnostic` naming the file and line.
A stage collects them and raises `SsgError` at its boundary, so the user sees
all of them at once; the CLI prints them and exits non-zero.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in the user's input."""

    path: str | None
    """The file it is in, as given (relative to the project where possible)."""
    line: int | None
    message: str
    hint: str | None = None
    """What to do about it ("did you mean 'base_url'?")."""
    column: int | None = None
    severity: str = "error"
    """"error" stops the stage; "warning" is reported and the stage goes on (`--strict` stops);
    "note" is normal for the input, worth saying only when asked (-v)."""

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = str(self.path)
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        label = "" if self.severity == "error" else f"{self.severity}: "
        text = f"{where}{label}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


def error(path: str | Path | None, line: int | None, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(str(path) if path is not None else None, line, message, hint)


def warning(path: str | Path | None, line: int | None, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(str(path) if path is not None else None, line, message, hint, severity="warning")


def note(path: str | Path | None, line: int | None, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(str(path) if path is not None else None, line, message, hint, severity="note")


class SsgError(Exception):
    """A stage failed on the user's input; carries every diagnostic it found."""

    def __init__(self, diagnostics: Diagnostic | Iterable[Diagnostic]):
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


@dataclass
class Collector:
    """Gathers diagnostics through one stage; `raise_if_errors` ends the stage."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, d: Diagnostic) -> None:
        self.items.append(d)

    def error(self, path, line, message, hint=None) -> None:
        self.add(error(path, line, message, hint))

    def warning(self, path, line, message, hint=None) -> None:
        self.add(warning(path, line, message, hint))

    def note(self, path, line, message, hint=None) -> None:
        self.add(note(path, line, message, hint))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    @property
    def notes(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "note"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise SsgError(dedupe(self.errors))


def dedupe(items: Iterable[Diagnostic], limit: int = 20) -> list[Diagnostic]:
    """Drop exact repeats and fold a flood of one message into "and N more"."""
    seen: set[Diagnostic] = set()
    out: list[Diagnostic] = []
    per_message: dict[str, int] = {}
    for d in items:
        if d in seen:
            continue
        seen.add(d)
        n = per_message.get(d.message, 0) + 1
        per_message[d.message] = n
        if n <= limit:
            out.append(d)
    for message, n in per_message.items():
        if n > limit:
            out.append(Diagnostic(None, None, f"and {n - limit} more like this: {message}", severity="warning"))
    return out
