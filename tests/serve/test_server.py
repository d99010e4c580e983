"""The preview server over real HTTP on 127.0.0.1, with a stand-in builder."""

from __future__ import annotations

import http.client
import logging
import socket
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from serve_helpers import fetch, raw_request

from ssg.diagnostics import SsgError
from ssg.serve import PreviewServer, bind
from ssg.serve.server import exposure_warning

ARTICLE = "2025/11/10/01/01-shou-jie/"
ARTICLE_MD = "content/2025/11/10/01/01-shou-jie/index.html"


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# --- serving files ----------------------------------------------------------------


def test_pages_are_served_at_the_base_path_with_the_reload_script(serve_fake):
    site = serve_fake(watch=False)
    status, headers, body = fetch(site.url + ARTICLE)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(headers["Content-Length"]) == len(body)
    assert headers["Cache-Control"] == "no-store"
    text = body.decode("utf-8")
    assert "首届火炬论坛在河北雄安新区举办" in text
    assert text.index("data-ssg-livereload") < text.rindex("</body>")
    assert 'data-version="test:1"' in text and 'data-status="200"' in text
    # added when serving only: the built file is untouched
    assert b"ssg-livereload" not in (site.output / ARTICLE / "index.html").read_bytes()


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("feed.xml", "application/xml; charset=utf-8"),
        ("static/index.json", "application/json"),
        ("static/app.wasm", "application/wasm"),
        ("static/font.woff2", "font/woff2"),
        ("static/logo.svg", "image/svg+xml"),
        ("static/app.js", "text/javascript; charset=utf-8"),
    ],
)
def test_mime_types_and_only_html_gets_the_script(serve_fake, path: str, kind: str):
    site = serve_fake(watch=False)
    status, headers, body = fetch(site.url + path)
    assert (status, headers["Content-Type"]) == (200, kind)
    assert body == (site.output / path).read_bytes()


def test_the_stylesheet_is_css(serve_fake):
    site = serve_fake(watch=False)
    css = next((site.output / "static").glob("style.*.css")).name
    status, headers, _ = fetch(f"{site.url}static/{css}")
    assert (status, headers["Content-Type"]) == (200, "text/css; charset=utf-8")


