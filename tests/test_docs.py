"""The documentation stays true to the code: every setting, template and module is described,
and every link between the documents resolves."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

import pytest

from ssg import config

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


def doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def schema_keys(cls, prefix: str = "") -> list[str]:
    """Every key a user may write in site.yaml, dotted: "reading.chars_per_minute", "deploy[].to"."""
    hints = typing.get_type_hints(cls)
    keys = []
    for f in dataclasses.fields(cls):
        if f.name == "root":
            continue
        key = prefix + f.name
        kind = hints[f.name]
        args = typing.get_args(kind)
        if dataclasses.is_dataclass(kind):
            keys += schema_keys(kind, key + ".")
        elif typing.get_origin(kind) is tuple and args and dataclasses.is_dataclass(args[0]):
            keys += schema_keys(args[0], key + "[].")
        else:
            keys.append(key)
    return keys


def test_site_yaml_reference_names_every_key():
    text = doc("site-yaml.md")
    keys = schema_keys(config.SiteConfig)
    assert len(keys) > 20
    missing = [k for k in keys if f"| `{k}` |" not in text]
    assert not missing, f"docs/site-yaml.md does not describe {missing}"


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")) + ["../README.md"])
def test_links_between_documents_resolve(page):
    path = (DOCS / page).resolve()
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue
        file = (path.parent / target.split("#")[0]).resolve()
        assert file.exists(), f"{path.relative_to(REPO)} links to {target}, which does not exist"


def test_theme_guide_names_every_template_of_the_default_theme():
    text = doc("themes.md")
    templates = sorted(
        p.relative_to(REPO / "themes" / "newspaper" / "templates").as_posix()
        for p in (REPO / "themes" / "newspaper" / "templates").rglob("*.html")
    )
    assert templates
    missing = [t for t in templates if t not in text]
    assert not missing, f"docs/themes.md does not mention {missing}"


def test_architecture_names_every_module():
    text = doc("architecture.md")
    modules = sorted(
        p.relative_to(REPO).as_posix()
        for p in (REPO / "ssg").rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py") and "__pycache__" not in p.parts and "scaffold" not in p.parts
    )
    missing = [m for m in modules if m not in text and m.removeprefix("ssg/") not in text]
    assert not missing, f"docs/architecture.md does not describe {missing}"


def test_ingest_guide_names_every_heuristic():
    from ssg.ingest.enumerations import HEURISTICS
    from ssg.ingest.heuristics import DEFAULT_HEURISTICS

    text = doc("ingest.md")
    functions = {f.name: getattr(DEFAULT_HEURISTICS, f.name).__name__ for f in dataclasses.fields(DEFAULT_HEURISTICS)}
    missing = [f"{field} ({name})" for field, name in functions.items() if name not in text]
    missing += [f"list style {name}" for name in HEURISTICS if f"`{name}`" not in text]
    assert not missing, f"docs/ingest.md does not describe {missing}"


def test_theme_guide_lists_the_variables_each_template_receives(tmp_path, ssg):
    from ssg.config import load_config
    from ssg.render import load_theme, plan_pages
    from ssg.site import load_site

    ssg("-q", "init", "site", cwd=tmp_path)
    site_config = load_config(tmp_path / "site")
    jobs = plan_pages(load_site(site_config), site_config, load_theme(site_config))
    keys: dict[str, set] = {}
    for job in jobs:
        keys.setdefault(job.template, set()).update(job.context)
    common = set.intersection(*keys.values())
    text = doc("themes.md")
    rows = {m[1]: m[0] for m in re.finditer(r"^\| `([^`]+)` \|.*$", text, flags=re.M)}
    missing = [f"every template: {k}" for k in sorted(common) if k not in rows]
    for template, names in sorted(keys.items()):
        row = rows.get(template, "")
        missing += [f"{template}: {k}" for k in sorted(names - common) if f"`{k}`" not in row]
    assert not missing, f"docs/themes.md does not list {missing}"
