"""`ssg build`: site.yaml + content/ -> a static site, swapped into place when complete."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from ssg.build import BuildResult, build_site, shown_path
from ssg.diagnostics import dedupe
from ssg.progress import make_progress

HELP = "build the site into public/ (or --output DIR); the old output stays until the new one is complete"
EXAMPLE = """ssg build
  ssg build --root ~/herald --output /tmp/herald --base-url https://example.org/herald/ --strict

--root is the project folder (the one holding site.yaml and content/; default: the
current folder). --output and --root are relative to the current folder; without
--output the site goes to output_dir from site.yaml (public/) inside the project.
ssg replaces only a folder it made (it holds .ssg-output.json) or an empty one."""


def add_root_argument(parser: argparse.ArgumentParser) -> None:
    """--root, shared by build, check and serve."""
    parser.add_argument("--root", type=Path, default=Path("."), metavar="DIR",
                        help="the project folder holding site.yaml and content/ (default: the current folder)")


def add_project_arguments(parser: argparse.ArgumentParser) -> None:
    """--root and --base-url, shared by build and check."""
    add_root_argument(parser)
    parser.add_argument("--base-url", metavar="URL",
                        help="the address the site will be published at, overriding base_url in site.yaml "
                             "(a sub-path such as https://example.org/herald/ works)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_project_arguments(parser)
    parser.add_argument("-o", "--output", type=Path, metavar="DIR",
                        help="where to write the site (default: output_dir in site.yaml, public/)")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings as errors and check every link before the output is replaced")


def run(args) -> int:
    progress = make_progress(sys.stderr, quiet=args.quiet)
    result = build_site(args.root, output=args.output, base_url=args.base_url, strict=args.strict, progress=progress)
    report_diagnostics(result, args)
    if not args.quiet:
        print(summary(result))
    return 0


def report_diagnostics(result: BuildResult, args) -> None:
    """Warnings unless -q (only errors); notes only with -v."""
    if args.quiet:
        return
    for d in dedupe(result.diagnostics + (result.notes if args.verbose else ())):
        print(d, file=sys.stderr)


def summary(result: BuildResult) -> str:
    """built 47 pages (52 files) in 0.41 s -> public/ (preview: python3 -m http.server -d public)"""
    shown = shown_path(result.output)
    return (f"built {result.pages} pages ({result.files} files) in {result.seconds:.2f} s -> {shown}/ "
            f"(preview: python3 -m http.server -d {shlex.quote(shown)})")
