"""Regression tests for the defects the security and reliability probe found (issue 12), one
or more a defect, named after it. Each failed on the code before its fix."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import cast
from urllib.parse import parse_qs, quote, unquote_plus, urlsplit

import anyio
import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from uvicorn.protocols.utils import get_path_with_query_string

from navigator.cli import main
from navigator.geo.postcode import compact
from navigator.settings import Settings
from navigator.web.app import create_app
from navigator.web.search_routes import live_index
from navigator.web.security import install_log_filter
from tests.conftest import GOOD
from tests.web.conftest import FakeLocator, copy_content

JOURNEY = "/pathways/early-years"
NAVIGATE = "/api/v1/pathways/early-years/navigate"
POSTNATAL = {"red_flags": ["none"], "audience": "family", "stage": "postnatal"}
PRACTITIONER = (
    "red_flags=none&audience=practitioner&stage=postnatal&age=5"
    "&concerns=bonding&need=persistent&postcode=BD3+8AA"
)


# 1. A 500 on Unicode digits ------------------------------------------------------------------


@pytest.mark.parametrize("digits", ["²", "①", "٧", "७", "７"])
def test_defect_1_unicode_digits_are_not_an_age_anywhere(
    client: TestClient, capsys: pytest.CaptureFixture[str], digits: str
) -> None:
    journey = client.get(f"{JOURNEY}/questions/age?red_flags=none&stage=postnatal&age={digits}")
    assert journey.status_code in {200, 303}
    page = client.get(f"/services/infant-mh/eligibility?stage=postnatal&age_months={digits}")
    assert page.status_code == 422
    api = client.get(f"/api/v1/services/infant-mh/eligibility?stage=postnatal&age_months={digits}")
    assert api.status_code == 422
    asked = client.post(NAVIGATE, json={"answers": {**POSTNATAL, "age": digits}})
    assert asked.status_code == 200
    assert asked.json()["question_id"] == "age" and asked.json()["error"]
    # Search and the feed read numbers with the same parser: `int("٧")` is 7, not here.
    assert client.get(f"/api/v1/services?age_months={digits}&stage=postnatal").status_code == 422
    assert client.get(f"/oruk/services?page={digits}").status_code == 400
    answers = ["red_flags=none", "audience=family", "stage=postnatal", f"age={digits}"]
    flags = [part for answer in answers for part in ("-a", answer)]
    code = main(["navigate", "early-years", "--content", str(GOOD), *flags])
    assert code in {0, 1}
    assert "Enter the age" in capsys.readouterr().out


# 2. Full postcodes in the access log ---------------------------------------------------------

SPACES = [chr(c) for c in range(0x110000) if "".join(f"a{chr(c)}b".split()) == "ab"]
"""Every character the postcode parser reads as a space (it splits on whitespace)."""


def _spellings() -> Iterator[str]:
    """BD3 9HH as it may be typed: every split of its characters, every kind of space,
    every case."""
    for case in ("BD39HH", "bd39hh", "Bd39hH"):
        for cut in range(1, 6):
            yield case[:cut] + " " + case[cut:]
        yield case
        yield " ".join(case)
        for space in SPACES:
            yield case[:3] + space + case[3:]
            yield case[:2] + space + space + case[2:]


def _encodings(text: str) -> Iterator[str]:
    """`text` as a query value: `+` or `%20` for a space, upper- or lower-case hex, every
    character percent-encoded."""
    yield quote(text, safe="").replace("%20", "+")
    yield quote(text, safe="")
    yield quote(text, safe="").lower()
    yield "".join(f"%{b:02X}" for b in text.encode())


def test_defect_2_no_spelling_of_a_postcode_reaches_the_access_log(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    install_log_filter("test.access.defect2")
    logger = logging.getLogger("test.access.defect2")
    spellings = list(_spellings())
    assert all(compact(s) == "BD39HH" for s in spellings)  # the site takes each as a postcode
    targets = []
    for spelling in spellings:
        for value in _encodings(spelling):
            targets += [
                ("/pathways/early-years/result", f"stage=pregnancy&postcode={value}"),
                ("/search", f"q=help+near+{value}&postcode={value}"),
                ("/search", f"{value}=1"),
                (f"/api/v1/postcodes/{unquote_plus(value)}", ""),
            ]
    with caplog.at_level(logging.INFO, logger="test.access.defect2"):
        for path, query in targets:
            scope = {"path": path, "root_path": "", "query_string": query.encode("ascii")}
            target = get_path_with_query_string(scope)  # type: ignore[arg-type]
            logger.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", target, "1.1", 200)
    assert len(caplog.messages) == len(targets)
    for line in caplog.messages:
        text = "".join(unquote_plus(line).split()).upper()
        assert "BD3***" in text
        assert "9HH" not in text, line
    # The site accepts these as postcodes: the API answers them (not 422).
    for spelling in ("BD39 HH", "BD 39HH", "BD3\t9HH", "BD3\u20039HH"):
        assert client.get(f"/api/v1/postcodes/{quote(spelling)}").status_code == 200


# 3. Search serves content the checker refused ------------------------------------------------


def test_defect_3_search_switches_only_to_content_that_passed_the_checker(
    tmp_path: Path,
) -> None:
    content = copy_content(tmp_path / "content")
    settings = Settings(content_root=content, state_dir=tmp_path / "state", content_poll_seconds=0)
    app = create_app(settings, locator=FakeLocator())
    with TestClient(app) as client:

        def names(text: str) -> list[str]:
            found = client.get(f"/api/v1/services?q={text}").json()
            live_index(app).wait()  # a background refresh, if search had started one
            found = client.get(f"/api/v1/services?q={text}").json()
            return [hit["name"] for hit in found["results"]]

        assert "Infant Mental Health Service" in names("infant")
        services = content / "services.yaml"
        text = services.read_text()
        broken = text.replace("name: Infant Mental Health Service", "name: Zebra Crossing Team")
        broken = broken.replace("instead: [health-visiting]", "instead: [no-such-service]", 1)
        services.write_text(broken)
        attempt = app.state.live.refresh()
        assert attempt is not None and not attempt.accepted  # REF-001: refused
        assert "Zebra Crossing Team" not in names("zebra")
        assert "Zebra Crossing Team" not in client.get("/services/infant-mh").text
        # A good edit switches pages and search together.
        services.write_text(text.replace("Infant Mental Health Service", "Zebra Crossing Team"))
        attempt = app.state.live.refresh()
        assert attempt is not None and attempt.accepted
        assert "Zebra Crossing Team" in names("zebra")
        assert "Zebra Crossing Team" in client.get("/services/infant-mh").text


# 4. HEAD and OPTIONS got 405, and no 405 carried `Allow` ------------------------------------


def test_defect_4_head_options_and_allow(client: TestClient) -> None:
    head = client.head("/healthz")
    assert head.status_code == 200 and head.content == b""
    assert client.head("/services").status_code == 200
    options = client.options("/api/v1/pathways/early-years/navigate")
    assert options.status_code == 204
    assert options.headers["allow"] == "OPTIONS, POST"
    assert client.options("/").headers["allow"] == "GET, HEAD, OPTIONS"
    wrong = client.post("/healthz")
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "GET, HEAD, OPTIONS"
    assert client.get(NAVIGATE).headers["allow"] == "OPTIONS, POST"
    assert client.options("/no-such-page").status_code == 404


# 5. An undocumented 400 for a body that cannot be parsed -------------------------------------


@pytest.mark.parametrize(
    "body",
    [b"{bad", b"[" * 60_000, b'{"answers": {"age": ' + b"9" * 5_000 + b"}}", b"\xff\xfe"],
    ids=["malformed", "deep", "long-integer", "not-utf8"],
)
def test_defect_5_every_bad_body_gets_a_documented_422(client: TestClient, body: bytes) -> None:
    answer = client.post(NAVIGATE, content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert answer.json()["message"]
    documented = client.get("/openapi.json").json()["paths"][
        "/api/v1/pathways/{pathway_id}/navigate"
    ]
    assert "422" in documented["post"]["responses"]


# 6. The Host header copied into the share link ----------------------------------------------


def test_defect_6_the_share_link_never_takes_the_host_header(client: TestClient) -> None:
    url = f"{JOURNEY}/result?{PRACTITIONER}"
    page = client.get(url, headers={"host": "evil.example"})
    assert page.status_code == 200
    assert "evil.example" not in page.text
    share = BeautifulSoup(page.text, "html.parser").find(id="share-link")
    assert share is not None and str(share["href"]).startswith("/pathways/")


def test_defect_6_the_base_url_starts_every_absolute_link(tmp_path: Path) -> None:
    settings = Settings(
        content_root=GOOD, state_dir=tmp_path, content_poll_seconds=0, base_url="https://n.example/"
    )
    with TestClient(create_app(settings, locator=FakeLocator())) as client:
        page = client.get(f"{JOURNEY}/result?{PRACTITIONER}", headers={"host": "evil.example"})
    share = BeautifulSoup(page.text, "html.parser").find(id="share-link")
    assert share is not None and str(share["href"]).startswith("https://n.example/pathways/")


# 7. A former-id redirect did not re-encode the query -----------------------------------------


@pytest.mark.parametrize("prefix", ["/api/v1/services", "/services"])
def test_defect_7_a_former_id_redirect_keeps_the_query_as_given(app: FastAPI, prefix: str) -> None:
    raw = b'stage=postnatal&age_months=7&postcode=a%26b%23c&concern=x"y#z w'
    given = parse_qs(raw.decode(), keep_blank_values=True)
    sent: list[dict[str, object]] = []

    async def call() -> None:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": f"{prefix}/old-infant-team/eligibility",
            "raw_path": f"{prefix}/old-infant-team/eligibility".encode(),
            "root_path": "",
            "query_string": raw,
            "headers": [(b"host", b"testserver")],
            "client": ("127.0.0.1", 1),
            "server": ("testserver", 80),
        }

        async def receive() -> dict[str, object]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, object]) -> None:
            sent.append(message)

        await app(scope, receive, send)  # type: ignore[arg-type]

    with TestClient(app):  # runs the lifespan
        # In a thread of its own: a browser test may have left an event loop in this one.
        thread = threading.Thread(target=anyio.run, args=(call,))
        thread.start()
        thread.join(timeout=30)
    start = sent[0]
    assert start["status"] == 301
    headers = dict(cast(list[tuple[bytes, bytes]], start["headers"]))
    location = urlsplit(headers[b"location"].decode("latin-1"))
    assert location.fragment == ""
    assert parse_qs(location.query, keep_blank_values=True) == given


# 8. JSON `true` accepted as an age ----------------------------------------------------------


@pytest.mark.parametrize("value", [True, False])
def test_defect_8_json_true_is_not_an_age(client: TestClient, value: bool) -> None:
    answer = client.post(NAVIGATE, json={"answers": {**POSTNATAL, "age": value}})
    assert answer.status_code == 422
    assert "answers.age" in json.dumps(answer.json()["errors"])


# 9. No limit on a request body --------------------------------------------------------------


def test_defect_9_a_large_body_gets_413(client: TestClient, settings: Settings) -> None:
    big = json.dumps({"answers": {f"k{i}": "x" for i in range(50_000)}}).encode()
    assert len(big) > settings.max_body_bytes
    answer = client.post(NAVIGATE, content=big, headers={"content-type": "application/json"})
    assert answer.status_code == 413
    assert len(answer.content) < 1_000

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it comes
        yield b'{"answers": {"x": "'
        for _ in range(100):
            yield b"a" * 10_000
        yield b'"}}'

    answer = client.post(NAVIGATE, content=chunks(), headers={"content-type": "application/json"})
    assert answer.status_code == 413


def test_defect_9_many_unknown_keys_get_a_short_422(client: TestClient) -> None:
    body = {"answers": {f"k{i}": "x" for i in range(2_000)}}
    answer = client.post(NAVIGATE, json=body)
    assert answer.status_code == 422
    assert len(answer.content) < 5_000


# 10. The OpenAPI document omitted the enums and patterns --------------------------------------


def test_defect_10_the_document_gives_every_parameter_its_allowed_values(
    client: TestClient,
) -> None:
    document = client.get("/openapi.json").json()
    eligibility = document["paths"]["/api/v1/services/{service_id}/eligibility"]["get"]
    parameters = {p["name"]: p for p in eligibility["parameters"]}
    assert parameters["stage"]["schema"]["enum"] == ["pregnancy", "postnatal"]
    assert parameters["stage"]["required"] is True
    assert "bonding" in parameters["concern"]["schema"]["enum"]
    postcode = document["paths"]["/api/v1/postcodes/{postcode}"]["get"]["parameters"][0]
    assert postcode["schema"]["pattern"].startswith("^")
    body = document["components"]["schemas"]["NavigateRequest"]["properties"]["answers"]
    assert {"red_flags", "age", "postcode"} <= set(body["propertyNames"]["enum"])
    for path, operations in document["paths"].items():
        for operation in operations.values():
            assert "405" in operation["responses"], path
            for parameter in operation.get("parameters", []):
                schema = parameter["schema"]
                constrained = {"enum", "pattern", "anyOf", "items"} & set(schema)
                free = parameter["name"] in {"q", "text", "search", "id"} | {
                    "taxonomy_term_id",
                    "taxonomy_id",
                    "organization_id",
                    "parent_id",
                }
                assert constrained or free, (path, parameter["name"])
            if "requestBody" in operation:
                assert "413" in operation["responses"]
                assert "422" in operation["responses"]
