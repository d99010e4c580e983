"""Each kind of page of the newspaper theme shows what a reader needs, with links that go to the right place."""

from __future__ import annotations

import itertools
import json

import pytest
from htmlscan import resolve, scan
from render_helpers import TEN, TEN_ARTICLE

NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
NEWS = "2025/11/10/01/01-shou-jie-huo-ju-lun-tan/index.html"
SECOND = "2025/11/10/02/04-ke-ji-fu-wu-ye/index.html"


def target(page: str, anchor) -> str:
    return resolve(page, anchor.href)[0]


def only(anchors, what: str):
    assert len(anchors) == 1, f"expected one link {what}, found {[(a.text, a.href) for a in anchors]}"
    return anchors[0]


def initiative_path(n: int, seed) -> str:
    art = seed.site.get("2025-11-10/01/03-guo-jia-gao-xin-qu")
    return seed.site.get(art.initiatives[n - 1]).url + "index.html"


def test_every_page_kind_is_planned_once(seed):
    paths = [j.path for j in seed.jobs]
    assert len(paths) == len(set(paths))
    expected = {
        "index.html",
        "2025/11/10/index.html",
        "2025/11/03/index.html",
        "2025/11/10/01/index.html",
        "2025/11/10/02/index.html",
        NEWS,
        SECOND,
        TEN_ARTICLE + "index.html",
        "initiatives/index.html",
        "archive/index.html",
        "tags/index.html",
        "tags/xiong-an-xin-qu/index.html",
        "about/index.html",
        "404.html",
    }
    assert expected <= set(paths)
    assert sum(1 for p in paths if p.startswith(TEN_ARTICLE) and p != TEN_ARTICLE + "index.html") == 10


def test_home_is_the_latest_edition_under_its_masthead(seed):
    page = scan(seed.pages["index.html"])
    assert page.html_lang == "zh-CN"
    assert [h for h in page.headings if h[0] == 1] == [(1, "中国高新技术产业导报")]
    for fact in ("2025年11月10日 星期一", "第41期(总第2645期)", "今日24版", "CN 11-0237", "邮发代号 1-206", "版面目录"):
        assert fact in page.text, fact
    # the edition's pages and their headlines, each linking to its article
    assert target("index.html", only(page.links_with("第01版"), "to page 1")) == "2025/11/10/01/index.html"
    lead = only(page.links_with("首届火炬论坛在河北雄安新区举办"), "to the lead story")
    assert target("index.html", lead) == NEWS
    assert target("index.html", only(page.links_with("上一期"), "上一期")) == "2025/11/03/index.html"
    assert not page.links_with("下一期"), "the latest edition has no 下一期"


def test_edition_page_links_both_ways_and_lists_its_pages(seed):
    old = scan(seed.pages["2025/11/03/index.html"])
    assert target("2025/11/03/index.html", only(old.links_with("下一期"), "下一期")) == "2025/11/10/index.html"
    assert "第40期(总第2644期)" in old.text
    new = scan(seed.pages["2025/11/10/index.html"])
    labels = [a.text for a in new.anchors if a.text.startswith("第0")]
    assert labels[:2] == ["第01版要闻", "第02版综合新闻"]
    assert "科技服务业高质量发展论坛举行" in new.text and "2025火炬论坛平行论坛" in new.text


def test_page_lists_its_headlines_with_prev_next_page(seed):
    path = "2025/11/10/01/index.html"
    page = scan(seed.pages[path])
    assert (1, "第01版要闻") in page.headings
    assert (2, "本版标题") in page.headings
    titles = [a.text for a in page.anchors if a.href.endswith("-ri/") or "举办" in a.text or "倡议" in a.text]
    assert any("首届火炬论坛" in t for t in titles) and any("“十个一”倡议" in t for t in titles)
    assert target(path, only(page.links_with("下一版"), "下一版")) == "2025/11/10/02/index.html"
    assert not page.links_with("上一版")
    second = scan(seed.pages["2025/11/10/02/index.html"])
    assert target("2025/11/10/02/index.html", only(second.links_with("上一版"), "上一版")) == path


