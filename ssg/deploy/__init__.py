"""Publishing a built site: git branches, release folders, rsync over ssh.

    ssg.deploy.pipeline.deploy_site(root, target)
                                   build fresh (production base_url) + check + publish
                                   (not imported here: publishing needs no build)
    publish_folder(folder, target) publish an already-built folder
    rollback(target, base=...)     dir targets: switch `current` back one release
    select_target(config, name, to, branch)   site.yaml's target, or one from --to

Targets (ssg.deploy.git, .dir, .rsync) share one shape (`targets.Publisher`):
what is live now, a fingerprint per file, and `publish`; `plan.build_plan`
diffs the two sides into the added/changed/removed lists --dry-run shows.
"""

from ssg.deploy.plan import Plan, build_plan
from ssg.deploy.publish import DeployResult, publish_folder, rollback
from ssg.deploy.targets import parse_to, select_target

__all__ = [
    "DeployResult",
    "Plan",
    "build_plan",
    "parse_to",
    "publish_folder",
    "rollback",
    "select_target",
]
