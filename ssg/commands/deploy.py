"""`ssg deploy`: build fresh with the production base_url, check, publish."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ssg.config import load_config
from ssg.deploy import rollback, select_target
from ssg.deploy.plan import Plan

HELP = "build, check and publish the site (git branch, release folder, rsync)"
EXAMPLE = """ssg deploy --to git:git@github.com:me/paper.git       # gh-pages branch
  ssg deploy --to dir:/srv/paper --dry-run               # what would change
  ssg deploy production --yes                            # a target from site.yaml
  ssg deploy --to dir:/srv/paper --rollback              # back to the release before"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", metavar="NAME", help="a target from the deploy: list in site.yaml")
    parser.add_argument("--to", metavar="TARGET", help="git:REMOTE, dir:PATH or rsync:USER@HOST:PATH instead of NAME")
    parser.add_argument("--branch", metavar="B", help="branch of a git target (default gh-pages)")
    parser.add_argument("--dry-run", action="store_true", help="list what would be added, changed and removed; change nothing")
    parser.add_argument("--yes", action="store_true", help="go ahead even if more than max_deletes files would be removed")
    parser.add_argument("--rollback", action="store_true", help="dir target: switch back to the previous release (no build)")
    parser.add_argument("--root", type=Path, default=Path("."), metavar="DIR", help="the project folder (default: here)")


def run(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    config = load_config(root)
    target = select_target(config, args.name, args.to, args.branch)
    # A path in site.yaml is relative to the project; one typed after --to, to the shell's folder.
    base = Path.cwd() if args.to else root
    if args.rollback:
        print(rollback(target, base=base))
        return 0

    from ssg.deploy.pipeline import deploy_site  # the build stack, only when building

    def show_plan(where: str, plan: Plan) -> None:
        print(f"{where}: {plan.summary()}")
        if args.dry_run or args.verbose:
            for line in plan.lines():
                print(f"  {line}")

    result = deploy_site(root, target, base=base, dry_run=args.dry_run, yes=args.yes, on_plan=show_plan)
    print(result.message)
    if result.source.endswith("+dirty") and result.published:
        print("note: the project has uncommitted changes; the deploy names its commit with +dirty", file=sys.stderr)
    return 0
