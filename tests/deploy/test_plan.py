"""Plans (added/changed/removed), the deletion guard, site files, choosing a target."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from deploy_sites import make_site

from ssg.config import DeployTarget, SiteConfig, parse_config
from ssg.deploy import build_plan, parse_to, select_target
from ssg.deploy.git import is_local_path, resolve_remote
from ssg.deploy.plan import Plan, check_deletions, load_site_files, with_extra_files
from ssg.deploy.rsync import parse_manifest, render_manifest
from ssg.diagnostics import SsgError

DOCS = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


@pytest.mark.parametrize(
    "old, new, added, changed, removed, unchanged",
    [
        ({}, {"a": "1"}, ("a",), (), (), 0),
        ({"a": "1"}, {"a": "1"}, (), (), (), 1),
        ({"a": "1"}, {"a": "2"}, (), ("a",), (), 0),
        ({"a": "1", "b": "1"}, {"b": "1", "c": "3"}, ("c",), (), ("a",), 1),
        ({"z": "1", "a": "1", "m": "1"}, {}, (), (), ("a", "m", "z"), 0),
    ],
)
def test_build_plan(old, new, added, changed, removed, unchanged):
    plan = build_plan(old, new)
    assert (plan.added, plan.changed, plan.removed, plan.unchanged) == (added, changed, removed, unchanged)
    assert plan.empty == (not added and not changed and not removed)


def test_plan_lines_and_summary():
    plan = Plan(("new.html",), ("index.html",), ("old.html",), 4)
    assert plan.lines() == ["+ new.html", "~ index.html", "- old.html"]
    assert plan.summary() == "1 added, 1 changed, 1 removed, 4 unchanged"


@pytest.mark.parametrize("removed, limit, confirmed, refused", [(3, 3, False, False), (4, 3, False, True), (4, 3, True, False), (1, 0, False, True)])
def test_check_deletions(removed, limit, confirmed, refused):
    plan = Plan((), (), tuple(f"p{i}" for i in range(removed)), 0)
    if refused:
        with pytest.raises(SsgError, match=f"would remove {removed} files.*--yes"):
            check_deletions(plan, limit, confirmed, "dir:/srv/x")
    else:
        check_deletions(plan, limit, confirmed, "dir:/srv/x")


def test_site_files_leave_out_the_build_marker_and_sort(tmp_path):
    files = make_site(tmp_path, "v1")
    listed = load_site_files(tmp_path)
    assert [f.path for f in listed] == sorted(files)
    assert ".ssg-output.json" not in [f.path for f in listed]


def test_site_files_refuse_symbolic_links(tmp_path):
    make_site(tmp_path / "site", "v1")
    (tmp_path / "secret").write_text("not part of the site\n")
    (tmp_path / "site" / "leak.txt").symlink_to(tmp_path / "secret")
    with pytest.raises(SsgError, match="symbolic link"):
        load_site_files(tmp_path / "site")


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_nothing_to_publish(tmp_path, make):
    folder = tmp_path / "out"
    if make == "empty":
        folder.mkdir()
    with pytest.raises(SsgError, match="nothing to publish"):
        load_site_files(folder)


def test_extra_files_win(tmp_path):
    make_site(tmp_path, "v1")
    (tmp_path / "CNAME").write_text("old.example.org\n")
    merged = with_extra_files(load_site_files(tmp_path), {"CNAME": b"new.example.org\n", ".nojekyll": b""})
    by_path = {f.path: f.read() for f in merged}
    assert by_path["CNAME"] == b"new.example.org\n" and by_path[".nojekyll"] == b""
    assert [f.path for f in merged] == sorted(by_path)


@pytest.mark.parametrize(
    "to, kind, rest",
    [("git:git@github.com:me/p.git", "git", "git@github.com:me/p.git"), ("dir:/srv/p", "dir", "/srv/p"),
     ("rsync:u@h:/var/www", "rsync", "u@h:/var/www")],
)
def test_parse_to(to, kind, rest):
    assert parse_to(to) == (kind, rest)


@pytest.mark.parametrize("to", ["ftp:host", "git:", "/srv/p", "s3:bucket"])
def test_parse_to_refuses(to):
    with pytest.raises(SsgError, match="git:REMOTE, dir:PATH or rsync:USER@HOST:PATH"):
        parse_to(to)


def config_with(*targets: DeployTarget) -> SiteConfig:
    return SiteConfig(root=Path("."), deploy=targets)


def test_select_target():
    pages = DeployTarget("pages", "git:origin")
    server = DeployTarget("server", "dir:/srv/p", keep=2)
    assert select_target(config_with(pages)) == pages
    assert select_target(config_with(pages, server), "server") == server
    assert select_target(config_with(pages), None, "dir:/tmp/x").to == "dir:/tmp/x"
    assert select_target(config_with(pages), "pages", branch="main").branch == "main"
    with pytest.raises(SsgError, match=r"no deploy target named 'sever' \(did you mean 'server'\?\)"):
        select_target(config_with(pages, server), "sever")
    with pytest.raises(SsgError, match="several deploy targets"):
        select_target(config_with(pages, server))
    with pytest.raises(SsgError, match="no deploy target"):
        select_target(config_with())
    with pytest.raises(SsgError, match="--branch is for git targets"):
        select_target(config_with(server), branch="main")
    with pytest.raises(SsgError, match="not both"):
        select_target(config_with(pages), "pages", "dir:/x")


@pytest.mark.parametrize(
    "remote, local",
    [("https://github.com/me/p.git", False), ("git@github.com:me/p.git", False), ("host:repo", False),
     ("ssh://h/r", False), ("/srv/p.git", True), ("../p.git", True), ("origin", True)],
)
def test_is_local_path(remote, local):
    assert is_local_path(remote) == local


def test_resolve_remote_makes_local_paths_absolute(tmp_path):
    assert resolve_remote("pages.git", tmp_path, tmp_path) == str(tmp_path / "pages.git")
    assert resolve_remote("../x/p.git", tmp_path / "a", tmp_path) == str(tmp_path / "x" / "p.git")
    assert resolve_remote("git@h:r.git", tmp_path, tmp_path) == "git@h:r.git"


def test_manifest_round_trip_and_refusals():
    files = {"b.html": "2" * 64, "a.html": "1" * 64}
    text = render_manifest(files).decode()
    assert parse_manifest(text, "x") == files
    assert text.index('"a.html"') < text.index('"b.html"')  # stable order
    for bad in ('{"files": []}', '{"format": 1, "files": {"a": 1}}', "[]", '{"format": 9, "files": {}}'):
        with pytest.raises(SsgError, match="not a manifest of published files"):
            parse_manifest(bad, "x")


def test_documented_workflow_is_valid_and_deploys():
    """The GitHub Actions workflow in docs/deploy.md parses and runs `ssg deploy` with write access."""
    blocks = re.findall(r"```yaml\n(.*?)```", DOCS.read_text("utf-8"), re.DOTALL)
    workflow = next(yaml.safe_load(b) for b in blocks if "runs-on" in b)
    assert workflow["permissions"]["contents"] == "write"
    steps = workflow["jobs"]["deploy"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert any("ssg deploy --to \"git:https://x-access-token:${TOKEN}@github.com/" in s.get("run", "") for s in steps)


def test_documented_site_yaml_targets_load(tmp_path):
    """The deploy: example in docs/deploy.md is a valid site.yaml, and select_target finds its targets."""
    blocks = re.findall(r"```yaml\n(.*?)```", DOCS.read_text("utf-8"), re.DOTALL)
    example = next(b for b in blocks if b.startswith("deploy:"))
    config = parse_config(example, tmp_path)
    assert [(t.name, t.to.split(":")[0]) for t in config.deploy] == [("pages", "git"), ("server", "dir"), ("mirror", "rsync")]
    assert select_target(config, "pages").cname == "paper.example.org"
    assert select_target(config, "server").keep == 5
