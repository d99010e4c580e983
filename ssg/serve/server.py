"""`PreviewServer`: bind, build, serve, watch, and stop cleanly.

    with PreviewServer(lambda url: Builder(root, output=out, base_url=url), out, "/herald/",
                       watch=WatchPlan(root)) as server:
        server.start()          # serves, builds once, starts watching
        server.url              # "http://127.0.0.1:41234/herald/"

The builder is made after binding because its base URL holds the port, which
`port=0` only knows then.
"""

from __future__ import annotations

import errno
import logging
import socket
import sys
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path

from ssg.diagnostics import SsgError, error
from ssg.serve.handler import DISCONNECTED, PreviewHandler
from ssg.serve.preview import BuildOutcome, Preview, SiteBuilder
from ssg.serve.routing import local_base_url
from ssg.serve.watcher import Batch, Watcher, WatchPlan

log = logging.getLogger(__name__)

ALL_INTERFACES = ("", "0.0.0.0", "::")


class PreviewHTTPServer(ThreadingHTTPServer):
    # daemon threads: an open event stream never keeps the process alive
    daemon_threads = True
    request_queue_size = 128
    preview: Preview

    def __init__(self, address: tuple[str, int], family: socket.AddressFamily):
        self.address_family = family
        super().__init__(address, PreviewHandler)

    def handle_error(self, request, client_address) -> None:
        # called from within the handler's except clause, so the exception is current
        exc = sys.exc_info()[1]
        if isinstance(exc, DISCONNECTED):
            log.debug("client %s went away", client_address)
        else:
            log.exception("error while serving %s: %s", client_address, exc)


def bind(host: str, port: int) -> PreviewHTTPServer:
    """Listen on host:port. A port in use or a host that is not ours is an SsgError (one line)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return PreviewHTTPServer((host, port), family)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise SsgError(error(None, None, f"port {port} on {host} is in use",
                                 "stop the program using it, choose another with --port, or use --port 0 to pick a free one")) from None
        if exc.errno == errno.EACCES:
            raise SsgError(error(None, None, f"no permission to listen on port {port} on {host}",
                                 "ports below 1024 need root; use --port 8000 or --port 0")) from None
        reason = exc.strerror or str(exc)
        raise SsgError(error(None, None, f"cannot listen on {host}:{port}: {reason}",
                             "use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)")) from None


def exposure_warning(host: str) -> str | None:
    """Why binding `host` deserves a warning, if it does."""
    if host in ALL_INTERFACES:
        return ("listening on every network interface: anyone who can reach this machine can read the preview "
                "(use --host 127.0.0.1 to keep it to this machine)")
    return None


class PreviewServer:
    """The preview: an HTTP server thread, the watcher threads, one build at a time."""

    def __init__(
        self,
        make_builder: Callable[[str], SiteBuilder],
        output: Path,
        base_path: str = "/",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        watch: WatchPlan | None = None,
        instance: str | None = None,
        tracebacks: bool = False,
    ):
        self.httpd = bind(host, port)
        warning = exposure_warning(host)
        if warning:
            log.warning("warning: %s", warning)
        self.host = host
        self.port: int = self.httpd.server_address[1]
        self.url = local_base_url(host, self.port, base_path)
        try:
            builder = make_builder(self.url)
        except BaseException:
            self.httpd.server_close()
            raise
        self.preview = Preview(builder, output, base_path, instance=instance, tracebacks=tracebacks)
        self.httpd.preview = self.preview
        self.watcher = Watcher(watch, self.rebuild) if watch is not None else None
        self._http_thread: threading.Thread | None = None
        self._stopped = threading.Event()

    def __enter__(self) -> PreviewServer:  # noqa: PYI034 - not meant to be subclassed
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> BuildOutcome:
        """Serve (requests wait for the first build), build once, then watch. Returns the first build."""
        self._http_thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                             name="ssg-http", daemon=True)
        self._http_thread.start()
        outcome = self.preview.build()
        report(outcome, self.preview.has_site)
        if self.watcher is not None:
            self.watcher.start()
        return outcome

    def wait(self) -> None:
        """Block until `stop()` (or Ctrl-C in the main thread)."""
        while not self._stopped.wait(0.5):
            pass

    def stop(self) -> None:
        """Stop watching, end the event streams, stop serving. Idempotent."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        self.preview.close()
        if self.watcher is not None:
            self.watcher.stop()
        if self._http_thread is not None:
            self.httpd.shutdown()
            self._http_thread.join(5.0)
        self.httpd.server_close()

    def rebuild(self, batch: Batch) -> BuildOutcome | None:
        """Act on a batch of changes (the watcher calls this; tests may too)."""
        for path in batch.sources:
            rel = _shown(path, self.watcher.plan.root if self.watcher else None)
            log.warning("%s changed: the preview shows content/, not sources/; re-run `ssg ingest %s` to update it", rel, rel)
        if not (batch.inputs or batch.full):
            return None
        root = self.watcher.plan.root if self.watcher else None
        names = [_shown(p, root) for p in batch.inputs]
        log.info("changed: %s%s", ", ".join(names[:3]), f" and {len(names) - 3} more" if len(names) > 3 else "")
        outcome = self.preview.build(None if batch.full else batch.inputs)
        if not self.preview.closing:
            report(outcome, self.preview.has_site)
        return outcome


def report(outcome: BuildOutcome, has_site: bool = True) -> None:
    """The terminal's account of one build."""
    for d in outcome.warnings:
        log.warning("%s", d)
    if not outcome.ok:
        for d in outcome.errors:
            log.error("error: %s", d)
        if has_site:
            log.error("build failed in %.2f s; still serving the last good site", outcome.seconds)
        else:
            log.error("build failed in %.2f s; the preview shows the errors until a save fixes them", outcome.seconds)
        return
    what = "built" if outcome.full else "rebuilt"
    log.info("%s in %.2f s: %d file%s written", what, outcome.seconds, len(outcome.written),
             "" if len(outcome.written) == 1 else "s")


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return str(path)
