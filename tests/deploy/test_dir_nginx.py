"""The dir target behind a real nginx: readers never see an error or a mixed site.

nginx (Debian's package) serves `current` with the server block from
docs/deploy.md. Client threads fetch pages and each page's stylesheet in a
loop while five deploys and a rollback run. Every response must be complete,
carry the marker of a version already being deployed, never go back to an
older version before the rollback, and its stylesheet must be the one of the
same version.
"""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
from deploy_sites import (
    PAGE_END,
    TITLE_MARKER,
    VERSION,
    copy_sample,
    make_site,
    require,
    run_ssg,
    set_version,
    target,
)
from nginx_server import nginx_binary, run_nginx

from ssg.deploy import publish_folder, rollback

STYLESHEET = re.compile(rb'<link rel="stylesheet" href="([^"]+\.css)"')
PAGES = ["", "404.html"] + [f"2025/11/{10 + n:02d}/" for n in range(30)]


def hand_made_version(body: bytes) -> str | None:
    marker = VERSION.search(body)
    return marker[1].decode() if marker else None


def title_version(body: bytes) -> str | None:
    """The version in the site title, which every page of a real build shows, often several times."""
    found = set(TITLE_MARKER.findall(body.decode("utf-8", errors="replace")))
    return found.pop() if len(found) == 1 else (f"mixed {sorted(found)}" if found else None)


@dataclass
class Reader:
    """One client on one keep-alive connection, noting every problem it meets."""

    port: int
    pages: list[str]
    version_of: Callable[[bytes], str | None]
    """The version marker of a page (None, or a made-up name, for none or several disagreeing)."""
    versioned_css: bool
    """The stylesheet carries the version too (hand-made sites)."""
    allowed: set[str]
    rolled_back: threading.Event
    done: threading.Event
    deadline: float
    errors: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    requests: int = 0

    def get(self, conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes, int | None]:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()  # raises IncompleteRead on a short body
        self.requests += 1
        length = response.getheader("Content-Length")
        return response.status, body, int(length) if length is not None else None

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        n = 0
        try:
            while not self.done.is_set() and time.monotonic() < self.deadline and self.requests < 100_000:
                page = "/" + self.pages[n % len(self.pages)]
                n += 1
                try:
                    self.check_page(conn, page)
                except (OSError, http.client.HTTPException) as exc:
                    self.errors.append(f"{page}: {type(exc).__name__}: {exc}")
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        finally:
            conn.close()

    def check_page(self, conn: http.client.HTTPConnection, page: str) -> None:
        status, body, length = self.get(conn, page)
        if status != 200 or not body.endswith(PAGE_END) or (length is not None and length != len(body)):
            self.errors.append(f"{page}: status {status}, {len(body)} bytes, incomplete or failed")
            return
        version = self.version_of(body)
        if version not in self.allowed:
            self.errors.append(f"{page}: version {version} was never deployed")
            return
        if self.seen and not self.rolled_back.is_set() and int(version[1:]) < int(self.seen[-1][1:]):
            self.errors.append(f"{page}: {version} after {self.seen[-1]}: an older site came back")
        self.seen.append(version)
        link = STYLESHEET.search(body)
        if not link:
            self.errors.append(f"{page} ({version}): no stylesheet link")
            return
        href = link[1].decode()
        css_path = urlsplit(urljoin(f"http://127.0.0.1{page}", href)).path
        status, css, _ = self.get(conn, css_path)
        if status != 200 or not css or (self.versioned_css and f"/* {version} */".encode() not in css):
            self.errors.append(f"{page} ({version}): its stylesheet {css_path} answered {status} {css[:30]!r}")


def assert_every_page_is(nginx, pages, version_of, versioned_css: bool, version: str) -> None:
    """Once deploys are over: every page (and its stylesheet) is `version`, and nginx logged no error."""
    after = Reader(nginx.port, pages, version_of, versioned_css, {version}, threading.Event(), threading.Event(),
                   time.monotonic() + 30)
    conn = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
    for page in pages:
        after.check_page(conn, "/" + page)
    conn.close()
    assert after.errors == [] and set(after.seen) == {version}
    assert "[error]" not in nginx.errors() and "[crit]" not in nginx.errors(), nginx.errors()[-2000:]


