"""A generated corpus of 60 editions, ingested with `ssg ingest` and built with `ssg build`.

The archive must show every edition, every edition page must list its
articles, and every link between editions, pages (版), articles and
initiatives must resolve.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict

import pytest
from site_facts import ARTICLE_DIR, broken_links, linked_urls

EDITIONS = 60
BASE_URL = "http://127.0.0.1:8000/corpus/"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory, gen_corpus, ssg):
    """The corpus ingested into a new site and built for BASE_URL: (site folder, output, manifest rows)."""
    tmp = tmp_path_factory.mktemp("corpus")
    raw = tmp / "raw"
    subprocess.run(
        [sys.executable, str(gen_corpus), "--editions", str(EDITIONS), "--articles-per-edition", "8",
         "--seed", "1", "--format", "raw", "--manifest", "--out", str(raw)],
        check=True, capture_output=True, timeout=120,
    )
    texts = sorted(raw.glob("*.txt"))
    assert len(texts) == EDITIONS
    manifest = [json.loads(line) for line in (raw / "corpus-manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    site = tmp / "site"
    site.mkdir()
    (site / "site.yaml").write_text(f"title: 江海经济报 电子版\nbase_url: {BASE_URL}\n", encoding="utf-8")
    ssg("ingest", *texts, cwd=site, timeout=600)
    output = tmp / "public"
    ssg("build", "--output", output, cwd=site, timeout=600)
    return site, output, manifest


def folder_urls(output, pattern: str) -> list[str]:
    return sorted(f.parent.relative_to(output).as_posix() + "/" for f in output.glob(pattern))


def test_the_archive_shows_every_edition(corpus_site):
    _, output, manifest = corpus_site
    dates = sorted({dt.date.fromisoformat(row["date"]) for row in manifest})
    assert len(dates) == EDITIONS
    archive_pages = sorted((output / "archive").rglob("index.html"))
    assert archive_pages, "no archive/index.html"
    shown = linked_urls(output, BASE_URL, archive_pages)
    missing = [d.isoformat() for d in dates if f"{d:%Y/%m/%d}/" not in shown]
    assert not missing, f"{len(missing)} editions missing from the archive, e.g. {missing[:5]}"


def test_every_edition_page_lists_its_articles(corpus_site):
    _, output, manifest = corpus_site
    titles = defaultdict(list)
    for row in manifest:
        titles[row["date"]].append(row["title"])
    for date, expected in titles.items():
        page = output / date.replace("-", "/") / "index.html"
        text = re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))))
        missing = [t for t in expected if re.sub(r"\s+", "", t) not in text]
        assert not missing, f"{page.relative_to(output)} does not show {missing}"


def test_every_generated_article_gets_one_page(corpus_site):
    _, output, manifest = corpus_site
    articles = [u for u in folder_urls(output, "[0-9]*/*/*/*/*/index.html") if ARTICLE_DIR.match(u)]
    generated = Counter(row["date"].replace("-", "/") + "/" for row in manifest)
    built = Counter(u[:11] for u in articles)
    wrong = [
        f"{edition}: {built[edition]} pages for {n} articles: {[u for u in articles if u.startswith(edition)]}"
        for edition, n in sorted(generated.items())
        if built[edition] != n
    ]
    assert not wrong, "\n".join(wrong)


def test_every_link_resolves_and_no_page_is_an_orphan(corpus_site):
    _, output, _ = corpus_site
    problems = broken_links(output, BASE_URL)
    assert not problems, f"{len(problems)} broken references:\n" + "\n".join(problems[:40])
    linked = linked_urls(output, BASE_URL, sorted(output.rglob("*.html")))
    editions = folder_urls(output, "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html")
    pages = folder_urls(output, "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html")
    articles = [u for u in folder_urls(output, "[0-9]*/*/*/*/*/index.html") if ARTICLE_DIR.match(u)]
    initiatives = [u for u in folder_urls(output, "[0-9]*/*/*/*/*/*/index.html") if ARTICLE_DIR.match(u.rsplit("/", 2)[0] + "/")]
    assert len(editions) == EDITIONS
    assert initiatives, "the corpus has initiative lists (about one edition in four), but no initiative pages were built"
    for kind, urls in (("edition", editions), ("page", pages), ("article", articles), ("initiative", initiatives)):
        orphans = [u for u in urls if u not in linked]
        assert not orphans, f"{len(orphans)} {kind} pages no page links to, e.g. {orphans[:5]}"


def test_ssg_check_passes_on_the_corpus(corpus_site, ssg):
    site, _, _ = corpus_site
    ssg("check", cwd=site, timeout=600)
