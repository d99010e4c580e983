"""Content files -> typed sources; invalid sites fail with every `path:line` problem at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from site_helpers import BASIC, FIXTURES, article, write_files

from ssg.config import load_config
from ssg.content import (
    ArticleSource,
    EditionSource,
    InitiativeSource,
    PageSource,
    SeeAlsoRef,
    classify,
    load_sources,
    parse_source,
)
from ssg.diagnostics import SsgError
from ssg.site import load_site

ED = "content/editions/2025-11-10"
INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


def problems(text: str, path: str) -> list[str]:
    with pytest.raises(SsgError) as info:
        parse_source(text, path)
    return [str(d) for d in info.value.diagnostics]


@pytest.mark.parametrize(
    "path, kind",
    [
        (f"{ED}/_edition.md", "edition"),
        (f"{ED}/01-shou-jie.md", "article"),
        (f"{ED}/03-guo-jia/index.md", "article"),
        (f"{ED}/03-guo-jia/01-hui-hao.md", "initiative"),
        (f"{ED}/03-guo-jia/02-head/index.md", "initiative"),
        (f"{ED}/03-guo-jia/02-head/01-item.md", "initiative"),
        ("content/pages/about.md", "page"),
        ("site/editions/content/editions/2025-01-02/01-a.md", "article"),
    ],
)
def test_classify(path, kind):
    assert classify(path) == kind


def test_edition_masthead():
    text = (BASIC / ED / "_edition.md").read_text(encoding="utf-8")
    src = parse_source(text, f"{ED}/_edition.md")
    assert isinstance(src, EditionSource)
    assert src.date == dt.date(2025, 11, 10)
    assert (src.paper, src.cn, src.postal_code, src.weekday) == ("中国高新技术产业导报", "CN 11-0237", "1-206", "星期一")
    assert (src.number, src.total_number, src.page_count) == (41, 2645, 24)
    assert src.page_names == ((1, "要闻"), (2, "综合新闻"))
    assert src.body == "责任编辑:王某\n"


def test_article_fields():
    path = f"{ED}/01-shou-jie-huo-ju-lun-tan.md"
    src = parse_source((BASIC / path).read_text(encoding="utf-8"), path)
    assert isinstance(src, ArticleSource)
    assert (src.title, src.page, src.order, src.kind) == ("首届火炬论坛在河北雄安新区举办", 1, 1, "news")
    assert (src.dateline, src.byline) == ("本报讯", "记者 张伟")
    assert src.see_also == (SeeAlsoRef("相关报道详见2-8版", (2, 3, 4, 5, 6, 7, 8), 8),)
    assert src.tags == ("雄安新区", "火炬论坛", "高新区")
    assert src.slug == "shou-jie-huo-ju-lun-tan"
    assert src.body.startswith("11月6-7日") and src.closing == ""
    assert src.body_line == 15


def test_slug_comes_from_the_file_name_unless_front_matter_sets_one():
    assert parse_source(article(), f"{ED}/04-ke-ji.md").slug == "ke-ji"
    assert parse_source(article(), f"{ED}/04-ke-ji/index.md").slug == "ke-ji"
    assert parse_source(article(extra="slug: other\n"), f"{ED}/04-ke-ji.md").slug == "other"


def test_list_marker_splits_intro_and_closing():
    text = "---\ntitle: 倡议\npage: 1\norder: 3\nkind: initiatives\n---\n\n引言一。\n\n引言二。\n\n<!-- list -->\n\n结束语。\n"
    src = parse_source(text, f"{ED}/03-a/index.md")
    assert src.body == "引言一。\n\n引言二。"
    assert src.closing == "结束语。"
    assert (src.body_line, src.closing_line) == (8, 14)


def test_a_second_list_marker_is_an_error():
    text = "---\ntitle: 倡议\npage: 1\norder: 3\n---\n\n一。\n<!-- list -->\n二。\n<!-- list -->\n"
    assert problems(text, f"{ED}/03-a/index.md") == [f"{ED}/03-a/index.md:10: a second '<!-- list -->' line (the first is on line 8)"]


def test_caption_needs_no_title_but_an_article_does():
    src = parse_source(article(title="", extra="kind: caption\n"), f"{ED}/02-tu.md")
    assert src.title is None and src.kind == "caption"
    assert problems(article(title=""), f"{ED}/02-a.md") == [
        f"{ED}/02-a.md:1: missing required key 'title' (only a caption (kind: caption) may go without one)"
    ]


def test_initiative_and_page():
    ini = parse_source("---\ntitle: 绘好一张蓝图\ngoal: 推动愿景落地\nnumber: 1\nlist: 十个一\nmarker: 一是\n---\n\n正文。\n",
                       f"{ED}/03-a/01-hui-hao.md")
    assert isinstance(ini, InitiativeSource)
    assert (ini.title, ini.goal, ini.number, ini.list_name, ini.marker, ini.slug) == ("绘好一张蓝图", "推动愿景落地", 1, "十个一", "一是", "hui-hao")
    page = parse_source("---\ntitle: 关于本报\norder: 2\n---\n\n介绍。\n", "content/pages/about.md")
    assert isinstance(page, PageSource)
    assert (page.slug, page.title, page.order) == ("about", "关于本报", 2)


@pytest.mark.parametrize(
    "spec, pages",
    [(3, (3,)), ("2-8", (2, 3, 4, 5, 6, 7, 8)), ("2,5", (2, 5)), ("2、5", (2, 5)), ("5-3", None), ("三", None), ("0", None)],
)
def test_see_also_page_specs(spec, pages):
    from ssg.content.schema import parse_page_spec

    assert parse_page_spec(spec) == pages


def test_null_means_absent_for_optional_keys():
    src = parse_source(article(extra="kicker:\nbyline:\n"), f"{ED}/01-a.md")
    assert src.kicker is None and src.byline is None


def test_every_error_in_a_file_at_once():
    text = "---\ntitle: 标题\npage: 一\norder: 二\nkicke: 引题\n---\n"
    assert problems(text, f"{ED}/01-a.md") == [
        f"{ED}/01-a.md:3: 'page' must be a whole number, not '一' (write it in digits: 1)",
        f"{ED}/01-a.md:4: 'order' must be a whole number, not '二' (write it in digits: 2)",
        f"{ED}/01-a.md:5: unknown front-matter key 'kicke' (did you mean 'kicker'?)",
    ]


def test_no_front_matter():
    assert problems("正文。\n", f"{ED}/01-a.md") == [
        f"{ED}/01-a.md:1: no front matter: the file must start with a '---' line (add a YAML header between two '---' lines)"
    ]


def test_load_sources_follows_the_folders():
    content = load_sources(load_config(BASIC))
    assert [str(e.date) for e in content.editions] == ["2025-11-03", "2025-11-10"]
    nov10 = content.editions[1]
    assert nov10.source is not None and nov10.source.number == 41
    assert [a.source.slug for a in nov10.articles] == [
        "shou-jie-huo-ju-lun-tan", "11-yue-6-7-ri", "guo-jia-gao-xin-qu", "ke-ji-fu-wu-ye"]
    ten = nov10.articles[2]
    assert ten.folder == f"{ED}/03-guo-jia-gao-xin-qu"
    assert [n.source.number for n in ten.initiatives] == [1, 2, 3]
    nested = content.editions[0].articles[0].initiatives[1]
    assert nested.source.title == "强化创新"
    assert [c.source.title for c in nested.children] == ["建设平台", "引育人才"]
    assert [p.slug for p in content.pages] == ["about"]


def test_non_utf8_file_names_its_line(tmp_path):
    write_files(tmp_path, {f"{ED}/01-a.md": article()})
    (tmp_path / ED / "02-b.md").write_bytes(article(order=2, body="第一行\n\n第二行").encode("gb18030"))
    with pytest.raises(SsgError) as info:
        load_sources(load_config(tmp_path))
    assert [str(d) for d in info.value.diagnostics] == [
        f"{ED}/02-b.md:2: not UTF-8 text (invalid start byte at byte 11) (save the file as UTF-8)"
    ]


def test_editor_backups_and_other_files_are_ignored(tmp_path):
    write_files(tmp_path, {
        f"{ED}/01-a.md": article(),
        f"{ED}/01-a.md~": "junk",
        f"{ED}/.01-a.md.swp": "junk",
        f"{ED}/_draft.md": "junk",
        f"{ED}/photo.jpg": "junk",
    })
    content = load_sources(load_config(tmp_path))
    assert [a.source.path for a in content.editions[0].articles] == [f"{ED}/01-a.md"]


def test_no_content_folder_is_an_empty_site(tmp_path):
    content = load_sources(load_config(tmp_path))
    assert content.editions == () and content.pages == ()
    assert [d.message for d in content.warnings] == ["no content folder: the site has no editions"]


@pytest.mark.parametrize("site", INVALID, ids=[p.name for p in INVALID])
def test_invalid_sites_fail_with_every_problem(site: Path):
    """Each fixture's expected.txt lists exactly the diagnostics the build must print."""
    expected = (site / "expected.txt").read_text(encoding="utf-8").splitlines()
    with pytest.raises(SsgError) as info:
        load_site(load_config(site))
    assert sorted(str(d) for d in info.value.diagnostics) == sorted(expected)
