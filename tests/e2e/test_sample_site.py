"""The built sample, checked as a whole: valid HTML, links that resolve, valid feed and sitemap."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from site_facts import broken_links, page_url, parse_page

REPO = Path(__file__).resolve().parents[2]

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
W3C_DATETIME = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$")


def test_every_page_passes_the_nu_html_checker(built_sample, vnu):
    pages = built_sample.html_files()
    assert len(pages) >= 20, f"the sample should make a few dozen pages, got {len(pages)}"
    errors = vnu(pages)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(str(e) for e in errors[:40])


def test_every_link_and_asset_in_the_sample_resolves(built_sample):
    problems = broken_links(built_sample.output, built_sample.url)
    assert not problems, f"{len(problems)} broken references:\n" + "\n".join(problems[:40])


def test_ssg_check_passes_on_the_sample(ssg):
    result = ssg("check", cwd=REPO)
    assert not re.search(r"^error:", result.stderr, flags=re.M), result.stderr


def test_ssg_check_reports_a_broken_link_an_editor_adds(ssg, tmp_path):
    # The same pipeline must not pass everything: a hand-added link to a page
    # that does not exist is reported with the file it is in.
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(REPO / "site.yaml", site)
    shutil.copytree(REPO / "content", site / "content")
    article = sorted((site / "content" / "editions").glob("*/01-*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\n[详见](../../no-such-page/)\n", encoding="utf-8")
    result = ssg("check", cwd=site, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "no-such-page" in result.stdout + result.stderr


def test_feed_is_valid_atom_listing_the_articles(built_sample, sample_pages):
    feed = ET.parse(built_sample.output / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, f"atom:feed needs exactly one atom:{name}"
    assert RFC3339.match(feed.findtext(f"{ATOM}updated")), feed.findtext(f"{ATOM}updated")
    entries = feed.findall(f"{ATOM}entry")
    assert entries, "the feed has no entries"
    has_feed_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    ids, linked = set(), set()
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, f"atom:entry needs exactly one atom:{name}"
        assert RFC3339.match(entry.findtext(f"{ATOM}updated")), entry.findtext(f"{ATOM}updated")
        assert has_feed_author or entry.find(f"{ATOM}author/{ATOM}name") is not None, "atom:author is required"
        ids.add(entry.findtext(f"{ATOM}id"))
        alternates = [link.get("href") for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1, f"entry {entry.findtext(f'{ATOM}title')} needs one alternate link"
        href = alternates[0]
        assert href.startswith(built_sample.url), f"feed links are absolute under the base URL: {href}"
        assert built_sample.file_for(href[len(built_sample.url):]).is_file(), f"feed link to a missing page: {href}"
        linked.add(href[len(built_sample.url):])
    assert len(ids) == len(entries), "entry ids must be unique"
    assert {sample_pages.article, sample_pages.list_article} <= linked


def test_sitemap_lists_every_page_with_absolute_urls(built_sample):
    urlset = ET.parse(built_sample.output / "sitemap.xml").getroot()
    assert urlset.tag == f"{SITEMAP}urlset"
    locs = []
    for url in urlset:
        assert url.tag == f"{SITEMAP}url", f"unexpected element {url.tag} in the urlset"
        assert len(url.findall(f"{SITEMAP}loc")) == 1
        loc = url.findtext(f"{SITEMAP}loc").strip()
        assert len(loc) < 2048 and urlsplit(loc).scheme in ("http", "https")
        lastmod = url.findtext(f"{SITEMAP}lastmod")
        assert lastmod is None or W3C_DATETIME.match(lastmod), lastmod
        locs.append(loc)
    assert len(locs) == len(set(locs)), "a URL is listed twice"
    pages = {
        page_url(built_sample.url, f.relative_to(built_sample.output).as_posix())
        for f in built_sample.html_files()
        if f.name != "404.html"
    }
    assert set(locs) == pages, f"missing: {sorted(pages - set(locs))[:10]}, extra: {sorted(set(locs) - pages)[:10]}"


def test_robots_txt_points_at_the_sitemap(built_sample):
    robots = (built_sample.output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {built_sample.url}sitemap.xml" in robots.splitlines()


def test_pages_carry_their_canonical_url(built_sample, sample_pages):
    for kind, url in sample_pages.by_kind().items():
        if kind == "404":
            continue
        page = parse_page(built_sample.output, built_sample.file_for(url))
        canonical = [link.value for link in page.links if link.tag == "link" and link.attr == "href" and link.value == built_sample.url + url]
        assert canonical, f"{kind} page {url} has no link to its own absolute URL {built_sample.url + url}"
