"""The rsync target: `user@host:path` over ssh (or a local folder), deleting only what ssg published.

The destination keeps a manifest of the files ssg published there
(`.ssg-published.json`, path -> sha256). A deploy deletes a remote file only if
that manifest lists it and the new site no longer has it: rsync runs with
`--delete` under filter rules that "risk" exactly those paths and "protect"
everything else, so files other people put there are never touched.
rsync reads `RSYNC_RSH` (e.g. "ssh -p 2222 -i ~/.ssh/deploy") for the ssh
command; ~/.ssh/config works as usual.

Order, so an interrupted deploy loses nothing and leaks nothing: the main
transfer carries a manifest listing old and new files together, and only
after it succeeded is the manifest of the new files alone uploaded.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from ssg.deploy.plan import Outcome, Plan, SiteFile, sha256_file
from ssg.diagnostics import Diagnostic, SsgError

log = logging.getLogger(__name__)

MANIFEST = ".ssg-published.json"
MANIFEST_FORMAT = 1
# --checksum: a fresh build rewrites every file, so size+mtime would resend all.
# --delay-updates/--delete-after: updated files go into place together at the end.
RSYNC_OPTIONS = (
    "--recursive", "--checksum", "--perms", "--chmod=D755,F644",
    "--delete", "--delete-after", "--delay-updates",
)


def parse_manifest(text: str, where: str) -> dict[str, str]:
    """The published-files manifest -> path -> sha256 (SsgError if it is not one)."""
    try:
        data = json.loads(text)
        files = data["files"]
        if data.get("format") != MANIFEST_FORMAT or not isinstance(files, dict):
            raise ValueError("unknown format")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            raise ValueError("paths and hashes must be strings")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SsgError(
            Diagnostic(where, None, f"not a manifest of published files ({exc})",
                       hint=f"remove {MANIFEST} there only if you know which files ssg put there")
        ) from exc
    return dict(files)


def render_manifest(files: Mapping[str, str]) -> bytes:
    return (json.dumps({"format": MANIFEST_FORMAT, "files": dict(sorted(files.items()))}, indent=1) + "\n").encode()


def escape_filter_path(path: str) -> str:
    """A path as a literal rsync filter pattern (wildcard characters escaped)."""
    return "".join("\\" + c if c in "\\*?[" else c for c in path)


def render_filter_rules(removed: Sequence[str], kept: Sequence[str]) -> str:
    """rsync filter rules: delete the `removed` files (and folders left empty), protect the rest.

    `kept` are the paths of the new site; a folder of a removed file is risked
    only when no kept file lives under it.
    """
    kept_dirs = {"/".join(p.split("/")[:i]) for p in kept for i in range(1, p.count("/") + 1)}
    rules = [f"R /{escape_filter_path(p)}" for p in sorted(removed)]
    gone_dirs = {
        "/".join(p.split("/")[:i]) for p in removed for i in range(1, p.count("/") + 1)
    } - kept_dirs
    rules += [f"R /{escape_filter_path(d)}/" for d in sorted(gone_dirs)]
    rules.append("P *")
    return "\n".join(rules) + "\n"


def is_remote(dest: str) -> bool:
    head, sep, _ = dest.partition(":")
    return bool(sep) and "/" not in head


class RsyncPublisher:
    """Publishes to an rsync destination (user@host:path or a local path)."""

    def __init__(self, dest: str):
        self.dest = dest.rstrip("/") or "/"
        self.where = f"rsync:{self.dest}"
        self._tmp = Path(tempfile.mkdtemp(prefix="ssg-deploy-rsync-"))
        self._live: dict[str, str] | None = None

    def close(self) -> None:
        shutil.rmtree(self._tmp, ignore_errors=True)

    def fingerprint(self, f: SiteFile) -> str:
        return sha256_file(f)

    def extra_files(self) -> dict[str, bytes]:
        return {}

    def live(self) -> dict[str, str]:
        """The files ssg published there before (empty on the first deploy)."""
        if self._live is None:
            local = self._tmp / "published.json"
            proc = self._rsync([f"{self.dest}/{MANIFEST}", str(local)], check=False)
            if proc.returncode == 0:
                self._live = parse_manifest(local.read_text("utf-8"), f"{self.dest}/{MANIFEST}")
            elif proc.returncode == 23 and "No such file or directory" in proc.stderr:
                log.info("%s holds no %s: first deploy there, nothing will be deleted", self.dest, MANIFEST)
                self._live = {}
            else:
                raise _failure(f"reading {self.dest}/{MANIFEST}", proc)
        return self._live

    def publish(self, files: Sequence[SiteFile], plan: Plan) -> Outcome:
        old = self.live()
        if plan.empty:
            return Outcome(False, f"no changes: {self.dest} already holds this site, nothing sent")
        new = {f.path: self.fingerprint(f) for f in files}
        if MANIFEST in new:
            raise SsgError(Diagnostic(MANIFEST, None, "the site may not have a file with the name of ssg's manifest"))
        site = self._stage(files)
        (site / MANIFEST).write_bytes(render_manifest({**old, **new}))
        rules = self._tmp / "filter.rules"
        rules.write_text(render_filter_rules(plan.removed, list(new)), "utf-8")
        self._rsync([*RSYNC_OPTIONS, f"--filter=merge {rules}", f"{site}/", f"{self.dest}/"],
                    what=f"sending the site to {self.dest}")
        final = self._tmp / "final"
        final.mkdir()
        (final / MANIFEST).write_bytes(render_manifest(new))
        self._rsync(["--checksum", "--perms", "--chmod=F644", str(final / MANIFEST), f"{self.dest}/{MANIFEST}"],
                    what=f"recording the published files at {self.dest}")
        return Outcome(True, f"sent {len(plan.added) + len(plan.changed)} file(s), removed {len(plan.removed)} at {self.dest}")

    def _stage(self, files: Sequence[SiteFile]) -> Path:
        """The exact tree to send (hard links where possible: no copying)."""
        site = self._tmp / "site"
        for f in files:
            dest = site / f.path
            dest.parent.mkdir(parents=True, exist_ok=True)
            if f.source is not None:
                try:
                    os.link(f.source, dest)
                    continue
                except OSError:
                    pass
            dest.write_bytes(f.read())
        return site

    def _rsync(self, args: Sequence[str], *, check: bool = True, what: str = "rsync") -> subprocess.CompletedProcess[str]:
        if shutil.which("rsync") is None:
            raise SsgError(Diagnostic(None, None, "rsync is not installed", hint="apt-get install rsync"))
        proc = subprocess.run(["rsync", *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
        if check and proc.returncode != 0:
            raise _failure(what, proc)
        return proc


def _failure(what: str, proc: subprocess.CompletedProcess[str]) -> SsgError:
    lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
    detail = lines[0] if lines else f"exit status {proc.returncode}"
    return SsgError(Diagnostic(None, None, f"{what} failed: {detail} (rsync exit {proc.returncode})"))
