"""The build: the one place that knows the order of the stages.

    load_config -> load_site (content, markup, graph) -> load_theme -> plan_pages
    -> render_job per page + theme assets + feed/sitemap/robots -> output

A full build writes into a staging folder and swaps it in (ssg.output), so the
previous output survives any failure; with `strict`, warnings are errors and
(on a full build) the link check runs on the staging folder before the swap. A `Builder` kept
alive (the preview server) rebuilds incrementally: it reuses parsed sources,
re-renders only pages whose key changed and rewrites only changed bytes.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ssg import feeds
from ssg.check import check_output
from ssg.config import SiteConfig, load_config
from ssg.diagnostics import Diagnostic, SsgError, error
from ssg.output import Manifest, Staging, check_output_dir, check_paths, update_output
from ssg.progress import NullProgress, Progress
from ssg.render import PlanCache, load_theme, plan_pages, render_job, theme_assets
from ssg.site import SourceCache, load_site

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    output: Path
    """The output folder (absolute)."""
    pages: int
    """HTML pages rendered from the site (the 404 page included)."""
    files: int
    """Every file in the output (pages, assets, feed, sitemap, robots.txt)."""
    written: tuple[str, ...]
    """Output paths written by this build: all of them for a full build, the changed ones incrementally."""
    seconds: float
    diagnostics: tuple[Diagnostic, ...]
    """Warnings (a build with errors raises SsgError instead)."""
    removed: tuple[str, ...] = ()
    """Output paths deleted by an incremental build."""
    manifest: Manifest | None = None
    base_url: str = ""
    full: bool = True
    """False for an in-place incremental rebuild."""
    notes: tuple[Diagnostic, ...] = ()
    """What is normal for the input but worth saying at -v (a see_also to a page the content lacks)."""


@dataclass
class _LastBuild:
    config: SiteConfig
    theme: object
    keys: dict
    """Output path -> RenderJob.key of the page written there."""
    manifest: Manifest


@dataclass(frozen=True)
class _Plan:
    config: SiteConfig
    theme: object
    jobs: list
    assets: list
    extras: dict
    """feed.xml, sitemap.xml, robots.txt: derived from the whole site, not from a template."""
    warnings: tuple[Diagnostic, ...]
    notes: tuple[Diagnostic, ...]


def normalise_base_url(url: str) -> str:
    """Check an http(s) URL given on the command line and make it end in "/"."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SsgError(error(None, None, f"--base-url {url!r} is not an http(s) address",
                             "for example --base-url https://example.org/herald/"))
    return url if url.endswith("/") else url + "/"


