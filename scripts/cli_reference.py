#!/usr/bin/env python3
"""Write docs/cli.md from ssg's own argument parser, so the reference says what `ssg X --help` says.

    python3 scripts/cli_reference.py          # rewrite docs/cli.md
    python3 scripts/cli_reference.py --check  # exit 1 if docs/cli.md is out of date

tests/test_cli.py runs the check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "cli.md"

INTRO = """\
# Command-line reference

<!-- Generated from ssg's argument parser by scripts/cli_reference.py; edit the
     commands' help texts, then run the script. tests/test_cli.py checks it. -->

`ssg COMMAND --help` shows the same text in a terminal. Every command works in
the site's folder (the one holding `site.yaml`), prints errors as
`file:line: what (what to do)` and exits with 0 when all went well, 1 for
errors in the input and 2 for a wrong command line.
"""


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse has no public way to list them
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _signature(action: argparse.Action) -> str:
    if not action.option_strings:
        return action.metavar or action.dest.upper()
    if action.nargs == 0:
        return ", ".join(action.option_strings)
    metavar = action.metavar or action.dest.upper()
    if isinstance(metavar, tuple):
        metavar = " ".join(metavar)
    return ", ".join(f"{o} {metavar}" for o in action.option_strings)


def _usage(name: str, parser: argparse.ArgumentParser) -> str:
    parts = [name]
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        text = _signature(action).split(", ")[-1]
        if action.option_strings:
            parts.append(f"[{text}]")
        elif action.nargs in ("*", "?"):
            parts.append(f"[{text}{' ...' if action.nargs == '*' else ''}]")
        elif action.nargs == "+":
            parts.append(f"{text} [{text} ...]")
        else:
            parts.append(text)
    return " ".join(parts)


def _options_table(parser: argparse.ArgumentParser) -> list[str]:
    rows = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)) or action.help == argparse.SUPPRESS:
            continue
        help_text = (action.help or "").replace("|", "\\|")
        if "%(default)" in help_text:
            help_text = help_text % {"default": action.default}
        rows.append(f"| `{_signature(action)}` | {help_text} |")
    if not rows:
        return []
    return ["| argument | what it does |", "| --- | --- |", *rows, ""]


def _example(epilog: str) -> list[str]:
    """The epilog (`example:` and the command's EXAMPLE): its command lines as a block, its prose after."""
    # the CLI indents EXAMPLE's first line; its authors indent the other command lines, not the prose
    lines = epilog.removeprefix("example:").splitlines()
    commands = [line.strip() for line in lines if line.startswith("  ssg") or line.strip() == "ssg"]
    prose = "\n".join(line for line in lines if line.strip() not in commands).strip()
    out = ["Example:", "", "```sh", *commands, "```", ""] if commands else []
    return out + ([prose, ""] if prose else [])


def render_cli_reference() -> str:
    """docs/cli.md as the current parser describes the commands."""
    from ssg.cli import make_parser

    parser = make_parser()
    lines = [INTRO, "## ssg", "", parser.description or "", "", "```", _usage("ssg", parser) + " COMMAND ...", "```", ""]
    lines += _options_table(parser)
    for name, sub in _subcommands(parser).items():
        lines += [f"## ssg {name}", "", sub.description or "", "", "```", _usage(f"ssg {name}", sub), "```", ""]
        lines += _options_table(sub)
        lines += _example(sub.epilog or "")
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    check = "--check" in sys.argv[1:]
    text = render_cli_reference()
    if check:
        if not DOC.is_file() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC.relative_to(REPO)} is out of date: run python3 scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
