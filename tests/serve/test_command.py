"""`ssg serve` as a user runs it: the printed URL, a live edit, Ctrl-C, a port in use."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from serve_helpers import EventReader, sample_articles

from ssg.config import load_config
from ssg.serve import base_path_of

SERVING = re.compile(r"^serving (http://127\.0\.0\.1:(\d+)/\S*) \(Ctrl-C stops\)$")


def start_serve(root: Path, tmp: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "TMPDIR": str(tmp)}
    return subprocess.Popen([sys.executable, "-m", "ssg", "serve", "--port", "0", *args], cwd=root, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def read_url(process: subprocess.Popen, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        found = SERVING.match(line.strip())
        if found:
            return found.group(1)
    process.kill()
    pytest.fail(f"ssg serve printed no URL; stderr:\n{process.communicate()[1]}")


def test_serve_prints_its_url_rebuilds_on_save_and_stops_cleanly_on_ctrl_c(sample_project: Path, tmp_path: Path):
    private = tmp_path / "tmp"
    private.mkdir()
    process = start_serve(sample_project, private)
    try:
        url = read_url(process)
        # served at the path of site.yaml's base_url
        assert url.endswith(base_path_of(load_config(sample_project).base_url))
        article = sample_articles(sample_project)[0]
        with urllib.request.urlopen(url + article.url, timeout=10) as response:
            assert response.status == 200
        assert list(private.iterdir()), "the site is built in a private temporary folder"
        assert not (sample_project / "public").exists(), "the project's public/ is left alone"
        stream = EventReader(url)
        stream.next()
        article.path.write_text(article.path.read_text(encoding="utf-8") + "\n追加一句。\n", encoding="utf-8")
        message = stream.next_build(timeout=10)
        assert message["ok"] and any(c.endswith(article.url) for c in message["changed"])
        stream.close()
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert err.rstrip().endswith("stopped")
    assert "rebuilt in" in err and "changed: " in err
    assert list(private.iterdir()) == [], "the private folder is removed"


def test_sigterm_stops_cleanly_too(sample_project: Path, tmp_path: Path):
    process = start_serve(sample_project, tmp_path)
    read_url(process)
    process.terminate()
    _, err = process.communicate(timeout=10)
    assert process.returncode == 0 and "Traceback" not in err


def test_a_port_in_use_is_a_one_line_error(sample_project: Path, tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "ssg", "serve", "--port", str(port)], cwd=sample_project,
                                capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        (f"error: port {port} on 127.0.0.1 is in use (stop the program using it, choose another with --port, "
         "or use --port 0 to pick a free one)")]


def test_not_a_project_is_a_one_line_error(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "ssg", "serve", "--port", "0"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "not an ssg project" in line


def test_a_bad_port_is_a_usage_error(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "ssg", "serve", "--port", "70000"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 2 and "not a port number" in result.stderr


def test_build_output_never_holds_the_reload_script(sample_project: Path, tmp_path: Path, ssg):
    out = tmp_path / "public"
    ssg("build", "--output", out, cwd=sample_project)
    pages = list(out.rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "ssg-livereload" not in text and "__ssg" not in text, page
