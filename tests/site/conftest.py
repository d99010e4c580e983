"""Fixture sites for the config, content and site-graph tests."""

from __future__ import annotations

import pytest
from site_helpers import BASIC

from ssg.config import load_config
from ssg.site import load_site


@pytest.fixture(scope="module")
def basic_site():
    return load_site(load_config(BASIC))
