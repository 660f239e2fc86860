"""Each finished journey on the site leaves one anonymous record, with no postcode anywhere;
a red flag keeps only its disposition; recording off keeps nothing; a broken database never
costs anyone their result. On SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select
from sqlmodel import SQLModel

from navigator.content.directory import Area, AreaKind, Directory
from navigator.settings import Settings
from navigator.store.records import Records
from navigator.web.app import create_app
from navigator.web.recording import recordable_area
from tests.conftest import GOOD
from tests.web.conftest import FakeLocator
from tests.web.test_journey_state import START, STEPS

PRACTITIONER = (
    f"{START}/result?red_flags=none&audience=practitioner&stage=postnatal&age=7"
    "&concerns=bonding&need=persistent&postcode=BD3+8AA"
)
RED_FLAG = f"{START}/result?audience=family&red_flags=harm-baby"
JOURNEY_TABLES = (
    "journey_record", "journey_concern", "journey_area", "journey_fact", "journey_offer",
    "journey_near_miss", "feedback",
)  # fmt: skip
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
POSTCODE_PART = re.compile(
    rf"(?<![A-Za-z0-9]){_OUTWARD}(?:\s*[0-9](?:[A-Z]{{2}})?)?(?![A-Za-z0-9])", re.I
)
"""A full postcode, a sector or a district (outward code), in any case, anywhere in a value."""


def settings_for(database: str, tmp_path: Path, **changes: Any) -> Settings:
    return Settings(
        content_root=GOOD,
        state_dir=tmp_path / "state",
        database_url=database,
        content_poll_seconds=0,
        allowed_hosts="testserver",
        **changes,
    )


@pytest.fixture
def site(database: str, tmp_path: Path) -> Iterator[tuple[FastAPI, TestClient]]:
    app = create_app(settings_for(database, tmp_path), locator=FakeLocator())
    with TestClient(app, follow_redirects=False) as client:
        yield app, client


def rows(app: FastAPI) -> dict[str, list[dict[str, Any]]]:
    """Every row of every journey table, as column → value."""
    engine = app.state.store.engine
    with engine.connect() as connection:
        return {
            name: [
                dict(r._mapping) for r in connection.execute(select(SQLModel.metadata.tables[name]))
            ]
            for name in JOURNEY_TABLES
        }


def page(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def family_journey(client: TestClient) -> str:
    for step in STEPS:
        assert client.post(START, data=step).status_code == 303
    response = client.get(f"{START}/result")
    assert response.status_code == 200
    return str(response.text)


def feedback_ref(html: str) -> str:
    found = page(html).select_one('form[action="/feedback"] input[name="ref"]')
    assert found is not None, "no 'Did this help?' form"
    return str(found["value"])


def test_a_familys_journey_leaves_exactly_one_record(site: tuple[FastAPI, TestClient]) -> None:
    app, client = site
    html = family_journey(client)
    ref = feedback_ref(html)
    # Reloaded, Back to the check page and on again: the same journey, the same record.
    assert feedback_ref(client.get(f"{START}/result").text) == ref
    assert client.get(f"{START}/check").status_code == 200
    assert feedback_ref(client.get(f"{START}/result", headers={"HX-Request": "true"}).text) == ref
    kept = rows(app)
    assert len(kept["journey_record"]) == 1
    record = kept["journey_record"][0]
    assert record["ref"] == ref
    assert record["pathway_id"] == "early-years" and record["pathway_version"] == "2026.11.1"
    assert (record["audience"], record["stage"], record["need"]) == (
        "family",
        "postnatal",
        "persistent",
    )
    assert record["hour"].minute == 0 and record["hour"].second == 0
    assert [r["concern"] for r in kept["journey_concern"]] == ["bonding"]
    # The fake look-up puts BD3 8AA in these (tests/web/conftest.py): each at least a ward.
    areas = {r["area"] for r in kept["journey_area"]}
    assert areas == {"england", "bradford-district", "better-start-bradford"}
    assert record["age_band"] == "0-23"  # the coverage report's band for 7 months
    assert kept["journey_offer"], "the services shown are recorded"
    assert all(r["criterion"] for r in kept["journey_near_miss"])


def test_a_different_journey_in_the_same_browser_is_another_record(
    site: tuple[FastAPI, TestClient],
) -> None:
    app, client = site
    first = feedback_ref(family_journey(client))
    client.post(START, data={"need": "emerging", "asked": "need", "kept": "1"})
    client.post(START, data={"postcode": "BD3 8AA", "asked": "postcode", "kept": "1"})
    second = feedback_ref(client.get(f"{START}/result").text)
    assert second != first
    assert len(rows(app)["journey_record"]) == 2


def test_no_postcode_in_any_column_of_any_journey_table(
    site: tuple[FastAPI, TestClient],
) -> None:
    app, client = site
    ref = feedback_ref(family_journey(client))
    practitioner = client.get(PRACTITIONER)
    assert practitioner.status_code == 200
    feedback_ref(practitioner.text)
    client.get(
        f"{START}/result?red_flags=none&audience=practitioner&stage=postnatal&age=3"
        "&concerns=bonding&need=persistent&postcode=BD9+4AA"
    )
    text = "We are at BD3 8AA, then bd5 7 and BD9; ring Mrs Patel on 01274 123456."
    assert (
        client.post("/feedback", data={"ref": ref, "helped": "partly", "text": text}).status_code
        == 303
    )
    kept = rows(app)
    assert len(kept["journey_record"]) == 3 and len(kept["feedback"]) == 1
    values = [
        (table, column, value)
        for table, found in kept.items()
        for row in found
        for column, value in row.items()
    ]
    assert len(values) > 40
    leaks = [v for v in values if isinstance(v[2], str) and POSTCODE_PART.search(v[2])]
    assert leaks == []
    # The pattern does find what it looks for.
    assert (
        POSTCODE_PART.search("bd3")
        and POSTCODE_PART.search("BD3 8")
        and POSTCODE_PART.search("bd38aa")
    )


def test_a_practitioners_result_reloaded_is_one_record(site: tuple[FastAPI, TestClient]) -> None:
    app, client = site
    first = feedback_ref(client.get(PRACTITIONER).text)
    assert feedback_ref(client.get(PRACTITIONER).text) == first
    record = rows(app)["journey_record"]
    assert len(record) == 1 and record[0]["audience"] == "practitioner"


def test_a_red_flag_journey_records_only_the_disposition(
    site: tuple[FastAPI, TestClient],
) -> None:
    app, client = site
    response = client.get(RED_FLAG)
    assert response.status_code == 200
    assert 'action="/feedback"' not in response.text  # nothing between a family and the call
    kept = rows(app)
    assert len(kept["journey_record"]) == 1
    record = kept["journey_record"][0]
    assert record["disposition"] == "emergency" and record["pathway_id"] == "early-years"
    assert (record["audience"], record["stage"], record["age_band"], record["need"]) == (
        "",
        None,
        None,
        None,
    )
    assert not record["catch_all_only"]
    for table in JOURNEY_TABLES[1:]:
        assert kept[table] == [], table


def test_recording_off_records_nothing(database: str, tmp_path: Path) -> None:
    app = create_app(settings_for(database, tmp_path, record_journeys=False), locator=FakeLocator())
    with TestClient(app, follow_redirects=False) as client:
        html = family_journey(client)
        assert 'action="/feedback"' not in html
        assert client.get(PRACTITIONER).status_code == 200
        assert client.get(RED_FLAG).status_code == 200
        assert client.post("/feedback", data={"ref": "x", "helped": "yes"}).status_code == 404
        assert all(found == [] for found in rows(app).values())


def test_a_broken_database_still_shows_the_result(
    site: tuple[FastAPI, TestClient], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app, client = site
    broken = create_engine(f"sqlite:///{tmp_path / 'no-such-folder' / 'gone.db'}")
    app.state.records = Records(broken)
    with caplog.at_level(logging.ERROR):
        response = client.get(PRACTITIONER)
    assert response.status_code == 200
    assert (
        page(response.text).select(".app-offer, .app-card, .govuk-summary-card")
        or "Services" in response.text
    )
    assert 'action="/feedback"' not in response.text
    assert "could not be recorded" in caplog.text
    assert "BD3" not in caplog.text and "8AA" not in caplog.text
    assert rows(app)["journey_record"] == []


def test_feedback_is_stored_scrubbed_and_linked_to_the_record(
    site: tuple[FastAPI, TestClient],
) -> None:
    app, client = site
    ref = feedback_ref(family_journey(client))
    text = (
        "Really useful. Dr Khan told us about it.\nWe live in BD3 8AA, my number is 07700 900123"
        " and my email is amina@example.com."
    )
    response = client.post("/feedback", data={"ref": ref, "helped": "yes", "text": text})
    assert response.status_code == 303 and response.headers["location"] == "/feedback/thanks"
    thanks = client.get("/feedback/thanks")
    assert "Thank you for your feedback" in thanks.text and "24 months" in thanks.text
    kept = rows(app)
    record = kept["journey_record"][0]
    (stored,) = kept["feedback"]
    assert stored["journey_id"] == record["id"] and stored["helped"] == "yes"
    assert stored["text"].startswith("Really useful. [name removed] told us about it.")
    for personal in ("Khan", "BD3", "8AA", "07700", "amina", "example.com"):
        assert personal not in stored["text"]
    assert set(stored) == {"id", "journey_id", "hour", "helped", "text"}  # nothing about a person


def test_feedback_problems_are_shown_in_the_error_summary(
    site: tuple[FastAPI, TestClient],
) -> None:
    app, client = site
    ref = feedback_ref(family_journey(client))
    response = client.post("/feedback", data={"ref": ref, "text": "x" * 501})
    assert response.status_code == 200
    html = page(response.text)
    summary = html.select_one(".govuk-error-summary")
    assert summary is not None
    links = [(a["href"], a.get_text(strip=True)) for a in summary.select("a")]
    assert links == [
        ("#helped", "Select yes, partly or no"),
        ("#text", "Your comments must be 500 characters or fewer"),
    ]
    assert html.select_one("#helped") is not None and html.select_one("textarea#text") is not None
    assert "x" * 501 in response.text  # what was typed is kept to fix
    assert response.text.count("<title>Error: ") == 1
    assert rows(app)["feedback"] == []
    unknown = client.post("/feedback", data={"ref": "no-such", "helped": "yes"})
    assert unknown.status_code == 404
    cross = client.post(
        "/feedback", data={"ref": ref, "helped": "yes"}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert cross.status_code == 403
    assert rows(app)["feedback"] == []


class Areas:
    """A directory with only the areas `recordable_area` asks about."""

    def __init__(self, *areas: Area) -> None:
        self.areas = {a.id: a for a in areas}

    def area(self, id: str) -> Area | None:
        return self.areas.get(id)


def test_only_areas_no_smaller_than_a_ward_are_recorded() -> None:
    areas = Areas(
        Area(
            id="ward-little-horton", name="Little Horton", kind=AreaKind.ward, boundary="w.geojsonl"
        ),
        Area(id="hub-patch", name="A patch", kind=AreaKind.ward_group, postcodes=["BD3 8"]),
        Area(
            id="streets", name="Streets", kind=AreaKind.ward_group, postcodes=["BD3 8AA", "BD3 9"]
        ),
        Area(id="east", name="East", kind=AreaKind.ward_group, postcodes=["BD3 7", "BD3 8"]),
        Area(id="bd3-area", name="BD3", kind=AreaKind.ward_group, postcodes=["BD3"]),
        Area(id="district", name="District", kind=AreaKind.local_authority, postcodes=["BD3"]),
    )
    directory = cast(Directory, areas)
    kept = [a for a in areas.areas if recordable_area(directory, a)]
    assert kept == ["ward-little-horton", "east", "district"]
    assert not recordable_area(directory, "not-in-the-directory")


def test_a_failed_write_after_the_page_is_logged_without_personal_data(
    site: tuple[FastAPI, TestClient],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    app, client = site

    def fails(*args: object, **kwargs: object) -> str:
        raise RuntimeError("BD3 8AA could not be written")

    monkeypatch.setattr(Records, "add", fails)
    with caplog.at_level(logging.ERROR):
        response = client.get(PRACTITIONER)
    assert response.status_code == 200 and len(page(response.text).select(".app-offer")) >= 2
    assert "could not be recorded (RuntimeError)" in caplog.text
    assert "BD3" not in caplog.text
    assert rows(app)["journey_record"] == []
