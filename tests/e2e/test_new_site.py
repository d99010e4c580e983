"""`ssg init DIR && cd DIR && ssg build`: a new site builds at once, as the README promises."""

from __future__ import annotations

from site_facts import broken_links, find_sample_pages


def test_a_new_site_builds_at_once_with_the_sample_edition(ssg, tmp_path):
    ssg("init", "herald", cwd=tmp_path)
    site = tmp_path / "herald"
    result = ssg("build", cwd=site)
    output = site / "public"
    assert "public" in result.stdout + result.stderr, "the build says where the site went"
    pages = find_sample_pages(output)
    assert len(pages.initiatives) == 10
    base_url = "https://example.org/"  # the scaffold's site.yaml
    assert broken_links(output, base_url) == []
    ssg("check", cwd=site)
