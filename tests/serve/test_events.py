"""What open pages are told after a build, and the hub that tells them."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from ssg.diagnostics import Diagnostic
from ssg.serve.events import (
    MAX_CHANGED,
    BuildEvent,
    ErrorInfo,
    EventHub,
    SiteState,
    render_build,
)
from ssg.serve.preview import plan_build_event, unfingerprinted

STATE = SiteState("abcd:2")
ARTICLE = Path("/site/content/editions/2025-11-10/01-shou-jie.md")
CSS = Path("/site/themes/newspaper/static/style.css")


def parse(message: bytes) -> tuple[str, dict]:
    lines = message.decode("utf-8").rstrip("\n").split("\n")
    assert lines[0].startswith("event: ") and lines[1].startswith("data: ") and len(lines) == 2
    return lines[0][len("event: "):], json.loads(lines[1][len("data: "):])


def test_an_article_edit_names_the_pages_that_changed():
    written = ("2025/11/10/01/01-shou-jie/index.html", "2025/11/10/01/index.html", "index.html",
               "feed.xml", "sitemap.xml", ".ssg-output.json")
    event = plan_build_event(STATE, "/herald/", written, [ARTICLE])
    assert event.changed == ("/herald/", "/herald/2025/11/10/01/", "/herald/2025/11/10/01/01-shou-jie/")
    assert event.css == {}


def test_a_stylesheet_edit_swaps_the_sheet_instead_of_reloading():
    written = ("static/style.1a2b3c4d.css", "index.html", "2025/11/10/index.html")
    event = plan_build_event(STATE, "/herald/", written, [CSS])
    assert event.css == {"/herald/static/style.css": "/herald/static/style.1a2b3c4d.css"}


def test_a_stylesheet_edited_with_a_template_reloads():
    written = ("static/style.1a2b3c4d.css", "index.html")
    event = plan_build_event(STATE, "/", written, [CSS, Path("/site/templates/base.html")])
    assert event.css == {}
    assert event.changed == ("/",)


def test_a_full_build_reloads_every_page():
    assert plan_build_event(STATE, "/", ("index.html",), None).changed is None


def test_an_image_keeping_its_name_reloads_every_page():
    event = plan_build_event(STATE, "/", ("static/logo.png",), [Path("/site/static/logo.png")])
    assert event.changed is None


def test_too_many_changed_pages_are_not_listed():
    written = tuple(f"a/{i}/index.html" for i in range(MAX_CHANGED + 1))
    assert plan_build_event(STATE, "/", written, [ARTICLE]).changed is None
    assert len(plan_build_event(STATE, "/", written[:MAX_CHANGED], [ARTICLE]).changed) == MAX_CHANGED


def test_nothing_written_changes_no_page():
    assert plan_build_event(STATE, "/", (), [ARTICLE]).changed == ()


def test_unfingerprinted():
    assert unfingerprinted("static/style.3f2a9c1e.css") == "static/style.css"
    assert unfingerprinted("static/app.3f2a9c1e.js") == "static/app.js"
    assert unfingerprinted("static/print.css") == "static/print.css"
    assert unfingerprinted("static/logo.3f2a9c1e.png") == "static/logo.3f2a9c1e.png"


def test_a_build_message_is_one_sse_event_with_the_errors():
    error = ErrorInfo.of(Diagnostic("content/a.md", 3, "bad YAML in front matter:\nmapping", "fix it"))
    event, data = parse(render_build(BuildEvent(SiteState("x:1", ok=False, errors=(error,)), ())))
    assert event == "build"
    assert data["ok"] is False and data["version"] == "x:1"
    assert data["errors"][0]["path"] == "content/a.md" and data["errors"][0]["line"] == 3
    assert data["errors"][0]["text"] == "content/a.md:3: bad YAML in front matter:\nmapping (fix it)"


def test_hub_greets_each_stream_with_the_current_state_then_fans_out():
    hub = EventHub(SiteState("x:0"))
    first = hub.subscribe()
    hub.publish(BuildEvent(SiteState("x:1"), ("/",)))
    second = hub.subscribe()
    assert parse(first.get_nowait()) == ("hello", {"type": "hello", "version": "x:0", "ok": True, "errors": []})
    assert parse(first.get_nowait())[1]["changed"] == ["/"]
    assert parse(second.get_nowait())[1]["version"] == "x:1"
    assert second.empty()
    assert hub.client_count == 2


def test_closing_the_hub_ends_every_stream():
    hub = EventHub(SiteState("x:0"))
    streams = [hub.subscribe() for _ in range(5)]
    ended = []

    def drain(q):
        while q.get(timeout=5) is not None:
            pass
        ended.append(q)

    threads = [threading.Thread(target=drain, args=(q,)) for q in streams]
    for t in threads:
        t.start()
    hub.close()
    for t in threads:
        t.join(5)
    assert len(ended) == 5
    assert hub.subscribe() is None
    assert hub.client_count == 0


def test_removed_pages_are_changed_and_removed_sheets_are_not_swapped_in():
    event = plan_build_event(STATE, "/", ("static/style.1a2b3c4d.css",), [CSS], removed=("static/style.99999999.css",))
    assert event.css == {"/static/style.css": "/static/style.1a2b3c4d.css"}
    event = plan_build_event(STATE, "/", ("index.html",), [ARTICLE], removed=("2025/11/10/01/01-a/index.html",))
    assert event.changed == ("/", "/2025/11/10/01/01-a/")