def test_head_sends_headers_only(serve_fake):
    site = serve_fake(watch=False)
    status, headers, body = fetch(site.url + ARTICLE, method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0


def test_a_folder_without_its_slash_redirects(serve_fake):
    site = serve_fake(watch=False)
    status, headers, _ = fetch(site.url + ARTICLE.rstrip("/") + "?x=1")
    assert status == 302
    assert headers["Location"] == urlsplit(site.url).path + ARTICLE + "?x=1"
    assert fetch(site.url.rstrip("/"))[1]["Location"] == "/herald/"


def test_a_missing_page_is_the_sites_404_page_with_status_404(serve_fake):
    site = serve_fake(watch=False)
    for path in ("nope/", "2025/11/10/99/", "static/missing.css"):
        status, headers, body = fetch(site.url + path)
        assert (status, headers["Content-Type"]) == (404, "text/html; charset=utf-8")
        assert "找不到页面" in body.decode("utf-8")
        assert b'data-status="404"' in body
    assert fetch(origin(site.url) + "/elsewhere/")[0] == 404


@pytest.mark.parametrize(
    "target",
    [
        "/herald/../secret.txt",
        "/herald/../../secret.txt",
        "/herald/%2e%2e/secret.txt",
        "/herald/%2e%2e/%2e%2e/secret.txt",
        "/herald/..%2fsecret.txt",
        "/herald/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/herald/..%5csecret.txt",
        "/herald/..\\secret.txt",
        "/herald/%5c..%5c..%5csecret.txt",
        "/../secret.txt",
        "/herald/static/../../secret.txt",
        "/herald/leak.txt",
        "/herald/leak/secret.txt",
    ],
)
def test_traversal_attempts_get_404(serve_fake, target: str):
    site = serve_fake(watch=False)
    (site.output / "leak.txt").symlink_to(site.root.parent / "secret.txt")
    (site.output / "leak").symlink_to(site.root.parent)
    status, body = raw_request(site.url, target)
    assert status == 404
    assert b"top secret" not in body


def test_a_hundred_concurrent_clients_get_no_error(serve_fake, events):
    site = serve_fake(watch=False)
    streams = [events(site.url) for _ in range(10)]  # open tabs hold event streams meanwhile
    paths = ["", ARTICLE, "feed.xml", "static/app.wasm", "nope/"]

    def client(i: int) -> list[int]:
        return [fetch(site.url + paths[(i + k) % len(paths)])[0] for k in range(5)]

    with ThreadPoolExecutor(max_workers=100) as pool:
        results = list(pool.map(client, range(100)))
    statuses = [s for r in results for s in r]
    assert len(statuses) == 500
    assert statuses.count(404) == 100 and statuses.count(200) == 400
    for stream in streams:
        assert stream.next()[0] == "hello"


# --- rebuilding and telling the pages ----------------------------------------------


def test_an_edit_rebuilds_only_what_changed_and_names_the_page(serve_fake, events):
    site = serve_fake()
    stream = events(site.url)
    assert stream.next() == ("hello", {"type": "hello", "version": "test:1", "ok": True, "errors": []})
    article = site.root / ARTICLE_MD
    article.write_text(article.read_text(encoding="utf-8").replace("首届火炬论坛举办", "论坛今日开幕"), encoding="utf-8")
    message = stream.next_build()
    assert message["ok"] and message["version"] == "test:2"
    assert message["changed"] == ["/herald/" + ARTICLE]
    assert site.builder.calls[-1] == (site.root / ARTICLE_MD,)
    assert "论坛今日开幕" in fetch(site.url + ARTICLE)[2].decode("utf-8")


def test_a_css_edit_sends_the_new_stylesheet(serve_fake, events):
    site = serve_fake()
    stream = events(site.url)
    stream.next()
    (site.root / "themes/style.css").write_text("#title { color: rgb(200, 0, 0); }\n")
    message = stream.next_build()
    [(old, new)] = message["css"].items()
    assert old == "/herald/static/style.css"
    assert new.startswith("/herald/static/style.") and new != old
    status, _, body = fetch(origin(site.url) + new)
    assert status == 200 and b"200, 0, 0" in body


def test_a_build_error_is_reported_and_the_last_good_site_stays(serve_fake, events, caplog):
    site = serve_fake()
    stream = events(site.url)
    stream.next()
    before = fetch(site.url + ARTICLE)[2]
    article = site.root / ARTICLE_MD
    good = article.read_text(encoding="utf-8")
    lines = good.split("\n")
    article.write_text("\n".join(lines[:3] + ["!!error: 首届火炬论坛 2025"] + lines[3:]), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="ssg"):
        message = stream.next_build()
        assert not message["ok"]
        [error] = message["errors"]
        assert (error["path"], error["line"]) == (ARTICLE_MD, 4)
        assert "bad front matter" in error["message"]
        assert fetch(site.url + ARTICLE)[2] == before
        # a page opened now learns of the error at once
        late = events(site.url)
        assert late.next()[1]["errors"][0]["line"] == 4
        article.write_text(good.replace("首届火炬论坛举办", "已修好"), encoding="utf-8")
        fixed = stream.next_build()
    assert fixed["ok"] and fixed["errors"] == []
    assert fixed["changed"] == ["/herald/" + ARTICLE]
    assert "已修好" in fetch(site.url + ARTICLE)[2].decode("utf-8")
    terminal = caplog.text
    assert f"error: {ARTICLE_MD}:4: bad front matter" in terminal
    assert "still serving the last good site" in terminal


def test_a_deleted_page_is_named_as_changed(serve_fake, events):
    site = serve_fake()
    stream = events(site.url)
    stream.next()
    (site.root / ARTICLE_MD).unlink()
    message = stream.next_build()
    assert "/herald/" + ARTICLE in message["changed"]
    assert fetch(site.url + ARTICLE)[0] == 404


def test_a_first_build_that_fails_serves_the_errors_until_fixed(serve_fake, fake_project, events):
    article = fake_project / ARTICLE_MD
    good = article.read_text(encoding="utf-8")
    article.write_text("!!error\n" + good, encoding="utf-8")
    site = serve_fake()
    status, _, body = fetch(site.url + ARTICLE)
    assert status == 503
    assert f"{ARTICLE_MD}:1: bad front matter".encode() in body
    assert b'data-status="503"' in body
    stream = events(site.url)
    assert stream.next()[1]["ok"] is False
    article.write_text(good, encoding="utf-8")
    assert stream.next_build()["ok"]
    assert site.builder.calls[-1] is None  # still no good build to be incremental on: a full one
    assert fetch(site.url + ARTICLE)[0] == 200


def test_a_sources_change_says_to_re_run_ingest(serve_fake, caplog):
    site = serve_fake()
    with caplog.at_level(logging.WARNING, logger="ssg"):
        (site.root / "sources/2025-11-10.txt").write_text("raw text")
        deadline = time.monotonic() + 5
        while "re-run `ssg ingest sources/2025-11-10.txt`" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)
    assert "re-run `ssg ingest sources/2025-11-10.txt`" in caplog.text
    assert site.builder.calls == [None]