class Builder:
    """Builds one project into one output folder; keep it to rebuild incrementally."""

    def __init__(self, root: Path, *, output: Path | None = None, base_url: str | None = None,
                 strict: bool = False, progress: Progress | None = None):
        self.root = Path(os.path.abspath(root))
        self.output_arg = Path(os.path.abspath(output)) if output is not None else None
        self.base_url = normalise_base_url(base_url) if base_url else None
        self.strict = strict
        self.progress = progress or NullProgress()
        self.cache = SourceCache()
        self.plan_cache = PlanCache()
        self._last: _LastBuild | None = None
        self._lock = threading.Lock()

    # -- public -------------------------------------------------------------------

    def build(self, changed: Iterable[Path] | None = None) -> BuildResult:
        """A full build (changed=None, or no good build yet), else an incremental one.

        Raises SsgError with every diagnostic; the output is then as it was.
        """
        with self._lock:
            started = time.perf_counter()
            try:
                if changed is None or self._last is None:
                    result = self._full()
                else:
                    result = self._incremental([Path(p) for p in changed])
            except OSError as exc:  # a full disk, a read-only folder: the user's to fix, in one line
                raise SsgError(error(exc.filename or None, None, f"cannot write the site: {exc.strerror or exc}")) from exc
            finally:
                self.progress.close()
            return dataclasses.replace(result, seconds=time.perf_counter() - started)

    def output_for(self, config: SiteConfig) -> Path:
        return self.output_arg or Path(os.path.abspath(config.root / config.output_dir))

    # -- stages -------------------------------------------------------------------

    def _config(self) -> SiteConfig:
        if not (self.root / "site.yaml").is_file() and not (self.root / "content").is_dir():
            raise SsgError(error(str(self.root), None, "no site.yaml or content/ here: not an ssg project",
                                 "run ssg in the project folder or pass --root DIR"))
        config = load_config(self.root)
        if self.base_url:
            config = dataclasses.replace(config, base_url=self.base_url)
        return config

    def _plan(self, config: SiteConfig, theme=None) -> _Plan:
        """Config -> everything the output will hold, short of rendering. Raises SsgError."""
        self.progress.stage("loading")
        site = load_site(config, self.cache)
        warnings = [d for d in site.diagnostics if d.severity == "warning"]
        if self.strict and warnings:
            raise SsgError([dataclasses.replace(w, severity="error") for w in warnings])
        if theme is None:
            theme = load_theme(config)
        jobs = plan_pages(site, config, theme, self.plan_cache)
        assets = theme_assets(theme)
        entries = feeds.sitemap_entries(site, [job.path for job in jobs])
        extras = {
            "feed.xml": feeds.render_feed(site, config),
            "sitemap.xml": feeds.render_sitemap(entries, config.base_url),
            "robots.txt": feeds.render_robots(config.base_url),
        }
        check_paths([(j.path, f"page template {j.template}") for j in jobs]
                    + [(a.path, "theme static file") for a in assets]
                    + [(path, "ssg") for path in extras])
        notes = tuple(d for d in site.diagnostics if d.severity == "note")
        return _Plan(config, theme, jobs, assets, extras, tuple(warnings), notes)

    def _full(self) -> BuildResult:
        config = self._config()
        output = self.output_for(config)
        check_output_dir(output, config.root, config.root / config.content_dir)
        plan = self._plan(config)
        with Staging(output) as stage:
            self.progress.stage("rendering", len(plan.jobs))
            for job in plan.jobs:
                stage.write(job.path, render_job(plan.theme, job), f"page template {job.template}")
                self.progress.advance()
            self.progress.stage("writing", len(plan.assets) + len(plan.extras))
            for asset in plan.assets:
                stage.write(asset.path, asset.data, "theme static file")
            for path, data in plan.extras.items():
                stage.write(path, data)
            if self.strict:
                self.progress.stage("checking")
                problems = check_output(stage.root, config.base_url, display_root=shown_path(output))
                if problems:
                    raise SsgError(problems)
            manifest = stage.commit()
        self._last = _LastBuild(config, plan.theme, {j.path: j.key for j in plan.jobs}, manifest)
        log.debug("full build of %d pages into %s", len(plan.jobs), output)
        return BuildResult(output, len(plan.jobs), len(manifest.files), tuple(manifest.files), 0.0,
                           plan.warnings, (), manifest, config.base_url, True, plan.notes)

    def _incremental(self, changed: list[Path]) -> BuildResult:
        last = self._last
        content = Path(os.path.abspath(last.config.root / last.config.content_dir))
        # site.yaml, a template or a static file changed: reload config and theme
        reload = any(not Path(os.path.abspath(self.root / p)).is_relative_to(content) for p in changed)
        config = self._config() if reload else last.config
        output = self.output_for(config)
        if (config.base_url, output) != (last.config.base_url, self.output_for(last.config)):
            return self._full()
        plan = self._plan(config, None if reload else last.theme)
        # keys carry the theme's fingerprint, so a theme edit re-renders only what it changes;
        # a config change may not show in every key, so it re-renders all
        reuse = config == last.config
        keys = {job.path: job.key for job in plan.jobs}
        fresh = [j for j in plan.jobs if not (reuse and last.keys.get(j.path) == j.key and j.path in last.manifest.files)]
        unchanged = sorted(keys.keys() - {j.path for j in fresh})
        self.progress.stage("rendering", len(fresh))
        files: dict[str, bytes] = {}
        for job in fresh:
            files[job.path] = render_job(plan.theme, job)
            self.progress.advance()
        files.update({a.path: a.data for a in plan.assets})
        files.update(plan.extras)
        try:
            update = update_output(output, last.manifest, files, unchanged)
        except SsgError as exc:
            log.info("%s", exc)
            return self._full()
        self._last = _LastBuild(config, plan.theme, keys, update.manifest)
        log.debug("incremental build: %d rendered, %d written, %d removed",
                  len(fresh), len(update.written), len(update.removed))
        return BuildResult(output, len(plan.jobs), len(update.manifest.files), update.written, 0.0,
                           plan.warnings, update.removed, update.manifest, config.base_url, False, plan.notes)


def build_site(root: Path, output: Path | None = None, base_url: str | None = None,
               strict: bool = False, progress: Progress | None = None) -> BuildResult:
    """Build the project at `root` once, in full. Raises SsgError."""
    return Builder(root, output=output, base_url=base_url, strict=strict, progress=progress).build()


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it, else absolute."""
    try:
        return os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)
