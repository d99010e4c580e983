"""Edition -> Markdown files (docs/content-format.md), never clobbering an editor's work.

`plan_edition` is pure: it decides every file's path and bytes. `write_plan`
does the I/O. Ingest keeps a manifest per edition folder (`.ingest.json`:
path -> sha256 of the bytes it wrote), so it can tell its own files from
edited ones:

- a file whose bytes still match the manifest is ingest's and is replaced;
- a file edited since (bytes differ), one ingest did not write (not in the
  manifest), or one the editor deleted, is left alone and reported as skipped;
- `force=True` replaces them anyway, first copying the old bytes to
  `.backup/<path>.bak-<sha8>` inside the edition folder;
- files ingest wrote earlier that the new plan no longer has are removed when
  unedited (and kept, reported as skipped, when edited).

Every write is atomic (a temp file in the same folder, then `os.replace`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ssg.diagnostics import Diagnostic, SsgError, error, warning
from ssg.frontmatter import render_document
from ssg.ingest.escape import render_paragraphs
from ssg.ingest.model import Article, Edition, Initiative

log = logging.getLogger(__name__)

MANIFEST = ".ingest.json"
BACKUP_DIR = ".backup"
LIST_MARK = "<!-- list -->"
"""Where an article's (or a head's) list stands in its body: intro above, closing below."""


@dataclass(frozen=True)
class PlannedFile:
    path: Path
    """Where the file goes: inside content_dir/editions/<date>/."""
    text: str


@dataclass(frozen=True)
class EmitReport:
    written: tuple[Path, ...] = ()
    unchanged: tuple[Path, ...] = ()
    skipped: tuple[Path, ...] = ()
    """Left alone: edited since ingest, not written by ingest, or deleted by the editor."""
    backed_up: tuple[Path, ...] = ()
    """The backups --force made (paths of the copies)."""
    removed: tuple[Path, ...] = ()
    """Unedited files of an earlier ingest that this one no longer produces."""
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
    """One warning per skipped file."""


# -- planning (pure) ------------------------------------------------------------


def edition_dir(content_dir: Path, date: dt.date) -> Path:
    return Path(content_dir) / "editions" / date.isoformat()


def _number(n: int) -> str:
    return f"{n:02d}"


def edition_meta(edition: Edition) -> dict:
    m = edition.masthead
    pages = {p.number: p.name for p in edition.pages if p.name}
    return {
        "paper": m.paper, "paper_en": m.paper_en, "publisher": m.publisher, "cn": m.cn,
        "postal_code": m.postal_code, "date": m.date, "weekday": m.weekday, "number": m.number,
        "total_number": m.total_number, "page_count": m.page_count, "pages": pages or None,
        "source": edition.source,
    }


def article_meta(article: Article) -> dict:
    lead = {"dateline": article.dateline, "byline": article.byline}
    if article.byline_first:
        lead = {"byline": article.byline, "dateline": article.dateline}  # the paper's order
    return {
        "title": article.title, "kicker": article.kicker, "subtitle": article.subtitle,
        "column": article.column, "kind": article.kind, "page": article.page, "order": article.order,
        **lead,
        "see_also": [{"pages": s.pages, "text": s.text} for s in article.see_also],
        "list": article.list_name, "list_count": article.list_count,
        "tags": list(article.tags), "slug": article.slug,
    }


def initiative_meta(item: Initiative) -> dict:
    return {
        "title": item.title, "goal": item.goal, "number": item.number, "list": item.list_name,
        "marker": item.marker, "tags": list(item.tags), "slug": item.slug,
    }


def _body(paragraphs, has_list: bool, closing=()) -> str:
    parts = [render_paragraphs(paragraphs)]
    if has_list:
        parts += [LIST_MARK, render_paragraphs(closing)]
    return "\n\n".join(p for p in parts if p)


def _plan_entry(folder: Path, name: str, meta: dict, entry: Article | Initiative) -> list[PlannedFile]:
    """An article or initiative with a list becomes a folder (index.md and one file per item); any other, one file."""
    text = render_document(meta, _body(entry.paragraphs, bool(entry.initiatives), entry.closing))
    if not entry.initiatives:
        return [PlannedFile(folder / f"{name}.md", text)]
    plan = [PlannedFile(folder / name / "index.md", text)]
    for item in entry.initiatives:
        plan += _plan_entry(folder / name, f"{_number(item.number)}-{item.slug}", initiative_meta(item), item)
    return plan


def plan_edition(edition: Edition, content_dir: Path) -> list[PlannedFile]:
    """Every file of one edition, with its bytes. Needs slugs (see ssg.ingest.ingest_file)."""
    if edition.masthead.date is None:
        raise SsgError(error(edition.source, None, "the edition has no date", "give --date YYYY-MM-DD"))
    folder = edition_dir(content_dir, edition.masthead.date)
    plan = [PlannedFile(folder / "_edition.md", render_document(edition_meta(edition), render_paragraphs(edition.notes)))]
    for article in edition.articles:
        plan += _plan_entry(folder, f"{_number(article.order)}-{article.slug}", article_meta(article), article)
    return plan


# -- writing ----------------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_manifest(files: dict[str, str]) -> str:
    return json.dumps({"version": 1, "files": dict(sorted(files.items()))}, ensure_ascii=False, indent=2) + "\n"


def parse_manifest(text: str, path: str) -> dict[str, str]:
    """path -> sha256; raises SsgError naming the file when it is not a manifest."""
    try:
        data = json.loads(text)
        files = data["files"]
        if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            raise TypeError("files must map paths to hashes")
    except (ValueError, KeyError, TypeError) as exc:
        line = getattr(exc, "lineno", None)
        raise SsgError(error(path, line, f"not an ingest manifest: {exc}", "delete it; ingest will then treat every file in the folder as edited")) from None
    return {k: v for k, v in files.items() if _safe_relative(k)}


def _safe_relative(rel: str) -> bool:
    p = PurePosixPath(rel)
    return bool(rel) and not p.is_absolute() and ".." not in p.parts and "\\" not in rel


def atomic_write(path: Path, data: bytes) -> None:
    """Write through a temp file in the same folder, so a reader sees old bytes or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _backup(folder: Path, rel: str, data: bytes) -> Path:
    target = folder / BACKUP_DIR / f"{rel}.bak-{sha256(data)[:8]}"
    if not target.exists():
        atomic_write(target, data)
    return target


