"""`ssg ingest`: read newspaper issue text into Markdown content files."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ssg.config import load_config
from ssg.diagnostics import Collector, SsgError, dedupe, error

if TYPE_CHECKING:
    from ssg.ingest.emit import EmitReport
    from ssg.ingest.model import Edition
# ssg.ingest loads its word lists (jieba, pypinyin) on import: not on every ssg command, only on ingest

HELP = "read an issue's plain text into Markdown content files (one per article and initiative)"
EXAMPLE = "ssg ingest sources/2025-11-10.txt"

log = logging.getLogger(__name__)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="issue text (UTF-8, UTF-16 or GB18030)")
    parser.add_argument("--content", type=Path, metavar="DIR", help="content folder (default: site.yaml's content_dir)")
    parser.add_argument("--json", action="store_true", help="print what was understood as JSON (an object for one FILE, a list of them for several) and write nothing")
    parser.add_argument("--force", action="store_true", help="overwrite files edited since ingest, keeping a backup in the edition's .backup/")
    parser.add_argument("--encoding", metavar="ENC", help="read the text in this encoding instead of detecting it")
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the issue's date when its text has no masthead date (one FILE only)")


def edition_json(edition: Edition) -> dict:
    """The model as DESIGN.md prints it: masthead fields at the top, then pages, notes, articles."""
    from ssg.ingest.model import to_json

    data = to_json(edition)
    masthead = data.pop("masthead", {})
    masthead.pop("line", None)
    articles = data.pop("articles", [])
    return {**masthead, **data, "articles": articles}


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _summary(edition: Edition, folder: Path, report: EmitReport) -> str:
    from ssg.ingest.enumerations import count_initiatives

    inside = [p for p in report.skipped if p.is_relative_to(folder)]
    removed = [p for p in report.removed if p.is_relative_to(folder)]
    backed = [p for p in report.backed_up if p.is_relative_to(folder)]
    unchanged = [p for p in report.unchanged if p.is_relative_to(folder)]
    articles = len(edition.articles)
    initiatives = sum(count_initiatives(a.initiatives) for a in edition.articles)
    line = f"{_count(articles, 'article')}, {_count(initiatives, 'initiative')} written to {_display(folder)}"
    notes = []
    if inside:
        notes.append(f"{len(inside)} skipped: edited since ingest")
    if removed:
        notes.append(f"{len(removed)} removed: no longer produced")
    if backed:
        notes.append(f"{len(backed)} backed up in .backup/")
    if unchanged:
        notes.append(f"{len(unchanged)} unchanged")
    return line + (f" ({'; '.join(notes)})" if notes else "")


def run(args) -> int:
    from ssg.ingest import ingest_file
    from ssg.ingest.emit import edition_dir, plan_edition, write_plan
    from ssg.ingest.enumerations import count_initiatives

    if args.date and len(args.files) > 1:
        print("ssg ingest: error: --date applies to one FILE only", file=sys.stderr)
        return 2
    config = load_config(Path.cwd())
    problems = Collector()
    editions: list[Edition] = []
    for path in args.files:
        try:
            edition = ingest_file(path, config, encoding=args.encoding, date=args.date)
        except SsgError as exc:
            problems.items.extend(exc.diagnostics)
            continue
        problems.items.extend(edition.diagnostics)
        editions.append(edition)
        initiatives = sum(count_initiatives(a.initiatives) for a in edition.articles)
        log.info("%s: %s, %s, %s", path, edition.masthead.date, _count(len(edition.articles), "article"),
                 _count(initiatives, "initiative"))
    seen: dict[dt.date, str] = {}
    for edition in editions:
        date = edition.masthead.date
        if date in seen:
            problems.add(error(edition.source, None, f"same date {date} as {seen[date]}", "give each issue its own date"))
        seen[date] = edition.source
    for d in dedupe(problems.warnings):
        print(d, file=sys.stderr)
    problems.raise_if_errors()

    if args.json:
        data = [edition_json(e) for e in editions]
        print(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2))
        return 0

    content_dir = args.content or config.root / config.content_dir
    plan = [f for edition in editions for f in plan_edition(edition, content_dir)]
    report = write_plan(plan, content_dir, force=args.force)
    for d in report.diagnostics:
        print(f"{_display(Path(d.path))}: warning: {d.message} ({d.hint})", file=sys.stderr)
    for path in report.removed:
        log.info("%s: removed (an earlier ingest wrote it, unedited; this one no longer produces it)", _display(path))
    for path in report.backed_up:
        log.info("%s: backup of an edited file --force replaced", _display(path))
    for edition in editions:
        folder = edition_dir(Path(content_dir).resolve(), edition.masthead.date)
        print(_summary(edition, folder, report))
    return 0
