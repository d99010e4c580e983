"""What goes into <head>: description, canonical URL, Open Graph and JSON-LD.

Absolute URLs (base_url + site-relative url) belong here only; links in the
page body stay relative. JSON-LD follows schema.org: `NewsArticle` with
`printEdition`/`printPage`/`printSection` for articles, `PublicationIssue` for
editions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ssg.render.filters import page_label
from ssg.render.views import Masthead, SiteInfo
from ssg.site.model import Article, Edition, Initiative, Page

CONTEXT = "https://schema.org"


@dataclass(frozen=True)
class Meta:
    title: str
    """The document <title>."""
    description: str
    canonical: str | None
    """Absolute; None for pages that have no address of their own (404)."""
    og_type: str = "website"
    og_title: str | None = None
    published: str | None = None
    """ISO date for article:published_time."""
    section: str | None = None
    tags: tuple[str, ...] = ()
    jsonld: dict | None = None
    robots: str | None = None
    """"noindex" for pages search engines should skip."""


def absolute(site: SiteInfo, url: str) -> str:
    return site.base_url + url


def clip(text: str, limit: int = 150) -> str:
    """Whole characters, never a cut surrogate; "…" when shortened."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _organization(mast: Masthead) -> dict:
    return {"@type": "Organization", "name": mast.paper}


def _issue(site: SiteInfo, mast: Masthead) -> dict:
    issue = {
        "@type": "PublicationIssue",
        "name": f"{mast.paper} {mast.date_text}",
        "datePublished": mast.date.isoformat(),
        "url": absolute(site, mast.url),
        "isPartOf": {"@type": "Periodical", "name": mast.paper},
    }
    if mast.number is not None:
        issue["issueNumber"] = str(mast.number)
    if mast.page_count:
        issue["pageStart"] = 1
        issue["pageEnd"] = mast.page_count
    return issue


def edition_meta(site: SiteInfo, mast: Masthead, edition: Edition, headlines: list[str], url: str) -> Meta:
    lead = f"{mast.paper} {mast.date_text} {mast.weekday} {mast.issue_text}".strip()
    description = clip(f"{lead}。本期要目：{'；'.join(headlines)}" if headlines else lead)
    data = {"@context": CONTEXT, **_issue(site, mast), "inLanguage": site.language, "description": description}
    data["url"] = absolute(site, url)
    return Meta(
        title=f"{mast.paper} {mast.date_text} {mast.issue_text}".strip(),
        description=description,
        canonical=absolute(site, url),
        published=mast.date.isoformat(),
        jsonld=data,
    )


def page_meta(site: SiteInfo, mast: Masthead, page: Page, headlines: list[str]) -> Meta:
    label = page_label(page.number) + (f"：{page.name}" if page.name else "")
    description = clip(f"{mast.paper} {mast.date_text} {label}。本版标题：{'；'.join(headlines)}")
    return Meta(
        title=f"{label} | {mast.paper} {mast.date_text}",
        description=description,
        canonical=absolute(site, page.url),
        published=mast.date.isoformat(),
    )


def article_meta(site: SiteInfo, mast: Masthead, article: Article, page: Page) -> Meta:
    url = absolute(site, article.url)
    description = clip(article.summary or article.text)
    data = _news_article(site, mast, url, article.title, description, article.page_number)
    data["isPartOf"] = _issue(site, mast)
    data["wordCount"] = article.char_count
    if article.subtitle:
        data["alternativeHeadline"] = article.subtitle
    if page.name:
        data["printSection"] = page.name
    if article.byline:
        data["author"] = {"@type": "Person", "name": article.byline}
    else:
        data["author"] = _organization(mast)
    if article.tags:
        data["keywords"] = ",".join(t.name for t in article.tags)
    return Meta(
        title=f"{article.title} | {mast.paper} {mast.date_text}",
        description=description,
        canonical=url,
        og_type="article",
        og_title=article.title,
        published=mast.date.isoformat(),
        section=page.name or page_label(page.number),
        tags=tuple(t.name for t in article.tags),
        jsonld=data,
    )


def initiative_meta(site: SiteInfo, mast: Masthead, ini: Initiative, article: Article, heading: str) -> Meta:
    url = absolute(site, ini.url)
    description = clip(f"{heading}。{ini.text}")
    data = _news_article(site, mast, url, heading, description, article.page_number)
    data["author"] = _organization(mast)
    data["isPartOf"] = {"@type": "NewsArticle", "headline": article.title, "url": absolute(site, article.url)}
    return Meta(
        title=f"{heading} | {article.title}",
        description=description,
        canonical=url,
        og_type="article",
        og_title=heading,
        published=mast.date.isoformat(),
        tags=tuple(t.name for t in ini.tags),
        jsonld=data,
    )


def _news_article(site: SiteInfo, mast: Masthead, url: str, headline: str, description: str,
                  print_page: int) -> dict:
    """The schema.org NewsArticle fields an article and a list item share."""
    return {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": clip(headline, 110),
        "description": description,
        "datePublished": mast.date.isoformat(),
        "inLanguage": site.language,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": _organization(mast),
        "printEdition": mast.print_edition,
        "printPage": str(print_page),
    }


def simple_meta(site: SiteInfo, title: str, description: str, url: str | None, robots: str | None = None) -> Meta:
    return Meta(
        title=f"{title} | {site.title}" if title != site.title else title,
        description=clip(description),
        canonical=absolute(site, url) if url is not None else None,
        robots=robots,
    )
