"""A plan that reuses the last plan's jobs is the plan a fresh start would make, whatever was edited."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from markupsafe import Markup

from ssg.config import load_config
from ssg.render import PlanCache, load_theme, plan_pages
from ssg.render.fingerprint import Fingerprints
from ssg.render.plan_cache import same
from ssg.render.views import Link
from ssg.site import SourceCache, load_site

EDITION = "content/editions/2025-11-10/"
SECOND = "2025/11/10/02/04-ke-ji-fu-wu-ye/index.html"


def plan(root: Path, cache: PlanCache | None = None, sources: SourceCache | None = None):
    config = load_config(root)
    return plan_pages(load_site(config, sources), config, load_theme(config), cache)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_body(root: Path) -> None:
    replace_in(root / EDITION / "04-ke-ji-fu-wu-ye.md", "展开讨论。", "展开讨论。会后举行了签约仪式。")


def edit_title(root: Path) -> None:
    replace_in(root / EDITION / "04-ke-ji-fu-wu-ye.md", "title: 科技服务业高质量发展论坛举行", "title: 科技服务业论坛举行")


def edit_tags(root: Path) -> None:
    replace_in(root / EDITION / "04-ke-ji-fu-wu-ye.md", "tags: [科技服务业, 火炬论坛]", "tags: [科技服务业, 概念验证]")


def edit_list_item(root: Path) -> None:
    item = root / EDITION / "03-guo-jia-gao-xin-qu/05-ju-jiao-yi-ge-te-se.md"
    replace_in(item, "title: 聚焦一个特色", "title: 聚焦一个优势")


def edit_nested_item(root: Path) -> None:
    item = root / "content/editions/2025-11-03/02-liang-xiang-ju-cuo/02-qiang-hua-chuang-xin/02-yin-yu-ren-cai.md"
    item.write_text(item.read_text(encoding="utf-8") + "\n引进高层次人才团队。\n", encoding="utf-8")


def edit_edition(root: Path) -> None:
    replace_in(root / EDITION / "_edition.md", "number: 41", "number: 42")


def remove_article(root: Path) -> None:
    (root / EDITION / "02-11-yue-6-7-ri.md").unlink()


def add_article(root: Path) -> None:
    (root / EDITION / "05-xin-wen.md").write_text(
        "---\ntitle: 新增的一篇报道\npage: 2\norder: 5\ntags: [雄安新区]\nslug: xin-wen\n---\n\n正文第一段。\n",
        encoding="utf-8",
    )


def edit_free_page(root: Path) -> None:
    replace_in(root / "content/pages/about.md", "title: 关于本报", "title: 关于我们")


def edit_config(root: Path) -> None:
    replace_in(root / "site.yaml", "name: 中国高新技术产业导报", "name: 高新技术产业导报")


EDITS = [edit_body, edit_title, edit_tags, edit_list_item, edit_nested_item, edit_edition, remove_article,
         add_article, edit_free_page, edit_config]


def facts(jobs) -> list:
    return [(j.path, j.template, j.key, j.context) for j in jobs]


@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__ for e in EDITS])
def test_a_cached_plan_is_the_plan_a_fresh_start_makes(site_copy, edit):
    cache, sources = PlanCache(), SourceCache()
    before = plan(site_copy, cache, sources)
    edit(site_copy)
    again = plan(site_copy, cache, sources)
    fresh = plan(site_copy)
    assert facts(again) == facts(fresh)
    old_keys = {j.path: j.key for j in before}
    assert any(old_keys.get(j.path) != j.key for j in fresh), "the edit changed no page: not a test of anything"
    # and again with nothing edited: every job is taken over as it is
    third = plan(site_copy, cache, sources)
    assert all(a is b for a, b in zip(third, again, strict=True))
    assert cache.reused == len(third) and cache.planned == 0


def test_an_edit_plans_again_only_the_pages_that_read_what_changed(site_copy):
    cache, sources = PlanCache(), SourceCache()
    before = {j.path: j for j in plan(site_copy, cache, sources)}
    edit_body(site_copy)
    after = plan(site_copy, cache, sources)
    replanned = {j.path for j in after if before[j.path] is not j}
    assert cache.planned == len(replanned) and cache.reused == len(after) - len(replanned)
    # the article, the pages listing its headline and summary, its neighbours and its tags' pages
    assert {SECOND, "2025/11/10/02/index.html", "2025/11/10/index.html", "index.html"} <= replanned
    assert not {p for p in replanned if p.startswith("2025/11/03/")}
    assert not replanned & {"archive/index.html", "404.html", "about/index.html", "tags/index.html"}
    assert len(replanned) < len(after) // 2
    # keys change on the pages that show the new sentence (the article) or the summary cut from it (the lists);
    # a neighbour planned again shows only the unchanged title in its 下一篇 link and keeps its key
    changed = {j.path for j in after if before[j.path].key != j.key}
    assert SECOND in changed and changed <= replanned
    assert "2025/11/10/01/03-guo-jia-gao-xin-qu/index.html" in replanned - changed


def test_a_template_edit_plans_every_page_again(site_copy):
    cache = PlanCache()
    before = plan(site_copy, cache)
    (site_copy / "templates").mkdir()
    (site_copy / "templates" / "base.html").write_text('{% extends "!theme/base.html" %}\n', encoding="utf-8")
    after = plan(site_copy, cache)
    assert cache.reused == 0
    assert all(a.key != b.key for a, b in zip(before, after, strict=True))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (1, 1, True),
        ("第01版", "第01版", True),
        (1, True, False),
        (1, 1.0, False),
        ((1, "a"), (True, "a"), False),
        (("a", "b"), ("a", "b"), True),
        (Link("今日", "", "1"), Link("今日", "", "1"), True),
        (Link("今日", "", None), Link("今日", "", ""), False),
        (Link("今日", "", "一"), Link("今日", "", "二"), False),
    ],
)
def test_same_holds_for_values_that_print_alike_only(old, new, expected):
    assert same(old, new) is expected


@dataclasses.dataclass(frozen=True)
class Note:
    text: str
    count: object


def test_fingerprints_follow_values_not_objects():
    prints = Fingerprints()
    shared = (Note("一", 1), Note("二", 2))
    first = prints.key("page.html", "theme", context={"notes": shared, "title": "甲"})
    assert prints.key("page.html", "theme", context={"title": "甲", "notes": shared}) == first
    # equal values in other objects, a digest carried over from a previous memo, a fresh memo: all agree
    copy = (Note("一", 1), Note("二", 2))
    assert Fingerprints(prints).key("page.html", "theme", context={"notes": copy, "title": "甲"}) == first
    assert Fingerprints().key("page.html", "theme", context={"notes": shared, "title": Markup("甲")}) == first
    # anything shown that differs changes the key, however deep
    for context in (
        {"notes": (Note("一", 1), Note("二", 3)), "title": "甲"},
        {"notes": (Note("一", 1), Note("二", 2.0)), "title": "甲"},
        {"notes": (Note("一", True), Note("二", 2)), "title": "甲"},
        {"notes": (Note("一", 1),), "title": "甲"},
        {"notes": shared, "title": "乙"},
        {"notes": shared, "title": "甲", "extra": None},
    ):
        assert prints.key("page.html", "theme", context=context) != first, context
    assert prints.key("tag.html", "theme", context={"notes": shared, "title": "甲"}) != first
    # each object and tuple once: 3 for the first context, 3 + 3 + 3 + 2 for the new ones, none for `shared` again
    assert prints.computed == 14


def test_a_mutable_value_in_a_context_is_refused():
    @dataclasses.dataclass
    class Loose:
        text: str

    with pytest.raises(TypeError, match="mutable Loose"):
        Fingerprints().key("page.html", "theme", context={"x": Loose("一")})
    with pytest.raises(TypeError, match="set"):
        Fingerprints().key("page.html", "theme", context={"x": {"一"}})
