"""Stable fingerprints of page contexts: a canonical serialisation, hashed with sha256.

A page's key must change exactly when something the page shows changes, so the
serialisation covers every value a template can reach: strings, numbers, dates,
and frozen dataclasses field by field (their properties derive from the fields).
Dict keys are sorted, so no dict order leaks in.

Contexts share most of their values (the site info and menu on every page, an
edition's masthead and page list on each of its pages, an article on its page,
its tag pages and its neighbours'), so a `Fingerprints` digests each frozen
object and tuple once and hands out the digest afterwards. The memo is keyed by
identity and holds the objects it has seen, so an id is never reused while the
memo lives. A new memo may start from the last plan's (`previous`): an object
carried over from one plan to the next (ssg.render.plan_cache keeps unchanged
model objects) is then not serialised again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import operator
from collections.abc import Callable
from typing import Any


class Fingerprints:
    """Digests of context values; each dataclass instance and tuple is serialised once."""

    def __init__(self, previous: Fingerprints | None = None) -> None:
        self._memo: dict[int, tuple[Any, bytes]] = {}
        # only the previous memo itself: its own predecessor is not kept alive
        self._previous = previous._memo if previous is not None else {}
        self._fields: dict[type, tuple[bytes, Callable[[Any], tuple]]] = previous._fields if previous is not None else {}
        self._strings: dict[str, bytes] = {}
        self.computed = 0
        """How many objects and tuples were serialised (the rest came from the memo)."""

    def key(self, *parts: str, context: dict) -> str:
        """The hex sha256 of some header strings and a context dict."""
        head = "".join(f"{p}\0" for p in parts).encode()
        return hashlib.sha256(head + self.token(context)).hexdigest()

    def token(self, value) -> bytes:
        """The canonical, self-delimiting serialisation of `value`: a digest for composite values."""
        cls = type(value)
        if cls is str:
            data = value.encode()
            return b"s%d:" % len(data) + data
        if value is None or cls is bool or cls is int or cls is float:
            return f"{cls.__name__}:{value!r};".encode()
        if cls is tuple or cls in self._fields or dataclasses.is_dataclass(value):
            hit = self._memo.get(id(value))
            if hit is not None:
                return hit[1]
            hit = self._previous.get(id(value))
            if hit is not None and hit[0] is value:
                self._memo[id(value)] = hit
                return hit[1]
            if cls is tuple:
                data = b"(" + self._join(value) + b")"
            else:
                header, fields = self._layout(cls)
                data = header + self._join(fields(value))
            token = b"#" + hashlib.sha256(data).digest()
            self._memo[id(value)] = (value, token)
            self.computed += 1
            return token
        if isinstance(value, (dt.date, dt.datetime)):
            return f"d{cls.__name__}:{value.isoformat()};".encode()
        if isinstance(value, dict):
            # built per page (a context, JSON-LD): never memoised, it could change under the same id
            items = sorted(value.items(), key=lambda kv: str(kv[0]))
            return b"{" + self._join([x for kv in items for x in kv]) + b"}"
        if isinstance(value, list):
            return b"[" + self._join(value) + b"]"
        if isinstance(value, str):  # a str subclass such as Markup renders as its text
            return self.token(str(value))
        raise TypeError(f"cannot fingerprint a {cls.__name__} in a page context")

    def _join(self, values) -> bytes:
        """token(v) for each of `values`, concatenated; strings inline (most values are)."""
        out = []
        strings = self._strings
        for value in values:
            if type(value) is str:
                data = strings.get(value)
                if data is None:
                    data = value.encode()
                    data = b"s%d:" % len(data) + data
                    if len(value) <= 64:  # names, labels, URLs and dict keys recur on page after page
                        strings[value] = data
                out.append(data)
            else:
                out.append(self.token(value))
        return b"".join(out)

    def _layout(self, cls: type) -> tuple[bytes, Callable[[Any], tuple]]:
        layout = self._fields.get(cls)
        if layout is None:
            if not cls.__dataclass_params__.frozen:
                raise TypeError(f"cannot fingerprint a mutable {cls.__name__} in a page context")
            names = tuple(f.name for f in dataclasses.fields(cls))
            header = f"<{cls.__module__}.{cls.__qualname__}:{','.join(names)}>".encode()
            getter = operator.attrgetter(*names) if len(names) > 1 else (lambda obj, n=names[0]: (getattr(obj, n),))
            layout = self._fields[cls] = (header, getter)
        return layout
