"""The search page and `GET /api/v1/services`, and their agreement with `navigator search`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from navigator.cli import main
from navigator.settings import Settings
from navigator.web.app import create_app
from tests.conftest import GOOD
from tests.web.conftest import FakeLocator

LIVE = {"HX-Request": "true", "HX-Target": "search-results"}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(content_root=GOOD, state_dir=tmp_path / "state", content_poll_seconds=0)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, locator=FakeLocator())) as client:
        yield client


def soup(response: object) -> BeautifulSoup:
    return BeautifulSoup(getattr(response, "text", ""), "html.parser")


def result_ids(html: BeautifulSoup) -> list[str]:
    return [str(card["id"]).removeprefix("result-") for card in html.select(".app-search-result")]


def test_the_page_is_a_plain_get_form(client: TestClient) -> None:
    html = soup(client.get("/search"))
    form = html.select_one("form.app-search")
    assert form is not None and form["action"] == "/search" and form["method"] == "get"
    box = html.select_one("#search-q")
    assert box is not None and box["name"] == "q"
    assert box["hx-trigger"] == "input changed delay:300ms, search"
    assert result_ids(html) == ["emergency", "health-visiting", "infant-mh", "talking-therapies"]


def test_a_search_without_javascript_gets_the_whole_page(client: TestClient) -> None:
    response = client.get("/search", params={"q": "Old Project"})
    html = soup(response)
    assert html.select_one("html") is not None
    assert result_ids(html)[0] == "health-visiting"
    former = html.select_one("#result-health-visiting .app-search-former")
    assert former is not None and "Old Project has ended" in former.text
    assert "HX-Target" in response.headers["vary"] and "HX-Request" in response.headers["vary"]


def test_a_live_search_gets_only_the_results(client: TestClient) -> None:
    response = client.get("/search", params={"q": "infant", "audience": "family"}, headers=LIVE)
    assert "<html" not in response.text
    assert response.headers["hx-push-url"] == "/search?q=infant&audience=family"
    assert result_ids(soup(response)) == []  # its routes are for practitioners only
    response = client.get("/search", params={"q": "infant"}, headers=LIVE)
    assert result_ids(soup(response))[0] == "infant-mh"


def test_highlights_mark_matches(client: TestClient) -> None:
    html = soup(client.get("/search", params={"q": "infant"}))
    marks = html.select("#result-infant-mh mark")
    assert marks and all(m.text.lower() in {"infant", "babies", "baby"} for m in marks)


def test_the_query_is_escaped_wherever_the_page_shows_it(client: TestClient) -> None:
    typed = '<script>alert(1)</script> "><b>infant'
    for headers in ({}, LIVE):
        response = client.get("/search", params={"q": typed}, headers=headers)
        assert "<script>alert(1)" not in response.text and "<b>" not in response.text
        assert result_ids(soup(response))[0] == "infant-mh"
    box = soup(client.get("/search", params={"q": typed})).select_one("input[name=q]")
    assert box is not None and box["value"] == typed


def test_filters_show_facet_counts_and_stay_chosen(client: TestClient) -> None:
    html = soup(client.get("/search", params={"route": "referral"}))
    assert result_ids(html) == ["health-visiting", "infant-mh"]
    chosen = html.select_one("#route-referral")
    assert chosen is not None and chosen.has_attr("checked")
    counts = {str(s["data-facet"]): s.text for s in html.select(".app-facet-count")}
    assert counts["route-referral"] == "(2)"
    assert counts["route-self_referral"] == "(1)"  # of these two, only health visiting
    assert counts["audience-family"] == "(1)"


def test_postcode_filter_and_its_note(client: TestClient) -> None:
    outside = soup(client.get("/search", params={"q": "infant", "postcode": "BD9 4AA"}))
    assert "infant-mh" not in result_ids(outside)
    inside = soup(client.get("/search", params={"q": "infant", "postcode": "BD3 8AA"}))
    assert "infant-mh" in result_ids(inside)
    unknown = soup(client.get("/search", params={"q": "infant", "postcode": "ZZ1 1ZZ"}))
    assert "infant-mh" in result_ids(unknown)
    assert "every area" in unknown.select(".app-search-note")[-1].text


def test_did_you_mean_links_to_the_corrected_search(client: TestClient) -> None:
    html = soup(client.get("/search", params={"q": "anxeity", "route": "self_referral"}))
    link = html.select_one(".app-did-you-mean a")
    assert link is not None and link["href"] == "/search?q=anxiety&route=self_referral"


def test_a_bad_filter_is_explained(client: TestClient) -> None:
    response = client.get("/search", params={"q": "x", "age_months": "soon"})
    assert response.status_code == 422
    summary = soup(response).select_one(".govuk-error-summary")
    assert (
        summary is not None
        and "The baby's age in months must be a number, like 7 or 1 year 2 months, not 'soon'"
        in summary.text
    )


def test_the_api_pages_results_with_facets(client: TestClient) -> None:
    data = client.get("/api/v1/services", params={"per_page": 3, "page": 2}).json()
    assert (data["total"], data["page"], data["pages"]) == (4, 2, 2)
    assert [r["id"] for r in data["results"]] == ["talking-therapies"]
    assert data["facets"]["route"]["referral"] == 2


def test_the_api_explains_bad_parameters(client: TestClient) -> None:
    response = client.get("/api/v1/services", params={"audience": "everyone"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "audience"


def test_one_service_is_still_at_its_own_address(client: TestClient) -> None:
    assert client.get("/api/v1/services/health-visiting").json()["id"] == "health-visiting"


QUERIES = [
    ["pnd"],
    ["old", "project"],
    ["anxeity"],
    ["--route", "referral", "--route", "self_referral", "--audience", "practitioner"],
    ["infant", "--age-months", "30", "--stage", "postnatal"],
    ["baby", "--postcode", "BD3 8AA"],
    ["--per-page", "2", "--page", "2"],
]


@pytest.mark.parametrize("argv", QUERIES)
def test_the_api_and_the_command_line_agree(
    argv: list[str],
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("NAVIGATOR_CONTENT_ROOT", str(settings.content_root))
    monkeypatch.setenv("NAVIGATOR_STATE_DIR", str(settings.state_dir))
    assert main(["search", "--json", *argv]) == 0
    from_cli = json.loads(capsys.readouterr().out)
    params: list[tuple[str, str]] = []
    words: list[str] = []
    rest = iter(argv)
    for arg in rest:
        if arg.startswith("--"):
            params.append((arg[2:].replace("-", "_"), next(rest)))
        else:
            words.append(arg)
    params.append(("q", " ".join(words)))
    # The real postcode look-up, as the command line uses.
    with TestClient(create_app(settings)) as client:
        from_api = client.get("/api/v1/services", params=params).json()
    assert from_api == from_cli
    assert from_api["results"] or from_api["total"] == 0


def test_the_age_filter_takes_ages_in_words(client: TestClient) -> None:
    in_words = client.get("/api/v1/services", params={"age_months": "2 years 6 months"}).json()
    as_number = client.get("/api/v1/services", params={"age_months": "30"}).json()
    assert in_words == as_number
    assert client.get("/api/v1/services", params={"age_months": "²"}).status_code == 422
