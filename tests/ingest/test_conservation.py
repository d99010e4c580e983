"""Never lose text: every Han character, letter and digit of an issue's body comes
back, in order, from exactly one content file (see ingest_text_stream)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from ingest_text_stream import (
    assert_conserved,
    body_after_masthead,
    edition_stream,
    significant,
)

from ssg.cli import main
from ssg.config import load_config
from ssg.frontmatter import parse_document
from ssg.ingest import ingest_file
from ssg.ingest.decode import decode_source
from ssg.ingest.emit import plan_edition, write_plan

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "sources" / "2025-11-10.txt"


@pytest.fixture
def seed_edition(tmp_path, monkeypatch) -> Path:
    """The seed issue ingested into a fresh folder, as a user runs it (site.yaml's user words)."""
    monkeypatch.chdir(REPO)
    assert main(["-q", "ingest", str(SEED), "--content", str(tmp_path)]) == 0
    return tmp_path / "editions" / "2025-11-10"


def test_seed(seed_edition):
    assert_conserved(SEED.read_text("utf-8"), seed_edition)


def test_the_check_notices_a_lost_character(seed_edition):
    item = seed_edition / "03-guo-jia-gao-xin-qu/04-yu-qiang-yi-tao-ti-xi.md"
    item.write_text(item.read_text("utf-8").replace("创业投资", "投资"), "utf-8")
    with pytest.raises(AssertionError, match="first difference"):
        assert_conserved(SEED.read_text("utf-8"), seed_edition)


def test_the_check_notices_a_duplicated_title(seed_edition):
    item = seed_edition / "03-guo-jia-gao-xin-qu/01-hui-hao-yi-zhang-lan-tu.md"
    item.write_text(item.read_text("utf-8").replace("\n锚定", "\n绘好一张蓝图锚定"), "utf-8")
    with pytest.raises(AssertionError):
        assert_conserved(SEED.read_text("utf-8"), seed_edition)


def test_markup_in_the_source_comes_back_as_text(tmp_path):
    source = tmp_path / "2025-11-12.txt"
    source.write_text(
        "某某日报\n\n2025年11月12日 星期三 第3期 今日8版\n\n"
        "代码里的*星号*与_下划线_\n\n"
        "本报讯(记者 李明)有读者来信问,网页上的<script>alert(1)</script>会不会被执行。\n\n"
        "# 井号开头的一段话,不是标题。\n\n"
        "1. 数字加点开头的一段话,也不是列表。\n\n"
        "> 大于号开头的一段话,不是引用。\n",
        "utf-8",
    )
    config = load_config(tmp_path)
    write_plan(plan_edition(ingest_file(source, config), tmp_path / "content"), tmp_path / "content")
    folder = tmp_path / "content/editions/2025-11-12"
    assert_conserved(source.read_text("utf-8"), folder)
    text, _ = edition_stream(folder)
    for literal in ("*星号*", "_下划线_", "<script>alert(1)</script>", "# 井号", "1. 数字", "> 大于号"):
        assert literal in text


@pytest.fixture(scope="module")
def corpus(gen_corpus, tmp_path_factory):
    """20 generated editions (seed 7), ingested with `ssg ingest` as a user would."""
    root = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(gen_corpus), "--editions", "20", "--articles-per-edition", "8", "--seed", "7",
                    "--format", "raw", "--manifest", "--out", str(root / "raw")], check=True, stdout=subprocess.DEVNULL)
    sources = sorted((root / "raw").glob("*.txt"))
    result = subprocess.run([sys.executable, "-m", "ssg", "ingest", *map(str, sources), "--content", str(root / "content")],
                            cwd=root, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    return root, sources, result


def test_generated_corpus_is_conserved(corpus):
    root, sources, _ = corpus
    assert len(sources) == 20
    for source in sources:
        assert_conserved(source.read_text("utf-8"), root / "content/editions" / source.stem)


def test_generated_corpus_articles_and_lists(corpus):
    """Every article is found, and an article carries initiatives exactly when the manifest says it has a list."""
    root, _, result = corpus
    manifest = [json.loads(line) for line in (root / "raw/corpus-manifest.jsonl").read_text("utf-8").splitlines()]
    by_date = defaultdict(list)
    for entry in manifest:
        by_date[entry["date"]].append(entry)
    styles = set()
    for date, entries in by_date.items():
        folder = root / "content/editions" / date
        articles = sorted(p for p in folder.iterdir() if not p.name.startswith((".", "_")))
        assert len(articles) == len(entries), date
        for path, entry in zip(articles, entries):
            meta = parse_document((path / "index.md" if path.is_dir() else path).read_text("utf-8"), str(path)).meta
            assert significant(meta["title"]) == significant(entry["title"])
            items = sorted(path.glob("[0-9]*.md")) if path.is_dir() else []
            if entry["list_style"]:
                styles.add(entry["list_style"])
                assert meta["kind"] == "initiatives", path
                assert 5 <= len(items) <= 10, path
                # the introduction announces the count (以下N方面); it must match what was found
                assert meta["list_count"] == len(items), path
            else:
                assert meta["kind"] == "news" and not items, path
    assert styles == {"couplet", "paren", "yishi"}
    assert "warning" not in result.stderr


def test_masthead_and_body_split_of_the_helper():
    text = SEED.read_text("utf-8")
    body = body_after_masthead(text)
    assert body.lstrip().startswith("首届火炬论坛") and "今日24版" not in body


FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_PAGES = sorted(p for p in FIXTURES.rglob("*.txt"))


@pytest.mark.parametrize("page", FIXTURE_PAGES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_pages_are_conserved(page, tmp_path):
    """Pages in the style of other papers (bylines above datelines, continued articles,
    lists of every style) keep all their text too."""
    config = load_config(tmp_path)
    edition = ingest_file(page, config, date=dt.date(2025, 1, 1))
    content = tmp_path / "content"
    write_plan(plan_edition(edition, content), content)
    folder = content / "editions" / edition.masthead.date.isoformat()
    assert_conserved(decode_source(page.read_bytes(), str(page)), folder)


def _ingest_page(page: Path, tmp_path: Path) -> Path:
    edition = ingest_file(page, load_config(tmp_path), date=dt.date(2025, 1, 1))
    write_plan(plan_edition(edition, tmp_path / "content"), tmp_path / "content")
    return tmp_path / "content" / "editions" / edition.masthead.date.isoformat()


def test_the_check_follows_a_continued_article_and_notices_a_misplaced_continuation(tmp_path):
    page = FIXTURES / "pages" / "renmin-continued.txt"
    folder = _ingest_page(page, tmp_path)
    source = page.read_text("utf-8")
    assert_conserved(source, folder)  # page 1's part, then page 2's continuation after (上接第一版)
    lead = next(folder.glob("01-*.md"))
    moved = "在黑龙江、吉林等主产区，不少粮食企业推出预约收购、上门收购等服务，农民卖粮排队时间明显缩短。"
    text = lead.read_text("utf-8").replace(moved + "\n\n", "")
    lead.write_text(text.replace("国家粮食和物资储备局有关负责人表示", moved + "\n\n国家粮食和物资储备局有关负责人表示"), "utf-8")
    with pytest.raises(AssertionError, match="first difference"):
        assert_conserved(source, folder)  # page 2's text moved up into page 1's part


def test_the_check_notices_a_continuation_that_went_to_the_wrong_article(tmp_path):
    page = FIXTURES / "pages" / "renmin-continued.txt"
    folder = _ingest_page(page, tmp_path)
    lead, comment = sorted(folder.glob("0[12]-*.md"))
    paragraph = "在黑龙江、吉林等主产区，不少粮食企业推出预约收购、上门收购等服务，农民卖粮排队时间明显缩短。"
    lead.write_text(lead.read_text("utf-8").replace(paragraph + "\n\n", ""), "utf-8")
    comment.write_text(comment.read_text("utf-8").rstrip("\n") + "\n\n" + paragraph + "\n", "utf-8")
    with pytest.raises(AssertionError, match="first difference"):
        assert_conserved(page.read_text("utf-8"), folder)
