"""Markdown files with YAML front matter: the one reader and writer both pipelines share.

    ---
    title: 首届火炬论坛在河北雄安新区举办
    page: 1
    ---

    本报讯……

`render_document` is deterministic (keys in the order given, no line wrapping);
`parse_document` reports YAML errors with the file's own line numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ssg.diagnostics import SsgError, error

FENCE = "---"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Document:
    meta: dict
    body: str
    body_line: int
    """1-based line of the file where the body starts."""
    meta_lines: dict
    """Top-level key -> 1-based line in the file, for error messages."""


class _Dumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


class _Header(dict):
    """The header mapping: block style (one key a line) even when every value is a scalar."""


_Dumper.add_representer(_Header, lambda dumper, value: dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=False))


def render_document(meta: dict, body: str) -> str:
    """Front matter (keys with None or empty values left out) and body, ending in one newline."""
    clean = {k: v for k, v in meta.items() if v not in (None, "", (), [], {})}
    head = yaml.dump(_Header(clean), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=None)
    body = body.strip("\n")
    return f"{FENCE}\n{head}{FENCE}\n" + (f"\n{body}\n" if body else "")


def parse_document(text: str, path: str) -> Document:
    """Split and parse. Raises SsgError naming path:line for a broken header or bad YAML."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise SsgError(error(path, 1, "no front matter: the file must start with a '---' line", "add a YAML header between two '---' lines"))
    for i in range(1, len(lines)):
        if lines[i].rstrip() == FENCE:
            end = i
            break
    else:
        raise SsgError(error(path, 1, "front matter is not closed", "add a '---' line after the YAML header"))
    head = "\n".join(lines[1:end])
    # One pass (compose keeps the line marks, construct reads values from the same nodes),
    # with libyaml when it is installed: front matter is most of the time a build spends loading.
    loader = _Loader(head)
    try:
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SsgError(error(path, line, f"bad YAML in front matter: {problem}")) from None
    finally:
        loader.dispose()
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SsgError(error(path, 2, "front matter must be a mapping of keys to values"))
    meta_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            meta_lines[key_node.value] = key_node.start_mark.line + 2
    body_lines = lines[end + 1:]
    return Document(meta, "\n".join(body_lines).strip("\n") + ("\n" if "".join(body_lines).strip() else ""), end + 2, meta_lines)
