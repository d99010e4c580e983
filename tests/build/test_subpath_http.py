"""The built site under a sub-path, served over real HTTP: every link of every kind of page answers."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin

import pytest

from ssg.build import build_site

PAGES = [
    "", "2025/11/10/", "2025/11/10/01/", "2025/11/10/01/01-shou-jie-huo-ju-lun-tan/",
    "2025/11/10/02/03-san-ge-yi/", "2025/11/10/02/03-san-ge-yi/02-da-zao-yi-ge-ping-tai/",
    "archive/", "tags/", "initiatives/", "about/", "404.html",
]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and ((name == "href" and tag in ("a", "link")) or (name == "src" and tag in ("img", "script"))):
                self.urls.append(value)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_every_link_of_every_page_kind_answers_under_a_sub_path(project, tmp_path, http_server):
    output = tmp_path / "www" / "herald"
    served = http_server(tmp_path / "www")  # the parent is the server's root: the site lives at /herald/
    base = f"http://127.0.0.1:{served.port}/herald/"
    build_site(project, output=output, base_url=base)
    checked = set()
    for page in PAGES:
        status, body = fetch(base + page)
        assert status == 200, page
        parser = Links()
        parser.feed(body.decode("utf-8"))
        assert parser.urls, page
        for link in parser.urls:
            target = urldefrag(urljoin(base + page, link)).url
            if not target.startswith("http://127.0.0.1") or target in checked:
                continue
            assert target.startswith(base), f"{page}: {link} leaves /herald/"
            checked.add(target)
            assert fetch(target)[0] == 200, f"{page}: {link} -> {target}"
    assert len(checked) > 20


@pytest.mark.parametrize("depth", ["nope/", "2025/11/10/nope/deeper/"])
def test_the_404_page_links_work_from_any_depth(project, tmp_path, http_server, depth):
    output = tmp_path / "www" / "herald"
    served = http_server(tmp_path / "www")
    base = f"http://127.0.0.1:{served.port}/herald/"
    build_site(project, output=output, base_url=base)
    parser = Links()
    parser.feed((output / "404.html").read_text(encoding="utf-8"))
    missing = base + depth  # where a server would show the 404 page
    for link in parser.urls:
        target = urldefrag(urljoin(missing, link)).url
        if target.startswith("http://127.0.0.1") and not link.startswith("#"):
            assert fetch(target)[0] == 200, f"{link} from {depth}"
