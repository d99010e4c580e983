"""Fixtures of the render tests: the seed-like site in fixtures/seed, loaded, planned and rendered."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from render_helpers import SEED, Rendered, render_site


@pytest.fixture(scope="session")
def seed(tmp_path_factory) -> Rendered:
    return render_site(SEED, tmp_path_factory.mktemp("render") / "public")


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A private copy of the seed site to add templates, themes and static files to."""
    root = tmp_path / "site"
    shutil.copytree(SEED, root)
    return root
