"""A stand-in for `ssg.build.Builder` with the same `build(changed)` contract, for
testing the server on its own: it copies a project's `content/` into the output
(`.html` files as pages, anything else as is), fingerprints `themes/*.css` the
way the real theme assets are (`static/style.<8 hex>.css`) and fills
`{{css}}` in pages (a path from the output root) with that name; a file holding `!!error` fails the build
with a diagnostic naming that file and line, writing nothing.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from ssg.diagnostics import SsgError, error


@dataclass(frozen=True)
class FakeResult:
    output: Path
    written: tuple[str, ...]
    pages: int
    removed: tuple[str, ...] = ()


class FakeBuilder:
    def __init__(self, root: Path, output: Path, base_url: str):
        self.root = root
        self.output = output
        self.base_url = base_url
        self.calls: list[tuple[Path, ...] | None] = []
        self._files: set[str] = set()

    def _render(self) -> dict[str, bytes]:
        files: dict[str, bytes] = {}
        css_name = ""
        for css in sorted((self.root / "themes").glob("*.css")):
            data = css.read_bytes()
            css_name = f"static/{css.stem}.{hashlib.sha256(data).hexdigest()[:8]}.css"
            files[css_name] = data
        for path in sorted((self.root / "content").rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(self.root).as_posix()
            data = path.read_bytes()
            for n, line in enumerate(data.split(b"\n"), 1):
                if b"!!error" in line:
                    raise SsgError(error(rel, n, "bad front matter: mapping values are not allowed here"))
            if path.suffix == ".html":
                data = data.replace(b"{{css}}", css_name.encode())
            files[path.relative_to(self.root / "content").as_posix()] = data
        return files

    def build(self, changed=None) -> FakeResult:
        self.calls.append(None if changed is None else tuple(changed))
        files = self._render()
        written = []
        if changed is None and self.output.exists():
            shutil.rmtree(self.output)
        for rel, data in files.items():
            target = self.output / rel
            if target.is_file() and target.read_bytes() == data:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(rel)
        removed = sorted(self._files - set(files))
        for rel in removed:
            (self.output / rel).unlink(missing_ok=True)
        self._files = set(files)
        return FakeResult(self.output, tuple(written), sum(1 for r in files if r.endswith(".html")), tuple(removed))
