"""The limit on sign-in attempts (per account, per client address), kept in memory only."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from navigator.settings import Settings
from tests.conftest import GOOD
from tests.web.conftest import HTTPS, Account, sign_in


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        content_root=GOOD,
        state_dir=tmp_path / "state",
        content_poll_seconds=0,
        allowed_hosts="testserver",
        sign_in_attempts=4,
        sign_in_failures=100,
    )


def test_attempts_over_the_limit_get_429_even_with_the_right_password(
    app: FastAPI, commissioner: Account
) -> None:
    with TestClient(app, base_url=HTTPS, follow_redirects=False) as client:
        for _ in range(4):
            assert (
                sign_in(client, commissioner.email, "a wrong password", "123456").status_code == 200
            )
        over = sign_in(client, commissioner.email, commissioner.password, commissioner.code())
        assert over.status_code == 429
        assert "too many attempts" in over.text
        assert int(over.headers["Retry-After"]) > 0
        assert client.get("/commission").status_code == 303


def test_the_limit_per_address_covers_many_emails(app: FastAPI, commissioner: Account) -> None:
    with TestClient(app, base_url=HTTPS, follow_redirects=False) as client:
        for n in range(4):
            assert (
                sign_in(client, f"someone{n}@example.org", "a wrong password", "123456").status_code
                == 200
            )
        over = sign_in(client, commissioner.email, commissioner.password, commissioner.code())
        assert over.status_code == 429


def test_no_address_or_email_reaches_the_database_or_the_log(
    app: FastAPI, commissioner: Account, caplog: pytest.LogCaptureFixture
) -> None:
    with TestClient(app, base_url=HTTPS, follow_redirects=False) as client:
        for _ in range(5):
            sign_in(client, "someone@example.org", "a wrong password", "123456")
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "testclient" not in logged and "someone@example.org" not in logged
    with app.state.store.engine.connect() as connection:
        from sqlalchemy import text

        rows = connection.execute(text("SELECT data FROM server_state")).fetchall()
    assert not any("testclient" in str(r) or "someone@" in str(r) for r in rows)
