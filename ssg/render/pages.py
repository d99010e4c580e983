"""Plan the pages: one `RenderJob` per output HTML file, and render one job.

`plan_pages` is pure: the site graph and config in, a list of jobs out, each
with the template to use, the context it receives (frozen values only) and a
key that changes exactly when something the page shows changes, so an
incremental rebuild can skip unchanged pages. The contexts of each page kind
are listed in themes/newspaper/README.md.

Planning is most of an incremental rebuild's work on a large site, so it is
kept cheap: views many pages share are made once per plan, each frozen value
is fingerprinted once (ssg.render.fingerprint), and with a `PlanCache` kept
between plans a page none of whose inputs changed keeps its job
(ssg.render.plan_cache).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from ssg.config import SiteConfig
from ssg.diagnostics import SsgError
from ssg.render import metadata as md
from ssg.render import navigation as navi
from ssg.render import views as v
from ssg.render.filters import cn_date, cn_numeral, page_label
from ssg.render.fingerprint import Fingerprints
from ssg.render.plan_cache import PlanCache, SiteReader
from ssg.render.template_errors import runtime_diagnostic
from ssg.render.theme import Theme
from ssg.site.model import Edition, Initiative, Site, Tag

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenderJob:
    path: str
    """Output file, e.g. "2025/11/10/01/02-slug/index.html"."""
    template: str
    context: dict
    key: str
    """sha256 of the template, the theme and the context: equal keys render equal bytes."""


def output_path(url: str) -> str:
    """Site-relative URL -> output file: "" -> index.html, "a/b/" -> a/b/index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def plan_pages(site: Site, config: SiteConfig, theme: Theme, cache: PlanCache | None = None) -> list[RenderJob]:
    """Every HTML page of the site, in a stable order. Needs a complete graph (every url decided).

    With a `cache` kept from the last plan of the same project, a page none of
    whose inputs changed is not planned again: its job is taken over as it was.
    """
    return _Planner(site, config, theme, cache or PlanCache()).plan()


def render_job(theme: Theme, job: RenderJob) -> bytes:
    """Render one page. Template errors -> SsgError naming the template file and line."""
    try:
        template = theme.env.get_template(job.template)
        return template.render(job.context).encode("utf-8")
    except Exception as exc:
        raise SsgError(runtime_diagnostic(exc, theme.template_dirs, job.path, theme.root)) from exc


