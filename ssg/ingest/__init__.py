"""ingest: a newspaper issue's plain text -> the `Edition` model -> Markdown content files.

    decode -> read_edition (masthead, pages, blocks, articles)
           -> lists (enumerations) -> keywords -> slugs        = ingest_file
           -> plan_edition -> write_plan                         (ssg.ingest.emit)

Everything up to the plan is pure; `ingest_file` only reads its file.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path

from ssg.config import SiteConfig
from ssg.diagnostics import Diagnostic, SsgError, error
from ssg.ingest.decode import decode_source
from ssg.ingest.enumerations import HEURISTICS, ListRules, apply_lists
from ssg.ingest.keywords import KeywordRules, WordCache
from ssg.ingest.model import Article, Edition, Initiative
from ssg.ingest.reader import date_from_filename, read_edition
from ssg.ingest.segment import Segmenter, tokenizer
from ssg.ingest.slugs import caption_slug_text, slugify, unique_slugs

log = logging.getLogger(__name__)


def list_rules(config: SiteConfig) -> ListRules:
    """The list heuristics site.yaml switches on (ingest.list_styles; all when unset)."""
    styles = config.ingest.list_styles
    if styles is None:
        return ListRules()
    unknown = [s for s in styles if s not in HEURISTICS]
    if unknown:
        raise SsgError(error("site.yaml", None, f"unknown list style {unknown[0]!r} in ingest.list_styles",
                             f"use any of {', '.join(HEURISTICS)}"))
    return ListRules(styles=tuple(styles))


def keyword_rules(config: SiteConfig) -> KeywordRules:
    return KeywordRules(
        top=config.ingest.tags,
        stop_words=frozenset(config.keywords.stop_words),
        keep=frozenset(config.keywords.user_words),
    )


def _initiative_pieces(item: Initiative) -> list[str]:
    parts = [item.title, item.goal or "", *item.paragraphs]
    for child in item.initiatives:
        parts += _initiative_pieces(child)
    return parts + list(item.closing)


def _article_pieces(article: Article) -> list[str]:
    parts = [article.kicker or "", article.title or "", article.subtitle or "", *article.paragraphs]
    for item in article.initiatives:
        parts += _initiative_pieces(item)
    return parts + list(article.closing)


def _finish_initiatives(items: tuple[Initiative, ...], words: WordCache, rules: KeywordRules) -> tuple[Initiative, ...]:
    """Tags and folder-unique slugs for one level of a list, then the levels below."""
    slugs = unique_slugs((slugify(i.title, cut=words.tokenizer.cut) for i in items), "item")
    return tuple(
        replace(item, slug=slug, tags=words.keywords_of(_initiative_pieces(item), rules),
                initiatives=_finish_initiatives(item.initiatives, words, rules))
        for item, slug in zip(items, slugs)
    )


def enrich_edition(edition: Edition, config: SiteConfig, tokenizer) -> Edition:
    """Lists, keywords and slugs for every article of an edition read by `read_edition`.

    `tokenizer` is the jieba tokenizer of ssg.ingest.segment (user words loaded).
    Count warnings join the edition's diagnostics.
    """
    rules = list_rules(config)
    kw = keyword_rules(config)
    tagged = Segmenter(tuple(config.keywords.user_words)).tagged
    diagnostics: list[Diagnostic] = list(edition.diagnostics)
    articles = []
    for article in edition.articles:
        article, found = apply_lists(article, path=edition.source, rules=rules, tagged=tagged)
        diagnostics += found
        articles.append(article)
    wanted = (
        slugify(a.title if a.title else caption_slug_text(a.paragraphs[0] if a.paragraphs else ""), cut=tokenizer.cut)
        for a in articles
    )
    slugs = unique_slugs(wanted, "article")
    words = WordCache(tokenizer)  # an item's text is its article's too: each paragraph cut once
    articles = [
        replace(a, slug=slug, tags=words.keywords_of(_article_pieces(a), kw),
                initiatives=_finish_initiatives(a.initiatives, words, kw))
        for a, slug in zip(articles, slugs)
    ]
    return replace(edition, articles=tuple(articles), diagnostics=tuple(diagnostics))


def source_name(path: Path, root: Path) -> str:
    """How _edition.md names its source: relative to the site when inside it, else the file name."""
    resolved, root = Path(path).resolve(), Path(root).resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else resolved.name


def ingest_text(text: str, config: SiteConfig, *, source: str, date: dt.date | None = None) -> Edition:
    """Decoded issue text -> a complete Edition (articles, lists, tags, slugs). Pure."""
    edition = read_edition(text, source=source, config=config, date=date)
    return enrich_edition(edition, config, tokenizer(tuple(config.keywords.user_words)))


def ingest_file(path: Path, config: SiteConfig, *, encoding: str | None = None, date: dt.date | None = None) -> Edition:
    """Read one issue file into a complete Edition. Raises SsgError (file:line) on bad input."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SsgError(error(str(path), None, f"cannot read the file: {exc.strerror or exc}")) from None
    text = decode_source(data, str(path), encoding or config.ingest.encoding)
    return ingest_text(text, config, source=source_name(path, config.root), date=date or date_from_filename(str(path)))


__all__ = ["enrich_edition", "ingest_file", "ingest_text", "keyword_rules", "list_rules", "source_name"]
