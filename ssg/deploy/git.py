"""The git target: the site as the single tree of a branch (gh-pages) of any remote.

All work happens in a temporary bare repository that fetches the branch,
builds the new tree with plumbing (hash-object, update-index on a private
index, write-tree, commit-tree) and pushes one new commit on top of the
fetched one. The project's own repository, branch and working tree are
never read for anything but `rev-parse HEAD` and `status`, and never written.
A push is never forced, so the branch keeps its history; if the remote moved
since the fetch, git refuses and the user deploys again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ssg.deploy.plan import Outcome, Plan, SiteFile
from ssg.diagnostics import Diagnostic, SsgError

log = logging.getLogger(__name__)

_SCP_LIKE = re.compile(r"^(?:[^@/:]+@)?[^@/:]+:")
"""host:path and user@host:path, git's ssh shorthand."""
_CREDENTIALS = re.compile(r"(://)[^/@]+@")
# Environment variables that would point git at another repository or index.
_GIT_LOCATION_VARS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR")
FALLBACK_IDENTITY = ("ssg", "ssg@localhost")


def redact(remote: str) -> str:
    """`remote` fit for a log line: https://user:token@host/ -> https://***@host/."""
    return _CREDENTIALS.sub(r"\1***@", remote)


def blob_id(f: SiteFile) -> str:
    """The git blob id of a file, as `git hash-object` would print it."""
    data = f.read()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def is_local_path(remote: str) -> bool:
    return "://" not in remote and not _SCP_LIKE.match(remote)


def resolve_remote(remote: str, base: Path, project: Path) -> str:
    """A remote git understands from any folder.

    A relative local path is taken relative to `base`; a bare word that is
    not a folder but names a remote of the project's repository ("origin")
    becomes that remote's URL.
    """
    if not is_local_path(remote):
        return remote
    path = (base / remote).resolve()
    if path.exists() or "/" in remote:
        return str(path)
    url = _run_git(["-C", str(project), "remote", "get-url", remote], check=False)
    if url.returncode == 0 and url.stdout.strip():
        return url.stdout.strip()
    return str(path)


def source_commit(project: Path) -> str:
    """`git rev-parse HEAD` of the project, "+dirty" if it has changes, else "unknown"."""
    head = _run_git(["-C", str(project), "rev-parse", "--verify", "-q", "HEAD"], check=False)
    if head.returncode != 0:
        return "unknown"
    status = _run_git(["-C", str(project), "status", "--porcelain"], check=False)
    dirty = "+dirty" if status.returncode == 0 and status.stdout.strip() else ""
    return head.stdout.strip() + dirty


def commit_message(source: str, branch: str) -> str:
    return f"Publish site built from {source}\n\nssg deploy to {branch}; source commit {source}.\n"


def _git_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_LOCATION_VARS}
    env["GIT_TERMINAL_PROMPT"] = "0"  # fail instead of waiting for a password nobody types
    env.update(extra or {})
    return env


def _run_git(
    args: Sequence[str],
    *,
    check: bool = True,
    input: str | None = None,
    env: dict[str, str] | None = None,
    what: str | None = None,
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        ["git", *args],
        input=input,
        capture_output=True,
        text=True,
        env=env or _git_env(),
        check=False,
    )
    if check and proc.returncode != 0:
        lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
        detail = redact(lines[-1]) if lines else f"exit status {proc.returncode}"
        raise SsgError(Diagnostic(None, None, f"{what or 'git ' + args[0]} failed: {detail}"))
    return proc


