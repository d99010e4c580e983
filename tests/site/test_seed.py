"""The real seed issue, ingested as a user would, loads into the graph the reader navigates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ssg.config import load_config
from ssg.site import load_site, nav

REPO = Path(__file__).resolve().parents[2]
TEN = "2025-11-10/01/03-guo-jia-gao-xin-qu"


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory, ssg):
    root = tmp_path_factory.mktemp("seed")
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    ssg("ingest", REPO / "sources" / "2025-11-10.txt", cwd=root, timeout=120)
    return load_site(load_config(root))


def test_the_seed_edition(seed_site):
    assert seed_site.editions == ("2025-11-10",)
    ed = seed_site.get("2025-11-10")
    assert (ed.paper, ed.number, ed.total_number, ed.page_count, ed.weekday) == ("中国高新技术产业导报", 41, 2645, 24, "星期一")
    assert ed.articles[0] == "2025-11-10/01/01-shou-jie-huo-ju-lun-tan"
    assert nav.breadcrumbs(seed_site, ed) == [("中国高新技术产业导报", ""), ("2025年11月10日", "2025/11/10/")]


def test_the_ten_initiatives(seed_site):
    art = seed_site.get(TEN)
    assert (art.title, art.kind, art.list_name) == ("国家高新区创新发展“十个一”倡议", "initiatives", "十个一")
    items = [seed_site.get(i) for i in art.initiatives]
    assert [i.number for i in items] == list(range(1, 11))
    assert (items[0].title, items[0].goal) == ("绘好一张蓝图", "推动愿景落地")
    assert items[-1].title == "擦亮一面旗帜"
    # a reader clicks 下一条 nine times from the first to the last
    current = items[0]
    for _ in range(9):
        current = nav.prev_next_initiative(seed_site, current)[1]
    assert current == items[-1] and nav.prev_next_initiative(seed_site, current)[1] is None
    assert [lst.name for lst in nav.initiative_lists(seed_site)] == ["十个一"]


def test_summaries_end_at_a_sentence_end(seed_site):
    for oid in seed_site.get("2025-11-10").articles:
        art = seed_site.get(oid)
        assert 0 < len(art.summary) <= 120
        assert art.summary[-1] == "。", art.summary
        assert art.reading_minutes >= 1


def test_the_cross_reference_to_pages_not_in_the_text_is_a_note_not_a_warning(seed_site):
    lead = seed_site.get("2025-11-10/01/01-shou-jie-huo-ju-lun-tan")
    assert [s.text for s in lead.see_also] == ["相关报道详见2-8版"]
    assert lead.see_also[0].pages == ()  # the text carries page 1 only
    # pages 2-8 exist in the 24-page issue; the sample simply does not hold them, so --strict must pass
    assert any("see_also refers to page 2" in d.message and d.severity == "note" for d in seed_site.diagnostics)
    assert [d for d in seed_site.diagnostics if d.severity != "note"] == []
