"""Fixtures for the web tests: an app on the example content, with a real SQLite database in
`tmp_path` and a postcode look-up that knows a few made-up postcodes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from fastapi import FastAPI
from fastapi.testclient import TestClient

from navigator.geo.lookup import Location
from navigator.settings import Settings
from navigator.web.app import create_app
from tests.conftest import GOOD

PLACES = {
    "BD3 8AA": Location(
        "BD3 8AA",
        True,
        ("england", "bradford-district", "better-start-bradford"),
        (),
        ("nhs-bradford-craven",),
        "BD3 8AA is in the Better Start Bradford area.",
    ),
    "BD9 4AA": Location(
        "BD9 4AA",
        True,
        ("england", "bradford-district"),
        (),
        ("nhs-bradford-craven",),
        "BD9 4AA is in Bradford district, outside the Better Start Bradford area.",
    ),
    "BD5 0AA": Location(
        "BD5 0AA",
        True,
        ("england", "bradford-district"),
        ("better-start-bradford",),
        ("nhs-bradford-craven",),
        "BD5 0AA is near the edge of the Better Start Bradford area, so please confirm.",
    ),
}


class FakeLocator:
    """Fixed answers for a few postcodes (so the web tests do not hang on where real
    boundaries fall); anything else is not found."""

    def locate(self, text: str) -> Location:
        key = " ".join(text.upper().split())
        if key in PLACES:
            return PLACES[key]
        return Location(key, False, (), (), (), f"We could not find {key}.")


def copy_content(target: Path) -> Path:
    (target / "pathways").mkdir(parents=True)
    (target / "services.yaml").write_text((GOOD / "services.yaml").read_text())
    for path in (GOOD / "pathways").iterdir():
        (target / "pathways" / path.name).write_text(path.read_text())
    return target


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        content_root=GOOD,
        state_dir=tmp_path / "state",
        content_poll_seconds=0,
        allowed_hosts="testserver",
    )


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings, locator=FakeLocator())


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as client:
        yield client


def page(response: object) -> BeautifulSoup:
    return BeautifulSoup(getattr(response, "text", ""), "html.parser")


def text(html: Tag, selector: str) -> str:
    """The text of the first element matching `selector`, which must exist."""
    found = html.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found.get_text(" ", strip=True)
