"""The git target against a real local bare repository, cloned back to compare files."""

from __future__ import annotations

from pathlib import Path

import pytest
from deploy_sites import git, make_site, target, tree

from ssg.deploy import publish_folder
from ssg.diagnostics import SsgError


def clone(remote: Path, dest: Path, branch: str = "gh-pages") -> Path:
    git("clone", "-q", "--branch", branch, remote, dest)
    return dest


def commits(remote: Path, branch: str = "gh-pages") -> list[str]:
    return git("--git-dir", remote, "rev-list", branch).split()


def test_deploy_publishes_exactly_the_built_files(tmp_path, project, bare_remote):
    site = tmp_path / "site"
    built = make_site(site, "v1")
    result = publish_folder(site, target(f"git:{bare_remote}", cname="paper.example.org"), project=project)
    assert result.published
    checkout = clone(bare_remote, tmp_path / "checkout")
    expected = dict(built, **{".nojekyll": b"", "CNAME": b"paper.example.org\n"})
    assert tree(checkout) == expected
    assert ".ssg-output.json" not in tree(checkout)
    assert len(commits(bare_remote)) == 1


def test_second_deploy_adds_one_commit_on_top(tmp_path, project, bare_remote):
    site = tmp_path / "site"
    make_site(site, "v1")
    publish_folder(site, target(f"git:{bare_remote}"), project=project)
    first = commits(bare_remote)
    v2 = tmp_path / "site2"
    built = make_site(v2, "v2", drop=("2025/11/10/index.html",))
    result = publish_folder(v2, target(f"git:{bare_remote}"), project=project)
    after = commits(bare_remote)
    assert len(after) == 2 and after[1:] == first
    assert git("--git-dir", bare_remote, "rev-parse", "gh-pages^").strip() == first[0]
    assert "2025/11/10/index.html" in result.plan.removed
    assert tree(clone(bare_remote, tmp_path / "checkout")) == dict(built, **{".nojekyll": b""})


def test_unchanged_site_makes_no_commit(tmp_path, project, bare_remote):
    site = tmp_path / "site"
    make_site(site, "v1")
    publish_folder(site, target(f"git:{bare_remote}"), project=project)
    again = publish_folder(site, target(f"git:{bare_remote}"), project=project)
    assert not again.published
    assert again.message.startswith("no changes")
    assert again.plan.empty
    assert len(commits(bare_remote)) == 1


def test_commit_message_names_the_source_commit(tmp_path, project, bare_remote):
    site = tmp_path / "site"
    make_site(site, "v1")
    head = git("rev-parse", "HEAD", cwd=project).strip()
    publish_folder(site, target(f"git:{bare_remote}"), project=project)
    assert head in git("--git-dir", bare_remote, "log", "-1", "--format=%B", "gh-pages")
    assert "+dirty" not in git("--git-dir", bare_remote, "log", "-1", "--format=%B", "gh-pages")

    (project / "site.yaml").write_text("title: edited\n")
    make_site(tmp_path / "site2", "v2")
    publish_folder(tmp_path / "site2", target(f"git:{bare_remote}"), project=project)
    assert f"{head}+dirty" in git("--git-dir", bare_remote, "log", "-1", "--format=%B", "gh-pages")

    elsewhere = tmp_path / "not-a-repo"
    elsewhere.mkdir()
    make_site(tmp_path / "site3", "v3")
    publish_folder(tmp_path / "site3", target(f"git:{bare_remote}"), project=elsewhere)
    assert "built from unknown" in git("--git-dir", bare_remote, "log", "-1", "--format=%B", "gh-pages")


def test_project_repository_and_working_tree_are_untouched(tmp_path, project, bare_remote):
    (project / "draft.md").write_text("work in progress\n")  # untracked, must survive
    git("remote", "add", "origin", bare_remote, cwd=project)
    before = (
        git("status", "--porcelain", "--ignored", cwd=project),
        git("for-each-ref", cwd=project),
        git("rev-parse", "HEAD", cwd=project),
        git("count-objects", "-v", cwd=project),
        tree(project),
    )
    site = tmp_path / "site"
    make_site(site, "v1")
    publish_folder(site, target("git:origin"), project=project)  # the project's remote, by name
    after = (
        git("status", "--porcelain", "--ignored", cwd=project),
        git("for-each-ref", cwd=project),
        git("rev-parse", "HEAD", cwd=project),
        git("count-objects", "-v", cwd=project),
        tree(project),
    )
    assert after == before
    assert len(commits(bare_remote)) == 1


