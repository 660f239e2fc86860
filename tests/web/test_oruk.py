"""The Open Referral UK 3.0 feed under /oruk/: every response of the shipped directory's feed
validates against the ORUK 3.0 JSON Schemas (offline), for every service and every page; and
the feed's paging, filters, search and postcode coverage do what the spec says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from navigator.content.loader import load
from navigator.openreferral.identity import uuid_for
from navigator.settings import Settings
from navigator.web.app import create_app
from tests.openreferral.schemas import errors
from tests.web.conftest import FakeLocator, copy_content

ROOT = Path(__file__).resolve().parents[2]
LIST_SCHEMAS = {
    "/oruk/services": "service_list.json",
    "/oruk/service_at_locations": "service_at_location_list.json",
    "/oruk/taxonomies": "taxonomy_list.json",
    "/oruk/taxonomy_terms": "taxonomy_term_list.json",
    "/oruk/organizations": "organization_list.json",
}
ITEM_SCHEMAS = {
    "/oruk/services": "service.json",
    "/oruk/service_at_locations": "service_at_location.json",
    "/oruk/taxonomies": "taxonomy.json",
    "/oruk/taxonomy_terms": "taxonomy_term.json",
    "/oruk/organizations": "organization.json",
}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The app on the shipped content (services.yaml at the repo root)."""
    state = tmp_path_factory.mktemp("oruk")
    settings = Settings(content_root=ROOT, state_dir=state, content_poll_seconds=0)
    with TestClient(create_app(settings, locator=FakeLocator())) as client:
        yield client


def get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    if url.startswith("/oruk"):
        assert response.headers["access-control-allow-origin"] == "*"
        assert response.headers["cross-origin-resource-policy"] == "cross-origin"
    else:
        assert "access-control-allow-origin" not in response.headers
    return response.json()


def pages(client: TestClient, url: str, per_page: int, **params: Any) -> list[dict[str, Any]]:
    """Every page of a listing, checking each against its ORUK list schema."""
    found: list[dict[str, Any]] = []
    number = 1
    while True:
        body = get(client, url, page=number, per_page=per_page, **params)
        assert errors(LIST_SCHEMAS[url], body) == [], f"{url} page {number}"
        found.append(body)
        if body["last_page"]:
            return found
        number += 1


def test_api_details_say_the_version_and_profile(shipped: TestClient) -> None:
    body = get(shipped, "/oruk/")
    assert errors("api_details.json", body) == []
    assert body["version"] == "HSDS-UK-3.0"
    assert body["profile"].startswith("https://")


@pytest.mark.parametrize("url", sorted(LIST_SCHEMAS))
def test_every_page_and_every_item_of_every_listing_conforms(shipped: TestClient, url: str) -> None:
    listing = pages(shipped, url, per_page=7)
    ids = [item["id"] for body in listing for item in body["contents"]]
    assert ids and len(ids) == len(set(ids)) == listing[0]["total_items"]
    for id in ids:
        body = get(shipped, f"{url}/{id}")
        assert errors(ITEM_SCHEMAS[url], body) == [], f"{url}/{id}"


def test_every_shipped_service_is_in_the_feed_fully_nested_and_valid(shipped: TestClient) -> None:
    directory = load([ROOT / "services.yaml"]).directory
    assert directory is not None
    for service in directory.services:
        body = get(shipped, f"/oruk/services/{uuid_for('service', service.id)}")
        assert errors("service.json", body) == [], service.id
        assert body["x_navigator_id"] == service.id
        assert body["organization"]["name"] == service.provider
        assert body["assured_date"] == service.last_reviewed.isoformat()
        assert body["status"] == ("active" if service.active else "defunct")
        if service.routes:
            assert body["application_process"] and body["eligibility_description"]
        assert None not in body.values() and [] not in body.values() and "" not in body.values()


def test_the_full_listing_nests_and_still_conforms(shipped: TestClient) -> None:
    for body in pages(shipped, "/oruk/services", per_page=50, full="true"):
        for service in body["contents"]:
            assert errors("service.json", service) == []
            assert "attributes" in service


