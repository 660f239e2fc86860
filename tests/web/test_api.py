"""The JSON API under /api/v1."""

from __future__ import annotations

import json
import subprocess
import sys

from fastapi.testclient import TestClient

from tests.conftest import GOOD

NAVIGATE = "/api/v1/pathways/early-years/navigate"


def test_navigate_returns_the_next_question(client: TestClient) -> None:
    response = client.post(NAVIGATE, json={"answers": {"red_flags": ["none"]}})
    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "question"
    assert body["question_id"] == "audience"
    assert body["answers"] == {"red_flags": ["none"]}
    assert [o["id"] for o in body["options"]] == ["practitioner", "family"]


def test_navigate_returns_the_result(client: TestClient) -> None:
    answers = {
        "red_flags": ["none"],
        "audience": "practitioner",
        "stage": "postnatal",
        "age": 5,
        "concerns": ["bonding"],
        "need": "persistent",
        "postcode": "bd38aa",
    }
    body = client.post(NAVIGATE, json={"answers": answers}).json()
    assert body["type"] == "result"
    assert [s["route"] for s in body["sections"]] == ["consultation", "referral", "self_referral"]
    assert body["answers"]["postcode"] == "BD3 8AA"
    card = body["sections"][1]["cards"][0]
    assert card["service_id"] == "infant-mh"
    assert all(r["source"] for r in card["why"])


