"""URL -> file: folders, redirects, the base path, and every way out of the output folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ssg.serve.routing import (
    FileRoute,
    NotFound,
    Redirect,
    base_path_of,
    content_type,
    local_base_url,
    resolve_request,
    url_of_output_path,
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """An output folder beside a secret file, with symlinks in and out."""
    out = tmp_path / "out"
    (out / "2025/11/10/01").mkdir(parents=True)
    (out / "index.html").write_text("home")
    (out / "2025/11/10/index.html").write_text("edition")
    (out / "2025/11/10/01/index.html").write_text("page 1")
    (out / "feed.xml").write_text("<feed/>")
    (out / "文章").mkdir()
    (out / "文章/index.html").write_text("chinese folder")
    (out / "noindex").mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/index.html").write_text("outside")
    os.symlink(tmp_path / "secret.txt", out / "leak.txt")
    os.symlink(tmp_path / "outside", out / "leakdir")
    os.symlink(out / "feed.xml", out / "alias.xml")
    (out / "noindex/index.html").symlink_to(tmp_path / "secret.txt")
    return out


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/herald/", "index.html"),
        ("/herald/index.html", "index.html"),
        ("/herald/2025/11/10/", "2025/11/10/index.html"),
        ("/herald/2025/11/10/01/?from=feed", "2025/11/10/01/index.html"),
        ("/herald/feed.xml", "feed.xml"),
        ("/herald/%E6%96%87%E7%AB%A0/", "文章/index.html"),
        ("/herald/alias.xml", "feed.xml"),  # a symlink that stays inside is fine
        ("/herald//2025//11/10/", "2025/11/10/index.html"),
    ],
)
def test_files_inside_the_output_are_served(site: Path, target: str, expected: str):
    route = resolve_request(site, "/herald/", target)
    assert route == FileRoute((site / expected).resolve())


@pytest.mark.parametrize(
    ("target", "location"),
    [
        ("/herald/2025/11/10", "/herald/2025/11/10/"),
        ("/herald/2025/11/10?x=1", "/herald/2025/11/10/?x=1"),
        ("/herald", "/herald/"),
        ("/herald?x=1", "/herald/?x=1"),
    ],
)
def test_a_folder_without_its_slash_is_redirected(site: Path, target: str, location: str):
    assert resolve_request(site, "/herald/", target) == Redirect(location)


@pytest.mark.parametrize(
    "target",
    [
        "/herald/../secret.txt",
        "/herald/2025/../../secret.txt",
        "/herald/%2e%2e/secret.txt",
        "/herald/%2E%2E/secret.txt",
        "/herald/.%2e/secret.txt",
        "/herald/%2e%2e%2fsecret.txt",
        "/herald/..%2Fsecret.txt",
        "/herald/2025%2f11%2f10/",
        "/herald/..%5csecret.txt",
        "/herald/..\\secret.txt",
        "/herald/%5c..%5csecret.txt",
        "/herald/index.html%00.xml",
        "/herald/%ff%fe/",
        "/herald/leak.txt",
        "/herald/leakdir/",
        "/herald/leakdir/index.html",
        "/herald/noindex/",
        "/herald/./index.html",
        "/secret.txt",
        "/",
        "/heraldx/index.html",
        "/herald/missing.html",
        "/herald/2025/11/10/99/",
    ],
)
def test_nothing_outside_the_output_or_missing_is_found(site: Path, target: str):
    assert isinstance(resolve_request(site, "/herald/", target), NotFound)


def test_a_site_at_the_root(site: Path):
    assert resolve_request(site, "/", "/") == FileRoute((site / "index.html").resolve())
    assert resolve_request(site, "/", "/2025/11/10") == Redirect("/2025/11/10/")
    assert isinstance(resolve_request(site, "/", "/../secret.txt"), NotFound)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("index.html", "text/html; charset=utf-8"),
        ("feed.xml", "application/xml; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("search/index.json", "application/json"),
        ("static/app.wasm", "application/wasm"),
        ("static/font.woff2", "font/woff2"),
        ("static/style.3f2a9c1e.css", "text/css; charset=utf-8"),
        ("static/app.0a1b2c3d.js", "text/javascript; charset=utf-8"),
        ("static/logo.svg", "image/svg+xml"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("STATIC/PHOTO.JPG", "image/jpeg"),
        ("no-suffix", "application/octet-stream"),
    ],
)
def test_content_types(name: str, expected: str):
    assert content_type(name) == expected


@pytest.mark.parametrize(
    ("base_url", "path"),
    [
        ("https://example.org/", "/"),
        ("https://example.org", "/"),
        ("https://example.org/herald/", "/herald/"),
        ("https://example.org/herald", "/herald/"),
        ("https://example.org/a/b/", "/a/b/"),
    ],
)
def test_base_path_of(base_url: str, path: str):
    assert base_path_of(base_url) == path


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8000/herald/"),
        ("0.0.0.0", "http://127.0.0.1:8000/herald/"),
        ("::", "http://[::1]:8000/herald/"),
        ("::1", "http://[::1]:8000/herald/"),
        ("localhost", "http://localhost:8000/herald/"),
    ],
)
def test_local_base_url(host: str, url: str):
    assert local_base_url(host, 8000, "/herald/") == url


@pytest.mark.parametrize(
    ("site_path", "url"),
    [
        ("index.html", "/herald/"),
        ("2025/11/10/index.html", "/herald/2025/11/10/"),
        ("404.html", "/herald/404.html"),
        ("static/style.css", "/herald/static/style.css"),
    ],
)
def test_url_of_output_path(site_path: str, url: str):
    assert url_of_output_path("/herald/", site_path) == url
