"""The dir target: complete releases, an atomically switched `current`, keep N, rollback."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from deploy_sites import VERSION, make_site, target, tree

from ssg.deploy import publish_folder, rollback
from ssg.deploy.dir import ASSET_GRACE, DirPublisher, is_release_name
from ssg.deploy.plan import build_plan, load_site_files
from ssg.diagnostics import SsgError


class Clock:
    """A clock that moves one minute per deploy (and can be set back)."""

    def __init__(self):
        self.now = dt.datetime(2025, 11, 10, 8, 0, tzinfo=dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=1)
        return self.now


def publish(publisher: DirPublisher, site: Path):
    files = load_site_files(site)
    plan = build_plan(publisher.live(), {f.path: publisher.fingerprint(f) for f in files})
    return publisher.publish(files, plan)


def served(root: Path) -> dict[str, bytes]:
    """What a web server whose root is `current` would serve."""
    return tree(root / "current")


def test_each_deploy_is_a_release_and_current_follows(tmp_path, project):
    dest = tmp_path / "www"
    v1 = make_site(tmp_path / "s1", "v1")
    publish_folder(tmp_path / "s1", target(f"dir:{dest}"), project=project)
    assert served(dest) == v1
    v2 = make_site(tmp_path / "s2", "v2")
    result = publish_folder(tmp_path / "s2", target(f"dir:{dest}"), project=project)
    assert result.published
    assert served(dest) == v2
    releases = sorted(p.name for p in (dest / "releases").iterdir())
    assert len(releases) == 2 and all(is_release_name(r) for r in releases)
    assert os.readlink(dest / "current") == f"releases/{releases[1]}"
    assert os.readlink(dest / "previous") == f"releases/{releases[0]}"
    assert tree(dest / "releases" / releases[0]) == v1  # the old release is intact


def test_relative_dir_is_taken_from_the_base_folder(tmp_path, project):
    make_site(tmp_path / "s1", "v1")
    publish_folder(tmp_path / "s1", target("dir:www"), project=project)
    assert (project / "www" / "current" / "index.html").is_file()


def test_unchanged_files_are_hard_links_to_the_release_before(tmp_path):
    pub = DirPublisher(tmp_path / "www", keep=5, clock=Clock())
    make_site(tmp_path / "s1", "v1")
    publish(pub, tmp_path / "s1")
    first = pub.current()
    make_site(tmp_path / "s2", "v2")
    (tmp_path / "s2" / "_underscore" / "kept.txt").write_bytes((tmp_path / "s1" / "_underscore" / "kept.txt").read_bytes())
    publish(pub, tmp_path / "s2")
    releases = tmp_path / "www" / "releases"
    same = os.stat(releases / first / "_underscore/kept.txt"), os.stat(releases / pub.current() / "_underscore/kept.txt")
    assert same[0].st_ino == same[1].st_ino
    changed = os.stat(releases / first / "index.html"), os.stat(releases / pub.current() / "index.html")
    assert changed[0].st_ino != changed[1].st_ino


def test_keeps_the_last_n_releases(tmp_path):
    pub = DirPublisher(tmp_path / "www", keep=3, clock=Clock())
    for n in range(1, 6):
        make_site(tmp_path / f"s{n}", f"v{n}")
        publish(pub, tmp_path / f"s{n}")
    releases = pub.releases()
    assert len(releases) == 3
    assert releases[-1] == pub.current()
    kept = [VERSION.search((tmp_path / "www/releases" / r / "index.html").read_bytes())[1] for r in releases]
    assert kept == [b"v3", b"v4", b"v5"]


def test_pooled_assets_outlive_their_release_for_the_grace_period_only(tmp_path):
    clock = Clock()
    pub = DirPublisher(tmp_path / "www", keep=2, clock=clock)
    pool = tmp_path / "www" / "assets"
    styles = []
    for n in range(1, 4):
        files = make_site(tmp_path / f"s{n}", f"v{n}")
        styles += [p for p in files if p.startswith("static/")]
        publish(pub, tmp_path / f"s{n}")
    assert len(pub.releases()) == 2  # v1's release is gone ...
    assert all((pool / s).is_file() for s in styles)  # ... but a v1 page still loading gets its stylesheet
    clock.now += ASSET_GRACE
    make_site(tmp_path / "s4", "v4")
    publish(pub, tmp_path / "s4")
    # v1 and v2 have been out of every kept release for longer than the grace period by now
    assert [s for s in styles if (pool / s).exists()] == styles[2:]


def test_rollback_switches_back_and_a_new_deploy_goes_on_top(tmp_path, project):
    dest = tmp_path / "www"
    sites = {n: make_site(tmp_path / f"s{n}", f"v{n}") for n in (1, 2, 3)}
    for n in (1, 2, 3):
        publish_folder(tmp_path / f"s{n}", target(f"dir:{dest}"), project=project)
    message = rollback(target(f"dir:{dest}"), base=project)
    assert "rolled back" in message
    assert served(dest) == sites[2]
    rollback(target(f"dir:{dest}"), base=project)
    assert served(dest) == sites[1]
    with pytest.raises(SsgError, match="nothing to roll back to"):
        rollback(target(f"dir:{dest}"), base=project)
    assert served(dest) == sites[1]
    sites[4] = make_site(tmp_path / "s4", "v4")
    publish_folder(tmp_path / "s4", target(f"dir:{dest}"), project=project)
    assert served(dest) == sites[4]


def test_pruning_never_removes_the_release_rolled_back_to(tmp_path):
    pub = DirPublisher(tmp_path / "www", keep=2, clock=Clock())
    for n in (1, 2):
        make_site(tmp_path / f"s{n}", f"v{n}")
        publish(pub, tmp_path / f"s{n}")
    pub.rollback()
    live = pub.current()
    make_site(tmp_path / "s3", "v3")
    publish(pub, tmp_path / "s3")
    # the release that was live just before (previous) must survive keep=2
    assert live in pub.releases()


def test_a_clock_that_steps_back_still_sorts_new_releases_last(tmp_path):
    clock = Clock()
    pub = DirPublisher(tmp_path / "www", keep=5, clock=clock)
    make_site(tmp_path / "s1", "v1")
    publish(pub, tmp_path / "s1")
    clock.now -= dt.timedelta(hours=5)
    make_site(tmp_path / "s2", "v2")
    publish(pub, tmp_path / "s2")
    assert pub.releases()[-1] == pub.current()
    assert b"v2" in served(tmp_path / "www")["index.html"]
    pub.rollback()
    assert b"v1" in served(tmp_path / "www")["index.html"]


def test_no_changes_makes_no_release(tmp_path, project):
    dest = tmp_path / "www"
    make_site(tmp_path / "s1", "v1")
    publish_folder(tmp_path / "s1", target(f"dir:{dest}"), project=project)
    again = publish_folder(tmp_path / "s1", target(f"dir:{dest}"), project=project)
    assert not again.published and again.plan.empty
    assert len(list((dest / "releases").iterdir())) == 1


def test_dry_run_and_refused_deletions_change_nothing(tmp_path, project):
    dest = tmp_path / "www"
    v1 = make_site(tmp_path / "s1", "v1", pages=8)
    publish_folder(tmp_path / "s1", target(f"dir:{dest}"), project=project)
    before = tree(dest, skip=())
    make_site(tmp_path / "s2", "v2", pages=1)
    dry = publish_folder(tmp_path / "s2", target(f"dir:{dest}"), project=project, dry_run=True)
    assert len(dry.plan.removed) == 8  # 7 pages and the old stylesheet
    with pytest.raises(SsgError, match="more than max_deletes"):
        publish_folder(tmp_path / "s2", target(f"dir:{dest}", max_deletes=4), project=project)
    assert tree(dest, skip=()) == before
    assert served(dest) == v1


def test_a_real_folder_named_current_is_not_replaced(tmp_path, project):
    dest = tmp_path / "www"
    (dest / "current").mkdir(parents=True)
    (dest / "current" / "index.html").write_text("someone's site\n")
    make_site(tmp_path / "s1", "v1")
    with pytest.raises(SsgError, match="not a symbolic link"):
        publish_folder(tmp_path / "s1", target(f"dir:{dest}"), project=project)
    assert (dest / "current" / "index.html").read_text() == "someone's site\n"


def test_a_failed_copy_leaves_no_release_and_current_untouched(tmp_path, monkeypatch):
    pub = DirPublisher(tmp_path / "www", keep=5, clock=Clock())
    v1 = make_site(tmp_path / "s1", "v1")
    publish(pub, tmp_path / "s1")
    make_site(tmp_path / "s2", "v2")
    files = load_site_files(tmp_path / "s2")
    plan = build_plan(pub.live(), {f.path: pub.fingerprint(f) for f in files})
    (tmp_path / "s2" / "feed.xml").unlink()  # vanishes half way through the copy
    with pytest.raises(FileNotFoundError):
        pub.publish(files, plan)
    assert served(tmp_path / "www") == v1
    assert len(pub.releases()) == 1
    assert not [p for p in (tmp_path / "www" / "releases").iterdir() if p.name.startswith(".")]


def test_release_files_are_readable_by_a_web_server(tmp_path, project):
    os.umask(0o077)
    try:
        make_site(tmp_path / "s1", "v1")
        publish_folder(tmp_path / "s1", target(f"dir:{tmp_path / 'www'}"), project=project)
    finally:
        os.umask(0o022)
    current = (tmp_path / "www" / "current").resolve()
    assert (current / "index.html").stat().st_mode & 0o777 == 0o644
    assert (current / "2025").stat().st_mode & 0o777 == 0o755
    assert current.parent.stat().st_mode & 0o777 == 0o755  # releases/


def test_rollback_needs_a_dir_target(tmp_path, project, bare_remote):
    with pytest.raises(SsgError, match="dir targets only"):
        rollback(target(f"git:{bare_remote}"), base=project)
