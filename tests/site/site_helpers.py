"""Helpers the site tests import: fixture paths and small content files.

A module of its own rather than conftest.py, because every test folder has a
conftest.py and only one of them can be imported as `conftest` when folders
are collected together.
"""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASIC = FIXTURES / "basic"


def write_files(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def article(title: str = "标题", page: int = 1, order: int = 1, extra: str = "", body: str = "正文。") -> str:
    head = f"title: {title}\n" if title else ""
    return f"---\n{head}page: {page}\norder: {order}\n{extra}---\n\n{body}\n"
