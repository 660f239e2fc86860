"""The commissioners' workbench in Chromium: signing in with a TOTP code made by the test,
the `__Host-` session cookie, every workbench page axe-clean under the site's CSP, htmx
sending the CSRF token as a header, and signing out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import Browser, Page

from navigator.commission import Accounts
from navigator.settings import Settings
from navigator.store.store import Store
from tests.browser.conftest import _serve, problems_of
from tests.browser.test_accessibility import axe, describe
from tests.conftest import GOOD

pytestmark = pytest.mark.browser

PASSWORD = "rivers of aire and wharfe"
PAGES = [
    "/commission",
    "/commission/status",
    "/commission/findings",
    "/commission/preview",
    "/commission/preview/early-years",
    "/commission/preview/early-years?red_flags=none&audience=practitioner&stage=postnatal"
    "&age=5&concerns=bonding&need=persistent&postcode=BD3+8AA",
    "/commission/scenarios",
]


@pytest.fixture(scope="module")
def workbench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A server on the example content, reached as `localhost` (a secure context, where the
    browser keeps a Secure cookie without TLS), and its state folder."""
    state = tmp_path_factory.mktemp("workbench-state")
    for url in _serve(GOOD, state):
        yield url.replace("127.0.0.1", "localhost"), state


def commissioner(state: Path, email: str) -> str:
    """A new account in the server's database; its TOTP secret."""
    store = Store(Settings(state_dir=state).database)
    store.upgrade()
    secret = Accounts(store.engine).add(email, PASSWORD).totp_secret
    store.close()
    return secret


@pytest.fixture
def tab(browser: Browser, workbench: tuple[str, Path]) -> Iterator[Page]:
    context = browser.new_context(base_url=workbench[0])
    page = context.new_page()
    page.set_default_timeout(10_000)
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: messages.append(str(error)))
    page.messages = messages  # type: ignore[attr-defined]
    yield page
    context.close()


def sign_in(page: Page, email: str, secret: str) -> None:
    page.goto("/commission/status")
    assert "/commission/sign-in" in page.url
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/commission/status")


def test_a_commissioner_signs_in_and_every_page_is_accessible(
    tab: Page, workbench: tuple[str, Path]
) -> None:
    secret = commissioner(workbench[1], "axe@example.org")
    tab.goto("/commission/sign-in")
    assert axe(tab) == [], describe(axe(tab))
    sign_in(tab, "axe@example.org", secret)
    cookie = next(c for c in tab.context.cookies() if c["name"] == "__Host-navigator_session")
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/" and cookie["expires"] == -1  # ends with the browser session
    for url in PAGES:
        response = tab.goto(url)
        assert response is not None and response.status == 200, url
        tab.wait_for_load_state("networkidle")
        violations = axe(tab)
        assert violations == [], f"{url}: {describe(violations)}"
    assert tab.messages == []  # type: ignore[attr-defined]  # no CSP or script error


def test_a_wrong_code_gets_no_access(tab: Page, workbench: tuple[str, Path]) -> None:
    secret = commissioner(workbench[1], "wrong@example.org")
    tab.goto("/commission/sign-in")
    tab.fill("#email", "wrong@example.org")
    tab.fill("#password", PASSWORD)
    right = pyotp.TOTP(secret).now()
    tab.fill("#code", "000000" if right != "000000" else "111111")
    tab.click("button:has-text('Sign in')")
    assert tab.locator(".govuk-error-summary").is_visible()
    assert "not right" in tab.locator(".govuk-error-summary").inner_text()
    tab.goto("/commission")
    assert "/commission/sign-in" in tab.url


def test_htmx_sends_the_csrf_token_and_signing_out_ends_the_session(
    tab: Page, workbench: tuple[str, Path]
) -> None:
    secret = commissioner(workbench[1], "htmx@example.org")
    sign_in(tab, "htmx@example.org", secret)
    # An htmx POST with no form field: only the header from the meta tag carries the token.
    status = tab.evaluate(
        """() => new Promise((resolve) => {
             document.body.addEventListener('htmx:afterRequest',
               (e) => resolve(e.detail.xhr.status), {once: true});
             htmx.ajax('POST', '/commission/sign-out', {target: '#page', swap: 'none'});
           })"""
    )
    assert status == 200  # the 303 to the sign-in page, followed
    tab.goto("/commission")
    assert "/commission/sign-in" in tab.url


def test_signing_out_with_the_button_works_without_javascript(
    browser: Browser, workbench: tuple[str, Path]
) -> None:
    secret = commissioner(workbench[1], "nojs@example.org")
    context = browser.new_context(base_url=workbench[0], java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "nojs@example.org", secret)
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/commission/sign-in?signed_out=1")
    assert "You have signed out" in page.inner_text("main")
    page.goto("/commission")
    assert "/commission/sign-in" in page.url
    context.close()


def test_the_sign_in_page_raises_no_csp_violation(page: Page) -> None:
    page.goto("/commission/sign-in")
    page.wait_for_load_state("networkidle")
    csp = [m for m in problems_of(page).messages if "Content Security Policy" in m]
    assert csp == []
