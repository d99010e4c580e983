#!/usr/bin/env python3
"""Build time of ssg against Hugo and Pelican on the same generated corpus.

    python3 bench/build_vs_peers.py [--editions 125] [--articles 8] [--runs 3]

The corpus comes from ../shared/bench/gen_corpus.py (or $SSG_GEN_CORPUS) in
three formats from one seed, so every tool builds the same articles: raw text
(ingested once by `ssg ingest`, not timed here: see ingest_throughput.py),
a Hugo site and a Pelican site. Each build runs --runs times after one warm-up,
alternating tools so that machine drift hits all of them alike; the report
gives medians and the ratios ssg/peer, which compare across machines better
than seconds do. A peer that is not installed is reported as missing.
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


def generate(gen: Path, fmt: str, out: Path, editions: int, articles: int) -> None:
    subprocess.run(
        [sys.executable, str(gen), "--editions", str(editions), "--articles-per-edition", str(articles),
         "--seed", "1", "--format", fmt, "--out", str(out)],
        check=True, stdout=subprocess.DEVNULL,
    )


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def make_ssg_site(site: Path) -> None:
    """`ssg init`'s site.yaml without its sample issue, so that ssg builds the same articles as the peers."""
    subprocess.run(["ssg", "init", str(site)], check=True, stdout=subprocess.DEVNULL)
    for sample in ("content", "sources"):
        shutil.rmtree(site / sample, ignore_errors=True)


def count_html(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--editions", type=int, default=125)
    ap.add_argument("--articles", type=int, default=8, help="articles per edition")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    gen = Path(os.environ.get("SSG_GEN_CORPUS", DEFAULT_GEN))
    if not gen.exists():
        sys.exit(f"gen_corpus.py not found at {gen}; set SSG_GEN_CORPUS")

    work = Path(tempfile.mkdtemp(prefix="ssg-bench-"))
    try:
        print(f"corpus: {args.editions} editions x {args.articles} articles in {work}", file=sys.stderr)
        site = work / "ssg"
        generate(gen, "raw", work / "raw", args.editions, args.articles)
        make_ssg_site(site)
        texts = sorted(str(p) for p in (work / "raw").glob("*.txt"))
        subprocess.run(["ssg", "-q", "ingest", *texts, "--content", str(site / "content")], cwd=site, check=True,
                       stdout=subprocess.DEVNULL)

        tools: dict[str, tuple[list[str], Path, Path]] = {
            "ssg": (["ssg", "-q", "build", "--output", str(work / "ssg-out")], site, work / "ssg-out"),
        }
        if shutil.which("hugo"):
            generate(gen, "hugo", work / "hugo", args.editions, args.articles)
            tools["hugo"] = (["hugo", "--quiet", "-s", str(work / "hugo"), "-d", str(work / "hugo-out")], work, work / "hugo-out")
        if shutil.which("pelican"):
            generate(gen, "pelican", work / "pelican", args.editions, args.articles)
            p = work / "pelican"
            tools["pelican"] = (["pelican", str(p / "content"), "-s", str(p / "pelicanconf.py"), "-o", str(work / "pelican-out"), "-q"], work, work / "pelican-out")

        times: dict[str, list[float]] = {name: [] for name in tools}
        for run in range(args.runs + 1):  # run 0 is the warm-up
            for name, (cmd, cwd, _) in tools.items():
                t = timed(cmd, cwd)
                if run:
                    times[name].append(t)
        ssg_median = statistics.median(times["ssg"])
        print(f"{'tool':<8} {'median s':>9} {'min s':>7} {'max s':>7} {'pages':>6} {'ssg/tool':>9}")
        for name, ts in times.items():
            med = statistics.median(ts)
            print(f"{name:<8} {med:9.3f} {min(ts):7.3f} {max(ts):7.3f} {count_html(tools[name][2]):6d} {ssg_median / med:9.2f}")
        for peer in ("hugo", "pelican"):
            if peer not in tools:
                print(f"{peer}: not installed, not measured")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
