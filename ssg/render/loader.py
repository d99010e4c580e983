"""A Jinja loader over the theme search path, with `!theme/` to extend what you override.

The search path is a list of template folders, highest priority first (site
`templates/`, then the theme, then its parent themes). A plain name such as
"base.html" loads from the first folder that holds it. `{% extends
"!theme/base.html" %}` (or include/import) loads "base.html" from the next
folder *below* the one holding the template that says it: a site override
extends the theme's version, a child theme's template extends its parent's.

Internally a template found in folder k is named "@k/base.html", which keeps
every layer's copy apart in Jinja's cache.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2

PARENT_PREFIX = "!theme/"


class LayeredLoader(jinja2.BaseLoader):
    def __init__(self, dirs: tuple[Path, ...]):
        self.dirs = dirs

    # -- name resolution -----------------------------------------------------

    def _path_in(self, layer: int, name: str) -> Path | None:
        parts = name.split("/")
        if any(p in ("", ".", "..") for p in parts):
            return None
        path = self.dirs[layer].joinpath(*parts)
        return path if path.is_file() else None

    def first_layer(self, name: str, below: int = -1) -> int | None:
        """The first folder after `below` that holds `name`."""
        for layer in range(below + 1, len(self.dirs)):
            if self._path_in(layer, name):
                return layer
        return None

    def split(self, name: str) -> tuple[int | None, str]:
        """ "@2/base.html" -> (2, "base.html"); "base.html" -> (first layer, "base.html")."""
        if name.startswith("@"):
            head, _, rest = name.partition("/")
            if head[1:].isdigit():
                return int(head[1:]), rest
        return self.first_layer(name), name

    def resolve_parent(self, name: str, parent: str | None) -> str:
        """Turn "!theme/x" asked for by `parent` into "@k/x" for the layer below `parent`'s."""
        rest = name[len(PARENT_PREFIX) :]
        below = 0
        if parent is not None:
            layer, _ = self.split(parent)
            below = layer if layer is not None else 0
        else:
            top = self.first_layer(rest)
            below = top if top is not None else 0
        found = self.first_layer(rest, below)
        return f"@{found}/{rest}" if found is not None else name

    # -- jinja2.BaseLoader ---------------------------------------------------

    def get_source(self, environment, template):
        if template.startswith(PARENT_PREFIX):
            template = self.resolve_parent(template, None)
        layer, name = self.split(template)
        path = self._path_in(layer, name) if layer is not None else None
        if path is None:
            raise jinja2.TemplateNotFound(template)
        source = path.read_text(encoding="utf-8")
        mtime = os.path.getmtime(path)
        return source, str(path), lambda: os.path.exists(path) and os.path.getmtime(path) == mtime

    def list_templates(self) -> list[str]:
        """Every template of every layer, as "@k/name" (overridden copies included)."""
        found = []
        for layer, folder in enumerate(self.dirs):
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    found.append(f"@{layer}/{path.relative_to(folder).as_posix()}")
        return found


class LayeredEnvironment(jinja2.Environment):
    """Routes `!theme/` names through the loader, which knows the layers."""

    def join_path(self, template: str, parent: str) -> str:
        if template.startswith(PARENT_PREFIX) and isinstance(self.loader, LayeredLoader):
            return self.loader.resolve_parent(template, parent)
        return template