def test_existing_pages_branch_keeps_its_history(tmp_path, project, bare_remote):
    # a gh-pages branch someone made by hand, with a commit of its own
    hand = tmp_path / "hand"
    hand.mkdir()
    git("init", "-q", "-b", "gh-pages", cwd=hand)
    (hand / "index.html").write_text("old site\n")
    git("add", ".", cwd=hand)
    git("commit", "-q", "-m", "hand-made pages", cwd=hand)
    git("push", "-q", bare_remote, "gh-pages", cwd=hand)
    old = commits(bare_remote)

    site = tmp_path / "site"
    make_site(site, "v1")
    result = publish_folder(site, target(f"git:{bare_remote}"), project=project)
    assert "index.html" in result.plan.changed
    assert commits(bare_remote)[1:] == old
    assert git("--git-dir", bare_remote, "log", "--format=%s", "gh-pages").splitlines()[-1] == "hand-made pages"


def test_other_branch_and_source_branch_untouched(tmp_path, project, bare_remote):
    git("push", "-q", bare_remote, "main", cwd=project)
    main_before = git("--git-dir", bare_remote, "rev-parse", "main")
    site = tmp_path / "site"
    make_site(site, "v1")
    publish_folder(site, target(f"git:{bare_remote}", branch="pages"), project=project)
    assert git("--git-dir", bare_remote, "rev-parse", "main") == main_before
    assert tree(clone(bare_remote, tmp_path / "c", "pages"))["index.html"].startswith(b"<!doctype html>")


def test_dry_run_lists_changes_and_pushes_nothing(tmp_path, project, bare_remote):
    v1 = make_site(tmp_path / "site", "v1")
    publish_folder(tmp_path / "site", target(f"git:{bare_remote}"), project=project)
    v2 = make_site(tmp_path / "site2", "v2", drop=("feed.xml",))
    before = commits(bare_remote)
    result = publish_folder(tmp_path / "site2", target(f"git:{bare_remote}"), project=project, dry_run=True)
    assert not result.published
    old_css, = (p for p in v1 if p.startswith("static/style."))
    new_css, = (p for p in v2 if p.startswith("static/style."))
    assert result.plan.removed == tuple(sorted(["feed.xml", old_css]))
    assert result.plan.added == (new_css,)
    assert "index.html" in result.plan.changed and "_underscore/kept.txt" not in result.plan.changed
    assert "- feed.xml" in result.plan.lines()
    assert commits(bare_remote) == before


def test_too_many_deletions_need_yes(tmp_path, project, bare_remote):
    make_site(tmp_path / "site", "v1", pages=6)
    publish_folder(tmp_path / "site", target(f"git:{bare_remote}"), project=project)
    before = commits(bare_remote)
    make_site(tmp_path / "small", "v1", pages=1)
    with pytest.raises(SsgError, match=r"would remove 5 files, more than max_deletes \(3\)"):
        publish_folder(tmp_path / "small", target(f"git:{bare_remote}", max_deletes=3), project=project)
    assert commits(bare_remote) == before
    result = publish_folder(tmp_path / "small", target(f"git:{bare_remote}", max_deletes=3), project=project, yes=True)
    assert result.published and len(result.plan.removed) == 5


def test_unreachable_remote_is_one_clear_error(tmp_path, project):
    make_site(tmp_path / "site", "v1")
    with pytest.raises(SsgError) as info:
        publish_folder(tmp_path / "site", target(f"git:{tmp_path / 'nowhere.git'}"), project=project)
    message = str(info.value)
    assert "nowhere.git" in message and "\n" not in message


def test_credentials_never_appear_in_messages():
    from ssg.deploy.git import redact

    assert redact("https://x-access-token:s3cret@github.com/me/paper.git") == "https://***@github.com/me/paper.git"
    assert redact("git@github.com:me/paper.git") == "git@github.com:me/paper.git"


def test_deploys_without_a_git_identity(tmp_path, project, bare_remote, monkeypatch):
    """A fresh CI runner has no user.name: the deploy commit gets a neutral author instead of failing."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    make_site(tmp_path / "site", "v1")
    assert publish_folder(tmp_path / "site", target(f"git:{bare_remote}"), project=project).published
    assert git("--git-dir", bare_remote, "log", "-1", "--format=%an <%ae>", "gh-pages").strip() == "ssg <ssg@localhost>"
