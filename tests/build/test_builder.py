"""The Builder on a small project on disk: full builds, failures, strict mode, incremental rebuilds."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from build_helpers import tree

from ssg.build import Builder, build_site
from ssg.diagnostics import SsgError
from ssg.output import MARKER, load_manifest

ARTICLE = "2025/11/10/01/01-shou-jie-huo-ju-lun-tan/index.html"
OLD_ARTICLE = "2025/11/03/01/01-qiu-ji-jiao-yi-hui/index.html"
ARTICLE_MD = "content/editions/2025-11-10/01-shou-jie-huo-ju-lun-tan.md"
INITIATIVE = "2025/11/10/02/03-san-ge-yi/02-da-zao-yi-ge-ping-tai/index.html"


def siblings(output: Path) -> list[str]:
    """Staging or old folders a build left beside the output."""
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}."))


def edit(project: Path, rel: str, old: str, new: str) -> Path:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_full_build_writes_every_page_feed_sitemap_robots_and_assets(project):
    result = build_site(project)
    out = project / "public"
    assert result.output == out and result.full
    files = tree(out)
    for path in ("index.html", "404.html", "archive/index.html", "feed.xml", "sitemap.xml", "robots.txt",
                 ARTICLE, OLD_ARTICLE, INITIATIVE, "about/index.html", MARKER):
        assert path in files, path
    assert any(re.fullmatch(r"static/style\.[0-9a-f]{8}\.css", p) for p in files)
    html = [p for p in files if p.endswith(".html")]
    assert result.pages == len(html)
    assert result.files == len(files) - 1 == len(result.written)  # the marker is not counted
    assert load_manifest(out) == result.manifest
    assert "首届火炬论坛在河北雄安新区举办" in files[ARTICLE].decode()
    sitemap = ET.fromstring(files["sitemap.xml"])
    locs = [u[0].text for u in sitemap]
    assert len(locs) == len(html) - 1 and "https://example.org/herald/404.html" not in locs
    assert result.base_url == "https://example.org/herald/"


def test_two_builds_of_the_same_input_are_byte_identical(project, tmp_path):
    build_site(project, output=tmp_path / "one")
    build_site(project, output=tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_base_url_option_reaches_every_absolute_url(project):
    build_site(project, base_url="http://127.0.0.1:8123/sub")
    out = project / "public"
    assert "Sitemap: http://127.0.0.1:8123/sub/sitemap.xml" in (out / "robots.txt").read_text()
    assert "https://example.org" not in (out / "feed.xml").read_text()
    assert 'href="http://127.0.0.1:8123/sub/2025/11/10/01/01-shou-jie-huo-ju-lun-tan/"' in (out / ARTICLE).read_text()


@pytest.mark.parametrize("url", ["example.org", "ftp://example.org/", "/herald/", "https://example.org/?a=1"])
def test_a_bad_base_url_is_one_clear_error(project, url):
    with pytest.raises(SsgError, match="--base-url"):
        Builder(project, base_url=url)


def test_a_broken_front_matter_fails_naming_file_and_line_and_keeps_the_previous_output(project):
    build_site(project)
    before = tree(project / "public")
    edit(project, ARTICLE_MD, "page: 1\n", "page: 一\n")
    with pytest.raises(SsgError) as exc:
        build_site(project)
    assert any(d.path.endswith("01-shou-jie-huo-ju-lun-tan.md") and d.line == 4 for d in exc.value.diagnostics), \
        exc.value.diagnostics
    assert tree(project / "public") == before
    assert siblings(project / "public") == []


def test_a_template_error_fails_naming_the_template_and_keeps_the_previous_output(project):
    build_site(project)
    before = tree(project / "public")
    (project / "templates").mkdir()
    (project / "templates" / "article.html").write_text('{% extends "base.html" %}\n{% block main %}\n{{ nope.x }}\n'
                                                        '{% endblock %}\n', encoding="utf-8")
    with pytest.raises(SsgError) as exc:
        build_site(project)
    assert "article.html" in str(exc.value)
    assert tree(project / "public") == before


class Interrupt:
    """A progress reporter that presses Ctrl-C after `after` pages."""

    def __init__(self, after: int):
        self.after = after

    def stage(self, name, total=None):
        pass

    def advance(self, n=1):
        self.after -= n
        if self.after <= 0:
            raise KeyboardInterrupt

    def close(self):
        pass


def test_an_interrupted_build_leaves_the_previous_output_intact(project):
    build_site(project)
    before = tree(project / "public")
    edit(project, ARTICLE_MD, "首届火炬论坛在河北雄安新区举办", "改过的标题")
    with pytest.raises(KeyboardInterrupt):
        build_site(project, progress=Interrupt(after=5))
    assert tree(project / "public") == before
    assert siblings(project / "public") == []


def test_output_in_the_project_root_or_content_is_refused_and_nothing_is_touched(project):
    before = tree(project)
    for output in (project, project / "content", project.parent):
        with pytest.raises(SsgError) as exc:
            build_site(project, output=output)
        assert len(exc.value.diagnostics) == 1
    assert tree(project) == before


def test_a_folder_without_site_yaml_or_content_is_not_a_project(tmp_path):
    with pytest.raises(SsgError, match="not an ssg project"):
        build_site(tmp_path)


# -- strict ---------------------------------------------------------------------------

def test_strict_turns_warnings_into_errors(project):
    edit(project, ARTICLE_MD, "pages: '2'", "pages: '9'")
    result = build_site(project)
    assert any("see_also" in d.message for d in result.diagnostics)
    before = tree(project / "public")
    with pytest.raises(SsgError) as exc:
        build_site(project, strict=True)
    assert all(d.severity == "error" for d in exc.value.diagnostics)
    assert any("see_also" in d.message for d in exc.value.diagnostics)
    assert tree(project / "public") == before


def test_strict_checks_links_before_the_swap(project):
    build_site(project, strict=True)
    before = tree(project / "public")
    (project / "templates").mkdir()
    (project / "templates" / "404.html").write_text('{% extends "!theme/404.html" %}\n'
                                                    '{% block main %}<a href="nowhere/">x</a>{% endblock %}\n',
                                                    encoding="utf-8")
    assert build_site(project, output=project / "lenient").pages  # not strict: builds
    with pytest.raises(SsgError) as exc:
        build_site(project, strict=True)
    first = exc.value.diagnostics[0]
    assert first.path == str(project / "public" / "404.html") and first.line > 0  # outside the cwd: absolute
    assert "broken link 'nowhere/'" in str(exc.value)
    assert tree(project / "public") == before


# -- incremental ----------------------------------------------------------------------

class Recorder:
    """A progress reporter that remembers each stage's total."""

    def __init__(self):
        self.totals: dict[str, int | None] = {}

    def stage(self, name, total=None):
        self.totals[name] = total

    def advance(self, n=1):
        pass

    def close(self):
        pass