def test_article_has_headline_group_byline_body_and_source_line(seed):
    page = scan(seed.pages[SECOND])
    assert [h for h in page.headings if h[0] == 1] == [(1, "科技服务业高质量发展论坛举行")]
    html = seed.pages[SECOND]
    assert '<p class="kicker">2025火炬论坛平行论坛</p>' in html
    assert '<p class="subtitle">——共话服务新业态</p>' in html
    assert "本报讯" in page.text and "记者 李明" in page.text
    assert "《中国高新技术产业导报》(2025年11月10日 第02版)" in page.text
    news = seed.pages[NEWS]
    assert "《中国高新技术产业导报》(2025年11月10日 第01版)" in scan(news).text
    body = news[news.index('<div class="story-body">') : news.index("</div>", news.index('<div class="story-body">'))]
    assert body.count("<p>") == 8, "each paragraph of the source is its own <p>"
    assert body.index("<p>11月6-7日") < body.index("<p>本届论坛由工业和信息化部火炬中心")


def test_article_breadcrumbs_go_paper_date_page_article(seed):
    html = seed.pages[NEWS]
    crumbs = html[html.index('class="crumbs"') :]
    crumbs = scan(crumbs[: crumbs.index("</nav>")])
    assert [a.text for a in crumbs.anchors] == [
        "中国高新技术产业导报",
        "2025年11月10日",
        "第01版 要闻",
        "首届火炬论坛在河北雄安新区举办",
    ]
    assert [target(NEWS, a) for a in crumbs.anchors] == [
        "index.html",
        "2025/11/10/index.html",
        "2025/11/10/01/index.html",
        NEWS,
    ]


def test_article_see_also_links_the_referenced_pages(seed):
    page = scan(seed.pages[NEWS])
    link = only([a for a in page.anchors if a.text.startswith("第02版")], "see also 第02版")
    assert target(NEWS, link) == "2025/11/10/02/index.html"
    assert "相关报道详见2-8版" in page.text
    # pages 3-8 are not in the edition's content: the reference names them as text, with no dead link
    assert [a.text for a in page.anchors if a.text.startswith("第0") and not a.text.startswith("第01版")] == [link.text]


def test_article_prev_next_follow_reading_order_across_pages(seed):
    page = scan(seed.pages[TEN_ARTICLE + "index.html"])
    prev = only(page.links_with("上一篇"), "上一篇")
    nxt = only(page.links_with("下一篇"), "下一篇")
    assert target(TEN_ARTICLE + "index.html", prev) == "2025/11/10/01/02-11-yue-6-7-ri/index.html"
    assert target(TEN_ARTICLE + "index.html", nxt) == SECOND
    assert not scan(seed.pages[NEWS]).links_with("上一篇")


def test_list_article_shows_ten_numbered_cards(seed):
    path = TEN_ARTICLE + "index.html"
    html = seed.pages[path]
    grid = html[html.index('<ol class="cards"') : html.index("</ol>", html.index('<ol class="cards"'))]
    cards = scan(grid)
    assert len(cards.anchors) == 10
    for n, (anchor, title) in enumerate(zip(cards.anchors, TEN), 1):
        assert anchor.text.startswith(NUMERALS[n - 1] + " " + title), anchor.text
        assert target(path, anchor) == initiative_path(n, seed)
    assert 'id="list"' in html
    assert (2, "“十个一”共10条") in scan(html).headings


@pytest.mark.parametrize("n", [1, 2, 5, 10])
def test_initiative_page_numbers_titles_and_links_its_neighbours(seed, n):
    path = initiative_path(n, seed)
    page = scan(seed.pages[path])
    assert [h for h in page.headings if h[0] == 1] == [(1, f"{NUMERALS[n - 1]}{TEN[n - 1]}")]
    source = seed.site.get(seed.site.get("2025-11-10/01/03-guo-jia-gao-xin-qu").initiatives[n - 1])
    assert source.goal and source.goal in page.text
    assert source.text[:20] in page.text
    prev, nxt = page.links_with("上一条"), page.links_with("下一条")
    if n == 1:
        assert not prev
    else:
        assert target(path, only(prev, "上一条")) == initiative_path(n - 1, seed)
        assert TEN[n - 2] in prev[0].text
    if n == 10:
        assert not nxt
    else:
        assert target(path, only(nxt, "下一条")) == initiative_path(n + 1, seed)
    back = only(page.links_with("返回“十个一”"), "back to the list")
    assert resolve(path, back.href) == (TEN_ARTICLE + "index.html", "list")
    article = only(page.links_with("返回原文"), "back to the article")
    assert target(path, article) == TEN_ARTICLE + "index.html"
    assert "第" + NUMERALS[n - 1] + "条" in page.text and "共十条" in page.text


