"""Fixtures for the deploy tests: a source project in git, a bare remote, a real sshd."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from deploy_sites import free_port, git, require

SSHD = Path("/usr/sbin/sshd")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A source project that is a git repository with one commit."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "site.yaml").write_text("title: test\n")
    git("init", "-q", "-b", "main", cwd=root)
    git("add", "site.yaml", cwd=root)
    git("commit", "-q", "-m", "first", cwd=root)
    return root


@pytest.fixture
def bare_remote(tmp_path: Path) -> Path:
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", remote)
    return remote


@dataclass(frozen=True)
class SshServer:
    port: int
    user: str
    rsync_rsh: str
    """The ssh command for RSYNC_RSH: this port, the test key, no known_hosts."""


def _wait_for_banner(port: int, proc: subprocess.Popen, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"sshd exited with {proc.returncode}: {proc.stderr.read().decode(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                if conn.recv(4).startswith(b"SSH-"):
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("sshd did not answer in time")


@pytest.fixture(scope="session")
def sshd(tmp_path_factory) -> Iterator[SshServer]:
    """Debian's OpenSSH server on a free loopback port, key auth with a throwaway key.

    It runs in the foreground as a child of the test run and is stopped at the end.
    """
    require(SSHD.is_file(), "the OpenSSH server (openssh-server) is not installed")
    require(shutil.which("ssh") is not None and shutil.which("rsync") is not None, "ssh or rsync is not installed")
    home = tmp_path_factory.mktemp("sshd")
    for name in ("host_key", "client_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(home / name)], check=True)
    (home / "authorized_keys").write_bytes((home / "client_key.pub").read_bytes())
    if os.geteuid() == 0:
        # sshd started as root insists on its privilege separation folder (Debian's service makes it)
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    port = free_port()
    (home / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {home / 'host_key'}\nPidFile {home / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {home / 'authorized_keys'}\nStrictModes no\nUsePAM no\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
        "LogLevel ERROR\n"
    )
    proc = subprocess.Popen([str(SSHD), "-D", "-e", "-f", str(home / "sshd_config")],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_banner(port, proc)
        rsh = (f"ssh -F /dev/null -p {port} -i {home / 'client_key'} -o IdentitiesOnly=yes -o BatchMode=yes "
               "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR")
        yield SshServer(port, getpass.getuser(), rsh)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
