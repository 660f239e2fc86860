"""The commissioners' workbench in Chromium: signing in with a TOTP code made by the test,
the `__Host-` session cookie, every workbench page axe-clean under the site's CSP, htmx
sending the CSRF token as a header, and signing out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import PASSWORD, _page, add_commissioner, problems_of, sign_in
from tests.browser.test_accessibility import axe, describe

pytestmark = pytest.mark.browser

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


@pytest.fixture
def tab(
    browser: Browser, workbench: tuple[str, Path], request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A signed-out tab with JavaScript on, on the workbench server."""
    yield from _page(browser, workbench[0], request, javascript=True)


def test_a_commissioner_signs_in_and_every_page_is_accessible(
    tab: Page, workbench: tuple[str, Path]
) -> None:
    email, secret = add_commissioner(workbench[1])
    tab.goto("/commission/sign-in")
    assert axe(tab) == [], describe(axe(tab))
    sign_in(tab, email, secret, "/commission/status")
    cookie = next(c for c in tab.context.cookies() if c["name"] == "__Host-navigator_session")
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/" and cookie["expires"] == -1  # ends with the browser session
    for url in PAGES:
        response = tab.goto(url)
        assert response is not None and response.status == 200, url
        tab.wait_for_load_state("networkidle")
        violations = axe(tab)
        assert violations == [], f"{url}: {describe(violations)}"
    assert problems_of(tab).messages == []  # no CSP violation or script error


def test_a_wrong_code_gets_no_access(tab: Page, workbench: tuple[str, Path]) -> None:
    email, secret = add_commissioner(workbench[1])
    tab.goto("/commission/sign-in")
    tab.fill("#email", email)
    tab.fill("#password", PASSWORD)
    right = pyotp.TOTP(secret).now()
    tab.fill("#code", "000000" if right != "000000" else "111111")
    tab.click("button:has-text('Sign in')")
    assert tab.locator(".govuk-error-summary").is_visible()
    assert "not right" in tab.locator(".govuk-error-summary").inner_text()
    tab.goto("/commission")
    assert "/commission/sign-in" in tab.url


def test_htmx_sends_the_csrf_token_and_signing_out_ends_the_session(
    commission_page: Page,
) -> None:
    tab = commission_page
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
    email, secret = add_commissioner(workbench[1])
    context = browser.new_context(base_url=workbench[0], java_script_enabled=False)
    page = context.new_page()
    sign_in(page, email, secret)
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