def test_initiatives_index_shows_every_list(seed):
    page = scan(seed.pages["initiatives/index.html"])
    assert (1, "倡议与举措") in page.headings
    assert (2, "“十个一”共10条") in page.headings
    assert (
        sum(
            1
            for a in page.anchors
            if target("initiatives/index.html", a).startswith(TEN_ARTICLE) and a.text[:1] in NUMERALS
        )
        == 10
    )


def test_archive_is_a_calendar_of_editions(seed):
    html = seed.pages["archive/index.html"]
    page = scan(html)
    assert "<table" in html and "<script" not in html.replace('<script type="application/ld+json">', "")
    assert (2, "2025年11月2期") in page.headings
    days = {a.text: target("archive/index.html", a) for a in page.anchors if a.text.isdigit()}
    assert days == {"3": "2025/11/03/index.html", "10": "2025/11/10/index.html"}
    assert '<th scope="col" abbr="星期一">一</th>' in html


def test_tags_show_chinese_names_at_ascii_urls(seed):
    page = scan(seed.pages["tags/index.html"])
    link = only(page.links_with("雄安新区"), "to 雄安新区")
    tag_path = target("tags/index.html", link)
    assert tag_path.isascii() and tag_path.startswith("tags/") and tag_path in seed.pages
    tag = scan(seed.pages[tag_path])
    assert [h for h in tag.headings if h[0] == 1] == [(1, "标签雄安新区")]
    assert target(tag_path, only(tag.links_with("首届火炬论坛"), "tagged article")) == NEWS
    article = scan(seed.pages[NEWS])
    assert target(NEWS, only([a for a in article.anchors if a.text == "雄安新区"], "article's tag")) == tag_path


def test_404_links_are_absolute_from_the_base_path(seed):
    page = scan(seed.pages["404.html"])
    assert (1, "页面未找到") in page.headings
    hrefs = [a.href for a in page.anchors if a.href != "#main"]
    assert hrefs and all(h.startswith("/herald/") for h in hrefs), hrefs
    assert any(
        link.get("rel") == "stylesheet" and link["href"].startswith("/herald/static/style.") for link in page.links
    )
    assert page.meta("robots", "name") == "noindex"


def test_free_page_is_in_the_site_navigation(seed):
    page = scan(seed.pages["about/index.html"])
    assert (1, "关于本报") in page.headings and "科技日报社主办" in page.text
    home = scan(seed.pages["index.html"])
    assert target("index.html", only(home.links_with("关于本报"), "to the free page")) == "about/index.html"


def test_head_metadata_of_an_article(seed):
    page = scan(seed.pages[NEWS])
    url = "https://example.org/herald/2025/11/10/01/01-shou-jie-huo-ju-lun-tan/"
    assert page.title.startswith("首届火炬论坛在河北雄安新区举办")
    assert any(link.get("rel") == "canonical" and link["href"] == url for link in page.links)
    assert page.meta("og:url") == url and page.meta("og:type") == "article"
    assert page.meta("og:title") == "首届火炬论坛在河北雄安新区举办"
    assert page.meta("description", "name").startswith("11月6-7日")
    feed = [link for link in page.links if link.get("rel") == "alternate"]
    assert feed and feed[0]["type"] == "application/atom+xml" and resolve(NEWS, feed[0]["href"])[0] == "feed.xml"
    ((kind, body),) = page.scripts
    data = json.loads(body)
    assert kind == "application/ld+json" and data["@type"] == "NewsArticle"
    assert data["printPage"] == "1" and data["printEdition"] == "2025年11月10日 第41期(总第2645期)"
    assert data["printSection"] == "要闻" and data["author"]["name"] == "记者 张伟"
    assert data["isPartOf"]["@type"] == "PublicationIssue" and data["isPartOf"]["issueNumber"] == "41"


def test_head_metadata_of_an_edition(seed):
    page = scan(seed.pages["2025/11/10/index.html"])
    ((kind, body),) = page.scripts
    data = json.loads(body)
    assert (
        kind == "application/ld+json" and data["@type"] == "PublicationIssue" and data["datePublished"] == "2025-11-10"
    )
    assert data["url"] == "https://example.org/herald/2025/11/10/" and data["pageEnd"] == 24


