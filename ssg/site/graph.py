"""Sources -> the site graph: editions, pages (版), articles, list items, tags, free pages.

`build_site_graph` is pure: sources, config and a markup function in, a `Site`
out. URLs are decided here, before any template runs, and every URL claimed
twice is an error naming every source that claimed it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ssg.config import SiteConfig
from ssg.content.model import (
    ArticleNode,
    ContentSet,
    EditionContent,
    InitiativeNode,
    PageSource,
)
from ssg.diagnostics import Collector
from ssg.markup import Rendered, render_markdown
from ssg.site import metrics, urls
from ssg.site.model import (
    Article,
    Edition,
    FreePage,
    Initiative,
    Page,
    SeeAlsoLink,
    Site,
)
from ssg.site.tags import build_tags

log = logging.getLogger(__name__)

Render = Callable[[str, str], Rendered]
"""(source path, Markdown) -> Rendered; the path lets a cache keep markup per file."""

CAPTION_FALLBACK_TITLE = "图片说明"


def date_label(date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


@dataclass
class _Builder:
    config: SiteConfig
    render: Render
    diags: Collector = field(default_factory=Collector)
    objects: dict = field(default_factory=dict)
    claims: list = field(default_factory=list)
    """(url, source path) for the collision check."""
    tag_names: dict = field(default_factory=dict)
    """object id -> tag names, to attach TagRefs once slugs are known."""

    def claim(self, url: str, source: str) -> None:
        self.claims.append((url, source))


def build_site_graph(content: ContentSet, config: SiteConfig, render: Render | None = None) -> Site:
    """The whole site. Raises SsgError with every error; warnings and notes go to `Site.diagnostics`.

    `render` defaults to Python-Markdown with site.yaml's markup settings.
    """
    if render is None:
        def render(path: str, text: str) -> Rendered:
            return render_markdown(text, config.markup.unsafe_html)
    b = _Builder(config, render)
    for d in content.warnings:
        b.diags.add(d)
    edition_ids = [_edition(b, ec) for ec in sorted(content.editions, key=lambda e: e.date)]
    free_ids = _free_pages(b, content.pages, {ed_id[:4] for ed_id in edition_ids})
    for url in urls.BUILT_IN:
        b.claim(url, f"(the built-in {url or 'home'} page)")
    for d in urls.find_collisions(b.claims):
        b.diags.add(d)
    b.diags.raise_if_errors()

    # Tags list their carriers newest edition first, in reading order within an edition.
    carriers: list[tuple[str, tuple[str, ...]]] = []
    for ed_id in reversed(edition_ids):
        carriers.extend((oid, b.tag_names[oid]) for oid in _reading_order(b, ed_id) if b.tag_names.get(oid))
    tags, refs = build_tags(carriers)
    for oid, names in b.tag_names.items():
        if names:
            obj = b.objects[oid]
            b.objects[oid] = replace(obj, tags=tuple(refs[n] for n in names))
    # Display order for anyone iterating: edition, its pages, each page's articles with their lists.
    ordered: dict = {}
    for ed_id in edition_ids:
        ed = b.objects[ed_id]
        ordered[ed_id] = ed
        for page_id in ed.pages:
            ordered[page_id] = b.objects[page_id]
        for oid in _reading_order(b, ed_id):
            ordered[oid] = b.objects[oid]
    for pid in free_ids:
        ordered[pid] = b.objects[pid]
    assert len(ordered) == len(b.objects), "an object is missing from the display order"
    b.objects = ordered
    lists = tuple(
        art_id for ed_id in reversed(edition_ids) for art_id in b.objects[ed_id].articles if b.objects[art_id].initiatives
    )
    return Site(
        editions=tuple(edition_ids),
        objects=b.objects,
        tags=tags,
        lists=lists,
        free_pages=tuple(free_ids),
        title=config.title,
        diagnostics=tuple(b.diags.items),
    )


def _reading_order(b: _Builder, ed_id: str) -> list[str]:
    """Article ids of an edition, each followed by its list items depth first."""
    out: list[str] = []

    def items(ids):
        for iid in ids:
            out.append(iid)
            items(b.objects[iid].children)

    for art_id in b.objects[ed_id].articles:
        out.append(art_id)
        items(b.objects[art_id].initiatives)
    return out


def _edition(b: _Builder, ec: EditionContent) -> str:
    src, paper = ec.source, b.config.paper
    ed_id = ec.date.isoformat()
    ed_url = urls.edition_url(ec.date)
    names = dict(src.page_names) if src else {}
    articles = sorted(ec.articles, key=lambda n: (n.source.page, n.source.order, n.source.slug))
    page_numbers = sorted({n.source.page for n in articles} | set(names))
    page_ids = {num: f"{ed_id}/{num:02d}" for num in page_numbers}
    article_ids: list[str] = []
    by_page: dict[int, list[str]] = {num: [] for num in page_numbers}
    for node in articles:
        art_id = _article(b, node, ed_id, ec.date, page_ids, src.page_count if src else None)
        article_ids.append(art_id)
        by_page[node.source.page].append(art_id)
    for num in page_numbers:
        b.objects[page_ids[num]] = Page(
            id=page_ids[num], edition=ed_id, number=num, name=names.get(num),
            articles=tuple(by_page[num]), url=urls.page_url(ec.date, num),
        )
    if not articles:
        b.diags.warning(ec.folder, None, "the edition has no articles")
    if src and src.page_count and page_numbers and page_numbers[-1] > src.page_count:
        b.diags.warning(src.path, None, f"page {page_numbers[-1]} is beyond page_count {src.page_count}")
    notes = b.render(src.path, src.body) if src and src.body.strip() else Rendered("", "", ())
    b.objects[ed_id] = Edition(
        id=ed_id,
        date=ec.date,
        paper=(src and src.paper) or paper.name,
        paper_en=(src and src.paper_en) or paper.name_en,
        publisher=(src and src.publisher) or paper.publisher,
        cn=(src and src.cn) or paper.cn,
        postal_code=(src and src.postal_code) or paper.postal_code,
        weekday=src.weekday if src else None,
        number=src.number if src else None,
        total_number=src.total_number if src else None,
        page_count=src.page_count if src else None,
        source=src.source if src else None,
        notes_html=notes.html,
        pages=tuple(page_ids[n] for n in page_numbers),
        articles=tuple(article_ids),
        url=ed_url,
        label=date_label(ec.date),
    )
    b.claim(ed_url, src.path if src else ec.folder)
    return ed_id


def _article(b: _Builder, node: ArticleNode, ed_id: str, date, page_ids: dict[int, str],
             page_count: int | None) -> str:
    src = node.source
    folder = urls.item_folder(src.order, src.slug)
    page_id = page_ids[src.page]
    art_id = f"{page_id}/{folder}"
    url = urls.child_url(urls.page_url(date, src.page), src.order, src.slug)
    b.claim(url, src.path)
    reading = b.config.reading

    intro, closing, text = _body(b, src)

    list_name = src.list_name or next((n.source.list_name for n in node.initiatives if n.source.list_name), None)
    item_ids, item_chars = _items(b, node.initiatives, art_id, None, url, ed_id, page_id, list_name)
    _check_list(b, src, node)

    title = src.title
    if not title:
        title = metrics.display_title(text) or CAPTION_FALLBACK_TITLE
    chars = metrics.char_count(text) + item_chars
    b.objects[art_id] = Article(
        id=art_id,
        edition=ed_id,
        page=page_id,
        page_number=src.page,
        order=src.order,
        kind=src.kind,
        title=title,
        kicker=src.kicker,
        subtitle=src.subtitle,
        column=src.column,
        dateline=src.dateline,
        byline=src.byline,
        see_also=tuple(_see_also(b, src, page_ids, page_count)),
        body_html=intro.html,
        closing_html=closing.html,
        text=text,
        summary=src.summary or metrics.cut_summary(text, reading.summary_chars),
        char_count=chars,
        reading_minutes=metrics.reading_minutes(chars, reading.chars_per_minute),
        tags=(),
        initiatives=item_ids,
        list_name=list_name,
        url=url,
        source_path=src.path,
        list_count=src.list_count,
    )
    b.tag_names[art_id] = src.tags
    return art_id


def _body(b: _Builder, src) -> tuple[Rendered, Rendered, str]:
    """An article's or list item's Markdown before and after its list, and both as plain text."""
    intro = b.render(src.path, src.body)
    closing = b.render(src.path, src.closing) if src.closing.strip() else Rendered("", "", ())
    return intro, closing, "\n".join(t for t in (intro.text, closing.text) if t)


def _items(b: _Builder, nodes: tuple[InitiativeNode, ...], art_id: str, parent_id: str | None, parent_url: str,
           ed_id: str, page_id: str, list_name: str | None) -> tuple[tuple[str, ...], int]:
    """List items under an article or a list head; returns their ids and total characters."""
    ids: list[str] = []
    total = 0
    base_id = parent_id or art_id
    reading = b.config.reading
    for node in nodes:
        src = node.source
        iid = f"{base_id}/{urls.item_folder(src.number, src.slug)}"
        url = urls.child_url(parent_url, src.number, src.slug)
        b.claim(url, src.path)
        body, closing, text = _body(b, src)
        children, child_chars = _items(b, node.children, art_id, iid, url, ed_id, page_id, src.list_name or list_name)
        chars = metrics.char_count(src.title) + metrics.char_count(src.goal or "") + metrics.char_count(text) + child_chars
        lead = "，".join(x for x in (src.title, src.goal) if x)
        b.objects[iid] = Initiative(
            id=iid,
            article=art_id,
            parent=parent_id,
            number=src.number,
            title=src.title,
            goal=src.goal,
            list_name=src.list_name or list_name,
            body_html=body.html,
            text=text,
            tags=(),
            children=children,
            url=url,
            source_path=src.path,
            edition=ed_id,
            page=page_id,
            marker=src.marker,
            summary=metrics.cut_summary(text or lead, reading.summary_chars),
            char_count=chars,
            reading_minutes=metrics.reading_minutes(chars, reading.chars_per_minute),
            list_count=len(nodes),
            closing_html=closing.html,
        )
        b.tag_names[iid] = src.tags
        ids.append(iid)
        total += chars
    return tuple(ids), total


def _check_list(b: _Builder, src, node: ArticleNode) -> None:
    count = len(node.initiatives)
    if src.list_count is not None and count and count != src.list_count:
        b.diags.warning(src.path, None, f"the list is announced with {src.list_count} items but has {count}")
    if src.kind == "initiatives" and not count:
        b.diags.warning(src.path, None, "kind is initiatives but the article has no list items",
                        "put the items in a folder named like the article, beside index.md")
    if src.list_line is not None and not count:
        b.diags.warning(src.path, src.list_line, "a '<!-- list -->' line, but the article has no list items")


def _see_also(b: _Builder, src, page_ids: dict[int, str], page_count: int | None):
    """Links to the referred pages the content has; the rest stay plain text.

    An edition's content often holds only some of its pages, so a reference to
    another page of the printed issue is normal (a note); one beyond the
    issue's `page_count` is a mistake (a warning).
    """
    for ref in src.see_also:
        missing = [p for p in ref.pages if p not in page_ids]
        beyond = [p for p in missing if page_count and p > page_count]
        if beyond:
            b.diags.warning(src.path, ref.line, f"see_also refers to page {_numbers(beyond)}, "
                            f"beyond the edition's page_count {page_count}")
        elif missing:
            b.diags.note(src.path, ref.line, f"see_also refers to page {_numbers(missing)}, not in this edition's content",
                         "shown as plain text; only pages in the content are linked")
        yield SeeAlsoLink(text=ref.text, pages=tuple(page_ids[p] for p in ref.pages if p in page_ids))


def _numbers(pages: list[int]) -> str:
    return "、".join(str(p) for p in pages)


def _free_pages(b: _Builder, pages: tuple[PageSource, ...], years: set[str]) -> list[str]:
    out = []
    for src in sorted(pages, key=lambda s: (s.order is None, s.order or 0, s.slug)):
        if src.slug in years:
            b.diags.error(src.path, None, f"the slug {src.slug!r} is a year of the editions' URLs", "choose another slug")
            continue
        body = b.render(src.path, src.body)
        pid = f"pages/{src.slug}"
        url = urls.free_page_url(src.slug)
        b.claim(url, src.path)
        b.objects[pid] = FreePage(
            id=pid, slug=src.slug, title=src.title,
            summary=src.summary or metrics.cut_summary(body.text, b.config.reading.summary_chars),
            order=src.order, body_html=body.html, text=body.text, url=url, source_path=src.path,
        )
        out.append(pid)
    return out
