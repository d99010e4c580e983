"""The Atom feed, sitemap.xml and robots.txt: pure functions from the site to bytes.

Dates come from the editions, never from the clock: an entry is updated at
00:00 Beijing time (+08:00) on its edition's date, so two builds of the same
content give the same bytes. URLs here are absolute (base_url + url), as
feed readers and crawlers need.
"""

from __future__ import annotations

import datetime as dt
import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from ssg.site.model import Article, Edition, Initiative, Page, Site

log = logging.getLogger(__name__)

ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
EDITION_TZ = dt.timezone(dt.timedelta(hours=8))
"""Chinese papers date their editions in Beijing time."""
INDEX_PAGES = ("", "archive/", "initiatives/", "tags/")
"""Pages that change whenever an edition is added."""


def absolute(base_url: str, url: str) -> str:
    """base_url ("https://example.org/herald/") + a site-relative url, percent-encoded."""
    return base_url + quote(url, safe="/:@!$&'()*+,;=-._~%")


def edition_time(date: dt.date) -> str:
    return dt.datetime.combine(date, dt.time(0, 0), EDITION_TZ).isoformat()


def url_of_path(path: str) -> str:
    """Output path -> site url: "2025/11/10/index.html" -> "2025/11/10/", "index.html" -> ""."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


# -- dates ------------------------------------------------------------------------------

def dates_by_url(site: Site) -> dict[str, dt.date]:
    """url -> the edition date a page shows, for every page tied to editions."""
    editions: dict[str, dt.date] = {}
    for obj in site.objects.values():
        if isinstance(obj, Edition):
            editions[obj.id] = obj.date
    dates: dict[str, dt.date] = {}
    for obj in site.objects.values():
        if isinstance(obj, Edition):
            dates[obj.url] = obj.date
        elif isinstance(obj, (Page, Article)):
            dates[obj.url] = editions[obj.edition]
        elif isinstance(obj, Initiative):
            dates[obj.url] = editions[site.get(obj.article).edition]
    for tag in site.tags:
        tagged = [dates[site.get(i).url] for i in tag.articles if i in site.objects]
        if tagged:
            dates[tag.url] = max(tagged)
    if site.editions:
        latest = site.get(site.editions[-1]).date
        for url in INDEX_PAGES:
            dates[url] = latest
    return dates


# -- sitemap ----------------------------------------------------------------------------

@dataclass(frozen=True)
class SitemapEntry:
    url: str
    """Site-relative ("2025/11/10/")."""
    lastmod: dt.date | None


def sitemap_entries(site: Site, html_paths: Iterable[str]) -> list[SitemapEntry]:
    """One entry per HTML page written, except the 404 page; sorted by url."""
    dates = dates_by_url(site)
    urls = sorted({url_of_path(p) for p in html_paths if p.endswith(".html") and p != "404.html"})
    return [SitemapEntry(url, dates.get(url)) for url in urls]


def render_sitemap(entries: Iterable[SitemapEntry], base_url: str) -> bytes:
    """sitemap.xml per sitemaps.org 0.9. (A site past 50,000 pages needs an index; ours are far smaller.)"""
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    for entry in entries:
        node = ET.SubElement(root, "url")
        ET.SubElement(node, "loc").text = absolute(base_url, entry.url)
        if entry.lastmod:
            ET.SubElement(node, "lastmod").text = entry.lastmod.isoformat()
    return _xml(root)


# -- Atom -------------------------------------------------------------------------------

def feed_articles(site: Site, limit: int) -> list[Article]:
    """The newest `limit` articles: newest edition first, reading order within it.

    Photo captions are left out: without a headline they make poor entries.
    """
    picked: list[Article] = []
    for edition_id in reversed(site.editions):
        for article_id in site.get(edition_id).articles:
            article = site.get(article_id)
            if article.kind != "caption":
                picked.append(article)
                if len(picked) >= limit:
                    return picked
    return picked


def tag_uri(base_url: str, date: dt.date, url: str) -> str:
    """A stable Atom id (RFC 4151): tag:host,date:path. Independent of titles and slugs' neighbours."""
    parts = urlsplit(base_url)
    return f"tag:{parts.hostname or 'localhost'},{date.isoformat()}:{parts.path}{url}"


def render_feed(site: Site, config) -> bytes:
    """feed.xml (Atom, RFC 4287) with the latest `config.feed.entries` articles."""
    base = config.base_url
    articles = feed_articles(site, config.feed.entries)
    dates = {e: site.get(e).date for e in site.editions}
    root = ET.Element("feed", {"xmlns": ATOM_NS, _XML_LANG: config.language})
    ET.SubElement(root, "id").text = absolute(base, "feed.xml")
    ET.SubElement(root, "title").text = config.title
    if config.description:
        ET.SubElement(root, "subtitle").text = config.description
    newest = max((dates[a.edition] for a in articles), default=max(dates.values(), default=dt.date(1970, 1, 1)))
    ET.SubElement(root, "updated").text = edition_time(newest)
    ET.SubElement(root, "link", rel="self", type="application/atom+xml", href=absolute(base, "feed.xml"))
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=absolute(base, ""))
    author = ET.SubElement(root, "author")
    ET.SubElement(author, "name").text = config.paper.name or config.title
    ET.SubElement(root, "generator").text = "ssg"
    for article in articles:
        root.append(_entry(article, dates[article.edition], base))
    return _xml(root)


def _entry(article: Article, date: dt.date, base: str) -> ET.Element:
    entry = ET.Element("entry")
    link = absolute(base, article.url)
    ET.SubElement(entry, "id").text = tag_uri(base, date, article.url)
    ET.SubElement(entry, "title").text = article.title
    ET.SubElement(entry, "updated").text = edition_time(date)
    ET.SubElement(entry, "published").text = edition_time(date)
    ET.SubElement(entry, "link", rel="alternate", type="text/html", href=link)
    if article.byline:
        author = ET.SubElement(entry, "author")
        ET.SubElement(author, "name").text = article.byline
    for tag in article.tags:
        ET.SubElement(entry, "category", term=tag.slug, label=tag.name)
    if article.summary:
        ET.SubElement(entry, "summary").text = article.summary
    if article.body_html:
        # xml:base makes any relative link in the body resolve against the article
        ET.SubElement(entry, "content", {"type": "html", _XML_BASE: link}).text = article.body_html
    return entry


# -- robots.txt ---------------------------------------------------------------------------

def render_robots(base_url: str) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(base_url, 'sitemap.xml')}\n".encode()


def _xml(root: ET.Element) -> bytes:
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
