"""Fixtures for the geography tests: the shipped content's areas and the postcode data in
data/geo, built afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.content.loader import load
from navigator.geo.areas import AreaRules
from navigator.geo.boundary import Boundary
from navigator.geo.build import Geography, place_postcodes
from navigator.geo.lookup import Placement, PostcodeLookup

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "services.yaml"
DATA = ROOT / "data" / "geo"

# The shipped content's area ids, as the tests name them.
ENGLAND = "england"
BRADFORD_DISTRICT = "bradford-district"
BETTER_START_BRADFORD = "better-start-bradford"
WARD_BOWLING_AND_BARKEREND = "ward-bowling-and-barkerend"
WARD_BRADFORD_MOOR = "ward-bradford-moor"
WARD_LITTLE_HORTON = "ward-little-horton"
NHS_BRADFORD_CRAVEN = "nhs-bradford-craven"
BSB_WARDS = (WARD_BOWLING_AND_BARKEREND, WARD_BRADFORD_MOOR, WARD_LITTLE_HORTON)


def shipped_rules() -> AreaRules:
    directory = load([SERVICES]).directory
    assert directory is not None
    return AreaRules.from_directory(directory)


@pytest.fixture(scope="session")
def rules() -> AreaRules:
    return shipped_rules()


@pytest.fixture(scope="session")
def geography(rules: AreaRules) -> Geography:
    return Geography(rules, ROOT)


@pytest.fixture(scope="session")
def lookup() -> PostcodeLookup:
    """The lookup of the shipped content, from the state folder (built there if need be)."""
    return PostcodeLookup.default()


@pytest.fixture(scope="session")
def fresh(geography: Geography) -> dict[str, Placement | None]:
    """Every postcode placed afresh from data/geo (about two seconds)."""
    return place_postcodes(geography, DATA)


@pytest.fixture(scope="session")
def boundaries(geography: Geography) -> dict[str, Boundary]:
    return geography.boundaries
