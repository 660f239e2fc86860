"""No public page or API response shows an absolute path on the server (the content folder,
the state folder, the source tree): every GET route outside /commission is asked, with its
path parameters filled in, and the API's navigation with a full set of answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from navigator.settings import Settings
from navigator.web.app import create_app
from tests.web.conftest import FakeLocator, copy_content
from tests.web.test_commission_guard import served_routes

ANSWERS = (
    "red_flags=none&audience=practitioner&stage=postnatal&age=5&concerns=bonding"
    "&need=persistent&postcode=BD3+8AA"
)
FILLED = {
    "pathway_id": "early-years",
    "service_id": "infant-mh",
    "question_id": "concerns",
    "name": "x.woff2",
}
QUERIES = ["", "?" + ANSWERS, "?q=bonding", "?stage=postnatal&age_months=5&postcode=BD3+8AA"]
SOURCE_TREE = Path(__file__).resolve().parents[2]


@pytest.fixture
def served(tmp_path: Path) -> tuple[FastAPI, list[str]]:
    content = copy_content(tmp_path / "content")
    state = tmp_path / "state"
    settings = Settings(content_root=content, state_dir=state, content_poll_seconds=0)
    return create_app(settings, locator=FakeLocator()), [str(content), str(state)]


def public_urls(app: FastAPI) -> list[str]:
    urls: list[str] = []
    for path, route in served_routes(app.routes):
        if path.startswith("/commission") or "GET" not in (route.methods or ()):
            continue
        filled = re.sub(r"\{([^}]+)\}", lambda m: FILLED.get(m.group(1), "x"), path)
        urls.extend(filled + query for query in QUERIES)
    return urls


def test_no_public_response_shows_a_server_path(served: tuple[FastAPI, list[str]]) -> None:
    app, folders = served
    forbidden = [*folders, str(SOURCE_TREE)]
    with TestClient(app) as client:
        urls = public_urls(app)
        assert "/pathways/early-years/result?" + ANSWERS in urls and "/oruk/services" in urls
        for url in urls:
            body = client.get(url).text
            for folder in forbidden:
                assert folder not in body, f"{url} shows {folder}"
        answers = {
            "red_flags": ["none"],
            "audience": "practitioner",
            "stage": "postnatal",
            "age": 5,
            "concerns": ["bonding"],
            "need": "persistent",
            "postcode": "BD3 8AA",
        }
        for path in ["/api/v1/pathways/early-years/navigate"]:
            body = client.post(path, json={"answers": answers}).text
            assert "reasons" in body or "why" in body
            for folder in forbidden:
                assert folder not in body, f"{path} shows {folder}"
