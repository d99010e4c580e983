"""The seed issue shipped in the repository: sources/2025-11-10.txt and the content ingested from it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from ingest_text_stream import assert_conserved

from ssg.config import load_config
from ssg.frontmatter import parse_document
from ssg.ingest import ingest_file
from ssg.ingest.emit import plan_edition

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "sources" / "2025-11-10.txt"
SHIPPED = REPO / "content" / "editions" / "2025-11-10"


@pytest.fixture(scope="module")
def fresh() -> dict[str, str]:
    """What `ssg ingest sources/2025-11-10.txt` in the repository produces now, by path in the edition folder."""
    config = load_config(REPO)
    plan = plan_edition(ingest_file(SEED, config), REPO / config.content_dir)
    return {Path(f.path).relative_to(SHIPPED).as_posix(): f.text for f in plan}


def test_the_seed_is_the_shared_issue():
    assert SEED.read_text("utf-8").count("倡议") >= 3
    assert "今日24版" in SEED.read_text("utf-8")


def test_shipped_content_is_what_ingest_writes(fresh):
    """Each shipped file is either ingest's current output, or an editor's edit (its bytes no longer match
    the manifest, so re-ingesting keeps it). A file matching the manifest but not today's output is stale."""
    manifest = json.loads((SHIPPED / ".ingest.json").read_text("utf-8"))["files"]
    shipped = {p.relative_to(SHIPPED).as_posix() for p in SHIPPED.rglob("*.md")}
    assert shipped == set(fresh) == set(manifest)
    for rel, text in sorted(fresh.items()):
        current = (SHIPPED / rel).read_bytes()
        edited = hashlib.sha256(current).hexdigest() != manifest[rel]
        assert edited or current == text.encode("utf-8"), f"{rel} is stale: run `ssg ingest sources/2025-11-10.txt`"


def test_shipped_content_keeps_every_character():
    assert_conserved(SEED.read_text("utf-8"), SHIPPED)


def test_shipped_content_facts():
    meta = parse_document((SHIPPED / "_edition.md").read_text("utf-8"), "_edition.md").meta
    assert (meta["paper"], meta["cn"], meta["postal_code"], meta["number"], meta["total_number"], meta["page_count"]) == (
        "中国高新技术产业导报", "CN 11-0237", "1-206", 41, 2645, 24)
    assert meta["source"] == "sources/2025-11-10.txt"
    lists = sorted((SHIPPED / "03-guo-jia-gao-xin-qu").glob("[0-9]*.md"))
    assert len(lists) == 10
    first = parse_document(lists[0].read_text("utf-8"), str(lists[0])).meta
    assert (first["title"], first["goal"], first["number"], first["list"]) == ("绘好一张蓝图", "推动愿景落地", 1, "十个一")


def test_build_reads_the_shipped_content():
    from ssg.content import load_sources

    content = load_sources(load_config(REPO))
    [edition] = [e for e in content.editions if str(e.date) == "2025-11-10"]
    assert len(edition.articles) == 3
    assert len(edition.articles[2].initiatives) == 10
