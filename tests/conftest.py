"""Shared fixtures: the small example content under tests/fixtures/good."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from navigator.content.directory import Directory
from navigator.content.loader import Bundle, load
from navigator.content.pathway import Pathway
from tests.database import KINDS, database_url

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good"


@pytest.fixture(scope="session")
def good_bundle() -> Bundle:
    bundle = load([GOOD / "services.yaml", GOOD / "pathways"])
    assert not bundle.findings and not bundle.unreadable
    return bundle


@pytest.fixture(scope="session")
def directory(good_bundle: Bundle) -> Directory:
    assert good_bundle.directory is not None
    return good_bundle.directory


@pytest.fixture(scope="session")
def pathway(good_bundle: Bundle) -> Pathway:
    return good_bundle.pathways[0][0]


@pytest.fixture(params=KINDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty real database: SQLite, then PostgreSQL (tests/database.py)."""
    with database_url(request.param, tmp_path) as url:
        yield url
