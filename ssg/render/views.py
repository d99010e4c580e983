"""Read-only views: the small frozen values templates receive besides the model.

The model (ssg.site.model) is passed to templates as is; these views add what a
page shows that the model does not hold directly: links with their text, the
masthead with its fallbacks from site.yaml, a page (版) with its articles, a
card of an initiative list. All pure functions of (site, config).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ssg.config import SiteConfig
from ssg.render.filters import cn_date, cn_numeral, cn_weekday, page_label
from ssg.site.model import Article, Edition, Initiative, Page, Site


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    """Site-relative; templates pass it through rel()."""
    note: str | None = None
    """A short second line: a date, a page label, a goal."""


@dataclass(frozen=True)
class SiteInfo:
    title: str
    description: str | None
    language: str
    base_url: str
    paper: str
    """The paper's name for the header when an edition does not give one."""
    feed_url: str = "feed.xml"


@dataclass(frozen=True)
class Masthead:
    """An edition's masthead (报头), with site.yaml paper defaults filled in."""

    paper: str
    paper_en: str | None
    publisher: str | None
    cn: str | None
    postal_code: str | None
    date: dt.date
    date_text: str
    """2025年11月10日"""
    weekday: str
    number: int | None
    total_number: int | None
    page_count: int | None
    url: str

    @property
    def issue_text(self) -> str:
        """第41期(总第2645期), or what of it is known."""
        parts = []
        if self.number is not None:
            parts.append(f"第{self.number}期")
        if self.total_number is not None:
            parts.append(f"(总第{self.total_number}期)")
        return "".join(parts)

    @property
    def print_edition(self) -> str:
        """For JSON-LD printEdition: 2025年11月10日 第41期(总第2645期)."""
        return " ".join(p for p in (self.date_text, self.issue_text) if p)


@dataclass(frozen=True)
class Headline:
    """One article as listed in 版面目录 and 本版标题."""

    title: str
    url: str
    kicker: str | None
    subtitle: str | None
    kind: str
    summary: str


@dataclass(frozen=True)
class PageView:
    """A page (版) with its headlines."""

    page: Page
    label: str
    """第01版"""
    name: str | None
    url: str
    headlines: tuple[Headline, ...]

    @property
    def full_label(self) -> str:
        return f"{self.label}：{self.name}" if self.name else self.label


@dataclass(frozen=True)
class Card:
    """One item of an initiative list, as a numbered card."""

    number: int
    numeral: str
    """一 … 十"""
    title: str
    goal: str | None
    url: str


@dataclass(frozen=True)
class ListView:
    """An article's initiative list, for the global index."""

    name: str
    article: Link
    date_text: str
    page_label: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class SeeAlso:
    text: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Entry:
    """An article or initiative in a list of results (tag page)."""

    title: str
    url: str
    kicker: str | None
    date_text: str
    where: str
    """第01版 · 十个一 第三条"""
    summary: str


def site_info(config: SiteConfig) -> SiteInfo:
    return SiteInfo(
        title=config.title,
        description=config.description,
        language=config.language,
        base_url=config.base_url,
        paper=config.paper.name or config.title,
    )


def masthead(edition: Edition, config: SiteConfig) -> Masthead:
    paper = config.paper
    return Masthead(
        paper=edition.paper or paper.name or config.title,
        paper_en=edition.paper_en or paper.name_en,
        publisher=edition.publisher or paper.publisher,
        cn=edition.cn or paper.cn,
        postal_code=edition.postal_code or paper.postal_code,
        date=edition.date,
        date_text=cn_date(edition.date),
        weekday=edition.weekday or cn_weekday(edition.date),
        number=edition.number,
        total_number=edition.total_number,
        page_count=edition.page_count,
        url=edition.url,
    )


def headline(article: Article) -> Headline:
    return Headline(article.title, article.url, article.kicker, article.subtitle, article.kind, article.summary)


def page_view(site: Site, page: Page) -> PageView:
    return PageView(
        page=page,
        label=page_label(page.number),
        name=page.name,
        url=page.url,
        headlines=tuple(headline(site.get(a)) for a in page.articles),
    )


def card(ini: Initiative) -> Card:
    return Card(ini.number, cn_numeral(ini.number), ini.title, ini.goal, ini.url)


def cards(site: Site, ids: tuple[str, ...]) -> tuple[Card, ...]:
    return tuple(card(site.get(i)) for i in ids)


def list_name(article: Article) -> str:
    return article.list_name or article.title


def source_line(article: Article, edition_masthead: Masthead) -> str:
    """《中国高新技术产业导报》(2025年11月10日 第01版), as e-papers cite their print page."""
    return f"《{edition_masthead.paper}》({edition_masthead.date_text} {page_label(article.page_number)})"


def see_also(site: Site, article: Article) -> tuple[SeeAlso, ...]:
    out = []
    for ref in article.see_also:
        links = []
        for pid in ref.pages:
            page = site.get(pid)
            label = page_label(page.number)
            links.append(Link(f"{label}：{page.name}" if page.name else label, page.url))
        out.append(SeeAlso(ref.text, tuple(links)))
    return tuple(out)


def entry(site: Site, obj: Article | Initiative) -> Entry:
    if isinstance(obj, Initiative):
        article = site.get(obj.article)
        edition = site.get(article.edition)
        where = f"{page_label(article.page_number)} · {list_name(article)} 第{cn_numeral(obj.number)}条"
        title = obj.title + (f"，{obj.goal}" if obj.goal else "")
        return Entry(title, obj.url, None, cn_date(edition.date), where, obj.summary or _cut(obj.text))
    edition = site.get(obj.edition)
    return Entry(obj.title, obj.url, obj.kicker, cn_date(edition.date), page_label(obj.page_number), obj.summary)


def _cut(text: str, limit: int = 80) -> str:
    """A short excerpt ending at a sentence end when one is near (initiatives carry no summary)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    end = max(head.rfind(p) for p in "。！？；")
    return head[: end + 1] if end >= limit // 2 else head + "……"
