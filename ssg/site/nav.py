"""Navigation over a finished `Site`: neighbours at every level, breadcrumbs, the archive calendar.

Pure functions; each takes an object or its id and returns objects (or None
where there is no neighbour). "Previous" is the older edition (上一期), the
lower page (上一版), the article before in reading order (上一篇), the list item
before (上一条).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ssg.site import urls
from ssg.site.model import Article, Edition, FreePage, Initiative, Page, Site, Tag


@dataclass(frozen=True)
class Day:
    date: dt.date
    edition: str | None
    """The id of the edition of that day, else None."""
    url: str | None


@dataclass(frozen=True)
class Month:
    id: str  # 2025-11
    year: int
    month: int
    label: str  # 2025年11月
    weeks: tuple[tuple[Day | None, ...], ...]
    """Calendar weeks, Monday first, 7 entries each; None pads days of other months."""
    editions: tuple[str, ...]
    """Edition ids of the month, oldest first."""


@dataclass(frozen=True)
class InitiativeList:
    article: Article
    edition: Edition
    name: str
    """The list's name (十个一), or the article's title when it has none."""
    items: tuple[Initiative, ...]
    """Top-level items in order."""


def _get(site: Site, obj):
    return site.get(obj) if isinstance(obj, str) else obj


def _neighbours(ids: tuple[str, ...], current: str, site: Site):
    i = ids.index(current)
    prev = site.get(ids[i - 1]) if i > 0 else None
    nxt = site.get(ids[i + 1]) if i + 1 < len(ids) else None
    return prev, nxt


def latest_edition(site: Site) -> Edition | None:
    """The newest edition (the home page), or None for a site without editions."""
    return site.get(site.editions[-1]) if site.editions else None


def prev_next_edition(site: Site, ed: Edition | str) -> tuple[Edition | None, Edition | None]:
    """(上一期 the older edition, 下一期 the newer one)."""
    return _neighbours(site.editions, _get(site, ed).id, site)


def prev_next_page(site: Site, page: Page | str) -> tuple[Page | None, Page | None]:
    """(上一版, 下一版) within the page's edition."""
    page = _get(site, page)
    return _neighbours(site.get(page.edition).pages, page.id, site)


def prev_next_article(site: Site, art: Article | str) -> tuple[Article | None, Article | None]:
    """(上一篇, 下一篇) in the edition's reading order, across its pages."""
    art = _get(site, art)
    return _neighbours(site.get(art.edition).articles, art.id, site)


def prev_next_initiative(site: Site, ini: Initiative | str) -> tuple[Initiative | None, Initiative | None]:
    """(上一条, 下一条) among the items of the same list."""
    return _neighbours(siblings(site, ini), _get(site, ini).id, site)


def siblings(site: Site, ini: Initiative | str) -> tuple[str, ...]:
    """Ids of the items of the list `ini` is in (itself included), in order."""
    ini = _get(site, ini)
    holder = site.get(ini.parent) if ini.parent else site.get(ini.article)
    return holder.children if ini.parent else holder.initiatives


def initiative_path(site: Site, ini: Initiative | str) -> list[Initiative]:
    """The list heads above a nested item, outermost first, then the item itself."""
    chain = [_get(site, ini)]
    while chain[0].parent:
        chain.insert(0, site.get(chain[0].parent))
    return chain


def page_label(page: Page) -> str:
    """第01版, or 第01版 要闻 when the page has a name."""
    return f"第{page.number:02d}版" + (f" {page.name}" if page.name else "")


def breadcrumbs(site: Site, obj) -> list[tuple[str, str]]:
    """(title, url) from home to `obj` inclusive: 报名 › 日期 › 版 › 文章 › 条.

    Works for editions, pages, articles, list items, tags and free pages.
    """
    obj = _get(site, obj)
    if isinstance(obj, Tag):
        return [(site.title, urls.HOME), ("标签", urls.TAGS), (obj.name, obj.url)]
    if isinstance(obj, FreePage):
        return [(site.title, urls.HOME), (obj.title, obj.url)]
    ed = site.get(obj.id if isinstance(obj, Edition) else obj.edition)
    crumbs = [(ed.paper or site.title, urls.HOME), (ed.label, ed.url)]
    if isinstance(obj, Edition):
        return crumbs
    page = site.get(obj.id if isinstance(obj, Page) else obj.page)
    crumbs.append((page_label(page), page.url))
    if isinstance(obj, Page):
        return crumbs
    art = site.get(obj.id if isinstance(obj, Article) else obj.article)
    crumbs.append((art.title, art.url))
    if isinstance(obj, Initiative):
        crumbs.extend((item.title, item.url) for item in initiative_path(site, obj))
    return crumbs


def archive_months(site: Site) -> list[Month]:
    """Every month that has an edition, newest first, as calendar weeks."""
    by_day = {site.get(e).date: e for e in site.editions}
    months = sorted({(d.year, d.month) for d in by_day}, reverse=True)
    cal = calendar.Calendar(firstweekday=calendar.MONDAY)
    out = []
    for year, month in months:
        weeks = tuple(
            tuple(
                Day(day, by_day.get(day), site.get(by_day[day]).url if day in by_day else None) if day.month == month else None
                for day in week
            )
            for week in cal.monthdatescalendar(year, month)
        )
        editions = tuple(by_day[d] for d in sorted(by_day) if (d.year, d.month) == (year, month))
        out.append(Month(f"{year:04d}-{month:02d}", year, month, f"{year}年{month}月", weeks, editions))
    return out


def url_index(site: Site) -> dict[str, str]:
    """url -> object id, for every edition, page, article, list item and free page (tags: "tag:<slug>")."""
    index = {obj.url: oid for oid, obj in site.objects.items()}
    index.update((tag.url, f"tag:{tag.slug}") for tag in site.tags)
    return index


def initiative_lists(site: Site) -> list[InitiativeList]:
    """Every article's list, newest edition first, for the global index of lists."""
    out = []
    for art_id in site.lists:
        art = site.get(art_id)
        out.append(InitiativeList(art, site.get(art.edition), art.list_name or art.title,
                                  tuple(site.get(i) for i in art.initiatives)))
    return out
