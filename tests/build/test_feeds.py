"""Atom feed, sitemap and robots.txt: valid per their specs, absolute URLs, dates from editions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from ssg import feeds
from ssg.config import FeedConfig

A = "{http://www.w3.org/2005/Atom}"
S = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")

HTML_PATHS = [
    "index.html", "404.html", "archive/index.html", "tags/index.html", "tags/huo-ju-lun-tan/index.html",
    "2025/11/03/index.html", "2025/11/03/01/index.html", "2025/11/03/01/01-qiu-ji-jiao-yi-hui/index.html",
    "2025/11/10/index.html", "2025/11/10/02/02-san-ge-yi/index.html", "2025/11/10/02/02-san-ge-yi/03-item-3/index.html",
    "about/index.html",
]


def parse_feed(site, config):
    data = feeds.render_feed(site, config)
    assert data.startswith(b"<?xml")
    return ET.fromstring(data)


def test_feed_is_atom_with_every_required_element(site, config):
    root = parse_feed(site, config)
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{A}{name}").text.strip(), name
    assert root.find(f"{A}author/{A}name").text == "中国高新技术产业导报"  # required unless every entry has one
    assert RFC3339.match(root.find(f"{A}updated").text)
    self_link = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == "https://example.org/herald/feed.xml"
    entries = root.findall(f"{A}entry")
    assert entries
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert entry.find(f"{A}{name}").text.strip(), name
        assert RFC3339.match(entry.find(f"{A}updated").text)
        link = entry.find(f"{A}link")
        assert link.get("href").startswith("https://example.org/herald/2025/")
        assert link.get("rel") == "alternate"
    ids = [e.find(f"{A}id").text for e in entries]
    assert len(set(ids)) == len(ids)


def test_feed_lists_newest_articles_first_without_captions_and_respects_the_limit(site, config):
    entries = parse_feed(site, config).findall(f"{A}entry")
    titles = [e.find(f"{A}title").text for e in entries]
    assert titles == ["首届火炬论坛在河北雄安新区举办", "“三个一”倡议", "秋季交易会开幕"]
    limited = dataclasses.replace(config, feed=FeedConfig(entries=2))
    assert len(parse_feed(site, limited).findall(f"{A}entry")) == 2


def test_feed_dates_are_edition_dates_at_midnight_beijing_time(site, config):
    root = parse_feed(site, config)
    assert root.find(f"{A}updated").text == "2025-11-10T00:00:00+08:00"
    last = root.findall(f"{A}entry")[-1]
    assert last.find(f"{A}updated").text == "2025-11-03T00:00:00+08:00"
    assert last.find(f"{A}id").text == "tag:example.org,2025-11-03:/herald/2025/11/03/01/01-qiu-ji-jiao-yi-hui/"


def test_feed_entry_ids_do_not_change_when_titles_do(site, config):
    first = parse_feed(site, config).findall(f"{A}entry")[0].find(f"{A}id").text
    art = site.get("2025-11-10/01/01-shou-jie-huo-ju-lun-tan")
    site.objects[art.id] = dataclasses.replace(art, title="改过的标题")
    assert parse_feed(site, config).findall(f"{A}entry")[0].find(f"{A}id").text == first


def test_feed_escapes_markup_and_carries_tags_and_body(site, config):
    art = site.get("2025-11-10/01/01-shou-jie-huo-ju-lun-tan")
    site.objects[art.id] = dataclasses.replace(art, title="A & B <script>", body_html="<p>x &amp; y</p>")
    entry = parse_feed(site, config).findall(f"{A}entry")[0]
    assert entry.find(f"{A}title").text == "A & B <script>"
    content = entry.find(f"{A}content")
    assert content.get("type") == "html" and content.text == "<p>x &amp; y</p>"
    assert [c.get("label") for c in entry.findall(f"{A}category")] == ["火炬论坛", "雄安新区"]
    assert entry.find(f"{A}author/{A}name").text == "记者 张伟"


def test_feed_of_a_site_without_editions_is_still_valid(site, config):
    empty = dataclasses.replace(site, editions=(), objects={}, tags=(), lists=())
    root = parse_feed(empty, config)
    assert root.find(f"{A}updated").text and root.findall(f"{A}entry") == []


def test_sitemap_lists_every_html_page_but_404_with_absolute_urls_and_edition_dates(site, config):
    entries = feeds.sitemap_entries(site, HTML_PATHS + ["static/style.1234abcd.css", "feed.xml"])
    root = ET.fromstring(feeds.render_sitemap(entries, config.base_url))
    assert root.tag == f"{S}urlset"
    urls = {u.find(f"{S}loc").text: (u.find(f"{S}lastmod").text if u.find(f"{S}lastmod") is not None else None)
            for u in root.findall(f"{S}url")}
    assert len(urls) == len(HTML_PATHS) - 1
    assert "https://example.org/herald/404.html" not in urls
    assert all(u.startswith("https://example.org/herald/") for u in urls)
    assert urls["https://example.org/herald/"] == "2025-11-10"
    assert urls["https://example.org/herald/2025/11/03/01/01-qiu-ji-jiao-yi-hui/"] == "2025-11-03"
    assert urls["https://example.org/herald/2025/11/10/02/02-san-ge-yi/03-item-3/"] == "2025-11-10"
    assert urls["https://example.org/herald/tags/huo-ju-lun-tan/"] == "2025-11-10"  # its newest article
    assert urls["https://example.org/herald/about/"] is None  # a free page has no edition date


def test_sitemap_percent_encodes_and_xml_escapes_urls():
    entries = [feeds.SitemapEntry("标签/a&b/", dt.date(2025, 1, 2))]
    data = feeds.render_sitemap(entries, "https://example.org/")
    assert b"&amp;" in data
    loc = ET.fromstring(data).find(f"{S}url/{S}loc").text
    assert loc == "https://example.org/%E6%A0%87%E7%AD%BE/a&b/"


@pytest.mark.parametrize("path, url", [
    ("index.html", ""), ("2025/11/10/index.html", "2025/11/10/"), ("404.html", "404.html"), ("a/b.html", "a/b.html"),
])
def test_url_of_path(path, url):
    assert feeds.url_of_path(path) == url


def test_robots_points_at_the_sitemap_under_the_base_path():
    text = feeds.render_robots("https://example.org/herald/").decode()
    assert "User-agent: *" in text
    assert "Sitemap: https://example.org/herald/sitemap.xml" in text.splitlines()


def test_same_input_same_bytes(site, config):
    assert feeds.render_feed(site, config) == feeds.render_feed(site, config)
    entries = feeds.sitemap_entries(site, reversed(HTML_PATHS))
    assert feeds.render_sitemap(entries, "https://x.org/") == feeds.render_sitemap(
        feeds.sitemap_entries(site, HTML_PATHS), "https://x.org/")
