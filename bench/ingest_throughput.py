#!/usr/bin/env python3
"""Ingest throughput: MB of issue text per second, on a generated corpus.

    python3 bench/ingest_throughput.py [--editions 10] [--articles 8] [--runs 3]

The corpus is ../shared/bench/gen_corpus.py --format raw (or $SSG_GEN_CORPUS),
one plain-text file per edition. Three stages are timed, each the median of
--runs runs after jieba has loaded its dictionary (reported on its own, as it
is paid once per process):

  read + plan    decode, read the edition, lists, keywords, slugs, Markdown bytes
  full write     the same, then write into an empty content folder
  re-ingest      the same text again over the written folder (every file unchanged)

and one end-to-end `ssg ingest DIR/*.txt --content ...` run, startup included.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_GEN = HERE.parent.parent / "shared" / "bench" / "gen_corpus.py"
sys.path.insert(0, str(HERE.parent))

from ssg.config import KeywordsConfig, SiteConfig
from ssg.ingest import ingest_file
from ssg.ingest.emit import plan_edition, write_plan
from ssg.ingest.segment import tokenizer

USER_WORDS = ("雄安新区", "火炬中心", "高新区", "十个一")


def generate(gen: Path, out: Path, editions: int, articles: int, seed: int) -> list[Path]:
    subprocess.run(
        [sys.executable, str(gen), "--editions", str(editions), "--articles-per-edition", str(articles),
         "--seed", str(seed), "--format", "raw", "--out", str(out)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return sorted(out.glob("*.txt"))


def read_and_plan(files: list[Path], config: SiteConfig, content: Path) -> list:
    return [f for path in files for f in plan_edition(ingest_file(path, config), content)]


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--editions", type=int, default=10)
    ap.add_argument("--articles", type=int, default=8, help="articles per edition")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    gen = Path(os.environ.get("SSG_GEN_CORPUS", DEFAULT_GEN))
    if not gen.exists():
        sys.exit(f"gen_corpus.py not found at {gen}; set SSG_GEN_CORPUS")

    work = Path(tempfile.mkdtemp(prefix="ssg-ingest-bench-"))
    try:
        files = generate(gen, work / "raw", args.editions, args.articles, args.seed)
        size = sum(p.stat().st_size for p in files)
        mb = size / 1e6
        config = SiteConfig(root=work, keywords=KeywordsConfig(user_words=USER_WORDS))

        start = time.perf_counter()
        tokenizer(USER_WORDS)
        read_and_plan(files[:1], config, work / "warm")  # IDF table, part-of-speech table
        setup = time.perf_counter() - start

        content = work / "content"
        plan_time = median_time(lambda: read_and_plan(files, config, content), args.runs)
        n_files = len(read_and_plan(files, config, content))

        def full_write() -> None:
            shutil.rmtree(content, ignore_errors=True)
            write_plan(read_and_plan(files, config, content), content)

        write_time = median_time(full_write, args.runs)
        reingest_time = median_time(lambda: write_plan(read_and_plan(files, config, content), content), args.runs)

        cli_content = work / "cli-content"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ssg", "-q", "ingest", *map(str, files), "--content", str(cli_content)],
                       cwd=work, check=True, stdout=subprocess.DEVNULL)
        cli_time = time.perf_counter() - start

        print(f"corpus: {len(files)} editions x {args.articles} articles, {mb:.2f} MB of text -> {n_files} content files")
        print(f"jieba and tables, once per process: {setup:.2f} s")
        print(f"{'stage':<16}{'seconds':>10}{'MB/s':>10}{'files/s':>10}")
        for name, seconds in (("read + plan", plan_time), ("full write", write_time), ("re-ingest", reingest_time),
                              ("ssg ingest (CLI)", cli_time)):
            print(f"{name:<16}{seconds:>10.2f}{mb / seconds:>10.3f}{n_files / seconds:>10.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
