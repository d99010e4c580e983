"""Talking to the preview server as a browser would: plain requests, raw request lines, the event stream."""

from __future__ import annotations

import http.client
import json
import queue
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ssg.config import load_config
from ssg.site import load_site
from ssg.site.model import Article


def fetch(url: str, method: str = "GET") -> tuple[int, dict, bytes]:
    """Status, headers and body, without following redirects."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""))
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def raw_request(url: str, target: str) -> tuple[int, bytes]:
    """A request line sent byte for byte (http.client and browsers would normalise it)."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.0\r\nHost: x\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


class EventReader:
    """Reads an event stream in a thread: `next()` returns (event name, data dict)."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        self.connection.request("GET", "/__ssg/events")
        self.response = self.connection.getresponse()
        self.events: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        name, data = None, None
        try:
            for raw in self.response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("event: "):
                    name = line[len("event: "):]
                elif line.startswith("data: "):
                    data = json.loads(line[len("data: "):])
                elif line == "" and name:
                    self.events.put((name, data))
                    name, data = None, None
        except (OSError, ValueError):
            pass
        self.events.put(("closed", None))

    def next(self, timeout: float = 5.0) -> tuple[str, dict | None]:
        return self.events.get(timeout=timeout)

    def next_build(self, timeout: float = 5.0) -> dict:
        while True:
            name, data = self.next(timeout)
            if name == "build":
                return data
            assert name != "closed", "the event stream closed"

    def close(self) -> None:
        self.connection.close()


@dataclass(frozen=True)
class SampleArticle:
    path: Path
    """Its Markdown file."""
    url: str
    """Site-relative URL ("2025/11/10/01/01-slug/")."""
    title: str


def sample_articles(root: Path) -> list[SampleArticle]:
    """The articles of the project as the site graph places them: news first, then the others."""
    site = load_site(load_config(root))
    found = [obj for obj in site.objects.values() if isinstance(obj, Article)]
    found.sort(key=lambda a: (a.kind != "news", a.url))
    assert found and found[0].kind == "news", "the sample has no news article"
    return [SampleArticle(root / a.source_path, a.url, a.title) for a in found]
