"""The search page in a real browser: a plain form without JavaScript, live results with it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import problems_of

pytestmark = pytest.mark.browser


def result_ids(page: Page) -> list[str]:
    ids = page.locator(".app-search-result").evaluate_all("(cards) => cards.map(c => c.id)")
    return [str(i).removeprefix("result-") for i in ids]


def test_searching_without_javascript(page_without_js: Page) -> None:
    page = page_without_js
    page.goto("/search")
    page.fill("#search-q", "Old Project")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page).to_have_url(re.compile(r"/search\?q=Old\+Project"))
    assert result_ids(page)[0] == "health-visiting"
    expect(page.locator("#result-health-visiting .app-search-former")).to_contain_text(
        "Old Project has ended"
    )
    page.check("#route-self_referral")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"route=self_referral"))
    expect(page.locator("#search-count")).to_contain_text("1 service")


def test_results_follow_typing_without_a_page_load(page: Page) -> None:
    page.goto("/search")
    page.evaluate("window.stillTheSamePage = true")
    before = len([u for u in problems_of(page).requests if "/search?" in u])
    page.locator("#search-q").press_sequentially("infant", delay=40)
    expect(page.locator("#search-count")).to_contain_text("for ‘infant’")
    assert result_ids(page)[0] == "infant-mh"
    expect(page.locator("#result-infant-mh mark").first).to_have_text(
        re.compile("infant", re.IGNORECASE)
    )
    assert page.evaluate("window.stillTheSamePage") is True
    expect(page).to_have_url(re.compile(r"/search\?q=infant"))
    # Debounced: six keystrokes, not six searches.
    searches = [u for u in problems_of(page).requests if "/search?" in u][before:]
    assert 1 <= len(searches) <= 3
    assert problems_of(page).messages == []


def test_filters_and_did_you_mean_live(page: Page) -> None:
    page.goto("/search")
    page.evaluate("window.stillTheSamePage = true")
    page.check("#route-referral")
    expect(page.locator("#search-count")).to_contain_text("2 services")
    assert sorted(result_ids(page)) == ["health-visiting", "infant-mh"]
    expect(page.locator("[data-facet='route-referral']")).to_have_text("(2)")
    page.uncheck("#route-referral")
    page.locator("#search-q").press_sequentially("anxeity ", delay=30)
    link = page.locator(".app-did-you-mean a")
    expect(link).to_have_text("anxiety")
    link.click()
    expect(page).to_have_url(re.compile(r"q=anxiety"))
    assert result_ids(page)[0] == "talking-therapies"
    assert problems_of(page).messages == []
