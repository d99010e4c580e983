"""`ssg check`: the build pipeline into a temporary folder, then every link checked there."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ssg.build import build_site
from ssg.check import check_tree
from ssg.commands.build import add_project_arguments, report_diagnostics
from ssg.diagnostics import dedupe
from ssg.progress import make_progress

HELP = "build into a temporary folder and check every internal link, anchor and asset (writes nothing)"
EXAMPLE = """ssg check
  ssg -v check --base-url https://example.org/herald/    # -v also lists external links

Exits 1 when a link is broken or leaves the base path; problems are reported as
PAGE:LINE, PAGE being the built file (2025/11/10/index.html). External http(s)
links are never fetched."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_project_arguments(parser)
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")


def run(args) -> int:
    progress = make_progress(sys.stderr, quiet=args.quiet)
    with tempfile.TemporaryDirectory(prefix="ssg-check-") as tmp:
        result = build_site(args.root, output=Path(tmp) / "site", base_url=args.base_url,
                            strict=args.strict, progress=progress)
        report = check_tree(result.output, result.base_url)
    report_diagnostics(result, args)
    if args.verbose:
        for link in report.external:
            print(f"{link.page}:{link.line}: external link {link.url} (not fetched)")
    for d in dedupe(report.diagnostics):
        print(f"error: {d}", file=sys.stderr)
    broken = len(report.diagnostics)
    if not args.quiet or broken:
        verdict = f"{broken} broken" if broken else "all resolve"
        print(f"checked {result.pages} pages ({report.files} files, {report.links} links, "
              f"{len(report.external)} external): {verdict}")
    return 1 if broken else 0
