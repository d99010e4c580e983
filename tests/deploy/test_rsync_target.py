"""The rsync target over a real sshd on 127.0.0.1: deletes only what ssg published."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from deploy_sites import copy_sample, free_port, make_site, run_ssg, target, tree

from ssg.deploy import publish_folder
from ssg.deploy.rsync import MANIFEST, escape_filter_path, render_filter_rules
from ssg.diagnostics import SsgError


@pytest.fixture
def remote(sshd, tmp_path, monkeypatch):
    """An rsync destination over ssh (user@127.0.0.1:/tmp/.../www) and its local path."""
    monkeypatch.setenv("RSYNC_RSH", sshd.rsync_rsh)
    path = tmp_path / "www"
    return f"rsync:{sshd.user}@127.0.0.1:{path}", path


def published(path: Path) -> dict[str, str]:
    return json.loads((path / MANIFEST).read_text())["files"]


def test_first_deploy_sends_the_site_and_records_it(tmp_path, project, remote):
    to, path = remote
    site = make_site(tmp_path / "s1", "v1")
    result = publish_folder(tmp_path / "s1", target(to), project=project)
    assert result.published and "127.0.0.1" in result.where
    assert tree(path, skip=(MANIFEST,)) == site
    assert published(path) == {p: hashlib.sha256(d).hexdigest() for p, d in site.items()}
    assert (path / "index.html").stat().st_mode & 0o777 == 0o644


def test_only_files_ssg_published_are_deleted(tmp_path, project, remote):
    to, path = remote
    v1 = make_site(tmp_path / "s1", "v1")
    publish_folder(tmp_path / "s1", target(to), project=project)
    # things others put there: beside the site, inside a folder the site drops, in one it keeps
    (path / "uploads").mkdir()
    (path / "uploads" / "report.pdf").write_bytes(b"%PDF")
    (path / "2025" / "11" / "10" / "notes.txt").write_text("mine\n")
    (path / "2025" / "11" / "12" / "notes.txt").write_text("mine too\n")
    v2 = make_site(tmp_path / "s2", "v2", drop=("2025/11/10/index.html", "2025/11/11/index.html", "feed.xml"))
    result = publish_folder(tmp_path / "s2", target(to), project=project)
    old_css = next(p for p in v1 if p.startswith("static/style."))
    assert set(result.plan.removed) == {"2025/11/10/index.html", "2025/11/11/index.html", "feed.xml", old_css}
    remote_files = tree(path, skip=(MANIFEST,))
    others = {"uploads/report.pdf": b"%PDF", "2025/11/10/notes.txt": b"mine\n", "2025/11/12/notes.txt": b"mine too\n"}
    assert remote_files == {**v2, **others}
    assert not (path / "2025" / "11" / "11").exists()  # emptied by the deploy, so removed
    assert set(published(path)) == set(v2)


def test_unchanged_files_are_not_rewritten(tmp_path, project, remote):
    to, path = remote
    make_site(tmp_path / "s1", "v1")
    publish_folder(tmp_path / "s1", target(to), project=project)
    kept = (path / "_underscore" / "kept.txt").stat()
    again = publish_folder(tmp_path / "s1", target(to), project=project)
    assert not again.published and again.plan.empty
    make_site(tmp_path / "s2", "v2")
    publish_folder(tmp_path / "s2", target(to), project=project)
    after = (path / "_underscore" / "kept.txt").stat()
    assert (after.st_ino, after.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    assert b"v2" in (path / "index.html").read_bytes()


def test_dry_run_and_refused_deletions_change_nothing(tmp_path, project, remote):
    to, path = remote
    make_site(tmp_path / "s1", "v1", pages=6)
    publish_folder(tmp_path / "s1", target(to), project=project)
    before = tree(path, skip=())
    make_site(tmp_path / "s2", "v2", pages=1)
    dry = publish_folder(tmp_path / "s2", target(to), project=project, dry_run=True)
    assert len(dry.plan.removed) == 6 and "index.html" in dry.plan.changed
    with pytest.raises(SsgError, match="more than max_deletes"):
        publish_folder(tmp_path / "s2", target(to, max_deletes=5), project=project)
    assert tree(path, skip=()) == before


def test_a_damaged_manifest_stops_the_deploy(tmp_path, project, remote):
    to, path = remote
    make_site(tmp_path / "s1", "v1")
    publish_folder(tmp_path / "s1", target(to), project=project)
    (path / MANIFEST).write_text("{not json")
    before = tree(path, skip=())
    make_site(tmp_path / "s2", "v2", pages=1)
    with pytest.raises(SsgError, match=f"{MANIFEST}: not a manifest of published files"):
        publish_folder(tmp_path / "s2", target(to), project=project)
    assert tree(path, skip=()) == before


def test_unreachable_host_is_one_clear_error(tmp_path, project, sshd, monkeypatch):
    monkeypatch.setenv("RSYNC_RSH", sshd.rsync_rsh.replace(f"-p {sshd.port}", f"-p {free_port()}"))
    make_site(tmp_path / "s1", "v1")
    with pytest.raises(SsgError, match=r"reading .*failed: .*rsync exit") as info:
        publish_folder(tmp_path / "s1", target(f"rsync:{sshd.user}@127.0.0.1:{tmp_path / 'www'}"), project=project)
    assert "\n" not in str(info.value)
    assert not (tmp_path / "www").exists()


def test_local_destination(tmp_path, project):
    site = make_site(tmp_path / "s1", "v1")
    publish_folder(tmp_path / "s1", target(f"rsync:{tmp_path / 'www'}"), project=project)
    assert tree(tmp_path / "www", skip=(MANIFEST,)) == site


def test_wildcard_characters_in_removed_names_are_literal(tmp_path, project):
    dest = tmp_path / "www"
    (tmp_path / "s1").mkdir()
    (tmp_path / "s1" / "index.html").write_text("v1\n")
    (tmp_path / "s1" / "a[1].html").write_text("ssg's\n")
    publish_folder(tmp_path / "s1", target(f"rsync:{dest}"), project=project)
    (dest / "a1.html").write_text("someone else's: matches the pattern a[1].html\n")
    (dest / "a*.html").write_text("someone else's too\n")
    (tmp_path / "s1" / "a[1].html").unlink()
    publish_folder(tmp_path / "s1", target(f"rsync:{dest}"), project=project)
    assert sorted(tree(dest, skip=(MANIFEST,))) == ["a*.html", "a1.html", "index.html"]


@pytest.mark.parametrize(
    "path, pattern",
    [("a/b.html", "a/b.html"), ("a[1].html", "a\\[1].html"), ("x*y?.txt", "x\\*y\\?.txt"), ("back\\slash", "back\\\\slash")],
)
def test_escape_filter_path(path, pattern):
    assert escape_filter_path(path) == pattern


def test_filter_rules_risk_removed_files_and_emptied_folders_only():
    rules = render_filter_rules(["old/a.html", "keep/b.html", "top.html"], ["keep/c.html", "index.html"])
    assert rules.splitlines() == ["R /keep/b.html", "R /old/a.html", "R /top.html", "R /old/", "P *"]


def test_ssg_deploy_over_ssh_sends_the_build(tmp_path, remote):
    to, path = remote
    sample = copy_sample(tmp_path / "sample", "v1")
    result = run_ssg("deploy", "--to", to, cwd=sample)
    assert result.returncode == 0, result.stderr
    built = run_ssg("build", "--output", tmp_path / "built", cwd=sample)
    assert built.returncode == 0, built.stderr
    expected = tree(tmp_path / "built")
    expected.pop(".ssg-output.json")
    assert tree(path, skip=(MANIFEST,)) == expected
    assert set(published(path)) == set(expected)
