"""Fixture sites for the config, content and site-graph tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssg.config import load_config
from ssg.site import load_site

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


@pytest.fixture(scope="module")
def basic_site():
    return load_site(load_config(BASIC))