class _Planner:
    """Page kinds read the site only through `self.site`, a SiteReader that notes what each page read;
    the graph itself (`self._graph`) only says which pages there are."""

    def __init__(self, site: Site, config: SiteConfig, theme: Theme, cache: PlanCache):
        self._graph, self.config, self.theme, self.cache = site, config, theme, cache
        self.info = v.site_info(config)
        self.nav = self._nav()
        self.setting = (config, theme.fingerprint, self.nav)
        self.site = SiteReader(site, cache, self.setting)
        self.prints = Fingerprints(cache.prints)
        self.jobs: list[RenderJob] = []
        self._links: dict[v.Link, v.Link] = {}

    def plan(self) -> list[RenderJob]:
        graph = self._graph
        if graph.editions:
            self.job("", self.edition, graph.editions[-1], "", True)
        else:
            self.job("", self.empty_home)
        for eid in graph.editions:
            edition = graph.get(eid)
            self.job(edition.url, self.edition, eid, edition.url, False)
            for pid in edition.pages:
                self.job(graph.get(pid).url, self.page, pid)
            for aid in edition.articles:
                article = graph.get(aid)
                self.job(article.url, self.article, aid)
                self.initiatives(article.initiatives)
        self.job("initiatives/", self.lists)
        self.job("archive/", self.archive)
        self.job("tags/", self.tag_index)
        for tag in graph.tags:
            self.job(tag.url, self.tag, tag)
        for fid in graph.free_pages:
            self.job(graph.get(fid).url, self.free_page, fid)
        self.job("404.html", self.not_found)
        self.site.commit(self.cache, self.setting, self.prints)
        return self.jobs

    def initiatives(self, ids: tuple[str, ...]) -> None:
        for iid in ids:
            ini = self._graph.get(iid)
            self.job(ini.url, self.initiative, iid)
            self.initiatives(ini.children)

    def job(self, url: str, make, *args) -> None:
        self.jobs.append(self.site.plan(output_path(url), make, *args))

    # -- shared ---------------------------------------------------------------

    def _nav(self) -> tuple[v.Link, ...]:
        graph = self._graph
        links = [v.Link("今日", ""), v.Link("往期", "archive/")]
        if graph.lists:
            links.append(v.Link("倡议", "initiatives/"))
        if graph.tags:
            links.append(v.Link("标签", "tags/"))
        links.extend(v.Link(p.title, p.url) for p in map(graph.get, graph.free_pages))
        return tuple(links)

    def add(self, url: str, template: str, kind: str, meta: md.Meta, link_root: str | None = None,
            **extra) -> RenderJob:
        context = {
            "site": self.info,
            "nav": self.nav,
            "kind": kind,
            "page_url": url,
            "link_root": link_root,
            "meta": meta,
            "masthead": None,
            "breadcrumbs": (),
            **extra,
        }
        key = self.prints.key(template, self.theme.fingerprint, context=context)
        return RenderJob(output_path(url), template, context, key)

    # views many pages show, made once per plan (and so fingerprinted once)

    def mast(self, edition: Edition) -> v.Masthead:
        eid = edition.id
        return self.site.shared(("masthead", eid), lambda: v.masthead(self.site.get(eid), self.config))

    def page_view(self, page_id: str) -> v.PageView:
        return self.site.shared(("page", page_id), lambda: v.page_view(self.site, self.site.get(page_id)))

    def edition_pages(self, edition: Edition) -> tuple[v.PageView, ...]:
        eid = edition.id
        return self.site.shared(("pages", eid), lambda: tuple(map(self.page_view, self.site.get(eid).pages)))

    def cards(self, ids: tuple[str, ...]) -> tuple[v.Card, ...]:
        return self.site.shared(("cards", ids), lambda: v.cards(self.site, ids))

    def entry(self, oid: str) -> v.Entry:
        return self.site.shared(("entry", oid), lambda: v.entry(self.site, self.site.get(oid)))

    def link(self, link: v.Link | None) -> v.Link | None:
        """One object for equal links (the same crumbs and neighbours recur from page to page)."""
        return link if link is None else self._links.setdefault(link, link)

    def crumbs(self, obj) -> tuple[v.Link, ...]:
        return tuple(map(self.link, navi.breadcrumbs(self.site, obj)))

    def neighbours(self, pair: tuple[v.Link | None, v.Link | None]) -> tuple[v.Link | None, v.Link | None]:
        return self.link(pair[0]), self.link(pair[1])

    # -- page kinds -------------------------------------------------------------

    def edition(self, eid: str, url: str, home: bool) -> RenderJob:
        edition = self.site.get(eid)
        mast = self.mast(edition)
        pages = self.edition_pages(edition)
        headlines = [h.title for p in pages for h in p.headlines if h.kind != "caption"]
        prev, next_ = self.neighbours(navi.prev_next_edition(self.site, edition))
        return self.add(
            url,
            "edition.html",
            "home" if home else "edition",
            md.edition_meta(self.info, mast, edition, headlines, url),
            masthead=mast,
            edition=edition,
            pages=pages,
            prev_edition=prev,
            next_edition=next_,
            breadcrumbs=() if home else self.crumbs(edition),
        )

    def empty_home(self) -> RenderJob:
        meta = md.simple_meta(self.info, self.info.title, self.info.description or self.info.title, "")
        return self.add("", "empty.html", "home", meta)

    def page(self, pid: str) -> RenderJob:
        page = self.site.get(pid)
        edition = self.site.get(page.edition)
        mast = self.mast(edition)
        view = self.page_view(page.id)
        prev, next_ = self.neighbours(navi.prev_next_page(self.site, page))
        return self.add(
            page.url,
            "page.html",
            "page",
            md.page_meta(self.info, mast, page, [h.title for h in view.headlines]),
            masthead=mast,
            edition=edition,
            page=view,
            pages=self.edition_pages(edition),
            prev_page=prev,
            next_page=next_,
            breadcrumbs=self.crumbs(page),
        )

    def article(self, aid: str) -> RenderJob:
        article = self.site.get(aid)
        edition = self.site.get(article.edition)
        page = self.site.get(article.page)
        mast = self.mast(edition)
        prev, next_ = self.neighbours(navi.prev_next_article(self.site, article))
        return self.add(
            article.url,
            "article.html",
            "article",
            md.article_meta(self.info, mast, article, page),
            masthead=mast,
            edition=edition,
            article=article,
            page=self.page_view(page.id),
            list_name=v.list_name(article) if article.initiatives else None,
            cards=self.cards(article.initiatives),
            see_also=v.see_also(self.site, article),
            source_line=v.source_line(article, mast),
            prev_article=prev,
            next_article=next_,
            breadcrumbs=self.crumbs(article),
        )

    def initiative(self, iid: str) -> RenderJob:
        ini = self.site.get(iid)
        article = self.site.get(ini.article)
        edition = self.site.get(article.edition)
        mast = self.mast(edition)
        holder = self.site.get(ini.parent) if ini.parent else article
        siblings = navi.siblings(self.site, ini)
        # a nested item's list is its head (强化创新), not the article's list (两项举措)
        name = holder.title if isinstance(holder, Initiative) else (ini.list_name or v.list_name(article))
        heading = f"{cn_numeral(ini.number)}、{ini.title}"
        prev, next_ = self.neighbours(navi.prev_next_initiative(self.site, ini))
        return self.add(
            ini.url,
            "initiative.html",
            "initiative",
            md.initiative_meta(self.info, mast, ini, article, heading),
            masthead=mast,
            edition=edition,
            initiative=ini,
            numeral=cn_numeral(ini.number),
            count=len(siblings),
            siblings=self.cards(siblings),
            list_name=name,
            article=v.Link(article.title, article.url, page_label(article.page_number)),
            list_link=v.Link(name, holder.url + "#list"),
            cards=self.cards(ini.children),
            source_line=v.source_line(article, mast),
            prev_initiative=prev,
            next_initiative=next_,
            breadcrumbs=self.crumbs(ini),
        )

    def lists(self) -> RenderJob:
        lists = []
        for aid in self.site.lists:
            article = self.site.get(aid)
            edition = self.site.get(article.edition)
            lists.append(
                v.ListView(
                    name=v.list_name(article),
                    article=v.Link(article.title, article.url),
                    date_text=cn_date(edition.date),
                    page_label=page_label(article.page_number),
                    cards=self.cards(article.initiatives),
                )
            )
        meta = md.simple_meta(
            self.info, "倡议与举措", f"{self.info.title}刊载的倡议、举措与清单，共{len(lists)}组。", "initiatives/"
        )
        return self.add(
            "initiatives/",
            "initiatives.html",
            "initiatives",
            meta,
            lists=tuple(lists),
            breadcrumbs=self._top("倡议与举措", "initiatives/"),
        )

    def archive(self) -> RenderJob:
        months = navi.archive_months(self.site)
        total = len(self.site.editions)
        meta = md.simple_meta(
            self.info, "往期回顾", f"{self.info.title}往期报纸，共{total}期，按月份浏览。", "archive/"
        )
        return self.add(
            "archive/",
            "archive.html",
            "archive",
            meta,
            months=months,
            total=total,
            week_header=navi.WEEK_HEADER,
            breadcrumbs=self._top("往期回顾", "archive/"),
        )

    def tag_index(self) -> RenderJob:
        views = tuple(v.Link(t.name, t.url, str(len(t.articles))) for t in self.site.tags)
        meta = md.simple_meta(self.info, "标签", f"{self.info.title}的全部标签，共{len(views)}个。", "tags/")
        return self.add("tags/", "tags.html", "tags", meta, tags=views, breadcrumbs=self._top("标签", "tags/"))

    def tag(self, tag: Tag) -> RenderJob:
        entries = tuple(map(self.entry, tag.articles))
        meta = md.simple_meta(self.info, f"标签：{tag.name}", f"标签“{tag.name}”下的{len(entries)}篇报道。", tag.url)
        return self.add(
            tag.url,
            "tag.html",
            "tag",
            meta,
            tag=v.Link(tag.name, tag.url),
            entries=entries,
            breadcrumbs=self.crumbs(tag),
        )

    def free_page(self, fid: str) -> RenderJob:
        free = self.site.get(fid)
        meta = md.simple_meta(self.info, free.title, free.summary or free.title, free.url)
        return self.add(free.url, "free_page.html", "free", meta, free_page=free, breadcrumbs=self.crumbs(free))

    def not_found(self) -> RenderJob:
        # Served for any missing path at any depth: links absolute from the base path.
        root = urlsplit(self.config.base_url).path or "/"
        meta = md.simple_meta(self.info, "页面未找到", "您访问的页面不存在。", None, robots="noindex")
        return self.add("404.html", "404.html", "404", meta, link_root=root)

    def _top(self, title: str, url: str) -> tuple[v.Link, ...]:
        return (v.Link(self.site.title or self.info.title, ""), v.Link(title, url))

