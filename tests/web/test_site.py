"""The site's own words come from the content's `site` block: the header, the home page, the
list of services, the API description and the postcode messages."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from navigator.settings import Settings
from navigator.web.app import create_app

from .conftest import FakeLocator, copy_content, page, text

SITE = """site:
  place: Kirklees
  title: Little steps
  ages: pregnancy to age 5
  example_postcode: HD1 2TA
  contact: directory@example.org
"""


def _client(tmp_path: Path, site: str) -> TestClient:
    root = copy_content(tmp_path / "content")
    services = root / "services.yaml"
    services.write_text(services.read_text().replace("areas:\n", site + "areas:\n", 1))
    settings = Settings(content_root=root, state_dir=tmp_path / "state", content_poll_seconds=0)
    return TestClient(create_app(settings, locator=FakeLocator()))


def test_the_pages_name_the_place_of_the_content(tmp_path: Path) -> None:
    with _client(tmp_path, SITE) as client:
        home = page(client.get("/"))
        assert text(home, "header").startswith("Little steps Kirklees")
        assert "mental health in Kirklees" in text(home, "h1")
        assert "HD1" in home.get_text()
        assert "directory@example.org" in text(home, "footer")
        assert "pregnancy to age 5" in client.get("/services").text
        assert "Kirklees's early years" in client.get("/openapi.json").json()["info"]["description"]
        for response in (client.get("/"), client.get("/services")):
            assert "Bradford" not in response.text


def test_without_a_site_block_no_place_is_named(tmp_path: Path) -> None:
    with _client(tmp_path, "") as client:
        home = page(client.get("/"))
        assert text(home, "h1").endswith("mental health")
        assert "Tell the team" not in text(home, "footer")
        assert "Bradford" not in client.get("/openapi.json").json()["info"]["description"]


def test_the_eligibility_checker_asks_within_the_pathways_ages(tmp_path: Path) -> None:
    with _client(tmp_path, SITE) as client:
        response = client.get(
            "/services/infant-mh/eligibility",
            params={"stage": "postnatal", "age_months": "50", "postcode": ""},
        )
        assert "from 0 to" in response.text