def test_every_page_has_one_h1_ordered_headings_and_no_empty_ones(seed):
    for path, html in seed.pages.items():
        page = scan(html)
        levels = [level for level, _ in page.headings]
        assert levels.count(1) == 1, f"{path}: {page.headings}"
        assert levels[0] == 1, f"{path}: the first heading is not the h1: {page.headings}"
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"{path}: heading jumps from h{before} to h{after}"
        assert all(text.strip() for _, text in page.headings), f"{path}: empty heading"
        assert page.title.strip() and page.meta("description", "name"), path


def test_every_relative_link_resolves_inside_the_output(seed):
    ids = {path: set(scan(html).ids) for path, html in seed.pages.items()}
    for path, html in seed.pages.items():
        if path == "404.html":
            continue
        for tag, ref in scan(html).refs:
            if ref.startswith("https://"):
                continue
            file, fragment = resolve(path, ref)
            if file == "feed.xml":
                continue  # written by the feed stage, not a template
            assert (seed.output / file).is_file(), f"{path}: <{tag}> {ref} -> {file} does not exist"
            if fragment:
                assert fragment in ids[file], f"{path}: {ref}: no id {fragment!r} in {file}"


NESTED = "2025/11/03/01/02-liang-xiang-ju-cuo/"
HEAD = NESTED + "02-qiang-hua-chuang-xin/"


def test_a_nested_list_head_shows_its_own_cards(seed):
    path = HEAD + "index.html"
    page = scan(seed.pages[path])
    assert [h for h in page.headings if h[0] == 1] == [(1, "二强化创新")]
    assert (2, "强化创新共2条") in page.headings
    cards = [
        a for a in page.anchors if a.text[:1] in NUMERALS and a.attrs.get("aria-current") is None and "、" not in a.text
    ]
    assert [target(path, a) for a in cards if a.text.startswith(("一 建设平台", "二 引育人才"))] == [
        HEAD + "01-jian-she-ping-tai/index.html",
        HEAD + "02-yin-yu-ren-cai/index.html",
    ]
    assert target(path, only(page.links_with("上一条"), "上一条")) == NESTED + "01-shen-hua-gai-ge/index.html"
    assert resolve(path, only(page.links_with("返回“两项举措”"), "back to the list").href) == (
        NESTED + "index.html",
        "list",
    )


def test_a_nested_item_goes_back_to_its_head(seed):
    path = HEAD + "02-yin-yu-ren-cai/index.html"
    page = scan(seed.pages[path])
    assert "“强化创新” 第二条 · 共二条" in page.text
    assert resolve(path, only(page.links_with("返回“强化创新”"), "back to the head").href) == (
        HEAD + "index.html",
        "list",
    )
    assert target(path, only(page.links_with("上一条"), "上一条")) == HEAD + "01-jian-she-ping-tai/index.html"
    crumbs = [a.text for a in page.anchors if a.href.startswith("../") or a.href == "./"]
    assert "推动园区高质量发展的两项举措" in crumbs and "强化创新" in crumbs


def test_text_from_content_is_escaped_everywhere(site_copy, tmp_path):
    from render_helpers import render_site

    article = site_copy / "content/editions/2025-11-10/04-ke-ji-fu-wu-ye.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("title: 科技服务业高质量发展论坛举行", "title: '论坛</script><b>举行 & \"闭幕\"'"),
        encoding="utf-8",
    )
    rendered = render_site(site_copy, tmp_path / "out")
    html = rendered.pages[SECOND]
    assert "<b>" not in html and "</script><" not in html
    assert '<h1 class="headline">论坛&lt;/script&gt;&lt;b&gt;举行 &amp; &#34;闭幕&#34;</h1>' in html
    page = scan(html)
    ((kind, body),) = page.scripts
    assert kind == "application/ld+json" and json.loads(body)["headline"] == '论坛</script><b>举行 & "闭幕"'
    assert page.meta("og:title") == '论坛</script><b>举行 & "闭幕"'


def test_a_site_without_editions_still_has_a_home_page(tmp_path):
    from render_helpers import render_site

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "site.yaml").write_text("title: 新报\nlanguage: zh-TW\n", encoding="utf-8")
    rendered = render_site(tmp_path / "site", tmp_path / "out")
    home = scan(rendered.pages["index.html"])
    assert home.html_lang == "zh-TW"
    assert (1, "新报") in home.headings and "还没有任何一期报纸" in home.text
    assert {"index.html", "archive/index.html", "tags/index.html", "initiatives/index.html", "404.html"} <= set(
        rendered.pages
    )
