"""A second place runs end to end with no code change: the Leeds pack in
tests/fixtures/second_place (its own site block, areas by postcode districts and by a boundary
drawn for the tests, real postcodes) goes through check, test, navigate, search with a
postcode, the eligibility checker and the web pages, and no Bradford text appears."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from navigator.cli import main
from navigator.settings import Settings
from navigator.web.app import create_app
from tests.conftest import FIXTURES

PACK = FIXTURES / "second_place"
CONTENT = [str(PACK / "services.yaml"), str(PACK / "pathways")]
INSIDE = "LS1 6AL"  # 830 m inside the drawn city centre
NEAR = "LS2 9BZ"  # a metre outside its edge
PUDSEY = "LS28 0AA"  # in Leeds by its postcode district, outside the city centre
ANSWERS = {
    "red_flags": "none",
    "audience": "practitioner",
    "stage": "postnatal",
    "age": "50",
    "concerns": "bonding",
    "need": "persistent",
}


def _no_other_place(text: str) -> None:
    """No word of the place the navigator ships with."""
    assert "Bradford" not in text and "BD3" not in text


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NAVIGATOR_CONTENT_ROOT", str(PACK))
    monkeypatch.setenv("NAVIGATOR_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("NAVIGATOR_POSTCODES_FILE", str(PACK / "postcodes.csv"))
    return tmp_path / "state"


def test_check_and_test(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *CONTENT]) == 0
    assert main(["test", *CONTENT]) == 0
    out = capsys.readouterr().out
    assert "3 passed, 0 failed" in out
    _no_other_place(out)


def test_geo_build_and_postcode(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geo-build"]) == 0
    assert "4024 postcodes" in capsys.readouterr().out
    assert list((environment / "geo").glob("*.tsv.gz"))
    assert main(["postcode", INSIDE, "--json"]) == 0
    inside = json.loads(capsys.readouterr().out)
    assert inside["areas"] == ["england", "leeds", "city-centre"]
    assert inside["hints"] == ["nhs-west-yorkshire"]
    assert inside["message"] == f"{INSIDE} is in Leeds city centre."
    assert main(["postcode", NEAR, "--json"]) == 0
    near = json.loads(capsys.readouterr().out)
    assert near["near_boundary"] == ["city-centre"]
    assert "please confirm" in near["message"]
    assert main(["postcode", PUDSEY, "--json"]) == 0
    pudsey = json.loads(capsys.readouterr().out)
    assert pudsey["areas"] == ["england", "leeds"]
    assert pudsey["message"] == f"{PUDSEY} is in Leeds, outside Leeds city centre."
    assert main(["postcode", "BD3 8AA", "--json"]) == 0
    elsewhere = json.loads(capsys.readouterr().out)
    assert elsewhere["message"] == (
        "BD3 8AA is outside the area this directory covers (LS postcodes)."
    )


def test_navigate_with_a_postcode(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = [f"--answer={k}={v}" for k, v in {**ANSWERS, "postcode": INSIDE}.items()]
    assert main(["navigate", "early-years", "--json", *answers, "--content", *CONTENT]) == 0
    out = capsys.readouterr().out
    result = json.loads(out)
    assert result["type"] == "result"
    offered = {c["service_id"] for s in result["sections"] for c in s["cards"]}
    assert "little-bonds" in offered
    _no_other_place(out)


def test_search_with_a_postcode(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "bonding", "--postcode", INSIDE, "--json"]) == 0
    inside = capsys.readouterr().out
    assert "little-bonds" in inside
    assert main(["search", "bonding", "--postcode", PUDSEY, "--json"]) == 0
    outside = capsys.readouterr().out
    _no_other_place(inside + outside)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        content_root=PACK,
        state_dir=tmp_path / "state",
        postcodes_file=PACK / "postcodes.csv",
        content_poll_seconds=0,
    )
    with TestClient(create_app(settings), follow_redirects=True) as client:
        yield client


def test_the_web_pages(client: TestClient) -> None:
    home = client.get("/")
    assert "Little ones navigator" in home.text and "in Leeds" in home.text
    assert "LS1" in home.text
    services = client.get("/services")
    assert "pregnancy to age 5" in services.text
    result = client.get("/pathways/early-years/result", params={**ANSWERS, "postcode": INSIDE})
    assert result.status_code == 200 and "Little Bonds" in result.text
    question = client.get("/pathways/early-years/questions/postcode", params=ANSWERS)
    for response in (home, services, result, question, client.get("/services/little-bonds")):
        _no_other_place(response.text)


def test_the_eligibility_checker(client: TestClient) -> None:
    params = {"stage": "postnatal", "age_months": "50", "audience": "practitioner"}
    inside = client.get(
        "/api/v1/services/little-bonds/eligibility", params={**params, "postcode": INSIDE}
    )
    assert inside.status_code == 200
    routes = {r["route"]: r["verdict"] for r in inside.json()["routes"]}
    assert routes["referral"] in ("yes", "confirm")
    outside = client.get(
        "/api/v1/services/little-bonds/eligibility", params={**params, "postcode": PUDSEY}
    )
    assert {r["verdict"] for r in outside.json()["routes"]} == {"no"}
    too_old = client.get(
        "/api/v1/services/little-bonds/eligibility",
        params={**params, "age_months": "61", "postcode": INSIDE},
    )
    assert too_old.status_code == 422 and "from 0 to 59" in too_old.text
    page = client.get("/services/little-bonds/eligibility", params={**params, "postcode": INSIDE})
    assert page.status_code == 200
    _no_other_place(inside.text + outside.text + too_old.text + page.text)


def test_the_app_builds_the_lookup_at_start_up(tmp_path: Path) -> None:
    import time

    settings = Settings(
        content_root=PACK,
        state_dir=tmp_path / "state",
        postcodes_file=PACK / "postcodes.csv",
        content_poll_seconds=0,
    )
    with TestClient(create_app(settings)):
        deadline = time.monotonic() + 30
        while not list((tmp_path / "state" / "geo").glob("*.meta.json")):
            assert time.monotonic() < deadline, "no lookup was built at start-up"
            time.sleep(0.05)
