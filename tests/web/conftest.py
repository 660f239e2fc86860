"""Fixtures for the web tests: an app on the example content, with a real SQLite database in
`tmp_path` and a postcode look-up that knows a few made-up postcodes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyotp
import pytest
from argon2 import PasswordHasher
from bs4 import BeautifulSoup, Tag
from fastapi import FastAPI
from fastapi.testclient import TestClient

from navigator.commission import Accounts
from navigator.geo.lookup import Location
from navigator.settings import Settings
from navigator.web.app import create_app
from tests.conftest import GOOD

PLACES = {
    "BD3 8AA": Location(
        "BD3 8AA",
        True,
        ("england", "bradford-district", "better-start-bradford"),
        (),
        ("nhs-bradford-craven",),
        "BD3 8AA is in the Better Start Bradford area.",
    ),
    "BD9 4AA": Location(
        "BD9 4AA",
        True,
        ("england", "bradford-district"),
        (),
        ("nhs-bradford-craven",),
        "BD9 4AA is in Bradford district, outside the Better Start Bradford area.",
    ),
    "BD5 0AA": Location(
        "BD5 0AA",
        True,
        ("england", "bradford-district"),
        ("better-start-bradford",),
        ("nhs-bradford-craven",),
        "BD5 0AA is near the edge of the Better Start Bradford area, so please confirm.",
    ),
}


class FakeLocator:
    """Fixed answers for a few postcodes (so the web tests do not hang on where real
    boundaries fall); anything else is not found."""

    def locate(self, text: str) -> Location:
        key = " ".join(text.upper().split())
        if key in PLACES:
            return PLACES[key]
        return Location(key, False, (), (), (), f"We could not find {key}.")


def copy_content(target: Path) -> Path:
    (target / "pathways").mkdir(parents=True)
    (target / "services.yaml").write_text((GOOD / "services.yaml").read_text())
    for path in (GOOD / "pathways").iterdir():
        (target / "pathways" / path.name).write_text(path.read_text())
    return target


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        content_root=GOOD,
        state_dir=tmp_path / "state",
        content_poll_seconds=0,
        allowed_hosts="testserver",
    )


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings, locator=FakeLocator())


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as client:
        yield client


def page(response: object) -> BeautifulSoup:
    return BeautifulSoup(getattr(response, "text", ""), "html.parser")


def text(html: Tag, selector: str) -> str:
    """The text of the first element matching `selector`, which must exist."""
    found = html.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found.get_text(" ", strip=True)


EMAIL = "commissioner@example.org"
PASSWORD = "rivers of aire and wharfe"
HTTPS = "https://testserver"
"""The workbench's cookies are `__Host-` cookies (Secure): the test client must use HTTPS."""
QUICK_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
"""Cheap argon2id parameters for the web tests only (the machine is shared); the real defaults
and rehashing are tested in tests/commission/test_accounts.py."""


@dataclass(frozen=True)
class Account:
    """A commissioner made in the test database, with what it takes to sign in."""

    email: str
    password: str
    secret: str

    def code(self) -> str:
        return pyotp.TOTP(self.secret).now()


def accounts_for(app: FastAPI) -> Accounts:
    """The app's accounts, with the quick hasher (made before the app makes its own)."""
    found = getattr(app.state, "accounts", None)
    if not isinstance(found, Accounts):
        settings: Settings = app.state.settings
        found = Accounts(
            app.state.store.engine,
            max_failures=settings.sign_in_failures,
            lock_minutes=settings.lock_minutes,
            hasher=QUICK_HASHER,
        )
        app.state.accounts = found
    return found


def add_commissioner(app: FastAPI, email: str = EMAIL, password: str = PASSWORD) -> Account:
    app.state.store.upgrade()
    made = accounts_for(app).add(email, password)
    return Account(made.email, password, made.totp_secret)


def sign_in_token(client: TestClient) -> str:
    """The sign-in form's CSRF token (and its cookie, now in the client)."""
    form = client.get("/commission/sign-in")
    found = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert found, "the sign-in form has no CSRF token"
    return found.group(1)


def sign_in(
    client: TestClient, email: str, password: str, code: str, next: str = "/commission"
) -> httpx.Response:
    """Post the sign-in form as a browser would (token from the page, cookie kept)."""
    token = sign_in_token(client)
    fields = {"email": email, "password": password, "code": code, "next": next}
    response: httpx.Response = client.post(
        "/commission/sign-in", data={**fields, "csrf_token": token}
    )
    return response


def session_token(client: TestClient) -> str:
    """The signed-in session's CSRF token, as the workbench's pages give it."""
    home = client.get("/commission")
    found = re.search(r'<meta name="csrf-token" content="([^"]+)"', home.text)
    assert found, "no CSRF token: not signed in?"
    return found.group(1)


@pytest.fixture
def commissioner(app: FastAPI) -> Account:
    return add_commissioner(app)


@pytest.fixture
def commission_client(app: FastAPI, commissioner: Account) -> Iterator[TestClient]:
    """A client over HTTPS, signed in as a commissioner made in the test database. It sends
    the session's CSRF token as the `X-CSRF-Token` header (as the pages' htmx does), so its
    POSTs pass the guard; follow_redirects is off, as for `client`."""
    with TestClient(app, base_url=HTTPS, follow_redirects=False) as client:
        done = sign_in(client, commissioner.email, commissioner.password, commissioner.code())
        assert done.status_code == 303, "signing in failed"
        client.headers["X-CSRF-Token"] = session_token(client)
        yield client