def test_navigate_is_the_same_json_as_the_command_line(client: TestClient) -> None:
    answers = {"red_flags": ["none"], "audience": "family", "stage": "pregnancy"}
    api = client.post(NAVIGATE, json={"answers": answers}).json()
    cli = subprocess.run(
        [sys.executable, "-c", "import sys; from navigator.cli import main; sys.exit(main())",
         "navigate", "early-years", "--json",
         "--content", str(GOOD / "services.yaml"), str(GOOD / "pathways"),
         "-a", "red_flags=none", "-a", "audience=family", "-a", "stage=pregnancy"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert api == json.loads(cli.stdout)


def test_an_unusable_answer_comes_back_as_the_question_with_an_error(client: TestClient) -> None:
    answers = {"red_flags": ["none"], "audience": "family", "stage": "postnatal", "age": 99}
    body = client.post(NAVIGATE, json={"answers": answers}).json()
    assert body["question_id"] == "age"
    assert body["error"] == "Enter the age in months from 0 to 36, like 7 or 1 year 2 months"
    assert body["given"] == 99


def test_navigate_unknown_pathway_is_404_with_the_known_ones(client: TestClient) -> None:
    response = client.post("/api/v1/pathways/nope/navigate", json={"answers": {}})
    assert response.status_code == 404
    assert response.json()["message"] == "There is no pathway 'nope'. Pathways: early-years."


def test_navigate_unknown_question_is_422(client: TestClient) -> None:
    response = client.post(NAVIGATE, json={"answers": {"colour": "blue"}})
    assert response.status_code == 422
    assert "colour" in response.json()["message"]


def test_navigate_bad_body_is_422_with_a_message(client: TestClient) -> None:
    for body in [{"answers": "all of them"}, {"answers": {"stage": {"x": 1}}}]:
        response = client.post(NAVIGATE, json=body)
        assert response.status_code == 422
        data = response.json()
        assert data["message"].startswith("The request could not be used: answers")
        assert data["errors"]
    response = client.post(
        NAVIGATE, content=b"not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert "message" in response.json()


def test_pathways_list(client: TestClient) -> None:
    body = client.get("/api/v1/pathways").json()
    assert body == [
        {
            "id": "early-years",
            "title": "Example early years pathway",
            "version": "2026.11.1",
            "status": "live",
            "audiences": ["practitioner", "family"],
        }
    ]


def test_service(client: TestClient) -> None:
    body = client.get("/api/v1/services/infant-mh").json()
    assert body["name"] == "Infant Mental Health Service"
    assert body["routes"][0]["eligibility"]["age_months"] == {"from": 0, "to": 24}
    assert body["not_for"][0]["instead"] == ["health-visiting"]


def test_service_former_id_redirects_and_unknown_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/services/old-infant-team")
    assert response.status_code == 301
    assert response.headers["location"] == "/api/v1/services/infant-mh"
    response = client.get("/api/v1/services/nobody")
    assert response.status_code == 404
    assert response.json()["message"] == "There is no service 'nobody' in the directory."


def test_eligibility(client: TestClient) -> None:
    url = "/api/v1/services/infant-mh/eligibility"
    given = {"stage": "postnatal", "age_months": "5", "postcode": "BD3 8AA"}
    body = client.get(url, params={**given, "concern": "bonding", "need": "persistent"}).json()
    assert body["verdict"] == "yes"
    assert [r["verdict"] for r in body["routes"]] == ["yes", "yes"]
    assert body["not_checked"] == []
    body = client.get(url, params={"stage": "postnatal", "age_months": "30"}).json()
    assert body["verdict"] == "no"
    assert body["routes"][0]["failed"][0]["criterion"] == "age"
    assert body["instead"] == [{"id": "health-visiting", "name": "Health Visiting"}]
    body = client.get(url, params={"stage": "pregnancy", "postcode": "BD5 0AA"}).json()
    assert body["verdict"] == "confirm"


def test_eligibility_says_what_it_did_not_check(client: TestClient) -> None:
    url = "/api/v1/services/infant-mh/eligibility"
    body = client.get(url, params={"stage": "postnatal", "age_months": "7 months"}).json()
    assert body["verdict"] == "confirm"
    assert body["not_checked"] == ["the concern", "the level of need"]
    referral = body["routes"][1]
    assert referral["route"] == "referral" and referral["verdict"] == "confirm"
    assert "it is only for this level of need: persistent difficulty" in referral["unchecked"]


def test_eligibility_says_each_reason_once_for_the_audience_routes(client: TestClient) -> None:
    url = "/api/v1/services/infant-mh/eligibility"
    body = client.get(url, params={"stage": "postnatal", "age_months": "30"}).json()
    assert body["why_not"] == [
        {
            "message": "a baby of 30 months is outside its age range (0–24 months)",
            "routes": ["consultation", "referral"],
        }
    ]
    body = client.get(
        "/api/v1/services/health-visiting/eligibility",
        params={"stage": "pregnancy", "audience": "family"},
    ).json()
    assert body["audience"] == "family"
    assert body["routes"] and all(
        r["route"] not in ("training", "referral") for r in body["routes"]
    )


def test_eligibility_bad_input_is_422_with_messages(client: TestClient) -> None:
    url = "/api/v1/services/infant-mh/eligibility"
    response = client.get(url, params={"stage": "soon"})
    assert response.status_code == 422
    assert response.json()["message"] == "Select whether the baby is born yet."
    response = client.get(url, params={"stage": "postnatal", "age_months": "-1", "postcode": "x"})
    assert response.status_code == 422
    fields = [e["field"] for e in response.json()["errors"]]
    assert fields == ["age_months", "postcode"]
    response = client.get(
        url, params={"stage": "postnatal", "age_months": "²", "audience": "cat", "need": "x"}
    )
    assert response.status_code == 422
    fields = [e["field"] for e in response.json()["errors"]]
    assert fields == ["audience", "age_months", "need"]


def test_postcode(client: TestClient) -> None:
    response = client.get("/api/v1/postcodes/bd38aa")
    assert response.status_code == 200
    assert response.json()["areas"] == ["england", "bradford-district", "better-start-bradford"]


def test_not_a_postcode_is_422(client: TestClient) -> None:
    response = client.get("/api/v1/postcodes/hello")
    assert response.status_code == 422
    assert response.json()["message"].startswith("That is not a UK postcode. A postcode has two")


def test_the_api_is_in_the_openapi_document_and_pages_are_not(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert all(path.startswith(("/api/v1/", "/oruk/")) for path in paths)
    assert set(paths) >= {
        "/api/v1/pathways",
        "/api/v1/pathways/{pathway_id}/navigate",
        "/api/v1/services/{service_id}",
        "/api/v1/services/{service_id}/eligibility",
        "/api/v1/postcodes/{postcode}",
    }
    schema = paths["/api/v1/pathways/{pathway_id}/navigate"]["post"]["responses"]["200"]
    refs = json.dumps(schema)
    assert "#/components/schemas/Ask" in refs and "#/components/schemas/Result" in refs


def test_the_eligibility_api_without_an_age_checks_all_but_the_age(client: TestClient) -> None:
    """The document allows leaving the age out (as the concern and the level of need): the
    answer says it was not checked, and a route limited by age is at best 'confirm'."""
    found = client.get("/api/v1/services/infant-mh/eligibility?stage=postnatal").json()
    assert found["not_checked"][0] == "the baby's age"
    for route in found["routes"]:
        assert route["verdict"] != "yes"
        assert any("babies aged 0–24 months" in words for words in route["unchecked"])
    page = client.get("/services/infant-mh/eligibility?stage=postnatal")
    assert page.status_code == 422  # the page's form still asks for it
