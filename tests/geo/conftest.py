"""Fixtures for the geography tests: the project's own data in data/geo, built afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.geo.boundary import Boundary, load_boundaries
from navigator.geo.build import place_postcodes
from navigator.geo.lookup import Placement, PostcodeLookup

DATA = Path(__file__).resolve().parents[2] / "data" / "geo"


@pytest.fixture(scope="session")
def lookup() -> PostcodeLookup:
    """The lookup file that ships with the package."""
    return PostcodeLookup.default()


@pytest.fixture(scope="session")
def fresh() -> dict[str, Placement | None]:
    """Every postcode placed afresh from data/geo (about two seconds)."""
    return place_postcodes(DATA)


@pytest.fixture(scope="session")
def boundaries() -> dict[str, Boundary]:
    return load_boundaries(DATA)
