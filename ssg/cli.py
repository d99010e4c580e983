"""The `ssg` command line: parse arguments, set up logging, call one library function.

Each command lives in `ssg/commands/<name>.py` with `HELP` (one line),
`EXAMPLE` (shown in --help), `add_arguments(parser)` and `run(args) -> int`.
Exit codes: 0 ok, 1 errors in the input, 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from ssg import __version__
from ssg.diagnostics import SsgError, dedupe

COMMANDS = ("init", "ingest", "build", "check", "serve", "deploy")

log = logging.getLogger("ssg")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ssg",
        description="Static site generator for Chinese newspaper digital editions (电子版).",
        epilog="Run 'ssg COMMAND --help' for a command's options and an example.",
    )
    parser.add_argument("--version", action="version", version=f"ssg {__version__}")
    verbosity = parser.add_mutually_exclusive_group()
    verbosity.add_argument("-v", "--verbose", action="count", default=0, help="say more; -v also shows tracebacks")
    verbosity.add_argument("-q", "--quiet", action="store_true", help="only errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"ssg.commands.{name}")
        p = sub.add_parser(
            name,
            help=module.HELP,
            description=module.HELP,
            epilog=f"example:\n  {module.EXAMPLE}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time of the record, not at setup."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value):
        pass


def setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else (logging.DEBUG if verbose > 1 else logging.INFO)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger("ssg")
    root.handlers[:] = [handler]
    root.setLevel(level)
    # jieba logs its dictionary loading at INFO to its own logger; keep it quiet
    logging.getLogger("jieba").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    setup_logging(args.verbose, args.quiet)
    try:
        return args._run(args)
    except SsgError as exc:
        for d in dedupe(exc.diagnostics):
            print(f"error: {d}" if d.severity == "error" else str(d), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a user sees one line, a developer uses -v
        if args.verbose:
            raise
        print(f"error: {type(exc).__name__}: {exc} (run with -v for the traceback)", file=sys.stderr)
        return 1
