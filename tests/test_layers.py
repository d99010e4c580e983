"""Imports point one way. Python will not enforce layers, so this test reads every module's imports.

The layers, lowest first (a module may import its own package and any lower layer):

    diagnostics, paths            errors as data; where ssg's own files are
    frontmatter                   the Markdown header both pipelines read and write
    config                        site.yaml
    markup                        Markdown -> HTML; needs nothing but Python-Markdown
    content                       content files -> typed sources
    site                          the graph; renders bodies through markup
    render                        themes and templates
    output, progress, feeds, search, check
    build                         the one function that knows the stage order
    serve, deploy
    commands, cli, __main__

The design's chain puts markup between site and render; here it sits below
content and site instead, because the site model carries rendered HTML (and
its plain text feeds metrics and summaries) and markup needs no project
module at all, so placing it lower adds no cycle.

ingest is to the side: it may use only the lowest layers (diagnostics, paths,
frontmatter, config), and nothing but its command imports it, so build never
reads raw issue text and ingest never reads the site.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ssg"

LAYERS: dict[str, int] = {
    "ssg": 0,  # the package itself: __version__
    "ssg.diagnostics": 0,
    "ssg.paths": 0,
    "ssg.frontmatter": 10,
    "ssg.config": 20,
    "ssg.markup": 30,
    "ssg.content": 40,
    "ssg.site": 50,
    "ssg.render": 60,
    "ssg.output": 70,
    "ssg.progress": 70,
    "ssg.feeds": 72,
    "ssg.search": 72,
    "ssg.check": 74,
    "ssg.build": 80,
    "ssg.serve": 90,
    "ssg.deploy": 90,
    "ssg.commands": 95,
    "ssg.cli": 100,
    "ssg.__main__": 110,
}
SIDE = "ssg.ingest"
SIDE_MAY_USE = {"ssg", "ssg.diagnostics", "ssg.paths", "ssg.frontmatter", "ssg.config"}
SIDE_USED_BY = {"ssg.commands", "ssg.cli"}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def unit(module: str) -> str:
    """The layer a module belongs to: its longest prefix in LAYERS (or the side package)."""
    if module == SIDE or module.startswith(SIDE + "."):
        return SIDE
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        name = ".".join(parts[:n])
        if name in LAYERS and (n > 1 or module == "ssg"):
            return name
    raise KeyError(module)


def imports(path: Path, module: str) -> list[tuple[str, int]]:
    """(imported ssg module, line) for every import, including those inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                # `from ssg import feeds` imports the module ssg.feeds
                candidate = f"{target}.{alias.name}"
                is_module = (PACKAGE.parent / Path(*candidate.split("."))).with_suffix(".py").exists() or \
                    (PACKAGE.parent / Path(*candidate.split("."))).is_dir()
                found.append((candidate if is_module else target, node.lineno))
    return [(name, line) for name, line in found if name == "ssg" or name.startswith("ssg.")]


MODULES = sorted((module_name(p), p) for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_has_a_layer():
    unplaced = []
    for module, _ in MODULES:
        try:
            unit(module)
        except KeyError:
            unplaced.append(module)
    assert not unplaced, f"place these modules in LAYERS in {Path(__file__).name}: {unplaced}"


@pytest.mark.parametrize("module, path", MODULES, ids=[m for m, _ in MODULES])
def test_imports_point_down(module, path):
    try:
        mine = unit(module)
    except KeyError:
        pytest.skip("not placed in a layer (test_every_module_has_a_layer reports it)")
    wrong = []
    for target, line in imports(path, module):
        theirs = unit(target)
        if theirs == mine:
            continue
        rel = path.relative_to(PACKAGE.parent)
        if mine == SIDE:
            if theirs not in SIDE_MAY_USE:
                wrong.append(f"{rel}:{line}: ingest imports {target}; it may use only {sorted(SIDE_MAY_USE)}")
        elif theirs == SIDE:
            if mine not in SIDE_USED_BY:
                wrong.append(f"{rel}:{line}: {module} imports {target}; only the ingest command may")
        elif LAYERS[theirs] > LAYERS[mine] or (LAYERS[theirs] == LAYERS[mine] and mine != "ssg" and theirs != "ssg"):
            wrong.append(f"{rel}:{line}: {module} ({mine}) imports {target} ({theirs}), a layer above or beside it")
    assert not wrong, "\n".join(wrong)


def test_the_checker_sees_a_wrong_arrow(tmp_path):
    """The test itself must be able to fail: an upward import is found and named."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from ssg.render import load_theme\n", encoding="utf-8")
    assert imports(bad, "ssg.content.bad") == [("ssg.render", 2)]
    assert LAYERS[unit("ssg.render")] > LAYERS[unit("ssg.content.bad")]
