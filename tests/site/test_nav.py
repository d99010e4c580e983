"""Navigation at every level: 上一期/下一期, 上一版/下一版, 上一篇/下一篇, 上一条/下一条, breadcrumbs, archive."""

from __future__ import annotations

import datetime as dt

from site_helpers import article, write_files

from ssg.config import load_config
from ssg.site import load_site, nav

TEN = "2025-11-10/01/03-guo-jia-gao-xin-qu"
NESTED = "2025-11-03/01/01-shi-xiang-ju-cuo"


def ids(pair):
    return tuple(x.id if x is not None else None for x in pair)


def test_editions(basic_site):
    assert ids(nav.prev_next_edition(basic_site, "2025-11-10")) == ("2025-11-03", None)
    assert ids(nav.prev_next_edition(basic_site, basic_site.get("2025-11-03"))) == (None, "2025-11-10")
    assert nav.latest_edition(basic_site).id == "2025-11-10"


def test_pages(basic_site):
    assert ids(nav.prev_next_page(basic_site, "2025-11-10/01")) == (None, "2025-11-10/02")
    assert ids(nav.prev_next_page(basic_site, "2025-11-10/02")) == ("2025-11-10/01", None)
    assert nav.page_label(basic_site.get("2025-11-10/02")) == "第02版 综合新闻"
    assert nav.page_label(basic_site.get("2025-11-03/01")) == "第01版"


def test_articles_cross_pages_in_reading_order(basic_site):
    assert ids(nav.prev_next_article(basic_site, TEN)) == ("2025-11-10/01/02-11-yue-6-7-ri", "2025-11-10/02/04-ke-ji-fu-wu-ye")
    assert ids(nav.prev_next_article(basic_site, "2025-11-10/01/01-shou-jie-huo-ju-lun-tan"))[0] is None


def test_initiatives_stay_in_their_list(basic_site):
    first, second, third = basic_site.get(TEN).initiatives
    assert ids(nav.prev_next_initiative(basic_site, first)) == (None, second)
    assert ids(nav.prev_next_initiative(basic_site, second)) == (first, third)
    assert ids(nav.prev_next_initiative(basic_site, third)) == (second, None)
    # in a nested list, neighbours are the items of the same sub-list
    head = f"{NESTED}/02-chuang-xin"
    assert ids(nav.prev_next_initiative(basic_site, f"{head}/01-ping-tai")) == (None, f"{head}/02-ren-cai")
    assert ids(nav.prev_next_initiative(basic_site, head)) == (f"{NESTED}/01-gai-ge", None)
    assert [i.id for i in nav.initiative_path(basic_site, f"{head}/02-ren-cai")] == [head, f"{head}/02-ren-cai"]


def test_breadcrumbs(basic_site):
    assert nav.breadcrumbs(basic_site, f"{TEN}/02-ji-cheng-yi-tao-zheng-ce") == [
        ("中国高新技术产业导报", ""),
        ("2025年11月10日", "2025/11/10/"),
        ("第01版 要闻", "2025/11/10/01/"),
        ("国家高新区创新发展“十个一”倡议", "2025/11/10/01/03-guo-jia-gao-xin-qu/"),
        ("集成一套政策", "2025/11/10/01/03-guo-jia-gao-xin-qu/02-ji-cheng-yi-tao-zheng-ce/"),
    ]
    assert nav.breadcrumbs(basic_site, "2025-11-10") == [("中国高新技术产业导报", ""), ("2025年11月10日", "2025/11/10/")]
    nested = nav.breadcrumbs(basic_site, f"{NESTED}/02-chuang-xin/01-ping-tai")
    assert [t for t, _ in nested[3:]] == ["推动园区高质量发展的两项举措", "强化创新", "建设平台"]
    tag = basic_site.tags[0]
    assert nav.breadcrumbs(basic_site, tag) == [(basic_site.title, ""), ("标签", "tags/"), (tag.name, tag.url)]
    assert nav.breadcrumbs(basic_site, "pages/about") == [(basic_site.title, ""), ("关于本报", "about/")]


def test_archive_months_are_calendar_weeks(basic_site):
    (month,) = nav.archive_months(basic_site)
    assert (month.id, month.label, month.editions) == ("2025-11", "2025年11月", ("2025-11-03", "2025-11-10"))
    assert all(len(week) == 7 for week in month.weeks)
    first_week = month.weeks[0]
    # 1 November 2025 is a Saturday: Monday to Friday belong to October
    assert first_week[:5] == (None,) * 5
    assert first_week[5].date == dt.date(2025, 11, 1) and first_week[5].edition is None
    days = [d for week in month.weeks for d in week if d is not None]
    assert len(days) == 30
    with_edition = [(d.date.day, d.edition, d.url) for d in days if d.edition]
    assert with_edition == [(3, "2025-11-03", "2025/11/03/"), (10, "2025-11-10", "2025/11/10/")]


def test_archive_spans_months_newest_first(tmp_path):
    write_files(tmp_path, {
        "content/editions/2024-12-30/01-a.md": article(),
        "content/editions/2025-02-03/01-a.md": article(),
    })
    months = nav.archive_months(load_site(load_config(tmp_path)))
    assert [m.id for m in months] == ["2025-02", "2024-12"]  # months without an edition are left out


def test_initiative_lists(basic_site):
    lists = nav.initiative_lists(basic_site)
    assert [(lst.name, lst.edition.id, [i.number for i in lst.items]) for lst in lists] == [
        ("十个一", "2025-11-10", [1, 2, 3]),
        ("两项举措", "2025-11-03", [1, 2]),
    ]


def test_empty_site(tmp_path):
    site = load_site(load_config(tmp_path))
    assert nav.latest_edition(site) is None and nav.archive_months(site) == [] and nav.initiative_lists(site) == []


def test_url_index_finds_every_object(basic_site):
    index = nav.url_index(basic_site)
    assert index["2025/11/10/01/03-guo-jia-gao-xin-qu/"] == TEN
    assert index["about/"] == "pages/about"
    assert index["tags/gao-xin-qu/"] == "tag:gao-xin-qu"
    assert len(index) == len(basic_site.objects) + len(basic_site.tags)
