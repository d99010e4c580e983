"""Preview a project folder: the real builder into a private folder, watching its inputs."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ssg.build import Builder
from ssg.config import load_config
from ssg.diagnostics import SsgError, error
from ssg.serve.routing import base_path_of
from ssg.serve.server import PreviewServer
from ssg.serve.watcher import WatchPlan


@contextlib.contextmanager
def serve_project(root: Path, *, host: str = "127.0.0.1", port: int = 8000, tracebacks: bool = False) -> Iterator[PreviewServer]:
    """A `PreviewServer` for the project at `root`, bound but not started; stopped and its folder removed on exit.

    The site is built into a temporary folder, never the project's public/, and
    served at the path of site.yaml's base_url (its host replaced by this
    machine's address). Raises SsgError for a folder that is not a project, a
    broken site.yaml, or a port that cannot be had.
    """
    root = Path(root).resolve()
    if not (root / "site.yaml").is_file() and not (root / "content").is_dir():
        raise SsgError(error(str(root), None, "no site.yaml or content/ here: not an ssg project",
                             "run ssg serve in the project folder or pass --root DIR"))
    config = load_config(root)
    # a rebuild still running when the preview stops may be writing here: remove what can be
    with tempfile.TemporaryDirectory(prefix="ssg-serve-", ignore_cleanup_errors=True) as private:
        output = Path(private) / "site"
        server = PreviewServer(
            lambda url: Builder(root, output=output, base_url=url),
            output,
            base_path_of(config.base_url),
            host=host,
            port=port,
            watch=WatchPlan(root, config.content_dir),
            tracebacks=tracebacks,
        )
        with server:
            yield server
