"""The site graph: load content, render its markup, link editions, pages, articles, lists and tags.

`load_site(config, cache)` is the stage's entry point; `ssg.site.model` holds the
values it returns and `ssg.site.nav` the navigation helpers over them.
"""

from __future__ import annotations

from ssg.config import SiteConfig
from ssg.content import load_sources
from ssg.site.cache import SourceCache
from ssg.site.graph import build_site_graph
from ssg.site.model import Site


def load_site(config: SiteConfig, cache: SourceCache | None = None) -> Site:
    """Read every content file and build the graph. Raises SsgError with every diagnostic.

    With a `cache`, files whose bytes are unchanged are not parsed or rendered
    again, and an unchanged site (same files, same config) is returned as is.
    """
    cache = cache if cache is not None else SourceCache()
    seen: set[str] = set()

    def parse(path: str, data: bytes, kind: str):
        seen.add(path)
        return cache.parse(path, data, kind)

    content = load_sources(config, parse=parse)
    cache.retain(seen)
    key = (config, cache.digests())
    if cache.site is not None and cache.site_key == key:
        return cache.site
    site = build_site_graph(content, config, lambda path, text: cache.render(path, text, config.markup.unsafe_html))
    cache.site_key, cache.site = key, site
    return site


__all__ = ["Site", "SourceCache", "load_site"]
