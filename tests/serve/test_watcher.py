"""Watching a project: what counts as a change, one batch per save, a clean stop."""

from __future__ import annotations

import queue
import time
from pathlib import Path

import pytest

from ssg.serve.watcher import Batch, Watcher, WatchPlan, classify

ROOT = Path("/p")


@pytest.mark.parametrize(
    ("rel", "kind"),
    [
        ("content/editions/2025-11-10/01-a.md", "input"),
        ("content/editions/2025-11-10/03-b/02-c.md", "input"),
        ("site.yaml", "input"),
        ("themes/newspaper/static/style.css", "input"),
        ("templates/article.html", "input"),
        ("static/logo.png", "input"),
        ("sources/2025-11-10.txt", "source"),
        ("public/index.html", None),
        ("README.md", None),
        ("content", None),
        ("content/editions/2025-11-10/.01-a.md.swp", None),
        ("content/editions/2025-11-10/01-a.md~", None),
        ("content/editions/2025-11-10/4913", None),
        ("content/editions/2025-11-10/#01-a.md#", None),
        ("content/editions/2025-11-10/01-a.md___jb_tmp___", None),
        ("content/.git/index", None),
        ("themes/x/node_modules/a.css", None),
        ("site.yaml.swp", None),
    ],
)
def test_classify(rel: str, kind: str | None):
    batch = classify(WatchPlan(ROOT), [ROOT / rel])
    assert batch.inputs == ((ROOT / rel,) if kind == "input" else ())
    assert batch.sources == ((ROOT / rel,) if kind == "source" else ())


def test_the_content_folder_comes_from_site_yaml():
    plan = WatchPlan(ROOT, content_dir="articles")
    assert classify(plan, [ROOT / "articles/a.md"]).inputs == (ROOT / "articles/a.md",)
    assert classify(plan, [ROOT / "content/a.md"]).inputs == ()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content/editions/2025-11-10").mkdir(parents=True)
    (tmp_path / "sources").mkdir()
    (tmp_path / "public").mkdir()
    (tmp_path / "site.yaml").write_text("title: t\n")
    return tmp_path


@pytest.fixture
def watching(project: Path):
    batches: queue.Queue[Batch] = queue.Queue()
    watcher = Watcher(WatchPlan(project), batches.put)
    watcher.start()
    time.sleep(0.3)  # inotify watches are set up in the watcher threads
    yield batches
    watcher.stop()
    assert not watcher.alive


def next_batch(batches: queue.Queue, timeout: float = 5.0) -> Batch:
    return batches.get(timeout=timeout)


def assert_quiet(batches: queue.Queue, seconds: float = 0.6) -> None:
    with pytest.raises(queue.Empty):
        extra = batches.get(timeout=seconds)
        pytest.fail(f"an extra batch: {extra}")


def test_saving_many_files_at_once_is_one_batch(project: Path, watching: queue.Queue):
    folder = project / "content/editions/2025-11-10"
    names = [folder / f"{i:02d}-a.md" for i in range(40)]
    for path in names:
        path.write_text("---\ntitle: x\n---\n")
    batch = next_batch(watching)
    assert set(names) <= set(batch.inputs)
    assert batch.sources == () and not batch.full
    assert_quiet(watching)


def test_each_save_after_a_pause_is_its_own_batch(project: Path, watching: queue.Queue):
    article = project / "content/editions/2025-11-10/01-a.md"
    for text in ("one", "two"):
        article.write_text(text)
        assert article in next_batch(watching).inputs
    (project / "site.yaml").write_text("title: u\n")
    assert next_batch(watching).inputs == (project / "site.yaml",)


def test_sources_and_output_are_told_apart(project: Path, watching: queue.Queue):
    (project / "public/index.html").write_text("built")
    (project / "sources/2025-11-10.txt").write_text("raw")
    batch = next_batch(watching)
    assert batch.sources == (project / "sources/2025-11-10.txt",)
    assert batch.inputs == ()
    assert_quiet(watching)


def test_editor_swap_files_alone_make_no_batch(project: Path, watching: queue.Queue):
    folder = project / "content/editions/2025-11-10"
    (folder / ".01-a.md.swp").write_text("swap")
    (folder / "01-a.md~").write_text("backup")
    (folder / "4913").write_text("")
    (folder / "4913").unlink()
    assert_quiet(watching)


def test_a_new_input_folder_rebuilds_everything_and_is_then_watched(project: Path, watching: queue.Queue):
    (project / "templates").mkdir()
    assert next_batch(watching).full
    time.sleep(0.3)
    (project / "templates/article.html").write_text("{{ article.title }}")
    batch = next_batch(watching)
    assert project / "templates/article.html" in batch.inputs


def test_stop_ends_every_thread_quickly(project: Path):
    watcher = Watcher(WatchPlan(project), lambda batch: None)
    watcher.start()
    time.sleep(0.2)
    started = time.monotonic()
    watcher.stop()
    assert not watcher.alive
    assert time.monotonic() - started < 2.0