def test_an_edit_rewrites_only_the_pages_that_show_it(project):
    progress = Recorder()
    builder = Builder(project, progress=progress)
    first = builder.build()
    assert progress.totals["rendering"] == first.pages
    out = first.output
    untouched = (out / OLD_ARTICLE).stat().st_mtime_ns, (out / OLD_ARTICLE).stat().st_ino
    path = edit(project, ARTICLE_MD, "与会代表围绕高新区建设展开讨论。", "与会代表围绕园区建设展开讨论。")
    result = builder.build([path])
    assert not result.full
    assert 0 < progress.totals["rendering"] < first.pages // 2  # only pages whose key changed are rendered
    assert ARTICLE in result.written
    assert OLD_ARTICLE not in result.written and INITIATIVE not in result.written
    assert set(result.written) < set(first.written)
    assert "园区建设" in (out / ARTICLE).read_text()
    assert ((out / OLD_ARTICLE).stat().st_mtime_ns, (out / OLD_ARTICLE).stat().st_ino) == untouched
    assert load_manifest(out) == result.manifest
    # the incremental result is exactly what a full build makes
    fresh = build_site(project, output=project.parent / "fresh")
    assert tree(out) == tree(fresh.output)


def test_a_rebuild_with_nothing_changed_writes_nothing(project):
    builder = Builder(project)
    builder.build()
    result = builder.build([])
    assert result.written == () and result.removed == ()


def test_a_deleted_article_is_removed_from_the_output(project):
    builder = Builder(project)
    builder.build()
    (project / "content/editions/2025-11-03/01-qiu-ji-jiao-yi-hui.md").unlink()
    (project / "content/editions/2025-11-03/_edition.md").unlink()
    (project / "content/editions/2025-11-03").rmdir()
    result = builder.build([project / "content/editions/2025-11-03"])
    assert OLD_ARTICLE in result.removed and "2025/11/03/index.html" in result.removed
    assert not (project / "public/2025/11/03").exists()
    assert tree(project / "public") == tree(build_site(project, output=project.parent / "fresh").output)


def test_a_stylesheet_edit_changes_the_fingerprint_everywhere(project):
    builder = Builder(project)
    first = builder.build()
    old_css = next(p for p in first.written if p.endswith(".css"))
    (project / "static").mkdir()
    theme_css = next(Path(p) for p in (Path(__file__).parents[2] / "themes/newspaper/static").rglob("style.css"))
    (project / "static" / "style.css").write_bytes(theme_css.read_bytes() + b"\nbody { color: #111; }\n")
    result = builder.build([project / "static" / "style.css"])
    new_css = next(p for p in result.written if p.endswith(".css"))
    assert new_css != old_css and old_css in result.removed
    assert ARTICLE in result.written and new_css.split("/")[-1] in (project / "public" / ARTICLE).read_text()


def test_an_error_in_an_incremental_build_keeps_the_last_good_output_and_recovers(project):
    builder = Builder(project)
    builder.build()
    before = tree(project / "public")
    path = edit(project, ARTICLE_MD, "order: 1\n", "order: [\n")
    with pytest.raises(SsgError):
        builder.build([path])
    assert tree(project / "public") == before
    edit(project, ARTICLE_MD, "order: [\n", "order: 1\n")
    edit(project, ARTICLE_MD, "与会代表", "全体代表")
    result = builder.build([path])
    assert not result.full and ARTICLE in result.written
    assert "全体代表" in (project / "public" / ARTICLE).read_text()


def test_an_output_folder_removed_behind_the_builders_back_is_rebuilt_in_full(project):
    builder = Builder(project)
    builder.build()
    shutil.rmtree(project / "public")
    result = builder.build([project / ARTICLE_MD])
    assert result.full and (project / "public" / ARTICLE).is_file()


def test_a_site_yaml_change_reloads_the_config(project):
    builder = Builder(project)
    builder.build()
    path = edit(project, "site.yaml", "title: 导报 电子版", "title: 新导报")
    result = builder.build([path])
    assert "feed.xml" in result.written
    assert "<title>新导报</title>" in (project / "public/feed.xml").read_text()


def test_an_output_that_cannot_be_written_is_one_error_naming_it(project):
    (project / "blocker").write_text("a file where a folder must go")
    with pytest.raises(SsgError) as exc:
        build_site(project, output=project / "blocker" / "site")
    assert len(exc.value.diagnostics) == 1
    assert "blocker" in str(exc.value) and "cannot write the site" in str(exc.value)
