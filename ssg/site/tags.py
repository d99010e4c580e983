"""Tags: Chinese names shown, ASCII pinyin slugs in URLs, unique across the site."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin

from ssg.site import urls
from ssg.site.model import Tag, TagRef


def tag_slug(name: str) -> str:
    """雄安新区 -> xiong-an-xin-qu; 5G网络 -> 5g-wang-luo. Never empty: a name with no
    letters or digits gets a short hash."""
    text = unicodedata.normalize("NFKC", name)
    words = lazy_pinyin(text, style=Style.NORMAL)
    slug = "-".join(w for w in (re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words) if w)
    slug = re.sub(r"-{2,}", "-", slug)[:64].strip("-")
    return slug or "t-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def assign_slugs(names: Iterable[str]) -> dict[str, str]:
    """name -> unique slug. Names that share a slug (同音, or AI and ai) get -2, -3 in name order."""
    by_slug: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_slug.setdefault(tag_slug(name), []).append(name)
    out: dict[str, str] = {}
    taken = set(by_slug)
    for base, same in sorted(by_slug.items()):
        out[same[0]] = base
        n = 2
        for name in same[1:]:
            while f"{base}-{n}" in taken:
                n += 1
            out[name] = f"{base}-{n}"
            taken.add(out[name])
    return out


def build_tags(carriers: Iterable[tuple[str, tuple[str, ...]]]) -> tuple[tuple[Tag, ...], dict[str, TagRef]]:
    """Tags from (object id, tag names) in display order (newest edition first).

    Returns the tags sorted by slug and each name's `TagRef`.
    """
    carriers = list(carriers)
    slugs = assign_slugs(name for _, names in carriers for name in names)
    refs = {name: TagRef(name=name, slug=slug, url=urls.tag_url(slug)) for name, slug in slugs.items()}
    members: dict[str, list[str]] = {name: [] for name in slugs}
    for object_id, names in carriers:
        for name in names:
            if object_id not in members[name]:
                members[name].append(object_id)
    tags = tuple(
        Tag(name=name, slug=refs[name].slug, url=refs[name].url, articles=tuple(members[name]))
        for name in sorted(slugs, key=lambda n: slugs[n])
    )
    return tags, refs
