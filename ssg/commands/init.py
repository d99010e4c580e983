"""`ssg init DIR`: a new site holding the sample issue, ready to build.

The site gets the scaffold shipped in `ssg/scaffold/` (a commented
`site.yaml`, the sample issue's text in `sources/`) and the content that
`ssg ingest` makes of that text, so `ssg build` works at once and an editor
has a real edition to change or replace.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from ssg.config import load_config
from ssg.diagnostics import SsgError, error

HELP = "make a new site: a commented site.yaml, the sample issue's text and its content, ready to build"
EXAMPLE = "ssg init my-paper && cd my-paper && ssg build"

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
# Package data globs skip dotfiles, so these are shipped under another name.
RENAMED = {"gitignore": ".gitignore"}

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InitReport:
    root: Path
    written: tuple[str, ...]
    """Files created, relative to the site."""
    kept: tuple[str, ...]
    """Files that were there already and were left as they were (--force)."""


def add_arguments(parser) -> None:
    parser.add_argument("directory", type=Path, metavar="DIR", help="folder for the new site; created when missing, and it must be empty")
    parser.add_argument(
        "--force",
        action="store_true",
        help="also write into a folder that is not empty; files already there are kept as they are",
    )


def run(args) -> int:
    report = create_site(args.directory, force=args.force)
    if args.quiet:
        return 0
    editions = sorted({p.split("/")[2] for p in report.written if p.startswith("content/editions/") and p.count("/") >= 3})
    print(f"created a site in {args.directory}: site.yaml, sources/ and content/ ({len(report.written)} files)")
    if editions:
        print(f"  the sample edition {', '.join(editions)} is ingested and ready to build")
    if report.kept:
        print(f"  kept {len(report.kept)} files that were already there: {', '.join(report.kept[:5])}{' ...' if len(report.kept) > 5 else ''}")
    print("next:")
    if report.root.resolve() != Path.cwd().resolve():
        print(f"  cd {args.directory}")
    print("  ssg build                          # writes the site to public/")
    print("  ssg serve                          # preview it; pages reload as you edit content/")
    print("  ssg ingest sources/YYYY-MM-DD.txt  # add another issue from its plain text")
    return 0


def create_site(directory: Path, *, force: bool = False) -> InitReport:
    """Write a new site into `directory`. Raises SsgError when it is not empty (unless `force`).

    Everything is made in a hidden staging folder first and moved into place
    only once complete, so a failure leaves no half-made site; with `force`, a
    file that already exists is never replaced.
    """
    target = Path(directory).absolute()
    if target.exists() and not target.is_dir():
        raise SsgError(error(directory, None, "exists and is not a folder", "choose another name for the new site"))
    if target.is_dir() and any(target.iterdir()) and not force:
        raise SsgError(
            error(directory, None, "is not empty", "choose a new folder, or add --force to add the site's files beside what is there")
        )
    # the folders this call creates, deepest first, to remove again if it fails
    created = [d for d in (target, *target.parents) if not d.exists()]
    target.mkdir(parents=True, exist_ok=True)
    staging = target / f".ssg-init-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        _populate(staging)
        written, kept = _move_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in created:
            if not any(folder.iterdir()):
                folder.rmdir()
        raise
    shutil.rmtree(staging, ignore_errors=True)
    log.debug("init %s: %d files written, %d kept", target, len(written), len(kept))
    return InitReport(target, tuple(written), tuple(kept))


def _populate(site: Path) -> None:
    """Copy the scaffold into `site` and ingest its sources into its content folder."""
    from ssg.ingest import ingest_file
    from ssg.ingest.emit import plan_edition, write_plan

    # copyfile: new files of the user's, not copies of the package's modes and times
    shutil.copytree(
        SCAFFOLD, site, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"), copy_function=shutil.copyfile
    )
    for shipped, real in RENAMED.items():
        if (site / shipped).exists():
            (site / shipped).rename(site / real)
    config = load_config(site)
    content = site / config.content_dir
    for source in sorted((site / "sources").glob("*.txt")):
        edition = ingest_file(source, config)
        write_plan(plan_edition(edition, content), content, force=False)


def _move_in(staging: Path, target: Path) -> tuple[list[str], list[str]]:
    """Move every file of `staging` to the same place under `target`, keeping any file already there."""
    written, kept = [], []
    for path in sorted(p for p in staging.rglob("*") if not p.is_dir()):
        rel = path.relative_to(staging)
        dest = target / rel
        if dest.exists() or dest.is_symlink():
            kept.append(rel.as_posix())
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, dest)
        written.append(rel.as_posix())
    return written, kept
