"""`ssg deploy` as one function: build fresh, check, then publish.

`deploy_site` builds the project with its production base_url into a
temporary folder, checks the links, and only then publishes (with
`ssg.deploy.publish.publish_folder`); a failed build or check raises SsgError
before the target is touched.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from ssg.build import BuildResult, build_site
from ssg.check import check_output
from ssg.config import DeployTarget, load_config
from ssg.deploy.git import source_commit
from ssg.deploy.plan import Plan
from ssg.deploy.publish import DeployResult, publish_folder
from ssg.diagnostics import Diagnostic, SsgError

log = logging.getLogger(__name__)


def deploy_site(
    root: Path,
    target: DeployTarget,
    *,
    base: Path | None = None,
    dry_run: bool = False,
    yes: bool = False,
    build: Callable[..., BuildResult] = build_site,
    check: Callable[[Path, str], list[Diagnostic]] = check_output,
    on_plan: Callable[[str, Plan], None] | None = None,
) -> DeployResult:
    """Build `root` with its production base_url, check it, publish it to `target`.

    Nothing is published unless the build and the link check pass.
    """
    config = load_config(root)
    if urlsplit(config.base_url).hostname in ("localhost", "127.0.0.1", "::1"):
        log.warning("warning: base_url is %s; set base_url in site.yaml to the address the site is published at",
                    config.base_url)
    source = source_commit(root)
    with tempfile.TemporaryDirectory(prefix="ssg-deploy-build-") as tmp:
        built = build(root, output=Path(tmp) / "site", base_url=config.base_url)
        for warning in built.diagnostics:
            log.warning("%s", warning)
        problems = [d for d in check(built.output, config.base_url) if d.severity == "error"]
        if problems:
            raise SsgError(problems + [Diagnostic(None, None, "the link check failed: nothing was published")])
        log.info("built %d pages (%d files) for %s", built.pages, built.files, config.base_url)
        return publish_folder(built.output, target, project=root, base=base, dry_run=dry_run, yes=yes,
                              source=source, on_plan=on_plan)
