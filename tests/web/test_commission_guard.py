"""The workbench's guard, sessions and sign-in, on a real database (SQLite, then PostgreSQL):
every /commission page asks for sign-in, forms need their CSRF token and must come from this
site, a wrong password or code gets nothing, lock-out, and signing out ends the session on the
server."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute, Route

from navigator.cli import main
from navigator.settings import Settings
from navigator.web.commission.guard import SIGN_IN, safe_next
from navigator.web.commission.sessions import COOKIE, KIND, SIGN_IN_COOKIE
from tests.conftest import GOOD
from tests.web.conftest import HTTPS, Account, session_token, sign_in, sign_in_token


@pytest.fixture
def settings(tmp_path: Path, database: str) -> Settings:
    return Settings(
        content_root=GOOD,
        state_dir=tmp_path / "state",
        content_poll_seconds=0,
        allowed_hosts="testserver",
        database_url=database,
        sign_in_failures=3,
    )


@pytest.fixture
def browser(app: FastAPI) -> Iterator[TestClient]:
    """A signed-out client over HTTPS."""
    with TestClient(app, base_url=HTTPS, follow_redirects=False) as client:
        yield client


def served_routes(routes: Iterable[BaseRoute], prefix: str = "") -> Iterator[tuple[str, Route]]:
    """Every route the app serves, with its full path: included routers are opened (FastAPI
    keeps them whole, with their prefix)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            yield from served_routes(inner.routes, prefix + getattr(context, "prefix", ""))
        elif isinstance(route, Route):
            yield prefix + route.path, route


