"""`ssg deploy` end to end: the real build of a copy of the sample site, published for real."""

from __future__ import annotations

import pytest
from deploy_sites import (
    TITLE_MARKER,
    copy_sample,
    git,
    run_ssg,
    set_version,
    snapshot,
    tree,
)

SERVER = "deploy:\n  - name: server\n    to: dir:www\n    keep: 3\n"


def commits(remote) -> list[str]:
    return git("--git-dir", remote, "rev-list", "gh-pages").split()


def ok(result) -> str:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture
def sample(tmp_path):
    return copy_sample(tmp_path / "sample", "v1")


def test_git_deploy_publishes_exactly_the_build(sample, bare_remote, tmp_path):
    out = ok(run_ssg("deploy", "--to", f"git:{bare_remote}", cwd=sample))
    assert "pushed" in out
    ok(run_ssg("build", "--output", tmp_path / "built", cwd=sample))
    built = tree(tmp_path / "built")
    built.pop(".ssg-output.json")
    git("clone", "-q", "--branch", "gh-pages", bare_remote, tmp_path / "checkout")
    assert tree(tmp_path / "checkout") == {**built, ".nojekyll": b""}
    head = git("rev-parse", "HEAD", cwd=sample).strip()
    assert f"built from {head}\n" in git("--git-dir", bare_remote, "log", "-1", "--format=%B", "gh-pages")
    assert not (sample / "public").exists()  # deploy builds in a folder of its own

    set_version(sample, "v2")
    git("commit", "-q", "-am", "v2", cwd=sample)
    out = ok(run_ssg("deploy", "--to", f"git:{bare_remote}", cwd=sample))
    assert "~ index.html" not in out  # the file list is for --dry-run and -v
    assert len(commits(bare_remote)) == 2
    index = git("--git-dir", bare_remote, "show", "gh-pages:index.html")
    assert set(TITLE_MARKER.findall(index)) == {"v2"}

    out = ok(run_ssg("deploy", "--to", f"git:{bare_remote}", cwd=sample))
    assert "no changes" in out
    assert len(commits(bare_remote)) == 2


def test_dry_run_lists_changes_and_publishes_nothing(sample, bare_remote):
    ok(run_ssg("deploy", "--to", f"git:{bare_remote}", cwd=sample))
    set_version(sample, "v2")  # uncommitted
    out = ok(run_ssg("deploy", "--to", f"git:{bare_remote}", "--dry-run", cwd=sample))
    assert "  ~ index.html" in out and "  ~ 404.html" in out
    assert "dry run: nothing was published" in out
    assert len(commits(bare_remote)) == 1


def test_failed_build_leaves_the_published_site_untouched(sample):
    set_version(sample, "v1", SERVER)
    ok(run_ssg("deploy", cwd=sample))
    before = snapshot(sample / "www")
    broken = sample / "content" / "editions" / "2031-01-05" / "_edition.md"
    broken.parent.mkdir(parents=True)
    broken.write_text("---\npaper: 测试报\ndate: 2031-01-05\nnumber: 第四十一期\n---\n", "utf-8")
    set_version(sample, "v2", SERVER)
    result = run_ssg("deploy", cwd=sample)
    assert result.returncode == 1
    assert "content/editions/2031-01-05/_edition.md:4" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(sample / "www") == before


def test_failed_link_check_publishes_nothing(sample, bare_remote):
    ok(run_ssg("deploy", "--to", f"git:{bare_remote}", cwd=sample))
    page = sample / "content" / "pages" / "about.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("---\ntitle: 关于本报\n---\n\n见[旧页](../nowhere/)。\n", "utf-8")
    result = run_ssg("deploy", "--to", f"git:{bare_remote}", cwd=sample)
    assert result.returncode == 1
    assert "broken link" in result.stderr and "nothing was published" in result.stderr
    assert len(commits(bare_remote)) == 1


def test_named_target_rollback_and_deletion_guard(sample):
    guarded = SERVER + "    max_deletes: 0\n"
    page = sample / "content" / "pages" / "about.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("---\ntitle: 关于本报\n---\n\n本报简介。\n", "utf-8")
    set_version(sample, "v1", guarded)
    ok(run_ssg("deploy", "server", cwd=sample))
    assert (sample / "www" / "current" / "about" / "index.html").is_file()

    page.unlink()
    set_version(sample, "v2", guarded)
    refused = run_ssg("deploy", "server", cwd=sample)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert (sample / "www" / "current" / "about" / "index.html").is_file()
    out = ok(run_ssg("deploy", "server", "--yes", cwd=sample))
    assert "1 removed" in out
    assert not (sample / "www" / "current" / "about").exists()
    assert set(TITLE_MARKER.findall((sample / "www/current/index.html").read_text())) == {"v2"}

    ok(run_ssg("deploy", "--rollback", cwd=sample))
    assert set(TITLE_MARKER.findall((sample / "www/current/index.html").read_text())) == {"v1"}
    assert (sample / "www" / "current" / "about" / "index.html").is_file()


@pytest.mark.parametrize(
    "args, message",
    [(["nope"], "no deploy target named 'nope'"), (["--to", "ftp:x"], "unknown deploy target 'ftp:x'"),
     (["--rollback", "--to", "git:x"], "dir targets only")],
)
def test_usage_errors_are_one_line(sample, args, message):
    result = run_ssg("deploy", *args, cwd=sample)
    assert result.returncode == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
