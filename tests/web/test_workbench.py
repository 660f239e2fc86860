"""The workbench's pages, signed in: the home page, content status, and the checker's
findings, a preview and the scenarios for the files on disk (which may differ from what the
site serves)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from navigator.settings import Settings
from tests.web.conftest import copy_content, page, text

ANSWERS = (
    "red_flags=none&audience=practitioner&stage=postnatal&age=5&concerns=bonding"
    "&need=persistent&postcode=BD3+8AA"
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path / "content")


@pytest.fixture
def settings(tmp_path: Path, content: Path) -> Settings:
    return Settings(
        content_root=content,
        state_dir=tmp_path / "state",
        content_poll_seconds=0,
        allowed_hosts="testserver",
    )


def test_the_home_page_links_every_part_of_the_workbench(commission_client: TestClient) -> None:
    html = page(commission_client.get("/commission"))
    links = {a["href"] for a in html.select("main a")}
    for href in [
        "/commission/status",
        "/commission/findings",
        "/commission/preview",
        "/commission/scenarios",
        "/commission/reports",
        "/commission/pictures",
    ]:
        assert href in links
    assert "commissioner@example.org" in html.get_text()
    sign_out = html.select_one('form[action="/commission/sign-out"][method="post"]')
    assert sign_out is not None and sign_out.select_one('input[name="csrf_token"]')


def test_every_workbench_form_carries_the_csrf_token(commission_client: TestClient) -> None:
    token = commission_client.headers["X-CSRF-Token"]
    for url in ["/commission", "/commission/status", "/commission/findings"]:
        html = page(commission_client.get(url))
        meta = html.select_one('meta[name="csrf-token"]')
        assert meta is not None and meta["content"] == token, url
        for form in html.select('form[method="post"]'):
            field = form.select_one('input[name="csrf_token"]')
            assert field is not None and field["value"] == token, url


def test_findings_are_for_the_files_on_disk_now(
    app: FastAPI, commission_client: TestClient, content: Path
) -> None:
    clean = page(commission_client.get("/commission/findings"))
    assert "No problems found" in clean.get_text()
    services = content / "services.yaml"
    services.write_text(
        services.read_text().replace("id: infant-mh", "id: infant-mh\n    colour: red")
    )
    # the site still serves the last good version…
    assert commission_client.get("/services/infant-mh").status_code == 200
    # …and the workbench shows what the checker finds on disk, where it is
    html = page(commission_client.get("/commission/findings"))
    found = html.get_text(" ", strip=True)
    assert "KEY-001" in found and "unknown key 'colour'" in found
    assert "services.yaml:" in found
    assert str(content) not in commission_client.get("/commission/findings").text


def test_a_preview_runs_the_files_on_disk_and_says_it_is_a_preview(
    commission_client: TestClient, content: Path
) -> None:
    services = content / "services.yaml"
    services.write_text(
        services.read_text().replace(
            "name: Infant Mental Health Service", "name: Baby Minds Service"
        )
    )
    live = commission_client.get(f"/pathways/early-years/result?{ANSWERS}")
    assert "Infant Mental Health Service" in live.text and "Baby Minds" not in live.text
    preview = commission_client.get(f"/commission/preview/early-years?{ANSWERS}")
    assert preview.status_code == 200
    html = page(preview)
    assert "Baby Minds Service" in html.get_text()
    assert "This is a preview of the files on disk" in text(html, ".govuk-notification-banner")
    assert str(content) not in preview.text


def test_a_preview_asks_the_questions_in_turn_as_a_practitioner_journey(
    commission_client: TestClient,
) -> None:
    first = page(commission_client.get("/commission/preview/early-years"))
    form = first.select_one('main form[action="/commission/preview/early-years"]')
    assert form is not None and form.get("method") == "get"
    assert first.select_one("h1") is not None
    wrong = commission_client.get(
        "/commission/preview/early-years?red_flags=none&audience=practitioner&stage=postnatal"
        "&age=99&asked=age"
    )
    assert "There is a problem" in wrong.text
    assert "Preview" in page(wrong).get_text()


def test_a_preview_of_no_such_pathway_is_404(commission_client: TestClient) -> None:
    assert commission_client.get("/commission/preview/nothing").status_code == 404


def test_the_preview_list_names_the_pathways_on_disk(commission_client: TestClient) -> None:
    html = page(commission_client.get("/commission/preview"))
    assert html.select_one('a[href="/commission/preview/early-years"]') is not None


def test_scenario_results_for_the_files_on_disk(
    commission_client: TestClient, content: Path
) -> None:
    html = page(commission_client.get("/commission/scenarios"))
    summary = html.get_text(" ", strip=True)
    assert "0 failed" in summary and "passed" in summary
    assert "services:" in summary  # the coverage lines
    pathway = content / "pathways" / "early-years.yaml"
    pathway.write_text(pathway.read_text().replace("scenarios:", "scenarios:\n  - {id: broken}", 1))
    broken = page(commission_client.get("/commission/scenarios")).get_text(" ", strip=True)
    assert "no scenario was run" in broken


def test_status_shows_the_live_version_with_no_server_path(
    app: FastAPI, commission_client: TestClient, content: Path
) -> None:
    services = content / "services.yaml"
    services.write_text(
        services.read_text().replace("id: infant-mh", "id: infant-mh\n    colour: red")
    )
    app.state.live.refresh()
    response = commission_client.get("/commission/status")
    assert response.status_code == 200
    assert "Refused on" in response.text and "services.yaml:" in response.text
    assert str(content) not in response.text and str(Path.cwd()) + "/" not in response.text
