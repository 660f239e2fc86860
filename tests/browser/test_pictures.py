"""The commissioners' pictures in Chromium: each page renders its picture, axe finds no
serious or critical violation, and the browser reports no Content Security Policy violation.
Signed in as a commissioner (`commission_page`): the pictures are behind the workbench's sign-in."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import problems_of
from tests.browser.test_accessibility import axe, describe

pytestmark = pytest.mark.browser

PICTURES = {
    "index": "/commission/pictures",
    "flow": "/commission/pictures/flow",
    "map": "/commission/pictures/map",
    "coverage": "/commission/pictures/coverage?area=bradford-district&need=persistent",
    "ages": "/commission/pictures/ages",
}


@pytest.mark.parametrize("name", list(PICTURES))
def test_each_picture_renders_accessibly_within_the_policy(
    commission_page: Page, name: str
) -> None:
    page = commission_page
    response = page.goto(PICTURES[name])
    assert response is not None and response.status == 200, name
    page.wait_for_load_state("networkidle")
    if name != "index":
        svg = page.locator("main figure svg")
        box = svg.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100, box
        page.locator("main details summary").click()  # open the tables for axe too
        assert page.locator("main details table").first.is_visible()
    violations = axe(page)
    assert violations == [], describe(violations)
    csp = [m for m in problems_of(page).messages if "Content Security Policy" in m]
    assert csp == [], csp
    assert problems_of(page).messages == []


@pytest.mark.parametrize("name", ["flow", "coverage"])
def test_pictures_fit_a_phone_without_sideways_scrolling(commission_page: Page, name: str) -> None:
    page = commission_page
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(PICTURES[name])
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not overflow, f"{name} scrolls sideways at 320 px"