def commission_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path) the app serves under /commission, path parameters filled in."""
    found: list[tuple[str, str]] = []
    for path, route in served_routes(app.routes):
        if path.startswith("/commission"):
            filled = re.sub(r"\{[^}]+\}", "x", path)
            found.extend((method, filled) for method in sorted(route.methods or ()))
    return found


def test_signed_out_every_commission_page_goes_to_sign_in(
    app: FastAPI, browser: TestClient
) -> None:
    routes = [(m, p) for m, p in commission_routes(app) if p != SIGN_IN]
    assert ("GET", "/commission/status") in routes and ("GET", "/commission") in routes
    for method, path in routes:
        response = browser.request(method, path + "?a=1")
        assert response.status_code == 303, (method, path)
        expected = f"{SIGN_IN}?next=" + path.replace("/", "%2F") + "%3Fa%3D1"
        assert response.headers["location"] == expected, (method, path)


def test_a_router_added_later_under_commission_is_guarded_with_no_change(
    app: FastAPI, browser: TestClient
) -> None:
    extra = APIRouter()

    @extra.get("/commission/reports/new")
    def new_report() -> dict[str, str]:
        return {"secret": "numbers"}

    app.include_router(extra)
    response = browser.get("/commission/reports/new")
    assert response.status_code == 303 and "numbers" not in response.text


def test_the_public_status_page_is_gone(browser: TestClient) -> None:
    assert browser.get("/status").status_code == 404


def test_after_sign_in_the_person_goes_where_they_were_going(
    browser: TestClient, commissioner: Account
) -> None:
    response = sign_in(
        browser,
        commissioner.email,
        commissioner.password,
        commissioner.code(),
        next="/commission/status",
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/commission/status"
    assert browser.get("/commission/status").status_code == 200


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/commission",
        "//evil.example/commission",
        "/\\evil.example",
        "/services",
        "/commission/../services",
        "javascript:alert(1)",
        "",
    ],
)
def test_next_is_only_ever_a_workbench_path_on_this_site(target: str) -> None:
    assert safe_next(target) == "/commission"


def test_next_keeps_a_workbench_path_and_its_query() -> None:
    assert safe_next("/commission/preview/x?age=3") == "/commission/preview/x?age=3"


def test_the_session_cookie_is_a_host_cookie(browser: TestClient, commissioner: Account) -> None:
    response = sign_in(browser, commissioner.email, commissioner.password, commissioner.code())
    cookies = response.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith(COOKIE + "="))
    attributes = {a.strip().lower() for a in session.split(";")[1:]}
    assert {"secure", "httponly", "samesite=strict", "path=/"} <= attributes
    assert not any(a.startswith(("domain", "max-age", "expires")) for a in attributes)
    assert len(session.split(";")[0].split("=", 1)[1]) >= 43  # 256 random bits


def test_a_wrong_password_or_code_gets_no_session(
    browser: TestClient, commissioner: Account
) -> None:
    for password, code in [
        ("a wrong password", commissioner.code()),
        (commissioner.password, "000000" if commissioner.code() != "000000" else "111111"),
        (commissioner.password, ""),
    ]:
        response = sign_in(browser, commissioner.email, password, code)
        assert response.status_code == 200
        assert COOKIE not in response.headers.get("set-cookie", "")
        assert "There is a problem" in response.text
        assert browser.get("/commission").status_code == 303


def test_a_code_used_once_does_not_sign_in_again(
    browser: TestClient, commissioner: Account
) -> None:
    code = commissioner.code()
    assert sign_in(browser, commissioner.email, commissioner.password, code).status_code == 303
    browser.post("/commission/sign-out", data={"csrf_token": session_token(browser)})
    again = sign_in(browser, commissioner.email, commissioner.password, code)
    assert again.status_code == 200 and "not right" in again.text
    assert browser.get("/commission").status_code == 303


def test_an_unknown_email_gets_the_same_page_as_a_wrong_password(
    browser: TestClient, commissioner: Account
) -> None:
    def body(email: str) -> tuple[int, str]:
        response = sign_in(browser, email, "a wrong password", "123456")
        text = re.sub(r'value="[^"]*"', 'value=""', response.text)
        return response.status_code, text

    unknown = body("nobody@example.org")
    known = body(commissioner.email)
    assert unknown[0] == known[0] == 200
    assert unknown[1] == known[1]


def test_a_form_without_its_csrf_token_is_refused(
    browser: TestClient, commissioner: Account
) -> None:
    before = sign_in_token(browser)
    fields = {"email": commissioner.email, "password": commissioner.password}
    refused = browser.post("/commission/sign-in", data={**fields, "code": commissioner.code()})
    assert refused.status_code == 403
    assert COOKIE not in refused.headers.get("set-cookie", "")
    assert (
        sign_in(browser, commissioner.email, commissioner.password, commissioner.code()).status_code
        == 303
    )
    assert browser.post("/commission/sign-out").status_code == 403
    wrong = browser.post("/commission/sign-out", data={"csrf_token": "guessed"})
    assert wrong.status_code == 403
    # the sign-in form's token is not the session's
    other = browser.post("/commission/sign-out", data={"csrf_token": before})
    assert other.status_code == 403
    assert browser.get("/commission").status_code == 200
    token = session_token(browser)
    assert browser.post("/commission/sign-out", headers={"X-CSRF-Token": token}).status_code == 303


def test_a_form_from_another_site_is_refused_even_with_its_token(
    browser: TestClient, commissioner: Account
) -> None:
    sign_in(browser, commissioner.email, commissioner.password, commissioner.code())
    token = session_token(browser)
    for site in ["cross-site", "same-site"]:
        response = browser.post(
            "/commission/sign-out", data={"csrf_token": token}, headers={"Sec-Fetch-Site": site}
        )
        assert response.status_code == 403, site
    assert browser.get("/commission").status_code == 200
    done = browser.post(
        "/commission/sign-out",
        data={"csrf_token": token},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    assert done.status_code == 303


def test_signing_out_ends_the_session_on_the_server(
    app: FastAPI, browser: TestClient, commissioner: Account
) -> None:
    sign_in(browser, commissioner.email, commissioner.password, commissioner.code())
    key = browser.cookies.get(COOKIE)
    assert key and app.state.sessions.states.load(key, KIND) is not None
    response = browser.post("/commission/sign-out", data={"csrf_token": session_token(browser)})
    assert response.status_code == 303
    assert response.headers["location"].startswith(SIGN_IN)
    assert app.state.sessions.states.load(key, KIND) is None
    # the old cookie, replayed, opens nothing
    with TestClient(app, base_url=HTTPS, follow_redirects=False, cookies={COOKIE: key}) as thief:
        assert thief.get("/commission").status_code == 303


def test_signing_in_always_starts_a_new_session_id(
    app: FastAPI, browser: TestClient, commissioner: Account
) -> None:
    planted = "an-id-chosen-by-someone-else"
    browser.cookies.set(COOKIE, planted, domain="testserver.local")
    sign_in(browser, commissioner.email, commissioner.password, commissioner.code())
    key = browser.cookies.get(COOKIE)
    assert key and key != planted
    sign_in_cookie = browser.cookies.get(SIGN_IN_COOKIE)
    assert not sign_in_cookie


def test_too_many_failures_lock_the_account_and_unlock_opens_it(
    browser: TestClient,
    commissioner: Account,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for _ in range(3):
        assert sign_in(browser, commissioner.email, "a wrong password", "123456").status_code == 200
    locked = sign_in(browser, commissioner.email, commissioner.password, commissioner.code())
    assert locked.status_code == 200 and "not right" in locked.text
    assert browser.get("/commission").status_code == 303
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", settings.database)
    assert main(["commissioner", "list"]) == 0
    assert "locked until" in capsys.readouterr().out
    assert main(["commissioner", "unlock", commissioner.email]) == 0
    assert (
        sign_in(browser, commissioner.email, commissioner.password, commissioner.code()).status_code
        == 303
    )


def test_a_removed_account_loses_its_session(
    app: FastAPI, browser: TestClient, commissioner: Account
) -> None:
    sign_in(browser, commissioner.email, commissioner.password, commissioner.code())
    assert browser.get("/commission").status_code == 200
    assert app.state.accounts.remove(commissioner.email)
    assert browser.get("/commission").status_code == 303
