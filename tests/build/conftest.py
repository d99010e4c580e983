"""Fixtures of the build tests (the material itself is in build_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_helpers import make_config, make_site, write_project

from ssg.config import SiteConfig
from ssg.site.model import Site


@pytest.fixture
def site() -> Site:
    return make_site()


@pytest.fixture
def config(tmp_path) -> SiteConfig:
    return make_config(tmp_path)


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the small two-edition project, to build and edit."""
    return write_project(tmp_path / "paper")