def _group(plan: list[PlannedFile], content_dir: Path) -> dict[Path, list[tuple[str, bytes]]]:
    """Planned files per edition folder, each as (posix path inside it, bytes)."""
    root = Path(content_dir).resolve()
    groups: dict[Path, list[tuple[str, bytes]]] = {}
    for f in plan:
        path = Path(f.path)
        resolved = (path if path.is_absolute() else Path.cwd() / path).resolve()
        rel = resolved.relative_to(root) if resolved.is_relative_to(root) else None
        if rel is None or len(rel.parts) < 3 or rel.parts[0] != "editions":
            raise SsgError(error(str(f.path), None, f"refusing to write outside {content_dir}/editions/<date>/"))
        folder = root / rel.parts[0] / rel.parts[1]
        groups.setdefault(folder, []).append((PurePosixPath(*rel.parts[2:]).as_posix(), f.text.encode("utf-8")))
    return groups


def write_plan(plan: list[PlannedFile], content_dir: Path, *, force: bool = False) -> EmitReport:
    """Write a plan, keeping every edit. Raises SsgError before writing anything if a path is unsafe."""
    groups = _group(plan, content_dir)
    manifests = {folder: _load_manifest(folder) for folder in groups}  # all checked before any write
    reports = [_write_folder(folder, files, manifests[folder], force) for folder, files in sorted(groups.items())]
    return EmitReport(*(tuple(x for r in reports for x in getattr(r, name)) for name in
                        ("written", "unchanged", "skipped", "backed_up", "removed", "diagnostics")))


def _load_manifest(folder: Path) -> tuple[str | None, dict[str, str]]:
    path = folder / MANIFEST
    if not path.exists():
        return None, {}
    text = path.read_text("utf-8", errors="replace")
    return text, parse_manifest(text, str(path))


def _write_folder(folder: Path, files: list[tuple[str, bytes]], manifest: tuple[str | None, dict[str, str]], force: bool) -> EmitReport:
    manifest_path = folder / MANIFEST
    old_text, old = manifest
    new: dict[str, str] = {}
    written, unchanged, skipped, backed_up, removed, diags = [], [], [], [], [], []

    def skip(rel: str, why: str) -> None:
        skipped.append(folder / rel)
        diags.append(warning(str(folder / rel), None, f"{why}: not overwritten", "ssg ingest --force replaces it and keeps a backup in .backup/"))

    for rel, data in files:
        path = folder / rel
        current = path.read_bytes() if path.is_file() else None
        if current == data:
            unchanged.append(path)
            new[rel] = sha256(data)
            continue
        if current is None and path.exists():
            skip(rel, "not a regular file")
            continue
        ours = current is None and rel not in old or current is not None and old.get(rel) == sha256(current)
        if not ours and not force:
            skip(rel, "deleted since ingest" if current is None else "edited since ingest" if rel in old else "not written by ingest")
            if rel in old:
                new[rel] = old[rel]
            continue
        if current is not None and not ours:
            backed_up.append(_backup(folder, rel, current))
        atomic_write(path, data)
        written.append(path)
        new[rel] = sha256(data)

    planned = {rel for rel, _ in files}
    for rel, digest in sorted(old.items()):
        if rel in planned:
            continue
        path = folder / rel
        if not path.is_file():
            continue
        current = path.read_bytes()
        if sha256(current) != digest and not force:
            skip(rel, "edited since ingest and no longer produced")
            new[rel] = digest
            continue
        if sha256(current) != digest:
            backed_up.append(_backup(folder, rel, current))
        path.unlink()
        removed.append(path)
        _prune_empty(path.parent, folder)

    manifest_text = render_manifest(new)
    if manifest_text != old_text:
        atomic_write(manifest_path, manifest_text.encode("utf-8"))
    for d in diags:
        log.debug("%s", d)
    return EmitReport(tuple(written), tuple(unchanged), tuple(skipped), tuple(backed_up), tuple(removed), tuple(diags))


def _prune_empty(directory: Path, stop: Path) -> None:
    """Remove folders a removal left empty, up to (not including) the edition folder."""
    while directory != stop and directory.is_relative_to(stop) and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
