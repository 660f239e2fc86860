"""The pictures pages under /commission/pictures: each picture inline as SVG, named and
described, with its tables in a <details>; no script or inline style in them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from navigator.checker.coverage_map import CoverageMap
from navigator.content.directory import Directory
from navigator.content.pathway import Pathway
from navigator.pictures.heatmap import cell_words, heatmap
from navigator.web.security import CONTENT_SECURITY_POLICY
from tests.web.conftest import page

PAGES = {
    "flow": "/commission/pictures/flow",
    "map": "/commission/pictures/map",
    "coverage": "/commission/pictures/coverage",
    "ages": "/commission/pictures/ages",
}


def test_the_index_links_every_picture(commission_client: TestClient) -> None:
    response = commission_client.get("/commission/pictures")
    assert response.status_code == 200
    links = {a["href"] for a in page(response).select("main a.govuk-link")}
    assert set(PAGES.values()) <= links


@pytest.mark.parametrize("name", list(PAGES))
def test_each_picture_is_inline_with_its_words_and_tables(
    commission_client: TestClient, name: str
) -> None:
    response = commission_client.get(PAGES[name])
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    html = page(response)
    [svg] = html.select("main figure svg")
    assert svg["role"] == "img"
    for id in str(svg["aria-labelledby"]).split():
        assert html.find(id=id) is not None
    assert html.select_one("main figure figcaption") is not None
    tables = html.select("main details table")
    assert tables and all(t.select("tbody tr") for t in tables)
    assert html.select("main script") == [] and html.select("main [style]") == []
    assert not any(a.startswith("on") for tag in html.select("main *") for a in tag.attrs)
    ET.fromstring(str(svg))  # well formed as XML too


def test_the_coverage_page_shows_the_chosen_area(
    commission_client: TestClient, pathway: Pathway, directory: Directory
) -> None:
    response = commission_client.get(
        "/commission/pictures/coverage",
        params={"area": "bradford-district", "audience": "family", "need": "persistent"},
    )
    assert response.status_code == 200
    html = page(response)
    chosen = {s["name"]: s.select_one("option[selected]") for s in html.select("form select")}
    assert {k: v["value"] for k, v in chosen.items() if v} == {
        "area": "bradford-district",
        "audience": "family",
        "need": "persistent",
    }  # the example's routes name no facts, so there is no choice of them
    expected = heatmap(CoverageMap(pathway, directory), "bradford-district", "family", "persistent")
    [table] = html.select("main details table")
    rows = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
        for tr in table.select("tbody tr")
        if tr.th
    }
    for concern in expected.concerns:
        assert rows[concern.label] == [
            cell_words(expected.cells[(p.id, concern.id)]) for p in expected.periods
        ]


@pytest.mark.parametrize(
    "query",
    [{"area": "nowhere"}, {"need": "desperate"}, {"pathway": "no-such-pathway"}],
)
def test_an_unknown_choice_is_not_found(
    commission_client: TestClient, query: dict[str, str]
) -> None:
    response = commission_client.get("/commission/pictures/coverage", params=query)
    assert response.status_code == 404
    assert "Please choose" in page(response).get_text()
