#!/usr/bin/env python3
"""Edit-to-reload latency of `ssg serve` on a generated site (default 1,000 articles).

    python3 bench/serve_latency.py [--editions 125] [--articles 8] [--edits 7] [--no-browser]

Generates the corpus with ../shared/bench/gen_corpus.py (or $SSG_GEN_CORPUS) in
raw form, ingests it with `ssg ingest` into a temporary project, starts the
preview in this process on a free port and opens one article in headless
Chromium. Each edit appends a sentence to that article's Markdown; the clock
runs from the moment before the file is written to
  - the "build" event naming the article's page on /__ssg/events (what every
    open tab is told), and
  - the open page showing the new sentence (the tab has reloaded by itself).
Prints each edit, then the medians. Target: under 1 s.
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET_SECONDS = 1.0
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def find_generator() -> Path:
    candidates = [Path(os.environ["SSG_GEN_CORPUS"])] if os.environ.get("SSG_GEN_CORPUS") else []
    candidates += [HERE / "gen_corpus.py", REPO.parent / "shared" / "bench" / "gen_corpus.py"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    sys.exit("gen_corpus.py not found: set SSG_GEN_CORPUS")


def make_project(workdir: Path, editions: int, articles: int) -> Path:
    raw = workdir / "raw"
    subprocess.run([sys.executable, str(find_generator()), "--editions", str(editions), "--articles-per-edition",
                    str(articles), "--seed", "1", "--format", "raw", "--out", str(raw)],
                   check=True, stdout=subprocess.DEVNULL)
    project = workdir / "site"
    project.mkdir()
    shutil.copy2(REPO / "site.yaml", project / "site.yaml")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ssg", "-q", "ingest", *sorted(str(p) for p in raw.glob("*.txt"))],
                   cwd=project, check=True, stdin=subprocess.DEVNULL)
    print(f"ingested {editions} editions in {time.perf_counter() - started:.1f} s", flush=True)
    return project


class Events:
    """The preview's event stream, read in a thread."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        self.conn.request("GET", "/__ssg/events")
        self.response = self.conn.getresponse()
        self.messages: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for raw in self.response:
                line = raw.decode("utf-8")
                if line.startswith("data: "):
                    self.messages.put((time.perf_counter(), json.loads(line[6:])))
        except (OSError, ValueError):
            pass

    def wait_for(self, page_url: str, timeout: float = 60) -> float:
        """When a successful build naming `page_url` (a URL path) arrived."""
        deadline = time.monotonic() + timeout
        while True:
            at, message = self.messages.get(timeout=max(0.1, deadline - time.monotonic()))
            if message.get("type") != "build":
                continue
            if not message["ok"]:
                raise RuntimeError(f"the build failed: {message['errors']}")
            if message["changed"] is None or page_url in message["changed"]:
                return at


def pick_article(project: Path):
    from ssg.config import load_config
    from ssg.site import load_site
    from ssg.site.model import Article

    site = load_site(load_config(project))
    articles = sorted((o for o in site.objects.values() if isinstance(o, Article) and o.kind == "news"),
                      key=lambda a: a.url)
    return articles[len(articles) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--editions", type=int, default=125)
    parser.add_argument("--articles", type=int, default=8, help="articles per edition")
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--no-browser", action="store_true", help="time the event only, without Chromium")
    parser.add_argument("--project", type=Path, metavar="DIR",
                        help="generate and ingest the corpus into DIR once and reuse it on later runs "
                             "(its articles are edited; default: a temporary folder)")
    options = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(message)s")

    from ssg.serve.project import serve_project

    with tempfile.TemporaryDirectory(prefix="ssg-serve-bench-") as tmp:
        if options.project and (options.project / "site" / "content").is_dir():
            project = options.project / "site"
        else:
            workdir = options.project or Path(tmp)
            workdir.mkdir(parents=True, exist_ok=True)
            project = make_project(workdir, options.editions, options.articles)
        article = pick_article(project)
        source = project / article.source_path
        with serve_project(project, port=0) as server:
            started = time.perf_counter()
            first = server.start()
            if not first.ok:
                sys.exit("the first build failed:\n" + "\n".join(map(str, first.errors)))
            print(f"first build: {first.pages} pages in {time.perf_counter() - started:.1f} s; serving {server.url}",
                  flush=True)
            build_seconds = timed_builds(server)
            page_path = urlsplit(server.url).path + article.url
            browser = None if options.no_browser else open_browser(server.url + article.url)
            events = Events(server.url)
            time.sleep(0.5)
            to_event, to_page, builds = [], [], []
            for n in range(1, options.edits + 1):
                sentence = f"第{n}次修改后追加的句子。"
                text = source.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{sentence}\n"
                before = time.perf_counter()
                source.write_text(text, encoding="utf-8")
                to_event.append(events.wait_for(page_path) - before)
                builds.append(sum(build_seconds))
                build_seconds.clear()
                line = f"edit {n}: event {to_event[-1] * 1000:.0f} ms (the build {builds[-1] * 1000:.0f} ms)"
                if browser is not None:
                    browser[1].wait_for_function("s => document.body.innerText.includes(s)", arg=sentence,
                                                 polling="raf", timeout=30_000)
                    to_page.append(time.perf_counter() - before)
                    line += f", page shows it {to_page[-1] * 1000:.0f} ms"
                print(line, flush=True)
                time.sleep(0.5)
            if browser is not None:
                browser[0].stop()
        report("event", to_event, first.pages)
        print(f"  of which Builder.build(changed): median {statistics.median(builds) * 1000:.0f} ms; "
              f"watching, batching and the event: median {statistics.median(e - b for e, b in zip(to_event, builds)) * 1000:.0f} ms")
        if to_page:
            report("reloaded page", to_page, first.pages)
    return 0


def timed_builds(server) -> list[float]:
    """Record how long each incremental Builder.build call takes, to tell it from the server's own delay."""
    seconds: list[float] = []
    builder = server.preview.builder
    build = builder.build

    def timed(changed=None):
        started = time.perf_counter()
        try:
            return build(changed)
        finally:
            seconds.append(time.perf_counter() - started)

    builder.build = timed
    return seconds


def open_browser(url: str):
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = chromium.new_page()
    page.goto(url)
    return playwright, page


def report(what: str, seconds: list[float], pages: int | None) -> None:
    median = statistics.median(seconds)
    verdict = "under" if median < TARGET_SECONDS else "OVER"
    print(f"edit-to-{what} latency ({pages} pages, {len(seconds)} edits): median {median * 1000:.0f} ms "
          f"(min {min(seconds) * 1000:.0f}, max {max(seconds) * 1000:.0f}); {verdict} the {TARGET_SECONDS:.0f} s target")


if __name__ == "__main__":
    sys.exit(main())