def test_pages_are_numbered_as_the_spec_says(shipped: TestClient) -> None:
    first = get(shipped, "/oruk/services", per_page=10)
    total = first["total_items"]
    assert first["total_pages"] == -(-total // 10)
    assert (first["page_number"], first["size"], first["first_page"]) == (1, 10, True)
    assert not first["last_page"] and not first["empty"]
    last = get(shipped, "/oruk/services", per_page=10, page=first["total_pages"])
    assert last["last_page"] and not last["first_page"]
    assert last["size"] == total - 10 * (first["total_pages"] - 1)
    beyond = get(shipped, "/oruk/services", per_page=10, page=first["total_pages"] + 1)
    assert beyond["empty"] and beyond["contents"] == [] and beyond["size"] == 0
    assert errors("service_list.json", beyond) == []


def test_bad_paging_is_a_json_problem(shipped: TestClient) -> None:
    response = shipped.get("/oruk/services", params={"per_page": "lots"})
    assert response.status_code == 400
    assert "per_page" in response.json()["message"]
    assert response.headers["access-control-allow-origin"] == "*"


def test_text_search_gives_the_same_services_in_the_same_order_as_search(
    shipped: TestClient,
) -> None:
    for words in ("bonding", "helth visiter", "talking therapies", "IAPT", "perinat"):
        ours = get(shipped, "/api/v1/services", q=words, per_page=100)
        feed = get(shipped, "/oruk/services", text=words, per_page=100)
        spec = get(shipped, "/oruk/services", search=words, per_page=100)
        expected = [uuid_for("service", r["id"]) for r in ours["results"]]
        assert expected, words
        assert (
            [s["id"] for s in feed["contents"]] == expected == [s["id"] for s in spec["contents"]]
        )


def test_a_term_filters_services_and_a_parent_term_takes_in_its_children(
    shipped: TestClient,
) -> None:
    terms = get(shipped, "/oruk/taxonomy_terms", per_page=500)["contents"]
    by_code = {t["code"]: t for t in terms}
    referral = by_code["route:referral"]
    assert referral["parent_id"] == by_code["route"]["id"]
    found = get(shipped, "/oruk/services", taxonomy_term_id=referral["id"], per_page=500)
    directory = load([ROOT / "services.yaml"]).directory
    assert directory is not None
    expected = [uuid_for("service", s.id) for s in directory.services if s.route("referral")]
    assert [s["id"] for s in found["contents"]] == expected
    every_way_in = get(shipped, "/oruk/services", taxonomy_term_id=by_code["route"]["id"])
    with_routes = [s for s in directory.services if s.routes]
    assert every_way_in["total_items"] == len(with_routes) > found["total_items"]
    hubs = [t for t in terms if t["taxonomy"] == "DfE Family Hubs service categories"]
    perinatal = next(t for t in hubs if t["name"].startswith("Perinatal mental health"))
    tagged = get(shipped, "/oruk/services", taxonomy_term_id=perinatal["id"])
    assert "Little Minds Matter" in str(tagged["contents"])


def test_top_only_and_parent_id_narrow_the_terms(shipped: TestClient) -> None:
    top = get(shipped, "/oruk/taxonomy_terms", top_only="true", per_page=500)["contents"]
    assert top and all("parent_id" not in t for t in top)
    route = next(t for t in top if t["code"] == "route")
    children = get(shipped, "/oruk/taxonomy_terms", parent_id=route["id"])["contents"]
    assert sorted(t["code"] for t in children) == sorted(
        f"route:{k}"
        for k in ("urgent", "consultation", "referral", "self_referral", "signposting", "training")
    )


def test_areas_are_ons_uris_ages_are_decimal_years_and_ended_services_are_defunct(
    shipped: TestClient,
) -> None:
    lmm = get(shipped, f"/oruk/services/{uuid_for('service', 'little-minds-matter')}")
    assert (lmm["minimum_age"], lmm["maximum_age"]) == (0, 2)
    uris = [a.get("uri") for a in lmm["service_areas"]]
    assert uris == ["http://statistics.data.gov.uk/id/statistical-geography/E08000032"]
    ended = get(shipped, f"/oruk/services/{uuid_for('service', 'better-start-bradford-programme')}")
    assert ended["status"] == "defunct"
    assert "ended on 2025-12-31" in ended["alert"] and "Start for Life" in ended["alert"]


def test_a_services_uuid_never_changes() -> None:
    assert uuid_for("service", "little-minds-matter") == "5893006b-ce67-519f-bb0d-ee45633a071f"


def test_a_postcode_keeps_the_services_whose_areas_take_it_in(shipped: TestClient) -> None:
    url = "/oruk/service_at_locations"
    inner = pages(shipped, url, per_page=100, postcode="BD3 8AA")
    outer = pages(shipped, url, per_page=100, postcode="BD9 4AA")
    inner_names = {i["service"]["name"] for b in inner for i in b["contents"]}
    outer_names = {i["service"]["name"] for b in outer for i in b["contents"]}
    assert outer_names < inner_names
    assert any("Better Start" in n for n in inner_names - outer_names)
    near = pages(shipped, url, per_page=100, postcode="BD3 8AA", proximity="1000")
    assert {i["service"]["name"] for b in near for i in b["contents"]} == inner_names


def test_a_postcode_that_cannot_be_used_is_a_json_problem(shipped: TestClient) -> None:
    url = "/oruk/service_at_locations"
    for params in ({"postcode": "not one"}, {"proximity": "500"}, {"postcode": "BD1 9ZZ"}):
        response = shipped.get(url, params=params)
        assert response.status_code == 400, params
        assert response.json()["message"]


def test_an_unknown_id_is_a_json_404(shipped: TestClient) -> None:
    for url in ("/oruk/services/nope", "/oruk/taxonomies/nope", "/oruk/taxonomy_terms/nope"):
        response = shipped.get(url)
        assert response.status_code == 404
        assert response.json()["message"]
        assert response.headers["access-control-allow-origin"] == "*"


def test_the_feed_is_in_the_openapi_document(shipped: TestClient) -> None:
    paths = get(shipped, "/openapi.json")["paths"]
    for path, schema in {
        "/oruk/": "api_details.json",
        "/oruk/services": "service_list.json",
        "/oruk/services/{id}": "service.json",
        "/oruk/service_at_locations": "service_at_location_list.json",
        "/oruk/taxonomy_terms": "taxonomy_term_list.json",
    }.items():
        body = paths[path]["get"]["responses"]["200"]["content"]["application/json"]
        assert body["schema"] == {
            "$ref": f"https://openreferraluk.org/specifications/3.0/schema/{schema}"
        }


def test_proximity_measures_from_the_postcode_to_an_address(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    services = content / "services.yaml"
    text = services.read_text()
    website = "      website: https://example.org/infant\n"
    assert website in text
    services.write_text(text.replace(website, website + "      address: 1 Example Road, BD3 8AA\n"))
    settings = Settings(content_root=content, state_dir=tmp_path / "state", content_poll_seconds=0)
    with TestClient(create_app(settings, locator=FakeLocator())) as client:
        infant = uuid_for("service", "infant-mh")
        location = get(client, f"/oruk/services/{infant}")["service_at_locations"][0]["location"]
        assert location["location_type"] == "physical"
        assert (round(location["latitude"], 2), round(location["longitude"], 2)) == (53.8, -1.72)

        def found(**params: Any) -> set[str]:
            body = get(client, "/oruk/service_at_locations", per_page=100, **params)
            assert errors("service_at_location_list.json", body) == []
            return {item["service_id"] for item in body["contents"]}

        # BD5 0AA is near the edge of the Better Start Bradford area the service covers, and
        # a few kilometres from the service's address; virtual locations are always near.
        assert infant in found(postcode="BD5 0AA")
        assert infant in found(postcode="BD5 0AA", proximity="20000")
        assert infant not in found(postcode="BD5 0AA", proximity="100")
        assert infant in found(postcode="BD3 8AA", proximity="100")
        virtual = uuid_for("service", "health-visiting")
        assert virtual in found(postcode="BD5 0AA", proximity="100")
