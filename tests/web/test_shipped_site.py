"""One smoke test on the shipped content (services.yaml and pathways/ at the repo root) with
the real postcode look-up: the site comes up and a journey reaches a result. Everything else
is tested on the example content, which does not change under the tests."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi.testclient import TestClient

from navigator.content.loader import load
from navigator.settings import Settings
from navigator.web.app import create_app
from tests.web.conftest import page

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_content_serves_a_journey_to_the_end(tmp_path: Path) -> None:
    settings = Settings(content_root=ROOT, state_dir=tmp_path, content_poll_seconds=0)
    with TestClient(create_app(settings)) as client:
        home = client.get("/")
        assert home.status_code == 200, "the shipped content did not load: see /status"
        assert page(home).select("#need-help li"), "no urgent routes in the shipped directory"
        pathway = client.get("/api/v1/pathways").json()[0]["id"]
        answers: dict[str, object] = {}
        body: dict[str, object] = {}
        for _ in range(20):  # answer each question with its first option until the end
            body = client.post(
                f"/api/v1/pathways/{pathway}/navigate", json={"answers": answers}
            ).json()
            if body["type"] == "result":
                break
            question = str(body["question_id"])
            options = body["options"]
            assert isinstance(options, list)
            if body["kind"] == "multi":
                answers[question] = ["none"] if question == "red_flags" else [options[0]["id"]]
            elif body["kind"] == "months":
                answers[question] = 6
            elif body["kind"] == "postcode":
                answers[question] = "BD3 8AA"
            else:
                answers[question] = options[0]["id"]
        assert body["type"] == "result"
        query = urlencode(answers, doseq=True)
        result = client.get(f"/pathways/{pathway}/result?{query}")
        assert result.status_code == 200
        assert page(result).select(".app-card")


def test_every_active_service_page_shows_a_way_in(tmp_path: Path) -> None:
    """Issue 9: every offered service can be reached. Its page's contact shows a phone to tap,
    a website, an email, or the service whose staff are the way in, in words."""
    settings = Settings(content_root=ROOT, state_dir=tmp_path, content_poll_seconds=0)
    shipped = load([ROOT / "services.yaml"]).directory
    assert shipped is not None
    active = [s.id for s in shipped.services if s.active]
    with TestClient(create_app(settings)) as client:
        unreachable = []
        for service_id in active:
            html = page(client.get(f"/services/{service_id}"))
            rows = [
                row
                for row in html.select(".govuk-summary-list__row")
                if (key := row.select_one("dt")) is not None
                and key.get_text(strip=True) == "Contact"
            ]
            ways = [
                a
                for row in rows
                for a in row.select("a[href^='tel:'], a[href^='https://'], a[href^='mailto:']")
            ] + [
                li
                for row in rows
                for li in row.select("li.app-through")
                if li.get_text().startswith("Through")
            ]
            if not ways:
                unreachable.append(service_id)
        assert active and unreachable == []


def test_every_shipped_result_shows_each_service_once(tmp_path: Path) -> None:
    """Issue 9: one card per service, with all its fitting routes, whatever the scenario."""
    settings = Settings(content_root=ROOT, state_dir=tmp_path, content_poll_seconds=0)
    bundle = load([ROOT / "services.yaml", ROOT / "pathways"])
    scenarios = [s for file, _ in bundle.scenario_files for s in file.scenarios]
    shown = 0
    with TestClient(create_app(settings)) as client:
        for scenario in scenarios:
            url = f"/pathways/early-years/result?{urlencode(scenario.answers, doseq=True)}"
            response = client.get(url)
            if response.status_code != 200:
                continue  # a scenario that ends on a question
            cards = [str(c["id"]) for c in page(response).select("main .app-offer")]
            assert len(cards) == len(set(cards)), (scenario.id, cards)
            shown += bool(cards)
    assert shown >= 40
