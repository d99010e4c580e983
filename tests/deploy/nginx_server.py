"""Debian's nginx, run by a test with its own config, prefix and pid on a free loopback port.

The server block is the one docs/deploy.md tells users to install, with only
its address and folder replaced, so the documented configuration is what the
tests exercise.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from deploy_sites import free_port

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs" / "deploy.md"
DOC_ROOT = "/srv/herald"


def nginx_binary() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)


def documented_server_block() -> str:
    blocks = re.findall(r"```nginx\n(.*?)```", DOCS.read_text("utf-8"), re.DOTALL)
    assert len(blocks) == 1, "docs/deploy.md should hold one nginx server block"
    return blocks[0]


def render_config(prefix: Path, site_root: Path, port: int) -> str:
    block = documented_server_block()
    assert "listen 80;" in block and DOC_ROOT in block
    block = block.replace("listen 80;", f"listen 127.0.0.1:{port};").replace(DOC_ROOT, str(site_root))
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's private tmp folders
    temp = "".join(f"{kind}_temp_path {prefix / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (
        f"{user}daemon off;\nmaster_process on;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        "types { text/html html; text/css css; application/javascript js; application/xml xml; text/plain txt; }\n"
        f"default_type application/octet-stream;\naccess_log off;\n{temp}{block}}}\n"
    )


@dataclass(frozen=True)
class Nginx:
    port: int
    prefix: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def errors(self) -> str:
        log = self.prefix / "error.log"
        return log.read_text(errors="replace") if log.exists() else ""


@contextlib.contextmanager
def run_nginx(prefix: Path, site_root: Path) -> Iterator[Nginx]:
    """nginx in the foreground (a child process) serving `site_root`/current; stopped on exit."""
    binary = nginx_binary()
    assert binary, "nginx is not installed"
    prefix.mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(render_config(prefix, site_root, port))
    proc = subprocess.Popen([binary, "-p", f"{prefix}/", "-c", str(conf), "-e", str(prefix / "error.log")],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"nginx exited with {proc.returncode}: {proc.stderr.read().decode(errors='replace')}"
                                   f"{(prefix / 'error.log').read_text(errors='replace') if (prefix / 'error.log').exists() else ''}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start listening in time")
                time.sleep(0.05)
        yield Nginx(port, prefix)
    finally:
        proc.terminate()  # SIGTERM: fast shutdown of master and workers
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
