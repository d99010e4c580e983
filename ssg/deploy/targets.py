"""Choosing a deploy target (site.yaml or --to) and opening its publisher."""

from __future__ import annotations

import difflib
import logging
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from ssg.config import DeployTarget, SiteConfig
from ssg.deploy.dir import DirPublisher
from ssg.deploy.git import GitPublisher, resolve_remote
from ssg.deploy.plan import Outcome, Plan, SiteFile
from ssg.deploy.rsync import RsyncPublisher, is_remote
from ssg.diagnostics import Diagnostic, SsgError

log = logging.getLogger(__name__)

KINDS = ("git", "dir", "rsync")
COMMAND_LINE = "command line"
"""The name of a target given with --to."""


class Publisher(Protocol):
    """What every target offers the deploy pipeline."""

    where: str
    """The target for messages (credentials left out)."""

    def live(self) -> dict[str, str]:
        """path -> fingerprint of what is published now."""

    def fingerprint(self, f: SiteFile) -> str:
        """The same kind of fingerprint `live` returns, for a file to publish."""

    def extra_files(self) -> dict[str, bytes]:
        """Files the target adds to every site (.nojekyll, CNAME)."""

    def publish(self, files: tuple[SiteFile, ...], plan: Plan) -> Outcome:
        """Make `files` the published site; returns one line saying what happened."""

    def close(self) -> None: ...


def parse_to(to: str) -> tuple[str, str]:
    """"git:REMOTE" -> ("git", "REMOTE"); SsgError naming the accepted forms."""
    kind, sep, rest = to.partition(":")
    if not sep or kind not in KINDS or not rest:
        raise SsgError(
            Diagnostic(None, None, f"unknown deploy target '{to}'",
                       hint="use git:REMOTE, dir:PATH or rsync:USER@HOST:PATH")
        )
    return kind, rest


def select_target(
    config: SiteConfig, name: str | None = None, to: str | None = None, branch: str | None = None
) -> DeployTarget:
    """The target a deploy goes to: --to, else NAME from site.yaml, else the only one there."""
    if to and name:
        raise SsgError(Diagnostic(None, None, "give a target NAME or --to, not both"))
    if to:
        target = DeployTarget(name=COMMAND_LINE, to=to)
    elif name:
        by_name = {t.name: t for t in config.deploy}
        if name not in by_name:
            close = difflib.get_close_matches(name, list(by_name), n=1)
            hint = f"did you mean '{close[0]}'?" if close else (
                f"site.yaml names: {', '.join(by_name)}" if by_name else "add a deploy: list to site.yaml, or use --to")
            raise SsgError(Diagnostic("site.yaml", None, f"no deploy target named '{name}'", hint=hint))
        target = by_name[name]
    elif len(config.deploy) == 1:
        target = config.deploy[0]
    elif config.deploy:
        names = ", ".join(t.name for t in config.deploy)
        raise SsgError(Diagnostic("site.yaml", None, "several deploy targets: name one", hint=f"ssg deploy NAME, one of {names}"))
    else:
        raise SsgError(Diagnostic(None, None, "no deploy target",
                                  hint="add a deploy: list to site.yaml, or use --to git:REMOTE, dir:PATH or rsync:USER@HOST:PATH"))
    kind, _ = parse_to(target.to)
    if branch:
        if kind != "git":
            raise SsgError(Diagnostic(None, None, f"--branch is for git targets; {target.to} is a {kind} target"))
        target = replace(target, branch=branch)
    return target


def open_publisher(target: DeployTarget, *, base: Path, project: Path, source: str = "unknown") -> Publisher:
    """A publisher for `target`; relative local paths are taken relative to `base`.

    `source` names the project commit the site was built from (git target).
    The caller closes it.
    """
    kind, rest = parse_to(target.to)
    if kind == "git":
        remote = resolve_remote(rest, base, project)
        return GitPublisher(remote, target.branch, cname=target.cname, source=source)
    if kind == "dir":
        return DirPublisher((base / rest).resolve(), keep=target.keep)
    dest = rest if is_remote(rest) else str((base / rest).resolve())
    return RsyncPublisher(dest)
