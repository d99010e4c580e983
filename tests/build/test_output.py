"""The output writer: staging + swap, refusals, the manifest, in-place updates."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from build_helpers import tree

from ssg.diagnostics import SsgError
from ssg.output import (
    MARKER,
    Manifest,
    Staging,
    check_output_dir,
    check_paths,
    load_manifest,
    record_of,
    update_output,
)


def build(output: Path, files: dict[str, bytes]) -> Manifest:
    with Staging(output) as stage:
        for path, data in files.items():
            stage.write(path, data, f"source of {path}")
        return stage.commit()


def siblings(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name != output.name)


def test_a_build_swaps_in_a_complete_folder_with_its_manifest(tmp_path):
    out = tmp_path / "public"
    manifest = build(out, {"index.html": b"<p>1</p>", "2025/11/10/index.html": "<p>版</p>".encode()})
    files = tree(out)
    assert set(files) == {"index.html", "2025/11/10/index.html", MARKER}
    assert manifest.files["index.html"].sha256 == hashlib.sha256(b"<p>1</p>").hexdigest()
    assert manifest.files["2025/11/10/index.html"].size == len("<p>版</p>".encode())
    assert load_manifest(out) == manifest
    assert json.loads(files[MARKER])["files"]["index.html"]["size"] == 8
    assert siblings(out) == []  # no staging or old folder left behind


def test_a_second_build_replaces_the_first_entirely(tmp_path):
    out = tmp_path / "public"
    build(out, {"old.html": b"old", "index.html": b"1"})
    build(out, {"index.html": b"2"})
    assert tree(out).keys() == {"index.html", MARKER}
    assert (out / "index.html").read_bytes() == b"2"
    assert siblings(out) == []


def test_a_failed_build_leaves_the_previous_output_intact(tmp_path):
    out = tmp_path / "public"
    build(out, {"index.html": b"good"})
    before = tree(out)
    with pytest.raises(RuntimeError), Staging(out) as stage:
        stage.write("index.html", b"half")
        raise RuntimeError("template exploded")
    assert tree(out) == before
    assert siblings(out) == []


def test_an_interrupted_build_leaves_the_previous_output_intact(tmp_path):
    out = tmp_path / "public"
    build(out, {"index.html": b"good"})
    with pytest.raises(KeyboardInterrupt), Staging(out) as stage:
        stage.write("a.html", b"x")
        raise KeyboardInterrupt
    assert (out / "index.html").read_bytes() == b"good"
    assert siblings(out) == []


def test_a_killed_build_leaves_the_output_intact_and_the_next_build_sweeps_its_staging(tmp_path):
    out = tmp_path / "public"
    build(out, {"index.html": b"good"})
    script = (f"import os; from pathlib import Path; from ssg.output import Staging\n"
              f"s = Staging(Path({str(out)!r})); s.write('index.html', b'half'); os._exit(9)\n")
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 9
    assert len(siblings(out)) == 1 and ".ssg-staging-" in siblings(out)[0]
    assert (out / "index.html").read_bytes() == b"good"
    build(out, {"index.html": b"new"})
    assert siblings(out) == []
    assert (out / "index.html").read_bytes() == b"new"


def test_double_write_names_both_sources(tmp_path):
    with Staging(tmp_path / "public") as stage:
        stage.write("index.html", b"a", "content/pages/index.md")
        with pytest.raises(SsgError) as exc:
            stage.write("index.html", b"b", "content/editions/2025-11-10/_edition.md")
    message = str(exc.value)
    assert "content/pages/index.md" in message and "content/editions/2025-11-10/_edition.md" in message


@pytest.mark.parametrize("path", ["../x.html", "a/../../x.html", "/etc/passwd", "a//b.html", "./a.html",
                                  "a\\..\\b.html", "", MARKER, "C:/x.html"])
def test_paths_that_could_escape_are_refused(tmp_path, path):
    with Staging(tmp_path / "public") as stage, pytest.raises(SsgError):
        stage.write(path, b"x")
    with pytest.raises(SsgError):
        check_paths([(path, "a source")])


def test_check_paths_reports_every_collision_and_file_folder_clash_at_once():
    with pytest.raises(SsgError) as exc:
        check_paths([("a/index.html", "one.md"), ("a/index.html", "two.md"), ("b", "three.md"),
                     ("b/index.html", "four.md"), ("../x", "five.md")])
    text = str(exc.value)
    assert len(exc.value.diagnostics) == 3
    assert "one.md" in text and "two.md" in text
    assert "three.md" in text and "four.md" in text
    assert "five.md" in text


def test_check_paths_accepts_a_clean_plan():
    check_paths([("index.html", "a"), ("2025/11/10/index.html", "b"), ("static/style.12345678.css", "c")])


# -- which folders may be output -------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    root = tmp_path / "paper"
    (root / "content" / "editions").mkdir(parents=True)
    (root / "site.yaml").write_text("title: x\n")
    return root


@pytest.mark.parametrize("where, words", [
    (".", "project folder"),
    ("..", "project folder"),
    ("content", "content folder"),
    ("content/out", "content folder"),
    (".git/public", ".git"),
])
def test_output_folders_that_hold_or_are_the_project_are_refused(project, where, words):
    (project / ".git").mkdir()
    with pytest.raises(SsgError) as exc:
        check_output_dir(project / where, project, project / "content")
    assert words in str(exc.value)
    assert len(exc.value.diagnostics) == 1 and "\n" not in str(exc.value)


@pytest.mark.parametrize("plant", ["site.yaml", "content", ".git"])
def test_an_output_folder_holding_a_project_file_is_refused_even_with_a_marker(project, plant):
    out = project / "public"
    out.mkdir()
    (out / MARKER).write_text("{}")
    (out / plant).mkdir() if plant != "site.yaml" else (out / plant).write_text("")
    with pytest.raises(SsgError, match=plant):
        check_output_dir(out, project, project / "content")


def test_a_folder_of_someone_elses_files_is_refused_and_kept(project):
    out = project / "docs"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(SsgError, match="did not write"):
        check_output_dir(out, project, project / "content")
    assert (out / "notes.txt").read_text() == "mine"


def test_missing_empty_and_ssg_made_folders_are_accepted(project):
    check_output_dir(project / "public", project, project / "content")
    (project / "empty").mkdir()
    check_output_dir(project / "empty", project, project / "content")
    build(project / "made", {"index.html": b"x"})
    check_output_dir(project / "made", project, project / "content")
    check_output_dir(project.parent / "elsewhere" / "site", project, project / "content")


def test_a_symlinked_output_folder_is_refused(project, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (project / "public").symlink_to(real)
    with pytest.raises(SsgError, match="symlink"):
        check_output_dir(project / "public", project, project / "content")


def test_a_file_as_output_is_refused(project):
    (project / "public").write_text("x")
    with pytest.raises(SsgError, match="file"):
        check_output_dir(project / "public", project, project / "content")


# -- in place ------------------------------------------------------------------------------

def test_update_writes_only_changed_bytes_and_deletes_what_is_gone(tmp_path):
    out = tmp_path / "public"
    first = build(out, {"index.html": b"1", "a/index.html": b"a", "gone/deep/index.html": b"g", "same.css": b"s"})
    same_inode = (out / "same.css").stat().st_ino
    update = update_output(out, first, {"index.html": b"2", "same.css": b"s", "new.html": b"n"}, ["a/index.html"])
    assert update.written == ("index.html", "new.html")
    assert update.removed == ("gone/deep/index.html",)
    assert not (out / "gone").exists()  # emptied folders go too
    assert (out / "same.css").stat().st_ino == same_inode  # untouched
    assert tree(out) == {"index.html": b"2", "a/index.html": b"a", "same.css": b"s", "new.html": b"n",
                         MARKER: update.manifest.to_json()}
    assert load_manifest(out) == update.manifest
    assert update.manifest.files["new.html"] == record_of(b"n")
    assert siblings(out) == [] and not [p for p in out.rglob("*.tmp")]


def test_update_refuses_a_folder_that_changed_behind_its_back(tmp_path):
    out = tmp_path / "public"
    first = build(out, {"index.html": b"1"})
    (out / MARKER).unlink()
    with pytest.raises(SsgError, match="changed since the last build"):
        update_output(out, first, {"index.html": b"2"})
    assert (out / "index.html").read_bytes() == b"1"


def test_update_never_follows_a_symlink_out_of_the_output(tmp_path):
    out = tmp_path / "public"
    outside = tmp_path / "outside"
    outside.mkdir()
    first = build(out, {"index.html": b"1"})
    (out / "link").symlink_to(outside)
    with pytest.raises(SsgError, match="escapes"):
        update_output(out, first, {"link/index.html": b"evil"})
    assert list(outside.iterdir()) == []


def test_files_are_world_readable(tmp_path):
    out = tmp_path / "public"
    build(out, {"index.html": b"1"})
    assert os.stat(out / "index.html").st_mode & 0o444 == 0o444
    assert os.stat(out).st_mode & 0o555 == 0o555


def test_the_swap_refuses_a_folder_that_filled_with_foreign_files_during_the_build(tmp_path):
    out = tmp_path / "public"
    with pytest.raises(SsgError, match="not one ssg made"), Staging(out) as stage:
        stage.write("index.html", b"x")
        out.mkdir()
        (out / "thesis.tex").write_text("mine")
        stage.commit()
    assert tree(out) == {"thesis.tex": b"mine"}
    assert siblings(out) == []
