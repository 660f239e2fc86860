"""The reports' pages in Chromium: axe-core finds no serious or critical violation, the page's
own Content Security Policy blocks nothing (the chart is inline SVG with no style or script),
and a wide table scrolls inside its region on a phone rather than the page sideways.

The browser asks a made-up origin; each request is answered through `commission_client` (the
one fixture the workbench's sign-in changes), headers and all, so the CSP is in force."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, Route, sync_playwright

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


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser: Browser, commission_client: TestClient) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    def answer(route: Route) -> None:
        response = commission_client.get(route.request.url.removeprefix(ORIGIN))
        route.fulfill(
            status=response.status_code, headers=dict(response.headers), body=response.content
        )

    page.route(f"{ORIGIN}/**", answer)
    yield page, problems
    context.close()


def test_reports_are_accessible_and_fit_a_phone(tab: tuple[Page, list[str]]) -> None:
    page, problems = tab
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
    chart = page.locator("figure svg[role=img]")
    box = chart.bounding_box()
    assert box is not None and 0 < box["width"] <= 390 and box["height"] > 100
