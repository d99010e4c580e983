"""`ssg build` and `ssg check` as a user runs them: exit codes, one-line errors, the summary line."""

from __future__ import annotations

import re

import pytest
from build_helpers import tree

SUMMARY = re.compile(r"^built (\d+) pages \((\d+) files\) in \d+\.\d\d s -> (\S+)/ "
                     r"\(preview: python3 -m http\.server -d (\S+)\)$")
BROKEN_404 = ('{% extends "!theme/404.html" %}\n'
              '{% block main %}<a href="nowhere/">x</a>{% endblock %}\n')
ARTICLE_MD = "content/editions/2025-11-10/01-shou-jie-huo-ju-lun-tan.md"


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_build_prints_one_summary_line(ssg, project):
    result = ssg("build", cwd=project)
    match = SUMMARY.match(result.stdout.strip())
    assert match, result.stdout
    pages, files, shown, preview = match.groups()
    assert (shown, preview) == ("public", "public")
    assert int(pages) == len(list((project / "public").rglob("*.html")))
    assert int(files) == len(tree(project / "public")) - 1


def test_build_with_root_and_output_from_elsewhere(ssg, project):
    result = ssg("build", "--root", "paper", "--output", "site", cwd=project.parent)
    assert SUMMARY.match(result.stdout.strip()).group(3) == "site"
    assert (project.parent / "site" / "index.html").is_file()
    assert not (project / "public").exists()


def test_warnings_name_file_and_line_and_quiet_shows_only_errors(ssg, project):
    path = project / ARTICLE_MD
    path.write_text(path.read_text(encoding="utf-8").replace("pages: '2'", "pages: '9'"), encoding="utf-8")
    result = ssg("build", cwd=project)
    assert re.match(rf"^{ARTICLE_MD}:8: warning: see_also", one_error_line(result.stderr))
    result = ssg("-q", "build", cwd=project)
    assert result.stdout == "" and result.stderr == ""
    assert (project / "public" / "index.html").is_file()


def test_a_reference_to_a_page_the_content_lacks_is_a_note_shown_at_v_and_strict_passes(ssg, project):
    # page 3 of the 4-page issue was not ingested: normal for a partial edition
    path = project / ARTICLE_MD
    path.write_text(path.read_text(encoding="utf-8").replace("pages: '2'", "pages: '3'"), encoding="utf-8")
    result = ssg("build", "--strict", cwd=project)
    assert result.stderr == "" and SUMMARY.match(result.stdout.strip()), result.stdout
    result = ssg("-v", "build", cwd=project)
    assert re.match(rf"^{ARTICLE_MD}:8: note: see_also refers to page 3,", one_error_line(result.stderr))
    result = ssg("-q", "build", "--strict", cwd=project)
    assert result.stdout == "" and result.stderr == ""


def test_bad_front_matter_is_one_line_naming_file_and_line(ssg, project):
    path = project / ARTICLE_MD
    path.write_text(path.read_text(encoding="utf-8").replace("page: 1\n", "page: 一\n"), encoding="utf-8")
    result = ssg("build", cwd=project, check=False)
    assert result.returncode == 1
    line = one_error_line(result.stderr)
    assert line.startswith(f"error: {ARTICLE_MD}:4:"), line
    assert not (project / "public").exists()


@pytest.mark.parametrize("output", [".", "content", ".."])
def test_an_unsafe_output_is_refused_in_one_line(ssg, project, output):
    before = tree(project)
    result = ssg("build", "--output", output, cwd=project, check=False)
    assert result.returncode == 1
    assert one_error_line(result.stderr).startswith("error: ")
    assert tree(project) == before


def test_a_bad_base_url_is_refused_in_one_line(ssg, project):
    result = ssg("build", "--base-url", "example.org/herald", cwd=project, check=False)
    assert result.returncode == 1 and "--base-url" in one_error_line(result.stderr)


def test_outside_a_project_build_says_so(ssg, tmp_path):
    result = ssg("build", cwd=tmp_path, check=False)
    assert result.returncode == 1 and "not an ssg project" in one_error_line(result.stderr)


def test_help_shows_options_and_an_example(ssg, tmp_path):
    text = ssg("build", "--help", cwd=tmp_path).stdout
    for word in ("--root", "--output", "--base-url", "--strict", "example:", "ssg build --root"):
        assert word in text
    assert "--base-url" in ssg("check", "--help", cwd=tmp_path).stdout


def test_check_writes_nothing_and_passes_a_sound_site(ssg, project):
    before = tree(project)
    result = ssg("check", cwd=project)
    assert "all resolve" in result.stdout
    assert tree(project) == before


def test_check_fails_on_a_broken_link_naming_page_and_line(ssg, project):
    (project / "templates").mkdir()
    (project / "templates" / "404.html").write_text(BROKEN_404, encoding="utf-8")
    result = ssg("check", cwd=project, check=False)
    assert result.returncode == 1
    assert re.search(r"^error: 404\.html:\d+: broken link 'nowhere/'", result.stderr, re.MULTILINE), result.stderr
    assert "1 broken" in result.stdout
    assert not (project / "public").exists()


def test_strict_build_fails_on_a_broken_link_and_keeps_the_old_output(ssg, project):
    ssg("build", cwd=project)
    before = tree(project / "public")
    (project / "templates").mkdir()
    (project / "templates" / "404.html").write_text(BROKEN_404, encoding="utf-8")
    assert ssg("build", cwd=project).returncode == 0  # lenient: builds
    result = ssg("build", "--strict", cwd=project, check=False)
    assert result.returncode == 1
    assert re.search(r"^error: public/404\.html:\d+: broken link 'nowhere/'", result.stderr, re.MULTILINE), result.stderr
    assert tree(project / "public") != before  # the lenient build above replaced it...
    ssg("build", cwd=project)
    lenient = tree(project / "public")
    ssg("build", "--strict", cwd=project, check=False)
    assert tree(project / "public") == lenient  # ...and the failed strict build did not


def test_verbose_check_lists_external_links_without_fetching(ssg, project):
    path = project / ARTICLE_MD
    path.write_text(path.read_text(encoding="utf-8") + "\n详见[科技部网站](https://www.most.gov.cn/)。\n",
                    encoding="utf-8")
    quiet = ssg("check", cwd=project)
    assert "most.gov.cn" not in quiet.stdout
    loud = ssg("-v", "check", cwd=project)
    assert re.search(r"^2025/11/10/01/01-shou-jie-huo-ju-lun-tan/index\.html:\d+: external link "
                     r"https://www\.most\.gov\.cn/", loud.stdout, re.MULTILINE), loud.stdout
