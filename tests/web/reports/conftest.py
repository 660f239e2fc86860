"""The reports' pages: ONE fixture, `commission_client`, gives the client every test here uses:
signed in as a commissioner (as tests/web/conftest.py's), on an app whose database (SQLite,
then PostgreSQL) holds known journey records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from navigator.settings import Settings
from navigator.store import Store
from navigator.web.app import create_app
from tests.conftest import GOOD
from tests.reports.builder import Journey, add
from tests.web.conftest import HTTPS, FakeLocator, add_commissioner, session_token, sign_in

OCT = datetime(2026, 10, 14, 9, tzinfo=UTC)
NOV = datetime(2026, 11, 3, 14, tzinfo=UTC)
BABY = "0–11 months"


def records() -> list[Journey]:
    """October: 9 referrals, 20 consultations; November: 12 referrals (3 of them catch-all
    only, with a near miss on age), 2 emergencies, and some feedback."""
    return [
        Journey(OCT, ["low-mood"], BABY, ["manningham"], offers=[("hv", "referral")], times=9),
        Journey(OCT, ["low-mood"], BABY, ["manningham"], offers=[("gp", "consultation")], times=20),
        Journey(
            NOV,
            ["bonding"],
            BABY,
            ["manningham"],
            offers=[("hv", "referral")],
            helped="yes",
            text="The hub rang back",
            times=9,
        ),
        Journey(
            NOV,
            ["bonding"],
            BABY,
            ["manningham"],
            offers=[("hv", "referral")],
            catch_all_only=True,
            near_misses=[("peri", "referral", "age")],
            helped="no",
            times=3,
        ),
        Journey(NOV, disposition="emergency", times=2),
    ]


@pytest.fixture
def commission_client(database: str, tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        content_root=GOOD,
        state_dir=tmp_path / "state",
        database_url=database,
        content_poll_seconds=0,
        allowed_hosts="testserver",
    )
    app = create_app(settings, locator=FakeLocator())
    with TestClient(app, base_url=HTTPS, follow_redirects=False) as client:
        store: Store = app.state.store
        add(store.engine, *records())
        account = add_commissioner(app)
        done = sign_in(client, account.email, account.password, account.code())
        assert done.status_code == 303, "signing in failed"
        client.headers["X-CSRF-Token"] = session_token(client)
        yield client
