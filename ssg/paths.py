"""Where ssg's own files are: the built-in themes and the `ssg init` scaffold."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_themes_dir() -> Path:
    """The folder holding the themes shipped with ssg.

    Installed, they are the package `ssg.themes`; in a source checkout
    (editable install) they are the top-level `themes/` beside `ssg/`.
    """
    for candidate in (_PACKAGE / "themes", _PACKAGE.parent / "themes"):
        if (candidate / "newspaper").is_dir():
            return candidate
    raise FileNotFoundError("ssg's built-in themes are missing from this installation")
