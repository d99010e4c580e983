"""Hand-made sites and git helpers for the deploy tests.

A test site is a folder of pages that each carry a version marker
(`<meta name="site-version" content="v3">`), a fingerprinted stylesheet whose
name changes with the version, and nested folders, like a built site.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

from ssg.config import DeployTarget

VERSION = re.compile(rb'<meta name="site-version" content="(v\d+)">')
PAGE_END = b"</html>\n"


def make_site(folder: Path, version: str, *, pages: int = 6, filler: int = 0, drop: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Write a small site into `folder`; returns path -> bytes of every file.

    `filler` adds that many bytes of text per page (to make copies take time);
    `drop` leaves those paths out.
    """
    css = f"/* {version} */ body {{ font-family: serif; }}\n".encode()
    css_name = f"static/style.{hashlib.sha256(css).hexdigest()[:8]}.css"
    files: dict[str, bytes] = {css_name: css}
    paths = ["index.html", "404.html"] + [f"2025/11/{10 + n:02d}/index.html" for n in range(pages)]
    for path in paths:
        depth = path.count("/")
        rel = "../" * depth
        body = "".join(f"<p>第{i}段 {version}。</p>\n" for i in range(filler // 40 + 1))
        files[path] = (
            f'<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">\n'
            f'<meta name="site-version" content="{version}">\n'
            f'<link rel="stylesheet" href="{rel}{css_name}"><title>{path} {version}</title></head>\n'
            f"<body><h1>{path}</h1>\n{body}</body>\n"
        ).encode() + PAGE_END
    files["feed.xml"] = f'<?xml version="1.0" encoding="utf-8"?><feed><id>{version}</id></feed>\n'.encode()
    files["_underscore/kept.txt"] = b"GitHub Pages hides folders starting with _ without .nojekyll\n"
    for path in drop:
        files.pop(path)
    for path, data in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    # the build's own bookkeeping, which is never published
    (folder / ".ssg-output.json").write_text('{"files": {}}\n')
    return files


def tree(folder: Path, *, skip: tuple[str, ...] = (".git",)) -> dict[str, bytes]:
    """path -> bytes of every file under `folder` (paths under `skip` left out)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if rel.split("/")[0] in skip or not path.is_file():
            continue
        out[rel] = path.read_bytes()
    return out


def git(*args: str | Path, cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="t@example.org")
    proc = subprocess.run(["git", *map(str, args)], cwd=cwd, capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, f"git {' '.join(map(str, args))}: {proc.stderr}"
    return proc.stdout


def target(to: str, **kw) -> DeployTarget:
    return DeployTarget(name="test", to=to, **kw)


ON_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require(available: bool, what: str) -> None:
    """Skip (locally) or fail (on CI, where scripts/install.sh --test installs it) without a tool."""
    import pytest

    if available:
        return
    if ON_CI:
        pytest.fail(f"CI=true and {what}; `scripts/install.sh --test` installs it", pytrace=False)
    pytest.skip(f"{what}; `scripts/install.sh --test` installs it")


def free_port() -> int:
    """A port nothing listens on now (the server binds it right after)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


REPO = Path(__file__).resolve().parents[2]
TITLE_MARKER = re.compile(r"电子版 (v\d+)")


def run_ssg(*args: str | Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python -m ssg ARGS` in `cwd`, as a user runs it (no stdin)."""
    import sys

    return subprocess.run([sys.executable, "-m", "ssg", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL, check=False)


def copy_sample(dest: Path, version: str) -> Path:
    """A copy of the repository's sample site, in a git repository of its own, titled "… 电子版 vN"."""
    import shutil

    dest.mkdir(parents=True)
    for name in ("site.yaml", "content", "sources", "templates", "static"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    set_version(dest, version)
    git("init", "-q", "-b", "main", cwd=dest)
    git("add", "-A", cwd=dest)
    git("commit", "-q", "-m", "sample", cwd=dest)
    return dest


_EXTRA = "# added by the deploy tests\n"


def set_version(site: Path, version: str, extra: str = "") -> None:
    """Put the version marker into the site title (shown on every page); `extra` is appended to site.yaml."""
    text = (site / "site.yaml").read_text("utf-8").split(_EXTRA)[0]
    text, n = re.subn(r"(?m)^title: .*$", f"title: 测试报 电子版 {version}", text)
    if not n:
        text = f"title: 测试报 电子版 {version}\n" + text
    (site / "site.yaml").write_text(text.rstrip("\n") + "\n" + (_EXTRA + extra if extra else ""), "utf-8")


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file's bytes and every link's target under `folder`: to prove nothing changed."""
    out: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            out[rel] = path.read_bytes()
    return out
