"""The reports' pages in Chromium: axe-core finds no serious or critical violation, the page's
own Content Security Policy blocks nothing (the chart is inline SVG with no style or script),
and a wide table scrolls inside its region on a phone rather than the page sideways.

The browser asks a made-up origin; each request is answered through `commission_client` (the
one fixture the workbench's sign-in changes), headers and all, so the CSP is in force."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Page, Route, sync_playwright

from tests.browser.conftest import ARGS, CHROMIUM
from tests.browser.test_accessibility import axe, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Chromium is not installed at /usr/bin/chromium: run 'make chromium'",
    ),
]

ORIGIN = "http://localhost:8765"
"""Made up (nothing listens there); localhost so that the browser honours every security header."""
PAGES = (
    "/commission/reports",
    "/commission/reports/unmet",
    "/commission/reports/demand",
    "/commission/reports/referrals?from=2026-10&to=2026-11",
    "/commission/reports/feedback",
    "/commission/reports/urgent?from=November",
)


def in_a_thread_of_its_own(check: Callable[[], None]) -> None:
    """Run `check` in a thread without an event loop: the browser tests of tests/browser keep
    Playwright's sync API running in this one for the whole session, and it cannot run twice
    in a thread. A failure is raised here."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            check()
        except BaseException as error:  # re-raised in the test's own thread
            failures.append(error)

    thread = threading.Thread(target=run, name="reports-browser")
    thread.start()
    thread.join(timeout=300)
    assert not thread.is_alive(), "the browser check did not finish"
    if failures:
        raise failures[0]


def check_pages(client: TestClient) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            page.set_default_timeout(10_000)
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))

            def answer(route: Route) -> None:
                response = client.get(route.request.url.removeprefix(ORIGIN))
                route.fulfill(
                    status=response.status_code,
                    headers=dict(response.headers),
                    body=response.content,
                )

            page.route(f"{ORIGIN}/**", answer)
            visit(page, problems)
        finally:
            browser.close()


def visit(page: Page, problems: list[str]) -> None:
    for path in PAGES:
        response = page.goto(ORIGIN + path)
        assert response is not None and response.status < 500, path
        violations = axe(page)
        assert violations == [], f"{path}: {describe(violations)}"
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
        assert not overflow, f"{path} scrolls sideways on a phone"
        # The only complaint allowed: the 400 of the page with a bad month.
        expected = ["status of 400"] if response.status == 400 else []
        assert [next((e for e in expected if e in m), m) for m in problems] == expected, path
        problems.clear()
    page.goto(ORIGIN + "/commission/reports/demand")
    box = page.locator("figure svg[role=img]").bounding_box()
    assert box is not None and 0 < box["width"] <= 390 and box["height"] > 100


def test_reports_are_accessible_and_fit_a_phone(commission_client: TestClient) -> None:
    in_a_thread_of_its_own(lambda: check_pages(commission_client))
