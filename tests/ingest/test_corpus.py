"""Generated corpora: every edition's articles, titles and lists as the generator wrote them.

gen_corpus.py cuts about one paragraph in sixteen at an arbitrary character
(mid-sentence, mid-word, before a quoted term, after a count) and records
each article's title and list style in corpus-manifest.jsonl. Reading three
seeds x 40 editions must find exactly those articles (no cut paragraph taken
for a headline, no headline glued to a paragraph) and exactly those lists, in
the right style, with the count their introduction announces.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict

import pytest
from ingest_text_stream import significant

from ssg.config import KeywordsConfig, SiteConfig
from ssg.ingest import ingest_text
from ssg.ingest.decode import decode_source

SEEDS = (3, 5, 6)
EDITIONS = 40
USER_WORDS = ("雄安新区", "火炬中心", "高新区", "十个一")


def marker_style(marker: str | None) -> str:
    """The manifest's name for a list style, from an item's printed marker."""
    if marker is None:
        return "couplet"  # parallel lead clauses: 绘好一张蓝图，推动愿景落地。
    if marker.endswith("是"):
        return "yishi"
    if marker.startswith(("（", "(")):
        return "paren"
    return marker


@pytest.fixture(scope="module", params=SEEDS, ids=lambda s: f"seed {s}")
def corpus(request, gen_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"corpus-{request.param}")
    subprocess.run(
        [sys.executable, str(gen_corpus), "--editions", str(EDITIONS), "--articles-per-edition", "8",
         "--seed", str(request.param), "--format", "raw", "--manifest", "--out", str(out)],
        check=True, stdout=subprocess.DEVNULL,
    )
    manifest = defaultdict(list)
    for line in (out / "corpus-manifest.jsonl").read_text("utf-8").splitlines():
        entry = json.loads(line)
        manifest[entry["date"]].append(entry)
    return out, manifest


def test_articles_titles_and_lists_match_the_manifest(corpus):
    out, manifest = corpus
    config = SiteConfig(root=out, keywords=KeywordsConfig(user_words=USER_WORDS))
    problems = []
    for date, entries in sorted(manifest.items()):
        path = out / f"{date}.txt"
        edition = ingest_text(decode_source(path.read_bytes(), str(path)), config, source=path.name)
        got = [significant(a.title or "") for a in edition.articles]
        want = [significant(e["title"]) for e in entries]
        if got != want:
            extra = [a.title for a in edition.articles if significant(a.title or "") not in want]
            problems.append(f"{date}: {len(got)} articles for {len(want)}; not in the manifest: {extra}")
            continue
        for article, entry in zip(edition.articles, entries):
            style = entry["list_style"]
            if not style:
                if article.kind != "news":
                    problems.append(f"{date}: a list found in {article.title}")
                continue
            styles = {marker_style(i.marker) for i in article.initiatives}
            if article.kind != "initiatives" or styles != {style}:
                problems.append(f"{date}: {article.title}: {style} list read as {article.kind} {sorted(styles)}")
            elif article.list_count != len(article.initiatives):
                problems.append(f"{date}: {article.title}: {len(article.initiatives)} items, {article.list_count} announced")
        problems += [f"{date}: {d}" for d in edition.diagnostics]
    assert not problems, "\n".join(problems)