def test_readers_see_whole_sites_through_five_deploys_and_a_rollback(tmp_path, project):
    require(nginx_binary() is not None, "nginx is not installed")
    dest = tmp_path / "www"
    deploy_to = target(f"dir:{dest}", keep=3)
    sites = {n: tmp_path / f"s{n}" for n in range(1, 7)}
    for n, folder in sites.items():
        make_site(folder, f"v{n}", pages=30, filler=20_000)
    publish_folder(sites[1], deploy_to, project=project)
    allowed = {"v1"}
    rolled_back, done = threading.Event(), threading.Event()

    with run_nginx(tmp_path / "nginx", dest) as nginx:
        readers = [Reader(nginx.port, PAGES, hand_made_version, True, allowed, rolled_back, done, time.monotonic() + 120)
                   for _ in range(3)]
        threads = [threading.Thread(target=r.run, name=f"reader {i}") for i, r in enumerate(readers)]
        for t in threads:
            t.start()
        try:
            time.sleep(0.3)
            for n in range(2, 7):  # five deploys under load
                allowed.add(f"v{n}")
                result = publish_folder(sites[n], deploy_to, project=project)
                assert result.published
                time.sleep(0.4)
            rolled_back.set()
            assert "rolled back" in rollback(deploy_to, base=project)
            time.sleep(0.4)
        finally:
            done.set()
            for t in threads:
                t.join(timeout=30)

        errors = [e for r in readers for e in r.errors]
        assert errors == [], f"{len(errors)} bad responses, first: {errors[:5]}"
        requests = sum(r.requests for r in readers)
        seen = {v for r in readers for v in r.seen}
        assert requests >= 200, f"only {requests} requests ran during the deploys"
        assert len(seen) >= 4, f"the readers saw only {sorted(seen)} while six versions were live in turn"

        # after the rollback every page is the fifth version, and the sixth's stylesheet is gone from current
        assert_every_page_is(nginx, PAGES, hand_made_version, True, "v5")
    assert len(list((dest / "releases").iterdir())) == 3  # keep=3 pruned the older ones while serving


def test_a_page_from_two_deploys_ago_still_gets_its_stylesheet(tmp_path, project):
    """A reader's page may come from a release that is no longer current nor previous."""
    require(nginx_binary() is not None, "nginx is not installed")
    dest = tmp_path / "www"
    styles = {}
    for version in ("v1", "v2", "v3"):
        files = make_site(tmp_path / version, version)
        [styles[version]] = [p for p in files if p.startswith("static/")]
        publish_folder(tmp_path / version, target(f"dir:{dest}", keep=3), project=project)
    assert len(set(styles.values())) == 3
    with run_nginx(tmp_path / "nginx", dest) as nginx:
        conn = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
        for version, path in styles.items():
            conn.request("GET", "/" + path)
            response = conn.getresponse()
            body = response.read()
            assert (response.status, f"/* {version} */".encode() in body) == (200, True), (version, path)
        conn.close()


@pytest.mark.parametrize("path, status", [("/.ssg-published.json", 404), ("/no/such/page/", 404)])
def test_documented_server_block_hides_bookkeeping_and_answers_404(tmp_path, project, path, status):
    require(nginx_binary() is not None, "nginx is not installed")
    dest = tmp_path / "www"
    make_site(tmp_path / "s1", "v1")
    (tmp_path / "s1" / ".ssg-published.json").write_text("{}")  # as an rsync target would hold it
    publish_folder(tmp_path / "s1", target(f"dir:{dest}"), project=project)
    with run_nginx(tmp_path / "nginx", dest) as nginx:
        conn = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        conn.close()
    assert response.status == status
    assert b"<h1>404.html</h1>" in body  # the site's own 404 page


def test_real_deploys_of_the_sample_under_load(tmp_path):
    """`ssg deploy` (real build, check, dir target) five times and `--rollback`, with nginx serving throughout."""
    require(nginx_binary() is not None, "nginx is not installed")
    server = "deploy:\n  - name: server\n    to: dir:www\n    keep: 4\n"
    sample = copy_sample(tmp_path / "sample", "v1")
    set_version(sample, "v1", server)
    first = run_ssg("deploy", cwd=sample)
    assert first.returncode == 0, first.stderr
    current = sample / "www" / "current"
    pages = sorted(
        "" if p == "index.html" else (p[: -len("index.html")] if p.endswith("/index.html") else p)
        for p in (q.relative_to(current).as_posix() for q in current.rglob("*.html"))
    )
    allowed = {"v1"}
    rolled_back, done = threading.Event(), threading.Event()
    with run_nginx(tmp_path / "nginx", sample / "www") as nginx:
        readers = [Reader(nginx.port, pages, title_version, False, allowed, rolled_back, done, time.monotonic() + 240)
                   for _ in range(2)]
        threads = [threading.Thread(target=r.run, name=f"reader {i}") for i, r in enumerate(readers)]
        for t in threads:
            t.start()
        try:
            for n in range(2, 7):
                set_version(sample, f"v{n}", server)
                allowed.add(f"v{n}")
                result = run_ssg("deploy", cwd=sample)
                assert result.returncode == 0, result.stderr
                assert "released" in result.stdout
            rolled_back.set()
            result = run_ssg("deploy", "--rollback", cwd=sample)
            assert result.returncode == 0 and "rolled back" in result.stdout, result.stderr
            time.sleep(0.3)
        finally:
            done.set()
            for t in threads:
                t.join(timeout=30)
        errors = [e for r in readers for e in r.errors]
        assert errors == [], f"{len(errors)} bad responses, first: {errors[:5]}"
        seen = {v for r in readers for v in r.seen}
        assert sum(r.requests for r in readers) >= 100
        assert len(seen) >= 4, f"the readers saw only {sorted(seen)}"
        assert_every_page_is(nginx, pages, title_version, False, "v5")
