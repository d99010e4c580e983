"""The command line as a user meets it: help with examples, version, exit codes, `ssg init`."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from ssg import __version__
from ssg.cli import COMMANDS, make_parser

REPO = Path(__file__).resolve().parent.parent


def subcommand_parsers():
    parser = make_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name):
    text = subcommand_parsers()[name].format_help()
    assert "not written yet" not in text, f"`ssg {name} --help` still describes a stub"
    assert "example:" in text
    example = text.split("example:", 1)[1].strip().splitlines()[0]
    assert example.startswith(f"ssg {name}"), f"the example of `ssg {name}` should show the command itself: {example!r}"
    assert len(subcommand_parsers()[name].description or "") >= 20, "a one-line description of what it does"


def test_help_is_printed_by_the_command(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")  # the same width in this process and the command's
    result = subprocess.run([sys.executable, "-m", "ssg", "init", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == subcommand_parsers()["init"].format_help()


def test_version():
    result = subprocess.run([sys.executable, "-m", "ssg", "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"ssg {__version__}"


def test_no_command_shows_the_commands_and_exits_2():
    result = subprocess.run([sys.executable, "-m", "ssg"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    for name in COMMANDS:
        assert name in result.stdout


def test_a_wrong_command_line_exits_2():
    result = subprocess.run([sys.executable, "-m", "ssg", "init"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "DIR" in result.stderr


def test_the_cli_reference_says_what_the_parser_says():
    render = runpy.run_path(str(REPO / "scripts" / "cli_reference.py"))["render_cli_reference"]
    documented = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert documented == render(), "docs/cli.md is out of date: run python3 scripts/cli_reference.py"


# --- ssg init ------------------------------------------------------------------------


def test_init_refuses_a_folder_that_is_not_empty(ssg, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = ssg("init", tmp_path, cwd=tmp_path, check=False)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "is not empty" in lines[0] and "--force" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"], "nothing may be written"


def test_init_refuses_a_file(ssg, tmp_path):
    (tmp_path / "x").write_text("a file", encoding="utf-8")
    result = ssg("init", "x", cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: x: exists and is not a folder (choose another name for the new site)"


def test_init_makes_a_site_and_says_what_next(ssg, tmp_path):
    result = ssg("init", "papers/herald", cwd=tmp_path)
    site = tmp_path / "papers" / "herald"
    assert (site / "site.yaml").read_text(encoding="utf-8").startswith("# "), "site.yaml explains itself in comments"
    assert (site / "sources" / "2025-11-10.txt").read_bytes() == (REPO / "sources" / "2025-11-10.txt").read_bytes()
    edition = site / "content" / "editions" / "2025-11-10"
    assert (edition / "_edition.md").is_file()
    initiatives = [p for p in edition.glob("*/*.md") if p.name != "index.md"]
    assert len(initiatives) == 10, "the 十个一 article comes with its ten initiatives"
    assert (site / ".gitignore").read_text(encoding="utf-8").count("/public/") == 1
    leftovers = [p for p in site.rglob("*") if ".ssg-init-" in str(p)]
    assert not leftovers, leftovers
    for path in site.rglob("*.md"):
        assert ".ssg-init-" not in path.read_text(encoding="utf-8"), f"{path} names the staging folder"
    assert "cd papers/herald" in result.stdout and "ssg build" in result.stdout


def test_init_force_keeps_what_is_there(ssg, tmp_path):
    (tmp_path / "site.yaml").write_text("title: 我的报纸\n", encoding="utf-8")
    ssg("init", ".", "--force", cwd=tmp_path)
    assert (tmp_path / "site.yaml").read_text(encoding="utf-8") == "title: 我的报纸\n"
    assert (tmp_path / "content" / "editions" / "2025-11-10" / "_edition.md").is_file()


def test_init_quiet_prints_nothing(ssg, tmp_path):
    result = ssg("-q", "init", "site", cwd=tmp_path)
    assert result.stdout == ""
    assert (tmp_path / "site" / "site.yaml").is_file()


# --- errors a user can cause -------------------------------------------------------------


@pytest.mark.parametrize("command", [["build"], ["check"], ["deploy", "--to", "dir:published", "--dry-run"]])
def test_a_bad_site_yaml_is_one_line_naming_file_and_line(ssg, tmp_path, command):
    (tmp_path / "site.yaml").write_text("title: 报\nbse_url: https://example.org/\n", encoding="utf-8")
    result = ssg(*command, cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: site.yaml:2: unknown key 'bse_url' (did you mean 'base_url'?)"
    assert not (tmp_path / "public").exists() and not (tmp_path / "published").exists()


def test_bad_front_matter_names_the_file_and_line_without_a_traceback(ssg, tmp_path):
    ssg("init", "site", cwd=tmp_path)
    site = tmp_path / "site"
    lead = sorted((site / "content" / "editions" / "2025-11-10").glob("01-*.md"))[0]
    lines = lead.read_text(encoding="utf-8").splitlines()
    lines[2] = "page: [unclosed"
    lead.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = ssg("build", cwd=site, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    rel = lead.relative_to(site).as_posix()
    assert re.search(rf"^error: {re.escape(rel)}:[34]: ", result.stderr, flags=re.M), result.stderr
    assert not (site / "public").exists(), "a failed build writes nothing"
    verbose = ssg("-v", "build", cwd=site, check=False)
    assert verbose.returncode == 1 and rel in verbose.stderr


def test_undecodable_text_is_one_line_and_nothing_is_written(ssg, tmp_path):
    (tmp_path / "2025-11-11.txt").write_bytes("标题\n\n正文。".encode("utf-8") + b"\xff\xfe\xfa\x80" * 40)
    result = ssg("ingest", "2025-11-11.txt", cwd=tmp_path, check=False)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: 2025-11-11.txt") and "offset" in lines[0], result.stderr
    assert not (tmp_path / "content").exists()


def test_quiet_build_prints_nothing(ssg, tmp_path):
    ssg("-q", "init", "site", cwd=tmp_path)
    result = ssg("-q", "build", cwd=tmp_path / "site")
    assert (result.stdout, result.stderr) == ("", "")
    assert (tmp_path / "site" / "public" / "index.html").is_file()
