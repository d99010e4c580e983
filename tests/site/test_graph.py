"""The site graph: ids, URLs, order, lists, tags, cross references, warnings and the source cache."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from site_helpers import BASIC, article, write_files

from ssg.config import load_config
from ssg.diagnostics import SsgError
from ssg.site import SourceCache, load_site
from ssg.site.model import Article, Edition, FreePage, Initiative, Page
from ssg.site.tags import assign_slugs, tag_slug

TEN = "2025-11-10/01/03-guo-jia-gao-xin-qu"
NESTED = "2025-11-03/01/01-shi-xiang-ju-cuo"


def test_editions_oldest_first_with_their_urls(basic_site):
    assert basic_site.editions == ("2025-11-03", "2025-11-10")
    ed = basic_site.get("2025-11-10")
    assert isinstance(ed, Edition)
    assert (ed.url, ed.date, ed.label) == ("2025/11/10/", dt.date(2025, 11, 10), "2025年11月10日")
    assert (ed.number, ed.total_number, ed.page_count, ed.weekday) == (41, 2645, 24, "星期一")
    assert ed.notes_html == "<p>责任编辑:王某</p>"


def test_masthead_fields_missing_from_the_edition_come_from_site_yaml(basic_site):
    ed = basic_site.get("2025-11-03")
    assert ed.paper == "中国高新技术产业导报"
    assert ed.paper_en == "CHINA HIGH-TECH INDUSTRY HERALD"  # not in its _edition.md
    assert ed.publisher is None


def test_pages_come_from_articles_and_named_pages(basic_site):
    ed = basic_site.get("2025-11-10")
    assert ed.pages == ("2025-11-10/01", "2025-11-10/02")
    p1, p2 = (basic_site.get(p) for p in ed.pages)
    assert isinstance(p1, Page)
    assert (p1.number, p1.name, p1.url) == (1, "要闻", "2025/11/10/01/")
    assert p2.name == "综合新闻"
    assert p1.articles == (
        "2025-11-10/01/01-shou-jie-huo-ju-lun-tan", "2025-11-10/01/02-11-yue-6-7-ri", TEN)
    assert p2.articles == ("2025-11-10/02/04-ke-ji-fu-wu-ye",)
    assert ed.articles == p1.articles + p2.articles


def test_article_urls_and_fields(basic_site):
    art = basic_site.get("2025-11-10/02/04-ke-ji-fu-wu-ye")
    assert isinstance(art, Article)
    assert art.url == "2025/11/10/02/04-ke-ji-fu-wu-ye/"
    assert (art.kicker, art.title, art.subtitle) == ("火炬论坛平行论坛", "科技服务业高质量发展论坛举行", "共话服务新业态")
    assert (art.edition, art.page, art.page_number, art.order) == ("2025-11-10", "2025-11-10/02", 2, 4)
    assert art.source_path == "content/editions/2025-11-10/04-ke-ji-fu-wu-ye.md"
    assert art.body_html.startswith("<p>科技服务业高质量发展论坛11月7日举行。")


def test_caption_gets_a_display_title(basic_site):
    cap = basic_site.get("2025-11-10/01/02-11-yue-6-7-ri")
    assert cap.kind == "caption"
    assert cap.title == "11月6-7日,2025火炬论坛在河北雄安新区举办"


def test_summary_and_metrics(basic_site):
    art = basic_site.get("2025-11-10/01/01-shou-jie-huo-ju-lun-tan")
    # site.yaml: summary_chars 60, chars_per_minute 300
    assert art.summary == "11月6-7日,以“发展高科技,实现产业化,推动科技创新和产业创新深度融合”为主题的2025火炬论坛在河北雄安新区举办。"
    assert art.char_count == len(art.text.replace("\n", ""))
    assert art.reading_minutes == 1


def test_initiative_list(basic_site):
    art = basic_site.get(TEN)
    assert art.kind == "initiatives" and art.list_name == "十个一" and art.list_count == 3
    assert art.initiatives == (f"{TEN}/01-hui-hao-yi-zhang-lan-tu", f"{TEN}/02-ji-cheng-yi-tao-zheng-ce", f"{TEN}/03-gong-jian-yi-pi-ping-tai")
    assert art.body_html.startswith("<p>为深化科技创新") and "书写国家高新区" not in art.body_html
    assert art.closing_html == "<p>让我们携手共进,书写国家高新区高质量发展新篇章!</p>"
    first = basic_site.get(art.initiatives[0])
    assert isinstance(first, Initiative)
    assert (first.number, first.title, first.goal, first.list_name) == (1, "绘好一张蓝图", "推动愿景落地", "十个一")
    assert first.url == "2025/11/10/01/03-guo-jia-gao-xin-qu/01-hui-hao-yi-zhang-lan-tu/"
    assert (first.article, first.parent, first.edition, first.page, first.list_count) == (TEN, None, "2025-11-10", "2025-11-10/01", 3)
    items_chars = sum(basic_site.get(i).char_count for i in art.initiatives)
    assert art.char_count == len(art.text.replace("\n", "")) + items_chars


def test_nested_list(basic_site):
    head = basic_site.get(f"{NESTED}/02-chuang-xin")
    assert head.children == (f"{NESTED}/02-chuang-xin/01-ping-tai", f"{NESTED}/02-chuang-xin/02-ren-cai")
    item = basic_site.get(head.children[1])
    assert (item.parent, item.article, item.marker, item.number) == (head.id, NESTED, "(二)", 2)
    assert item.url == "2025/11/03/01/01-shi-xiang-ju-cuo/02-chuang-xin/02-ren-cai/"
    assert head.body_html == "<p>创新是第一动力。</p>"
    assert head.closing_html == "<p>以上两点同步推进。</p>"
    assert head.text == "创新是第一动力。\n以上两点同步推进。"
    assert head.char_count == len("强化创新创新是第一动力。以上两点同步推进。") + sum(basic_site.get(c).char_count for c in head.children)


def test_lists_newest_first(basic_site):
    assert basic_site.lists == (TEN, NESTED)


def test_tags(basic_site):
    by_slug = {t.slug: t for t in basic_site.tags}
    assert [t.slug for t in basic_site.tags] == sorted(by_slug)
    gx = by_slug["gao-xin-qu"]
    assert (gx.name, gx.url) == ("高新区", "tags/gao-xin-qu/")
    # newest edition first, in reading order with list items after their article
    assert gx.articles == ("2025-11-10/01/01-shou-jie-huo-ju-lun-tan", TEN, f"{TEN}/03-gong-jian-yi-pi-ping-tai", NESTED)
    art = basic_site.get("2025-11-10/01/01-shou-jie-huo-ju-lun-tan")
    assert [(t.name, t.slug, t.url) for t in art.tags] == [
        ("雄安新区", "xiong-an-xin-qu", "tags/xiong-an-xin-qu/"),
        ("火炬论坛", "huo-ju-lun-tan", "tags/huo-ju-lun-tan/"),
        ("高新区", "gao-xin-qu", "tags/gao-xin-qu/"),
    ]


@pytest.mark.parametrize(
    "name, slug",
    [("雄安新区", "xiong-an-xin-qu"), ("5G网络", "5g-wang-luo"), ("ＡＩ芯片", "ai-xin-pian"), ("绿色", "lv-se"), ("C++", "c")],
)
def test_tag_slugs_are_ascii_pinyin(name, slug):
    assert tag_slug(name) == slug


def test_tag_slugs_are_unique_and_never_empty():
    slugs = assign_slugs(["AI", "ai", "高新", "搞新", "・・"])
    assert slugs["AI"] == "ai" and slugs["ai"] == "ai-2"
    assert {slugs["高新"], slugs["搞新"]} == {"gao-xin", "gao-xin-2"}
    assert slugs["・・"].startswith("t-") and len(set(slugs.values())) == 5


def test_see_also_links_pages_that_exist_and_notes_the_rest(basic_site):
    art = basic_site.get("2025-11-10/01/01-shou-jie-huo-ju-lun-tan")
    assert [(s.text, s.pages) for s in art.see_also] == [("相关报道详见2-8版", ("2025-11-10/02",))]
    # pages 3-8 are within the 24 pages, only not in the content: normal for a partial edition
    assert [str(d) for d in basic_site.diagnostics] == [
        (
            "content/editions/2025-11-10/01-shou-jie-huo-ju-lun-tan.md:8: note: see_also refers to page 3、4、5、6、7、8, "
            "not in this edition's content (shown as plain text; only pages in the content are linked)"
        )
    ]


@pytest.mark.parametrize(
    ("page_count", "pages", "linked", "expected"),
    [
        ("page_count: 8\n", "2-9", (), ["warning: see_also refers to page 9, beyond the edition's page_count 8"]),
        ("page_count: 8\n", "1-3", ("01",), ["note: see_also refers to page 2、3, not in this edition's content"]),
        ("", "30", (), ["note: see_also refers to page 30, not in this edition's content"]),
        ("page_count: 8\n", "1", ("01",), []),
    ],
)
def test_see_also_beyond_page_count_is_a_warning(tmp_path, page_count, pages, linked, expected):
    ed = "content/editions/2025-11-10"
    write_files(tmp_path, {
        f"{ed}/_edition.md": f"---\ndate: 2025-11-10\n{page_count}---\n",
        f"{ed}/01-a.md": article(extra=f"see_also: [{{pages: '{pages}'}}]\n"),
    })
    site = load_site(load_config(tmp_path))
    assert [str(d).split(" (")[0] for d in site.diagnostics] == [f"{ed}/01-a.md:5: {e}" for e in expected]
    assert site.get("2025-11-10/01/01-a").see_also[0].pages == tuple(f"2025-11-10/{n}" for n in linked)


def test_free_pages(basic_site):
    assert basic_site.free_pages == ("pages/about",)
    about = basic_site.get("pages/about")
    assert isinstance(about, FreePage)
    assert (about.url, about.title, about.summary) == ("about/", "关于本报", "《中国高新技术产业导报》由科技日报社主办。")


def test_objects_in_display_order(basic_site):
    ids = list(basic_site.objects)
    assert ids[:4] == ["2025-11-03", "2025-11-03/01", NESTED, f"{NESTED}/01-gai-ge"]
    assert ids.index("2025-11-10") < ids.index("2025-11-10/01") < ids.index(TEN) < ids.index(f"{TEN}/01-hui-hao-yi-zhang-lan-tu")
    assert ids[-1] == "pages/about"


def test_every_url_is_unique_and_site_relative(basic_site):
    found = [o.url for o in basic_site.objects.values()] + [t.url for t in basic_site.tags]
    assert len(found) == len(set(found))
    assert all(not u.startswith("/") and u.endswith("/") for u in found)


def test_deterministic(tmp_path):
    a = load_site(load_config(BASIC))
    b = load_site(load_config(BASIC))
    assert a == b and list(a.objects) == list(b.objects)


def test_warnings_for_lists_that_do_not_add_up(tmp_path):
    ed = "content/editions/2025-11-10"
    write_files(tmp_path, {
        f"{ed}/01-a/index.md": article(extra="kind: initiatives\nlist_count: 10\n"),
        f"{ed}/01-a/01-b.md": "---\ntitle: 一条\nnumber: 1\n---\n",
        f"{ed}/02-c.md": article(order=2, extra="kind: initiatives\n", body="引言。\n\n<!-- list -->\n\n结尾。"),
    })
    site = load_site(load_config(tmp_path))
    assert sorted(str(d) for d in site.diagnostics) == [
        f"{ed}/01-a/index.md: warning: the list is announced with 10 items but has 1",
        (
            f"{ed}/02-c.md: warning: kind is initiatives but the article has no list items "
            "(put the items in a folder named like the article, beside index.md)"
        ),
        f"{ed}/02-c.md:10: warning: a '<!-- list -->' line, but the article has no list items",
    ]


def test_an_edition_without_masthead_file(tmp_path):
    write_files(tmp_path, {
        "site.yaml": "paper:\n  name: 江海经济报\n",
        "content/editions/2020-01-01/01-a.md": article(page=3),
    })
    site = load_site(load_config(tmp_path))
    ed = site.get("2020-01-01")
    assert (ed.paper, ed.number, ed.pages) == ("江海经济报", None, ("2020-01-01/03",))


def test_unsafe_html_follows_site_yaml(tmp_path):
    files = {"content/editions/2020-01-01/01-a.md": article(body="<b>粗</b>")}
    write_files(tmp_path, files)
    assert load_site(load_config(tmp_path)).get("2020-01-01/01/01-a").body_html == "<p>&lt;b&gt;粗&lt;/b&gt;</p>"
    write_files(tmp_path, {"site.yaml": "markup:\n  unsafe_html: true\n"})
    assert load_site(load_config(tmp_path)).get("2020-01-01/01/01-a").body_html == "<p><b>粗</b></p>"


def test_source_cache_reuses_unchanged_files(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(BASIC, root)
    config = load_config(root)
    cache = SourceCache()
    first = load_site(config, cache)
    files = len(cache)
    assert (cache.hits, cache.misses) == (0, files)

    assert load_site(config, cache) is first  # nothing changed: the same site
    assert (cache.hits, cache.misses) == (files, files)

    path = root / "content/editions/2025-11-10/04-ke-ji-fu-wu-ye.md"
    path.write_text(path.read_text(encoding="utf-8").replace("论坛举行", "论坛隆重举行"), encoding="utf-8")
    third = load_site(config, cache)
    assert cache.misses == files + 1 and cache.hits == 2 * files - 1
    assert third.get("2025-11-10/02/04-ke-ji-fu-wu-ye").title == "科技服务业高质量发展论坛隆重举行"
    # unchanged sources are the very same parsed objects
    assert third.get(TEN) == first.get(TEN)

    (root / "content/pages/about.md").unlink()
    fourth = load_site(config, cache)
    assert fourth.free_pages == () and len(cache) == files - 1


def test_a_broken_file_is_not_cached(tmp_path):
    write_files(tmp_path, {"content/editions/2020-01-01/01-a.md": article(page="一")})
    cache = SourceCache()
    for _ in range(2):
        with pytest.raises(SsgError, match=r"01-a.md:3: 'page' must be a whole number"):
            load_site(load_config(tmp_path), cache)
    assert len(cache) == 0


def test_an_edition_without_articles_is_a_warning(tmp_path):
    write_files(tmp_path, {"content/editions/2020-01-01/_edition.md": "---\ndate: 2020-01-01\n---\n"})
    site = load_site(load_config(tmp_path))
    assert site.get("2020-01-01").pages == ()
    assert [str(d) for d in site.diagnostics] == ["content/editions/2020-01-01: warning: the edition has no articles"]


def test_the_graph_is_a_pure_function_of_the_sources(basic_site):
    from ssg.content import load_sources
    from ssg.site.graph import build_site_graph

    config = load_config(BASIC)
    content = load_sources(config)
    assert build_site_graph(content, config) == basic_site
    # a fresh render function gives the same site: nothing depends on a cache's state
    calls = []

    def render(path, text):
        calls.append(path)
        from ssg.markup import render_markdown

        return render_markdown(text)

    assert build_site_graph(content, config, render) == basic_site
    assert "content/editions/2025-11-10/04-ke-ji-fu-wu-ye.md" in calls


def test_same_graph_under_any_hash_seed():
    """No set or dict order leaks into the graph: two interpreters with different hash seeds agree."""
    import os
    import subprocess
    import sys

    script = (
        "import hashlib, sys; from pathlib import Path; from ssg.config import load_config; from ssg.site import load_site; "
        "s = load_site(load_config(Path(sys.argv[1]))); "
        "print(hashlib.sha256(repr((list(s.objects.items()), s.tags, s.lists, s.diagnostics)).encode()).hexdigest())"
    )
    digests = {
        subprocess.run([sys.executable, "-c", script, str(BASIC)], env={**os.environ, "PYTHONHASHSEED": seed},
                       capture_output=True, text=True, check=True, timeout=120).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1
