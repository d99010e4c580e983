"""Navigation as links: ssg.site.nav's neighbours and breadcrumbs turned into `Link`s.

The graph decides who is next to whom (ssg.site.nav); this module only decides
how a neighbour is labelled on the page (上一版 "第02版：综合新闻", 上一条
"二、集成一套政策").
"""

from __future__ import annotations

from ssg.render.filters import cn_date, cn_numeral, page_label
from ssg.render.views import Link
from ssg.site import nav
from ssg.site.model import Article, Edition, Initiative, Page, Site

WEEK_HEADER = ("一", "二", "三", "四", "五", "六", "日")


def edition_link(edition: Edition) -> Link:
    note = f"第{edition.number}期" if edition.number is not None else None
    return Link(cn_date(edition.date), edition.url, note)


def page_link(page: Page) -> Link:
    label = page_label(page.number)
    return Link(f"{label}：{page.name}" if page.name else label, page.url)


def article_link(article: Article) -> Link:
    return Link(article.title, article.url, page_label(article.page_number))


def initiative_link(ini: Initiative) -> Link:
    return Link(f"{cn_numeral(ini.number)}、{ini.title}", ini.url, ini.goal)


def _pair(pair, make) -> tuple[Link | None, Link | None]:
    return tuple(make(obj) if obj is not None else None for obj in pair)


def prev_next_edition(site: Site, edition: Edition) -> tuple[Link | None, Link | None]:
    """上一期 (older) and 下一期 (newer)."""
    return _pair(nav.prev_next_edition(site, edition), edition_link)


def prev_next_page(site: Site, page: Page) -> tuple[Link | None, Link | None]:
    return _pair(nav.prev_next_page(site, page), page_link)


def prev_next_article(site: Site, article: Article) -> tuple[Link | None, Link | None]:
    return _pair(nav.prev_next_article(site, article), article_link)


def prev_next_initiative(site: Site, ini: Initiative) -> tuple[Link | None, Link | None]:
    return _pair(nav.prev_next_initiative(site, ini), initiative_link)


def breadcrumbs(site: Site, obj) -> tuple[Link, ...]:
    """报名 › 日期 › 版 › 文章 (› 条), ending with `obj` itself."""
    return tuple(Link(title, url) for title, url in nav.breadcrumbs(site, obj))


siblings = nav.siblings
archive_months = nav.archive_months
