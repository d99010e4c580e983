"""The theme search path: site overrides, extending what you override, parent themes, errors at file:line, assets."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest
from htmlscan import resolve, scan
from render_helpers import render_site

from ssg.config import load_config
from ssg.diagnostics import SsgError
from ssg.render import load_theme, plan_pages, render_job
from ssg.render.theme import parse_theme_yaml
from ssg.site import load_site

NEWS = "2025/11/10/01/01-shou-jie-huo-ju-lun-tan/index.html"


def write(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def render_one(root, path: str = NEWS) -> str:
    config = load_config(root)
    theme = load_theme(config)
    job = next(j for j in plan_pages(load_site(config), config, theme) if j.path == path)
    return render_job(theme, job).decode()


def test_a_site_template_replaces_the_themes(site_copy):
    write(site_copy / "templates" / "404.html", "<p>{{ meta.title }} at {{ rel('') }}</p>\n")
    assert render_one(site_copy, "404.html") == "<p>页面未找到 | 中国高新技术产业导报 电子版 at /herald/</p>\n"
    assert "<main" in render_one(site_copy), "templates not overridden still come from the theme"


def test_a_site_template_extends_the_one_it_overrides(site_copy):
    write(
        site_copy / "templates" / "base.html",
        '{% extends "!theme/base.html" %}\n{% block head %}<meta name="x-edited" content="{{ kind }}">{% endblock %}\n',
    )
    html = render_one(site_copy)
    assert '<meta name="x-edited" content="article">' in html
    assert "首届火炬论坛在河北雄安新区举办" in html and 'class="story-body"' in html


def test_a_child_theme_extends_its_parent(site_copy):
    write(site_copy / "site.yaml", (site_copy / "site.yaml").read_text(encoding="utf-8") + "theme: herald\n")
    write(site_copy / "themes" / "herald" / "theme.yaml", "extends: newspaper\ndescription: a variant\n")
    write(
        site_copy / "themes" / "herald" / "templates" / "article.html",
        '{% extends "!theme/article.html" %}\n{% block main %}<p class="child">子主题</p>\n{{ super() }}{% endblock %}\n',
    )
    write(site_copy / "themes" / "herald" / "static" / "extra.css", "p { color: red }\n")
    # the site can still override the child theme, and extend it in turn
    write(
        site_copy / "templates" / "article.html",
        '{% extends "!theme/article.html" %}\n{% block main %}<p class="site">站点</p>\n{{ super() }}{% endblock %}\n',
    )
    config = load_config(site_copy)
    theme = load_theme(config)
    assert theme.chain == ("herald", "newspaper")
    assert set(theme.assets) == {"style.css", "extra.css"}
    html = render_one(site_copy)
    assert html.index('<p class="site">') < html.index('<p class="child">') < html.index('class="story-body"')


def test_a_syntax_error_names_the_template_file_and_line(site_copy):
    write(
        site_copy / "templates" / "tag.html",
        '{% extends "base.html" %}\n{% block main %}\n<p>{{ tag.text }</p>\n{% endblock %}\n',
    )
    with pytest.raises(SsgError) as caught:
        load_theme(load_config(site_copy))
    (d,) = caught.value.diagnostics
    assert (d.path, d.line) == ("templates/tag.html", 3)
    assert str(d).startswith("templates/tag.html:3: template syntax error")


def test_an_undefined_variable_names_the_template_file_and_line(site_copy):
    write(
        site_copy / "templates" / "article.html",
        '{% extends "base.html" %}\n{% block main %}\n<h1>{{ article.title }}</h1>\n<p>{{ article.no_such_field }}</p>\n{% endblock %}\n',
    )
    with pytest.raises(SsgError) as caught:
        render_one(site_copy)
    (d,) = caught.value.diagnostics
    assert (d.path, d.line) == ("templates/article.html", 4)
    assert "no_such_field" in d.message and NEWS in d.message


def test_an_error_in_a_built_in_template_names_that_file(site_copy):
    # a context without `masthead` reaches base.html, which uses it
    config = load_config(site_copy)
    theme = load_theme(config)
    job = next(j for j in plan_pages(load_site(config), config, theme) if j.path == NEWS)
    broken = dataclasses.replace(job, context={k: v for k, v in job.context.items() if k != "meta"})
    with pytest.raises(SsgError) as caught:
        render_job(theme, broken)
    (d,) = caught.value.diagnostics
    assert (
        d.path.endswith("themes/newspaper/templates/base.html") and d.line == 6 and "'meta' is undefined" in d.message
    )


def test_an_unknown_theme_suggests_the_closest(site_copy):
    write(site_copy / "site.yaml", (site_copy / "site.yaml").read_text(encoding="utf-8") + "theme: newspapr\n")
    with pytest.raises(SsgError, match=r"unknown theme 'newspapr' \(did you mean 'newspaper'\?\)"):
        load_theme(load_config(site_copy))


def test_theme_inheritance_loops_are_reported(site_copy):
    write(site_copy / "site.yaml", (site_copy / "site.yaml").read_text(encoding="utf-8") + "theme: a\n")
    write(site_copy / "themes" / "a" / "theme.yaml", "extends: b\n")
    write(site_copy / "themes" / "b" / "theme.yaml", "extends: a\n")
    with pytest.raises(SsgError, match="theme inheritance loops: a -> b -> a"):
        load_theme(load_config(site_copy))


@pytest.mark.parametrize(
    "text, message",
    [
        ("extends: newspaper\nextend: x\n", "theme.yaml:2: unknown key 'extend' (did you mean 'extends'?)"),
        ("extends: [a, b]\n", "theme.yaml:1: 'extends' must be a non-empty string"),
        ("- newspaper\n", "theme.yaml:1: theme.yaml must be a mapping"),
        ("extends: 'x\n", "theme.yaml:2: bad YAML"),
    ],
)
def test_bad_theme_yaml_names_the_line(text, message):
    with pytest.raises(SsgError) as caught:
        parse_theme_yaml(text, "theme.yaml")
    assert str(caught.value.diagnostics[0]).startswith(message)


def test_stylesheet_is_fingerprinted_and_linked(seed):
    (name,) = [p for p in seed.theme.asset_files if p.endswith(".css")]
    data = seed.theme.asset_files[name]
    assert name == f"static/style.{hashlib.sha256(data).hexdigest()[:8]}.css"
    for path in ("index.html", NEWS, "404.html"):
        sheets = [link["href"] for link in scan(seed.pages[path]).links if link.get("rel") == "stylesheet"]
        assert len(sheets) == 1
        assert sheets[0] == "/herald/" + name if path == "404.html" else resolve(path, sheets[0])[0] == name


def test_a_site_static_file_overrides_the_themes(site_copy, tmp_path):
    write(site_copy / "static" / "style.css", "body { background: #fff }\n")
    rendered = render_site(site_copy, tmp_path / "out")
    expected = "static/style." + hashlib.sha256(b"body { background: #fff }\n").hexdigest()[:8] + ".css"
    assert list(rendered.theme.asset_files) == [expected]
    assert (tmp_path / "out" / expected).read_bytes() == b"body { background: #fff }\n"


def test_rendering_is_deterministic_and_keys_follow_content(site_copy, tmp_path):
    first = render_site(site_copy, tmp_path / "a")
    second = render_site(site_copy, tmp_path / "b")
    assert first.pages == second.pages
    assert [(j.path, j.key) for j in first.jobs] == [(j.path, j.key) for j in second.jobs]
    # editing one article changes the keys of the pages that show it, and no others
    article = site_copy / "content/editions/2025-11-10/04-ke-ji-fu-wu-ye.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("科技服务业高质量发展论坛举行", "科技服务业论坛举行"),
        encoding="utf-8",
    )
    third = render_site(site_copy, tmp_path / "c")
    before = {j.path: j.key for j in first.jobs}
    changed = {j.path for j in third.jobs if before.get(j.path) != j.key}
    assert {
        "2025/11/10/02/04-ke-ji-fu-wu-ye/index.html",
        "2025/11/10/02/index.html",
        "2025/11/10/index.html",
        "index.html",
    } <= changed
    assert "2025/11/03/01/01-ke-ji-chuang-xin/index.html" not in changed
    assert "archive/index.html" not in changed
    for path in set(before) - changed:
        assert first.pages[path] == third.pages[path], f"{path} kept its key but its bytes changed"


def test_a_template_edit_changes_every_key(site_copy, tmp_path):
    first = render_site(site_copy, tmp_path / "a")
    write(site_copy / "templates" / "base.html", '{% extends "!theme/base.html" %}\n')
    second = render_site(site_copy, tmp_path / "b")
    assert all(a.key != b.key for a, b in zip(first.jobs, second.jobs))