def test_requests_wait_for_a_running_build(serve_fake):
    site = serve_fake(watch=False)
    release = threading.Event()
    real_build = site.builder.build

    def slow_build(changed=None):
        release.wait(5)
        return real_build(changed)

    site.builder.build = slow_build
    article = site.root / ARTICLE_MD
    article.write_text(article.read_text(encoding="utf-8").replace("首届火炬论坛举办", "新版本"), encoding="utf-8")
    builder = threading.Thread(target=site.server.preview.build, args=([article],))
    builder.start()
    time.sleep(0.1)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fetch(site.url + ARTICLE)[2]))
    reader.start()
    time.sleep(0.3)
    assert not got  # held back while the build runs
    release.set()
    builder.join(5)
    reader.join(5)
    assert "新版本" in got[0].decode("utf-8")


# --- binding and stopping --------------------------------------------------------------


def test_a_port_in_use_is_one_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SsgError) as caught:
            bind("127.0.0.1", port)
    [d] = caught.value.diagnostics
    assert str(d).startswith(f"port {port} on 127.0.0.1 is in use (")
    assert "--port 0" in str(d) and "\n" not in str(d)


def test_port_zero_picks_a_free_port(tmp_path):
    servers = [PreviewServer(lambda url: None, tmp_path / "out", "/", port=0) for _ in range(2)]
    try:
        ports = {s.port for s in servers}
        assert len(ports) == 2 and 0 not in ports
        assert servers[0].url == f"http://127.0.0.1:{servers[0].port}/"
    finally:
        for s in servers:
            s.stop()


@pytest.mark.parametrize(("host", "warns"), [("127.0.0.1", False), ("::1", False), ("localhost", False),
                                             ("0.0.0.0", True), ("::", True), ("", True)])
def test_binding_every_interface_warns(host: str, warns: bool):
    assert (exposure_warning(host) is not None) == warns


def test_stop_ends_open_event_streams_and_threads_promptly(serve_fake, events):
    site = serve_fake()
    streams = [events(site.url) for _ in range(20)]
    for stream in streams:
        assert stream.next()[0] == "hello"
    started = time.monotonic()
    site.server.stop()
    assert time.monotonic() - started < 3.0
    for stream in streams:
        assert stream.next()[0] == "closed"
    assert not site.server.watcher.alive
    assert not any(t.name.startswith("ssg-") and t.is_alive() for t in threading.enumerate())
    with pytest.raises(OSError):
        urllib.request.urlopen(site.url, timeout=2)


def test_the_events_endpoint_is_an_event_stream(serve_fake):
    site = serve_fake(watch=False)
    parts = urlsplit(site.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    conn.request("GET", "/__ssg/events")
    response = conn.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/event-stream; charset=utf-8"
    conn.close()
    status, headers, body = fetch(origin(site.url) + "/__ssg/worker.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and b"EventSource" in body



def test_a_build_cut_short_by_stopping_is_not_reported_as_an_error(serve_fake, caplog):
    site = serve_fake()
    entered, release = threading.Event(), threading.Event()

    def build_until_stopped(changed=None):
        entered.set()
        release.wait(5)
        raise FileNotFoundError("the private folder was removed")

    site.builder.build = build_until_stopped
    article = site.root / ARTICLE_MD
    article.write_text(article.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert entered.wait(5)
    with caplog.at_level(logging.DEBUG, logger="ssg"):
        stopper = threading.Thread(target=site.server.stop)
        stopper.start()
        time.sleep(0.2)
        release.set()
        stopper.join(10)
    assert not site.server.watcher.alive
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text


def test_ipv6_loopback(tmp_path):
    if not socket.has_ipv6:
        pytest.skip("no IPv6 here")
    try:
        server = PreviewServer(lambda url: None, tmp_path / "out", "/herald/", host="::1", port=0)
    except SsgError as exc:
        pytest.skip(f"no IPv6 loopback here: {exc}")
    try:
        assert server.url == f"http://[::1]:{server.port}/herald/"
    finally:
        server.stop()
