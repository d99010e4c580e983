"""Template errors as diagnostics naming the template file and line.

A syntax error carries its own file and line. A runtime error (an undefined
variable under StrictUndefined, a failing filter) does not, but Jinja rewrites
the traceback so that template frames carry the template's file name and line:
the innermost such frame is where the error happened.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import jinja2

from ssg.diagnostics import Diagnostic, error


def display_path(filename: str | None, root: Path | None) -> str | None:
    """Relative to the project when the file is inside it, else as is."""
    if not filename:
        return None
    if root is not None:
        try:
            return Path(filename).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return filename


def template_diagnostic(
    exc: jinja2.TemplateSyntaxError, filename: str | None = None, root: Path | None = None
) -> Diagnostic:
    where = display_path(exc.filename or filename, root)
    return error(where, exc.lineno, f"template syntax error: {exc.message}")


def runtime_diagnostic(
    exc: Exception, template_dirs: tuple[Path, ...], page: str, root: Path | None = None
) -> Diagnostic:
    """The innermost template frame of `exc`'s traceback, or the template itself when there is none."""
    dirs = [d.resolve() for d in template_dirs]
    where, line = None, None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.suffix and any(_inside(path, d) for d in dirs):
            where, line = frame.filename, frame.lineno
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where, line = exc.filename or where, exc.lineno
    hint = None
    if isinstance(exc, jinja2.TemplateNotFound):
        message = f"no template '{exc.name}' in the search path"
    else:
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        if not isinstance(exc, jinja2.TemplateError):
            message = f"{type(exc).__name__}: {message}"
    if isinstance(exc, RecursionError):
        hint = 'does a template extend itself? extend the one it overrides with {% extends "!theme/NAME" %}'
    return error(display_path(where, root), line, f"template error: {message} (rendering {page})", hint)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder)
    except OSError:
        return False
