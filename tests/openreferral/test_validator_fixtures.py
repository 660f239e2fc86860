"""The conformance check is the official validator's: its Default feed passes, its Fail feed
fails on the endpoints the validator requires (`/`, `/services`, `/services/{id}`), and its
Warn feed fails only on an optional one. So the feed tests (tests/web/test_oruk.py) can fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.openreferral.schemas import FOLDER, errors

MOCKS = FOLDER / "validator"
SCHEMA_OF = {
    "api_details": "api_details.json",
    "service_full": "service.json",
    "service_list": "service_list.json",
    "organization": "organization.json",
    "organization_full": "organization.json",
    "organization_list": "organization_list.json",
    "service_at_location_full": "service_at_location.json",
    "service_at_location_list": "service_at_location_list.json",
    "taxonomy": "taxonomy.json",
    "taxonomy_list": "taxonomy_list.json",
    "taxonomy_term": "taxonomy_term.json",
    "taxonomy_term_list": "taxonomy_term_list.json",
}
REQUIRED = {"api_details", "service_list", "service_full"}
"""The responses of the endpoints the validator's OpenAPI tags `required`."""


def failing(folder: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted((MOCKS / folder).glob("*.json")):
        problems = errors(SCHEMA_OF[path.stem], json.loads(path.read_text()))
        if problems:
            found[path.stem] = problems
    return found


def fixtures(folder: str) -> list[Path]:
    return sorted((MOCKS / folder).glob("*.json"))


def test_the_default_feed_passes_every_schema() -> None:
    assert len(fixtures("V3.0-UK-Default")) == len(SCHEMA_OF) - 1  # no organization_full
    assert failing("V3.0-UK-Default") == {}


def test_the_fail_feed_fails_every_required_endpoint_for_its_reason() -> None:
    found = failing("V3.0-UK-Fail")
    assert set(found) >= REQUIRED
    assert any("'profile' is a required property" in e for e in found["api_details"])
    assert any("is not a 'email'" in e for e in found["service_full"])
    assert any("'name' is a required property" in e for e in found["service_list"])


def test_the_warn_feed_fails_only_an_optional_endpoint() -> None:
    found = failing("V3.0-UK-Warn")
    assert set(found) == {"taxonomy_term"}
    assert not REQUIRED & set(found)


@pytest.mark.parametrize("name", ["service_list", "taxonomy_list"])
def test_a_page_without_the_spec_envelope_fails(name: str) -> None:
    page = json.loads((MOCKS / "V3.0-UK-Default" / f"{name}.json").read_text())
    del page["empty"]
    assert errors(f"{name}.json", page) == ["(top): 'empty' is a required property"]