class GitPublisher:
    """Publishes to `branch` of `remote` through a temporary bare repository."""

    def __init__(self, remote: str, branch: str, *, cname: str | None, source: str):
        self.remote = remote
        self.branch = branch
        self.cname = cname
        self.source = source
        self.where = f"git:{redact(remote)} ({branch})"
        self._tmp = Path(tempfile.mkdtemp(prefix="ssg-deploy-git-"))
        self._git_dir = self._tmp / "repo.git"
        self._parent: str | None = None
        self._parent_tree: str | None = None
        self._live: dict[str, str] = {}
        self._ready = False

    def close(self) -> None:
        shutil.rmtree(self._tmp, ignore_errors=True)

    def git(self, *args: str, **kw) -> subprocess.CompletedProcess[str]:
        return _run_git(["--git-dir", str(self._git_dir), *args], **kw)

    def extra_files(self) -> dict[str, bytes]:
        # .nojekyll: GitHub Pages would otherwise hide files and folders starting with "_".
        extra = {".nojekyll": b""}
        if self.cname:
            extra["CNAME"] = self.cname.strip().encode() + b"\n"
        return extra

    def fingerprint(self, f: SiteFile) -> str:
        return blob_id(f)

    def live(self) -> dict[str, str]:
        """Fetch the branch and return path -> blob id of its tree (empty if new)."""
        if self._ready:
            return self._live
        _run_git(["init", "-q", "--bare", str(self._git_dir)])
        ref = f"refs/heads/{self.branch}"
        probe = self.git("ls-remote", "--heads", self.remote, ref, what=f"reading {redact(self.remote)}")
        if probe.stdout.strip():
            self.git("fetch", "-q", "--no-tags", self.remote, f"+{ref}:refs/ssg/parent",
                     what=f"fetching {self.branch} from {redact(self.remote)}")
            self._parent = self.git("rev-parse", "refs/ssg/parent").stdout.strip()
            self._parent_tree = self.git("rev-parse", "refs/ssg/parent^{tree}").stdout.strip()
            listing = self.git("ls-tree", "-r", "-z", "--full-tree", self._parent).stdout
            for entry in filter(None, listing.split("\0")):
                meta, path = entry.split("\t", 1)
                _mode, kind, obj = meta.split()
                if kind == "blob":  # a submodule or other entry is not a published file
                    self._live[path] = obj
        else:
            log.info("branch %s does not exist on %s yet: it will start with this deploy", self.branch, redact(self.remote))
        self._ready = True
        return self._live

    def publish(self, files: Sequence[SiteFile], plan: Plan) -> Outcome:
        self.live()
        tree = self._write_tree(files)
        if tree == self._parent_tree:
            return Outcome(False, f"no changes: {self.branch} already holds this site, nothing committed")
        commit = self._commit(tree)
        self.git("push", "-q", self.remote, f"{commit}:refs/heads/{self.branch}",
                 what=f"pushing {self.branch} to {redact(self.remote)}")
        return Outcome(True, f"pushed {commit[:12]} to {self.where}")

    def _write_tree(self, files: Sequence[SiteFile]) -> str:
        """Store every file as a blob and return the id of the tree holding them."""
        disk_paths = []
        for n, f in enumerate(files):
            if f.source is not None:
                disk_paths.append(str(f.source))
            else:  # generated (.nojekyll, CNAME): hash-object wants a file
                extra = self._tmp / "extra" / str(n)
                extra.parent.mkdir(exist_ok=True)
                extra.write_bytes(f.read())
                disk_paths.append(str(extra))
        # One process for all blobs; --no-filters keeps bytes exactly as built.
        hashed = self.git("hash-object", "-w", "--no-filters", "--stdin-paths",
                          input="\n".join(disk_paths) + "\n").stdout.split()
        if len(hashed) != len(files):
            raise SsgError(Diagnostic(None, None, "git hash-object returned an unexpected number of ids"))
        entries = [
            f"{'100755' if f.executable else '100644'} {sha}\t{f.path}" for f, sha in zip(files, hashed)
        ]
        index_env = _git_env({"GIT_INDEX_FILE": str(self._tmp / "index")})
        self.git("update-index", "-z", "--add", "--index-info", input="\0".join(entries) + "\0", env=index_env)
        return self.git("write-tree", env=index_env).stdout.strip()

    def _commit(self, tree: str) -> str:
        args = ["commit-tree", tree, "-F", "-"]
        if self._parent:
            args[2:2] = ["-p", self._parent]
        return self.git(*args, input=commit_message(self.source, self.branch), env=_identity_env()).stdout.strip()


def _identity_env() -> dict[str, str]:
    """The user's git identity, or a neutral one where none is set (a fresh CI runner)."""
    env = _git_env()
    configured = all(_run_git(["config", key], check=False).stdout.strip() for key in ("user.name", "user.email"))
    if not configured:
        for role in ("AUTHOR", "COMMITTER"):
            env.setdefault(f"GIT_{role}_NAME", FALLBACK_IDENTITY[0])
            env.setdefault(f"GIT_{role}_EMAIL", FALLBACK_IDENTITY[1])
    return env
