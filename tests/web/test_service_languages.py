"""A family can narrow search results and a result to services that work in their language or
arrange interpreters (navigator/search/filters.py `language`, navigator/web/service_languages.py),
on the shipped directory, whose languages come from sources (docs/content-sources.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from navigator.content.loader import load
from navigator.settings import Settings
from navigator.web.app import create_app
from tests.translations import offering_urdu
from tests.web.conftest import FakeLocator, page
from tests.web.test_result import PRACTITIONER

ROOT = Path(__file__).resolve().parents[2]
RESULT = (
    "/pathways/early-years/result?audience=practitioner&red_flags=none&stage=pregnancy"
    "&concerns=low-mood&need=persistent&postcode=BD3+8AA&circumstances=none&gp_registration=yes"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(
        content_root=ROOT, state_dir=tmp_path_factory.mktemp("state"), content_poll_seconds=0
    )
    with TestClient(create_app(settings, locator=FakeLocator())) as client:
        yield client


def _speaking(language: str) -> set[str]:
    directory = load([ROOT / "services.yaml"]).directory
    assert directory is not None
    return {s.id for s in directory.services if s.active and s.speaks(language)}


def test_the_shipped_directory_records_languages_from_sources() -> None:
    assert "talking-together" in _speaking("pl")  # delivered in Polish (S-42)
    assert "midwifery" in _speaking("ar")  # the Trust's interpreters (S-109)
    assert "family-hubs" not in _speaking("ur")  # not known: never guessed
    assert len(_speaking("en")) > len(_speaking("ur")) > 0


def test_search_narrows_to_services_in_a_language(client: TestClient) -> None:
    everything = client.get("/api/v1/services", params={"per_page": 100}).json()
    urdu = client.get("/api/v1/services", params={"per_page": 100, "language": "ur"}).json()
    found = {r["id"] for r in urdu["results"]}
    assert found and found <= _speaking("ur")
    assert urdu["total"] < everything["total"]
    assert client.get("/api/v1/services", params={"language": "xx"}).status_code == 422


def test_the_search_page_offers_the_site_languages(client: TestClient) -> None:
    html = page(client.get("/search", params={"language": "pl"}))
    chosen = html.select_one("input[name=language][checked]")
    assert chosen is not None and chosen.get("value") == "pl"
    names = {card.get_text(" ", strip=True) for card in html.select(".app-card h2, .app-card h3")}
    assert names and "Family Hubs" not in names


def test_a_result_narrows_to_services_in_a_language_and_says_so(client: TestClient) -> None:
    everything = page(client.get(RESULT))
    links = {a.get("hreflang"): a for a in everything.select(".app-language-filter a")}
    assert "ur" in links and links["ur"].get_text(strip=True) == "اردو"  # in its own words
    assert "speaks=ur" in str(links["ur"]["href"])
    urdu = page(client.get(str(links["ur"]["href"])))
    shown = len(urdu.select(".app-card"))
    assert 0 < shown < len(everything.select(".app-card"))
    assert urdu.select_one("[data-language-chosen]") is not None


def test_a_result_is_never_emptied_by_the_language_filter(tmp_path: Path) -> None:
    """The example directory records no language but English: filtering by Urdu would leave
    nothing, so every service is shown, and the page says none has said it works in Urdu."""
    root = offering_urdu(tmp_path / "content")
    settings = Settings(content_root=root, state_dir=tmp_path / "state", content_poll_seconds=0)
    with TestClient(create_app(settings, locator=FakeLocator())) as example:
        everything = page(example.get(f"/pathways/early-years/result?{PRACTITIONER}"))
        urdu = page(example.get(f"/pathways/early-years/result?{PRACTITIONER}&speaks=ur"))
    assert everything.select(".app-card")
    assert len(urdu.select(".app-card")) == len(everything.select(".app-card"))
    assert urdu.select_one("[data-language-none]") is not None


def test_an_urgent_result_has_no_language_filter(client: TestClient) -> None:
    html = page(
        client.get("/pathways/early-years/result?audience=family&red_flags=psychosis&speaks=ur")
    )
    assert html.select_one(".app-language-filter") is None
    assert html.select(".app-card")
