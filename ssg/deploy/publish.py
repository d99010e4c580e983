"""Publishing an already-built folder to a target (the build is not needed here).

`publish_folder` knows nothing of the build: it publishes any folder of
files, so targets are tested with hand-made sites; `ssg.deploy.pipeline`
builds and checks first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ssg.config import DeployTarget
from ssg.deploy.dir import DirPublisher
from ssg.deploy.git import source_commit
from ssg.deploy.plan import (
    Plan,
    build_plan,
    check_deletions,
    load_site_files,
    with_extra_files,
)
from ssg.deploy.targets import open_publisher
from ssg.diagnostics import Diagnostic, SsgError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeployResult:
    where: str
    """The target, as shown to the user (credentials left out)."""
    plan: Plan
    published: bool
    """False for a dry run (and for a target already holding this site)."""
    message: str
    """One line: what the target did, or what it would do."""
    source: str
    """The project commit the site was built from ("unknown", "+dirty")."""


def publish_folder(
    folder: Path,
    target: DeployTarget,
    *,
    project: Path,
    base: Path | None = None,
    dry_run: bool = False,
    yes: bool = False,
    source: str | None = None,
    on_plan: Callable[[str, Plan], None] | None = None,
) -> DeployResult:
    """Publish the built site in `folder` to `target`.

    `project` is the source project (its commit names the git deploy);
    relative target paths are taken relative to `base` (default: `project`).
    `on_plan(where, plan)` is called once the plan is known, before any change.
    Raises SsgError (nothing changed) when the plan deletes more than
    `target.max_deletes` files and `yes` is not given.
    """
    source = source if source is not None else source_commit(project)
    files = load_site_files(folder)
    publisher = open_publisher(target, base=base or project, project=project, source=source)
    try:
        files = with_extra_files(files, publisher.extra_files())
        live = publisher.live()
        plan = build_plan(live, {f.path: publisher.fingerprint(f) for f in files})
        if on_plan:
            on_plan(publisher.where, plan)
        if dry_run:
            return DeployResult(publisher.where, plan, False, "dry run: nothing was published", source)
        check_deletions(plan, target.max_deletes, yes, publisher.where)
        outcome = publisher.publish(files, plan)
        return DeployResult(publisher.where, plan, outcome.changed, outcome.message, source)
    finally:
        publisher.close()


def rollback(target: DeployTarget, *, base: Path) -> str:
    """Switch a dir target back to the release before the current one."""
    publisher = open_publisher(target, base=base, project=base)
    try:
        if not isinstance(publisher, DirPublisher):
            raise SsgError(Diagnostic(None, None, f"--rollback works with dir targets only, not {publisher.where}",
                                      hint="a git target keeps every deploy as a commit: push an older one"))
        return publisher.rollback()
    finally:
        publisher.close()
