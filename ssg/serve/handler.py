"""HTTP for the preview: the built site, the 404 page, and the live-reload endpoints.

One handler thread per connection (ThreadingHTTPServer with daemon threads),
HTTP/1.0 so a connection ends with its response and no idle keep-alive thread
lingers; only the event stream stays open, and it ends when the hub closes.
"""

from __future__ import annotations

import logging
import queue
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING

from ssg.serve.events import PING
from ssg.serve.livereload import (
    EVENTS_PATH,
    NOT_FOUND_PAGE,
    WORKER_JS,
    WORKER_PATH,
    client_tag,
    inject,
    render_waiting_page,
)
from ssg.serve.routing import (
    FileRoute,
    NotFound,
    Redirect,
    content_type,
    is_html,
    resolve_request,
)

if TYPE_CHECKING:
    from ssg.serve.preview import Preview

log = logging.getLogger(__name__)

PING_SECONDS = 15.0
"""How often an idle event stream sends a comment, which also notices a closed tab."""
BUILD_WAIT_SECONDS = 60.0
"""How long a request waits for a running build before it is served what is there."""

DISCONNECTED = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


class PreviewHandler(BaseHTTPRequestHandler):
    server_version = "ssg-serve"
    protocol_version = "HTTP/1.0"

    @property
    def preview(self) -> Preview:
        return self.server.preview  # type: ignore[attr-defined]

    def do_GET(self) -> None:
        self._dispatch(head=False)

    def do_HEAD(self) -> None:
        self._dispatch(head=True)

    def log_message(self, format: str, *args) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def _dispatch(self, head: bool) -> None:
        path = self.path.split("?", 1)[0]
        try:
            if path == EVENTS_PATH:
                self._events(head)
            elif path == WORKER_PATH:
                self._send(HTTPStatus.OK, WORKER_JS.encode("utf-8"), "text/javascript; charset=utf-8", head)
            else:
                self._site(head)
        except DISCONNECTED:
            log.debug("client %s went away", self.address_string())

    def _site(self, head: bool) -> None:
        preview = self.preview
        preview.wait_idle(BUILD_WAIT_SECONDS)
        state = preview.hub.state
        if not preview.has_site:
            page = render_waiting_page(state)
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, inject(page, client_tag(state, 503)), "text/html; charset=utf-8", head)
            return
        route = resolve_request(preview.output, preview.base_path, self.path)
        if isinstance(route, Redirect):
            self.send_response(HTTPStatus.FOUND)  # not 301: browsers would cache it for this port for good
            self.send_header("Location", route.location)
            self.send_header("Content-Length", "0")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
        elif isinstance(route, FileRoute):
            self._file(HTTPStatus.OK, route.path, head)
        else:
            self._not_found(route, head)

    def _not_found(self, route: NotFound, head: bool) -> None:
        log.debug("404 %s: %s", self.path, route.reason)
        page = self.preview.output / "404.html"
        if page.is_file():
            self._file(HTTPStatus.NOT_FOUND, page, head)
        else:
            state = self.preview.hub.state
            self._send(HTTPStatus.NOT_FOUND, inject(NOT_FOUND_PAGE, client_tag(state, 404)), "text/html; charset=utf-8", head)

    def _file(self, status: HTTPStatus, path: Path, head: bool) -> None:
        try:
            data = path.read_bytes()
        except OSError:  # replaced between resolving and reading: a build swapped the folder
            self._send(HTTPStatus.NOT_FOUND, NOT_FOUND_PAGE, "text/html; charset=utf-8", head)
            return
        kind = content_type(path)
        if is_html(path):
            data = inject(data, client_tag(self.preview.hub.state, int(status)))
        self._send(status, data, kind, head)

    def _send(self, status: HTTPStatus, data: bytes, kind: str, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        # a preview must never show yesterday's page from the browser's cache
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def _events(self, head: bool) -> None:
        stream = self.preview.hub.subscribe()
        if stream is None:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, b"shutting down\n", "text/plain; charset=utf-8", head)
            return
        try:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Accel-Buffering", "no")
            self.end_headers()
            if head:
                return
            # reconnect quickly after a restart of the server
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while True:
                try:
                    message = stream.get(timeout=PING_SECONDS)
                except queue.Empty:
                    message = PING
                if message is None:
                    return
                self.wfile.write(message)
                self.wfile.flush()
        finally:
            self.preview.hub.unsubscribe(stream)
