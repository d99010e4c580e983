"""Fixtures the whole suite shares: the ssg command, the browser, the HTML and
accessibility checkers, a static server under a sub-path, and the built sample.

A tool the tests need that is missing (Chromium, Java with vnu.jar, axe-core,
the corpus generator) skips its tests on a developer's machine and fails them
when CI=true, because there `scripts/install.sh --test` must have installed it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
# Without the networking switches Chromium keeps calling home, which a closed network refuses.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
ON_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}

# Subprocesses that run `ssg` by name get this interpreter's installation, not
# another one that happens to be earlier on PATH.
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"


class _TestModule(pytest.Module):
    """A test file imported as itself even when another folder has a file of the same name.

    Test folders are not packages (their helpers are imported by bare name), so
    each test file is imported as a top-level module named after the file, and
    tests/ingest/test_pages.py and tests/render/test_pages.py would collide.
    Forgetting the earlier module just before the import lets each file import
    itself, as pytest already does for the conftest.py files.
    """

    def _getobj(self):
        sys.modules.pop(self.path.stem, None)
        return super()._getobj()


def pytest_pycollect_makemodule(module_path, parent):
    return _TestModule.from_parent(parent, path=module_path)


@pytest.fixture(autouse=True)
def _keep_ssg_logging():
    """Undo what `ssg.cli.main` does to the "ssg" logger when a test runs it in-process.

    main() sets the logger's handler and level (WARNING with -q), which would
    otherwise carry over into later tests and hide INFO records from their caplog.
    """
    logger = logging.getLogger("ssg")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    yield
    logger.handlers[:], logger.level, logger.propagate = saved[0][:], saved[1], saved[2]


def require(available: bool, what: str, remedy: str = "`scripts/install.sh --test` installs it") -> None:
    """Skip (locally) or fail (on CI) when a tool the test needs is missing."""
    if available:
        return
    message = f"{what}; {remedy}"
    if ON_CI:
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


# --- the ssg command -----------------------------------------------------------


def run_ssg(*args: str | Path, cwd: Path, timeout: float = 300, check: bool = True) -> subprocess.CompletedProcess:
    """Run `python -m ssg ARGS` in `cwd` as a user would; with `check`, fail the test on a non-zero exit."""
    command = [sys.executable, "-m", "ssg", *map(str, args)]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if check and result.returncode != 0:
        pytest.fail(
            f"`ssg {' '.join(map(str, args))}` in {cwd} exited {result.returncode}\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}",
            pytrace=False,
        )
    return result


@pytest.fixture(scope="session")
def ssg() -> Callable[..., subprocess.CompletedProcess]:
    """`ssg("build", "--output", out, cwd=site)`: the CLI in a subprocess (see `run_ssg`)."""
    return run_ssg


# --- a static server under a sub-path -----------------------------------------


@dataclass(frozen=True)
class Served:
    url: str
    """Where the folder is served: http://127.0.0.1:PORT/herald/."""
    port: int
    directory: Path


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` at `prefix` only, as a host that keeps a site under /herald/ does."""

    prefix = "/"

    def send_head(self):
        path = urlsplit(self.path).path
        if path + "/" == self.prefix:
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if not path.startswith(self.prefix):
            self.send_error(404, "outside the site's base path")
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve_directory(directory: Path, prefix: str = "/") -> Iterator[Served]:
    """A threaded HTTP server on 127.0.0.1 (free port) serving `directory` under `prefix`.

    The folder is looked up on every request, so it may be created, or swapped
    by a build, after the server starts.
    """
    if not (prefix.startswith("/") and prefix.endswith("/")):
        raise ValueError(f"prefix must start and end with '/': {prefix!r}")
    handler_class = type("Handler", (_SubPathHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"http {directory}", daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield Served(f"http://127.0.0.1:{port}{prefix}", port, directory)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def http_server() -> Iterator[Callable[..., Served]]:
    """`http_server(directory, "/herald/") -> Served`; every server stops when the test ends."""
    with contextlib.ExitStack() as stack:
        yield lambda directory, prefix="/": stack.enter_context(serve_directory(Path(directory), prefix))


# --- the built sample ----------------------------------------------------------


@dataclass(frozen=True)
class BuiltSite:
    output: Path
    url: str
    """The base URL it was built for, where it is being served."""

    def html_files(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))

    def file_for(self, url: str) -> Path:
        """The output file a site-relative URL ("2025/11/10/") is served from."""
        path = self.output / url
        return path / "index.html" if url == "" or url.endswith("/") else path


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory) -> Iterator[BuiltSite]:
    """The repository's sample built with `ssg build` for, and served at, http://127.0.0.1:PORT/herald/.

    The server starts first (the base URL needs its port), on a folder the build then fills.
    """
    output = tmp_path_factory.mktemp("sample") / "herald"
    with serve_directory(output, "/herald/") as served:
        run_ssg("build", "--output", output, "--base-url", served.url, cwd=REPO)
        yield BuiltSite(output, served.url)


# --- checkers --------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium driven by Playwright (sync API), for the whole session."""
    require(CHROMIUM.is_file(), f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "the Python package playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class VnuError:
    file: str
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line or '?'}: {self.message} [{self.extract.strip()[:80]}]"


@pytest.fixture(scope="session")
def vnu() -> Callable[[Iterable[Path]], list[VnuError]]:
    """`vnu(files) -> errors`: the W3C Nu HTML checker on all the files in one Java run."""
    java = shutil.which("java")
    require(java is not None, "java is not installed (the Nu HTML checker runs on it)")
    require(VNU_JAR.is_file(), f"{VNU_JAR.relative_to(REPO)} is missing (npm ci installs it)")

    def check(files: Iterable[Path]) -> list[VnuError]:
        files = [str(f) for f in files]
        if not files:
            raise ValueError("no files to check")
        command = [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--stdout", *files]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        try:
            messages = json.loads(result.stdout)["messages"]
        except (ValueError, KeyError):
            raise AssertionError(f"vnu.jar gave no JSON (exit {result.returncode}): {result.stdout[:500]} {result.stderr[:500]}")
        return [
            VnuError(urlsplit(m.get("url", "")).path, m.get("lastLine"), m.get("message", ""), m.get("extract", ""))
            for m in messages
            if m.get("type") in ("error", "non-document-error")
        ]

    return check


@pytest.fixture(scope="session")
def axe() -> Callable:
    """`axe(page) -> violations`: axe-core injected into a Playwright page, as axe.run() reports them."""
    require(AXE_JS.is_file(), f"{AXE_JS.relative_to(REPO)} is missing (npm ci installs it)")
    source = AXE_JS.read_text(encoding="utf-8")

    def run(page) -> list[dict]:
        page.add_script_tag(content=source)
        return page.evaluate("() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")

    return run


@pytest.fixture(scope="session")
def gen_corpus() -> Path:
    """The synthetic corpus generator: $SSG_GEN_CORPUS, bench/gen_corpus.py, or ../shared/bench/gen_corpus.py."""
    candidates = [REPO / "bench" / "gen_corpus.py", REPO.parent / "shared" / "bench" / "gen_corpus.py"]
    if os.environ.get("SSG_GEN_CORPUS"):
        candidates.insert(0, Path(os.environ["SSG_GEN_CORPUS"]))
    found = next((c for c in candidates if c.is_file()), None)
    require(found is not None, "gen_corpus.py is not found", "set SSG_GEN_CORPUS to its path")
    return found


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ (git-ignored): screenshots a person can look at after a run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
