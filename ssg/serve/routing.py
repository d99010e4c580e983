"""Request path -> file in the output folder, and the MIME type to send it with.

`resolve_request` is the only place the preview server turns a URL into a file
name, so it is the only place that has to get traversal right: a request can
reach a file inside the output folder and nothing else, whatever it encodes
(`..`, `%2e%2e`, `%2f`, backslashes, NUL) and wherever a symlink points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# A fixed table, not the system's mimetypes database: /etc/mime.types differs
# between machines and some lack wasm, woff2 or webmanifest.
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml; charset=utf-8",
    ".xsl": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".wasm": "application/wasm",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".pdf": "application/pdf",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".zip": "application/zip",
    ".gz": "application/gzip",
}
DEFAULT_MIME = "application/octet-stream"

# Percent-encoded "/" and "\\" would smuggle a separator past the split below.
_ENCODED_SEPARATOR = re.compile(r"%(2f|5c)", re.IGNORECASE)


def content_type(path: str | Path) -> str:
    """The Content-Type header for a file name."""
    return MIME_TYPES.get(PurePosixPath(str(path)).suffix.lower(), DEFAULT_MIME)


def is_html(path: str | Path) -> bool:
    return content_type(path).startswith("text/html")


def base_path_of(base_url: str) -> str:
    """The path part of a base URL, always with slashes at both ends: "/herald/" or "/"."""
    path = urlsplit(base_url).path.strip("/")
    return f"/{path}/" if path else "/"


def local_base_url(host: str, port: int, base_path: str) -> str:
    """The address a browser on this machine uses: base_url's host replaced by the bound one.

    A server bound to every interface is still reached at 127.0.0.1 (or ::1) here.
    """
    if host in ("", "0.0.0.0"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{base_path}"


@dataclass(frozen=True)
class FileRoute:
    path: Path
    """A regular file inside the output folder (resolved)."""


@dataclass(frozen=True)
class Redirect:
    location: str
    """Where the browser should go instead: a path with the trailing slash added."""


@dataclass(frozen=True)
class NotFound:
    reason: str
    """Why (for the debug log only; the browser sees the 404 page)."""


Route = FileRoute | Redirect | NotFound


def resolve_request(output: Path, base_path: str, target: str) -> Route:
    """Map a request target ("/herald/2025/11/10/?x=1") to a file of `output`.

    A folder is served by its index.html, and a folder asked for without the
    trailing slash is redirected to it (relative links in the page would
    resolve against the parent otherwise). Anything outside `output`, after
    following symlinks, is NotFound, as is anything outside `base_path`
    except the bare base path without its slash (redirected).
    """
    parts = urlsplit(target)
    raw = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    if raw == base_path.rstrip("/") and base_path != "/":
        return Redirect(base_path + query)
    if not raw.startswith(base_path):
        return NotFound(f"outside the base path {base_path}")
    rest = raw[len(base_path):]
    if _ENCODED_SEPARATOR.search(rest):
        return NotFound("encoded path separator")
    try:
        decoded = unquote(rest, errors="strict")
    except UnicodeDecodeError:
        return NotFound("path is not UTF-8")
    if "\\" in decoded or "\0" in decoded:
        return NotFound("backslash or NUL in path")
    segments = [s for s in decoded.split("/") if s]
    if any(s in (".", "..") for s in segments):
        return NotFound("dot segment in path")
    root = output.resolve()
    candidate = _inside(root, root.joinpath(*segments))
    if candidate is None:
        return NotFound("resolves outside the output folder")
    if candidate.is_dir():
        if not raw.endswith("/"):
            return Redirect(raw + "/" + query)
        candidate = _inside(root, candidate / "index.html")
        if candidate is None:
            return NotFound("index.html resolves outside the output folder")
    if not candidate.is_file():
        return NotFound("no such file")
    return FileRoute(candidate)


def _inside(root: Path, path: Path) -> Path | None:
    """`path` with symlinks followed, if it stays within `root` (already resolved)."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return None
    return resolved if resolved.is_relative_to(root) else None


def url_of_output_path(base_path: str, site_path: str) -> str:
    """Output file "2025/11/10/index.html" -> the URL path a browser shows, "/herald/2025/11/10/"."""
    if site_path == "index.html":
        site_path = ""
    elif site_path.endswith("/index.html"):
        site_path = site_path[: -len("index.html")]
    return base_path + site_path
