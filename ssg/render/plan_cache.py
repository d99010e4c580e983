"""What one plan of a site leaves for the next, so a rebuild plans again only the pages whose inputs changed.

A page's job is a pure function of the plan's setting (config, theme, menu),
of the arguments the page is planned with, and of the site objects its
planning reads. `SiteReader` stands in for the `Site` while pages are planned
and notes every read of the page being planned: objects by id, and the
site-wide lists (editions, tags, lists, free pages, title). The next plan
reuses a page's job when the setting and the arguments are the same and every
one of its reads gives the same value again.

The graph is rebuilt from scratch on every change, so its objects are new even
where nothing changed. The reader keeps the last plan's object wherever the new
one is the same value (`same`), so unchanged objects keep their identity from
plan to plan: a read is checked with `is`, and the fingerprint of a kept object
is not computed again (ssg.render.fingerprint).
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ssg.render.fingerprint import Fingerprints
from ssg.site.model import Site

@dataclass(frozen=True)
class _Planned:
    args: tuple
    reads: tuple[tuple[str, Any], ...]
    """(object id or "@list", the value read), in the order read."""
    job: Any
    """The RenderJob."""


class PlanCache:
    """Kept between the plans of one project (the preview server's rebuilds); not shared between threads."""

    def __init__(self) -> None:
        self.setting: tuple | None = None
        self.objects: dict[str, Any] = {}
        self.jobs: dict[str, _Planned] = {}
        self.prints: Fingerprints | None = None
        self.planned = 0
        """Pages planned afresh by the last plan."""
        self.reused = 0
        """Pages whose job the last plan took over from the one before."""


_getters: dict[type, Callable[[Any], tuple]] = {}


def _field_values(obj) -> tuple:
    getter = _getters.get(type(obj))
    if getter is None:
        names = [f.name for f in dataclasses.fields(obj)]
        getter = operator.attrgetter(*names) if len(names) > 1 else (lambda o, n=names[0]: (getattr(o, n),))
        _getters[type(obj)] = getter
    return getter(obj)


def same(old, new) -> bool:
    """`new` is `old`'s value and renders as it does: == and the same types, field by field.

    == alone is not enough (1 == 1.0 == True, and each prints differently); the
    types are checked one level down (the fields of a record, the items of a
    tuple), which covers the model: its nested records (TagRef, SeeAlsoLink,
    Tag) hold strings and tuples of strings only.
    """
    if old is new:
        return True
    if type(old) is not type(new) or old != new:
        return False
    if type(old) is tuple:
        return all(map(_same_type, old, new))
    if dataclasses.is_dataclass(old):
        return all(map(_same_type, _field_values(old), _field_values(new)))
    return True


def _same_type(a, b) -> bool:
    if type(a) is not type(b):
        return False
    return type(a) is not tuple or all(map(operator.is_, map(type, a), map(type, b)))


class SiteReader:
    """One plan's view of the site: objects kept from the last plan where unchanged, every read noted.

    Offers what the planner and the navigation and view helpers use of a `Site`:
    `get(id)` and the site-wide lists; anything else (`objects`) is missing on
    purpose, so a helper that would read past the notes fails loudly.
    """

    def __init__(self, site: Site, cache: PlanCache, setting: tuple):
        self._site = site
        self._kept = cache.objects
        self._jobs = cache.jobs if cache.setting is not None and same(cache.setting, setting) else {}
        self._seen: dict[str, Any] = {}
        self._planned: dict[str, _Planned] = {}
        self._shared: dict[Any, tuple[Any, dict]] = {}
        self._reads: dict[str, Any] | None = None
        self.reused = 0

    # -- the Site's interface --------------------------------------------------

    def get(self, oid: str):
        obj = self._seen.get(oid)
        if obj is None:
            obj = self._keep(oid, self._site.objects[oid])
        if self._reads is not None:
            self._reads[oid] = obj
        return obj

    # the Site attributes a page may read besides objects by id; noted as "@name"
    editions = property(lambda self: self._list("editions"))
    tags = property(lambda self: self._list("tags"))
    lists = property(lambda self: self._list("lists"))
    free_pages = property(lambda self: self._list("free_pages"))
    title = property(lambda self: self._list("title"))

    def _list(self, name: str):
        key = "@" + name  # no object id starts with "@"
        value = self._seen.get(key)
        if value is None:
            value = self._keep(key, getattr(self._site, name))
        if self._reads is not None:
            self._reads[key] = value
        return value

    def _keep(self, key: str, new):
        old = self._kept.get(key)
        value = old if old is not None and same(old, new) else new
        self._seen[key] = value
        return value

    def _current(self, key: str):
        """The value `key` reads now, or None when the site no longer has it."""
        value = self._seen.get(key)
        if value is not None:
            return value
        if key.startswith("@"):
            return self._keep(key, getattr(self._site, key[1:]))
        new = self._site.objects.get(key)
        return None if new is None else self._keep(key, new)

    # -- planning ----------------------------------------------------------------

    def plan(self, path: str, make: Callable[..., Any], *args):
        """The job for `path`: the last plan's when nothing it read has changed, else `make(*args)`."""
        last = self._jobs.get(path)
        if last is not None and same(last.args, args) and all(self._current(k) is v for k, v in last.reads):
            self._planned[path] = last
            self.reused += 1
            return last.job
        job, reads = self._noting(make, args)
        self._planned[path] = _Planned(args, tuple(reads.items()), job)
        return job

    def shared(self, key, make: Callable[[], Any]):
        """A value many pages show (an edition's masthead, a page's headlines), made once per plan.

        Each page that uses it is noted as having read what making it read.
        """
        hit = self._shared.get(key)
        if hit is None:
            hit = self._shared[key] = self._noting(make, ())
        if self._reads is not None:
            self._reads.update(hit[1])
        return hit[0]

    def _noting(self, make, args) -> tuple[Any, dict]:
        """make(*args) and what it read (kept apart from the reads of whatever is being planned around it)."""
        outer, self._reads = self._reads, {}
        try:
            value = make(*args)
        finally:
            reads, self._reads = self._reads, outer
        return value, reads

    def commit(self, cache: PlanCache, setting: tuple, prints: Fingerprints) -> None:
        """Leave this plan to the next: call once every page is planned."""
        cache.setting = setting
        cache.objects = self._seen
        cache.jobs = self._planned
        cache.prints = prints
        cache.reused = self.reused
        cache.planned = len(self._planned) - self.reused
