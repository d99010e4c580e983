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
