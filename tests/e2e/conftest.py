"""Fixtures of the end-to-end tests (the helpers are in site_facts.py)."""

from __future__ import annotations

import pytest
from site_facts import SamplePages, find_sample_pages


@pytest.fixture(scope="session")
def sample_pages(built_sample) -> SamplePages:
    """Where each kind of page is in the built sample."""
    return find_sample_pages(built_sample.output)
