""" "Did this help?" in a real browser without JavaScript: a missing answer gives the GOV.UK
error summary, a good one the thank-you page; both pages pass axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_accessibility import ANSWERS, axe

pytestmark = pytest.mark.browser


def test_feedback_without_javascript(page_without_js: Page) -> None:
    page = page_without_js
    page.goto(f"/pathways/early-years/result?{ANSWERS}")
    form = page.locator("form[action='/feedback']")
    expect(form).to_contain_text("Did this help?")
    form.get_by_label("Tell us more (optional)").fill("Clear, thank you. Ring me on 07700 900123.")
    form.get_by_role("button", name="Send feedback").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select yes, partly or no")
    assert page.title().startswith("Error: ")
    assert axe(page) == []
    summary.get_by_role("link", name="Select yes, partly or no").click()
    page.get_by_label("Partly").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator("main h1")).to_have_text("Thank you for your feedback")
    expect(page.locator("main")).to_contain_text("we removed anything that looked like a name")
    assert axe(page) == []


def test_the_result_with_its_feedback_form_passes_axe(page: Page) -> None:
    page.goto(f"/pathways/early-years/result?{ANSWERS}")
    expect(page.locator("form[action='/feedback'] legend")).to_have_text("Did this help?")
    assert axe(page) == []
