"""What the preview server tells open pages, and the hub that fans it out over SSE.

One event stream (`/__ssg/events`) carries one kind of message, a JSON object:

    {"type": "hello"|"build", "version": "k3x9:4", "ok": true, "errors": [...],
     "changed": ["/herald/2025/11/10/", ...] | null, "css": {"/herald/static/style.css": "/herald/static/style.1a2b3c4d.css"}}

`version` names the site being served (a token for this server run and the
number of successful builds); a page is served with the version it belongs to,
so a page that sees another version in "hello" (after a reconnect, or a build
it missed) knows it is stale. "build" follows every rebuild: `changed` lists
the URLs of the HTML pages that changed (null: assume all); `css` maps each
stylesheet's name without its fingerprint to its new URL when only stylesheets
changed, so pages swap them without reloading. `errors` are the diagnostics of
a failed build (the last good site stays served).
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from dataclasses import dataclass, field

from ssg.diagnostics import Diagnostic

log = logging.getLogger(__name__)

MAX_CHANGED = 500
"""Past this many changed pages a build event says "all" (null) instead of listing them."""


@dataclass(frozen=True)
class ErrorInfo:
    """A build error as the overlay shows it."""

    path: str | None
    line: int | None
    message: str
    hint: str | None = None
    column: int | None = None

    @classmethod
    def of(cls, d: Diagnostic) -> ErrorInfo:
        return cls(d.path, d.line, d.message, d.hint, d.column)

    def as_json(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column,
                "message": self.message, "hint": self.hint, "text": self.text()}

    def text(self) -> str:
        return str(Diagnostic(self.path, self.line, self.message, self.hint, self.column))


@dataclass(frozen=True)
class SiteState:
    """What the browser needs to know about the site being served right now."""

    version: str
    ok: bool = True
    errors: tuple[ErrorInfo, ...] = ()


@dataclass(frozen=True)
class BuildEvent:
    """The outcome of one rebuild, as pages see it."""

    state: SiteState
    changed: tuple[str, ...] | None = ()
    """URL paths of changed HTML pages; None when too many to list (reload all)."""
    css: dict[str, str] = field(default_factory=dict)
    """Stylesheet URL without fingerprint -> new URL, when only stylesheets changed."""


def render_hello(state: SiteState) -> bytes:
    return _sse("hello", {"type": "hello", **_state_json(state)})


def render_build(event: BuildEvent) -> bytes:
    changed = list(event.changed) if event.changed is not None else None
    return _sse("build", {"type": "build", **_state_json(event.state), "changed": changed, "css": dict(sorted(event.css.items()))})


def _state_json(state: SiteState) -> dict:
    return {"version": state.version, "ok": state.ok, "errors": [e.as_json() for e in state.errors]}


def _sse(name: str, data: dict) -> bytes:
    # json.dumps escapes newlines inside strings, so the payload is one `data:` line
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


PING = b": ping\n\n"
"""A comment line: keeps proxies from timing out and reveals a closed connection."""


class EventHub:
    """The open event streams; thread-safe. Each stream is a queue its handler thread drains."""

    def __init__(self, state: SiteState):
        self._lock = threading.Lock()
        self._clients: set[queue.Queue] = set()
        self._state = state
        self._closed = False

    @property
    def state(self) -> SiteState:
        with self._lock:
            return self._state

    @property
    def client_count(self) -> int:
        with self._lock:
            return len(self._clients)

    def subscribe(self) -> queue.Queue | None:
        """A new stream, its first message the current state ("hello"); None once closed."""
        q: queue.Queue = queue.Queue()
        with self._lock:
            if self._closed:
                return None
            # under the lock, so no build event can slip in between hello and subscription
            q.put(render_hello(self._state))
            self._clients.add(q)
        return q

    def unsubscribe(self, q: queue.Queue) -> None:
        with self._lock:
            self._clients.discard(q)

    def publish(self, event: BuildEvent) -> None:
        message = render_build(event)
        with self._lock:
            self._state = event.state
            for q in self._clients:
                q.put(message)

    def close(self) -> None:
        """End every stream (each handler gets None) and refuse new ones."""
        with self._lock:
            self._closed = True
            for q in self._clients:
                q.put(None)
            self._clients.clear()
