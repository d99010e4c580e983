"""Plan the pages: one `RenderJob` per output HTML file, and render one job.

`plan_pages` is pure: the site graph and config in, a list of jobs out, each
with the template to use, the context it receives (frozen values only) and a
key that changes exactly when something the page shows changes, so an
incremental rebuild can skip unchanged pages. The contexts of each page kind
are listed in themes/newspaper/README.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from ssg.config import SiteConfig
from ssg.diagnostics import SsgError
from ssg.render import metadata as md
from ssg.render import navigation as navi
from ssg.render import views as v
from ssg.render.filters import cn_date, cn_numeral, page_label
from ssg.render.template_errors import runtime_diagnostic
from ssg.render.theme import Theme
from ssg.site.model import Article, Edition, Initiative, Site

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


def plan_pages(site: Site, config: SiteConfig, theme: Theme) -> list[RenderJob]:
    """Every HTML page of the site, in a stable order. Needs a complete graph (every url decided)."""
    planner = _Planner(site, config, theme)
    return planner.plan()


def render_job(theme: Theme, job: RenderJob) -> bytes:
    """Render one page. Template errors -> SsgError naming the template file and line."""
    try:
        template = theme.env.get_template(job.template)
        return template.render(job.context).encode("utf-8")
    except Exception as exc:
        raise SsgError(runtime_diagnostic(exc, theme.template_dirs, job.path, theme.root)) from exc


class _Planner:
    def __init__(self, site: Site, config: SiteConfig, theme: Theme):
        self.site, self.config, self.theme = site, config, theme
        self.info = v.site_info(config)
        self.nav = self._nav()
        self.jobs: list[RenderJob] = []

    def plan(self) -> list[RenderJob]:
        site = self.site
        if site.editions:
            self.edition(site.get(site.editions[-1]), url="", home=True)
        else:
            self.empty_home()
        for eid in site.editions:
            edition = site.get(eid)
            self.edition(edition, url=edition.url, home=False)
            for pid in edition.pages:
                self.page(site.get(pid))
            for aid in edition.articles:
                article = site.get(aid)
                self.article(article)
                self.initiatives(article.initiatives)
        self.lists()
        self.archive()
        self.tags()
        for fid in site.free_pages:
            self.free_page(site.get(fid))
        self.not_found()
        return self.jobs

    # -- shared ---------------------------------------------------------------

    def _nav(self) -> tuple[v.Link, ...]:
        links = [v.Link("今日", ""), v.Link("往期", "archive/")]
        if self.site.lists:
            links.append(v.Link("倡议", "initiatives/"))
        if self.site.tags:
            links.append(v.Link("标签", "tags/"))
        links.extend(v.Link(p.title, p.url) for p in map(self.site.get, self.site.free_pages))
        return tuple(links)

    def add(self, url: str, template: str, kind: str, meta: md.Meta, link_root: str | None = None, **extra) -> None:
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
        digest = hashlib.sha256()
        digest.update(f"{template}\0{self.theme.fingerprint}\0".encode())
        _feed(digest, context)
        self.jobs.append(RenderJob(output_path(url), template, context, digest.hexdigest()))

    def mast(self, edition: Edition) -> v.Masthead:
        return v.masthead(edition, self.config)

    def crumbs(self, obj) -> tuple[v.Link, ...]:
        return navi.breadcrumbs(self.site, obj)

    # -- page kinds -------------------------------------------------------------

    def edition(self, edition: Edition, url: str, home: bool) -> None:
        mast = self.mast(edition)
        pages = tuple(v.page_view(self.site, self.site.get(p)) for p in edition.pages)
        headlines = [h.title for p in pages for h in p.headlines if h.kind != "caption"]
        prev, next_ = navi.prev_next_edition(self.site, edition)
        self.add(
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

    def empty_home(self) -> None:
        meta = md.simple_meta(self.info, self.info.title, self.info.description or self.info.title, "")
        self.add("", "empty.html", "home", meta)

    def page(self, page) -> None:
        edition = self.site.get(page.edition)
        mast = self.mast(edition)
        view = v.page_view(self.site, page)
        prev, next_ = navi.prev_next_page(self.site, page)
        self.add(
            page.url,
            "page.html",
            "page",
            md.page_meta(self.info, mast, page, [h.title for h in view.headlines]),
            masthead=mast,
            edition=edition,
            page=view,
            pages=tuple(v.page_view(self.site, self.site.get(p)) for p in edition.pages),
            prev_page=prev,
            next_page=next_,
            breadcrumbs=self.crumbs(page),
        )

    def article(self, article: Article) -> None:
        edition = self.site.get(article.edition)
        page = self.site.get(article.page)
        mast = self.mast(edition)
        prev, next_ = navi.prev_next_article(self.site, article)
        self.add(
            article.url,
            "article.html",
            "article",
            md.article_meta(self.info, mast, article, page),
            masthead=mast,
            edition=edition,
            article=article,
            page=v.page_view(self.site, page),
            list_name=v.list_name(article) if article.initiatives else None,
            cards=v.cards(self.site, article.initiatives),
            see_also=v.see_also(self.site, article),
            source_line=v.source_line(article, mast),
            prev_article=prev,
            next_article=next_,
            breadcrumbs=self.crumbs(article),
        )

    def initiatives(self, ids: tuple[str, ...]) -> None:
        for iid in ids:
            ini = self.site.get(iid)
            self.initiative(ini)
            self.initiatives(ini.children)

    def initiative(self, ini: Initiative) -> None:
        article = self.site.get(ini.article)
        edition = self.site.get(article.edition)
        mast = self.mast(edition)
        holder = self.site.get(ini.parent) if ini.parent else article
        siblings = navi.siblings(self.site, ini)
        # a nested item's list is its head (强化创新), not the article's list (两项举措)
        name = holder.title if isinstance(holder, Initiative) else (ini.list_name or v.list_name(article))
        heading = f"{cn_numeral(ini.number)}、{ini.title}"
        prev, next_ = navi.prev_next_initiative(self.site, ini)
        self.add(
            ini.url,
            "initiative.html",
            "initiative",
            md.initiative_meta(self.info, mast, ini, article, heading),
            masthead=mast,
            edition=edition,
            initiative=ini,
            numeral=cn_numeral(ini.number),
            count=len(siblings),
            siblings=v.cards(self.site, siblings),
            list_name=name,
            article=v.Link(article.title, article.url, page_label(article.page_number)),
            list_link=v.Link(name, holder.url + "#list"),
            cards=v.cards(self.site, ini.children),
            source_line=v.source_line(article, mast),
            prev_initiative=prev,
            next_initiative=next_,
            breadcrumbs=self.crumbs(ini),
        )

    def lists(self) -> None:
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
                    cards=v.cards(self.site, article.initiatives),
                )
            )
        meta = md.simple_meta(
            self.info, "倡议与举措", f"{self.info.title}刊载的倡议、举措与清单，共{len(lists)}组。", "initiatives/"
        )
        self.add(
            "initiatives/",
            "initiatives.html",
            "initiatives",
            meta,
            lists=tuple(lists),
            breadcrumbs=self._top("倡议与举措", "initiatives/"),
        )

    def archive(self) -> None:
        months = navi.archive_months(self.site)
        total = len(self.site.editions)
        meta = md.simple_meta(
            self.info, "往期回顾", f"{self.info.title}往期报纸，共{total}期，按月份浏览。", "archive/"
        )
        self.add(
            "archive/",
            "archive.html",
            "archive",
            meta,
            months=months,
            total=total,
            week_header=navi.WEEK_HEADER,
            breadcrumbs=self._top("往期回顾", "archive/"),
        )

    def tags(self) -> None:
        views = tuple(v.Link(t.name, t.url, str(len(t.articles))) for t in self.site.tags)
        meta = md.simple_meta(self.info, "标签", f"{self.info.title}的全部标签，共{len(views)}个。", "tags/")
        self.add("tags/", "tags.html", "tags", meta, tags=views, breadcrumbs=self._top("标签", "tags/"))
        for tag in self.site.tags:
            entries = tuple(v.entry(self.site, self.site.get(i)) for i in tag.articles)
            meta = md.simple_meta(
                self.info, f"标签：{tag.name}", f"标签“{tag.name}”下的{len(entries)}篇报道。", tag.url
            )
            self.add(
                tag.url,
                "tag.html",
                "tag",
                meta,
                tag=v.Link(tag.name, tag.url),
                entries=entries,
                breadcrumbs=self.crumbs(tag),
            )

    def free_page(self, free) -> None:
        meta = md.simple_meta(self.info, free.title, free.summary or free.title, free.url)
        self.add(free.url, "free_page.html", "free", meta, free_page=free, breadcrumbs=self.crumbs(free))

    def not_found(self) -> None:
        # Served for any missing path at any depth: links absolute from the base path.
        root = urlsplit(self.config.base_url).path or "/"
        meta = md.simple_meta(self.info, "页面未找到", "您访问的页面不存在。", None, robots="noindex")
        self.add("404.html", "404.html", "404", meta, link_root=root)

    def _top(self, title: str, url: str) -> tuple[v.Link, ...]:
        return (v.Link(self.site.title or self.info.title, ""), v.Link(title, url))


def _feed(digest, value) -> None:
    """Feed a canonical serialisation of `value` into `digest` (dict keys sorted, dataclass fields in order)."""
    if value is None or isinstance(value, (bool, int, float)):
        digest.update(f"{type(value).__name__}:{value!r};".encode())
    elif isinstance(value, str):
        digest.update(b"s%d:" % len(value) + value.encode() + b";")
    elif isinstance(value, (dt.date, dt.datetime)):
        digest.update(f"d:{value.isoformat()};".encode())
    elif dataclasses.is_dataclass(value):
        digest.update(f"<{type(value).__name__}".encode())
        for f in dataclasses.fields(value):
            digest.update(f.name.encode() + b"=")
            _feed(digest, getattr(value, f.name))
        digest.update(b">")
    elif isinstance(value, dict):
        digest.update(b"{")
        for k in sorted(value, key=str):
            _feed(digest, k)
            _feed(digest, value[k])
        digest.update(b"}")
    elif isinstance(value, (list, tuple)):
        digest.update(b"[")
        for item in value:
            _feed(digest, item)
        digest.update(b"]")
    else:
        raise TypeError(f"cannot fingerprint a {type(value).__name__} in a page context")
