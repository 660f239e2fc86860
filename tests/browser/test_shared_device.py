"""A family on a shared device: no answer in the address or the history, neutral titles, Back
within the journey still shows the answer given, and after "Leave this site" Back shows no
answer and no result. In real Chromium, with JavaScript on and off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Route, expect

START = "/pathways/early-years"
ANSWER_KEYS = re.compile(r"[?&](red_flags|stage|age|concerns|need|postcode)=")
NEUTRAL = "Early years support – Early years mental health navigator"


def _answer(page: Page, seen: list[str]) -> None:
    def submit() -> None:
        page.locator("main button[type=submit]").first.click()

    page.goto(f"{START}?audience=family")
    page.locator("input[value=none]").check(force=True)
    submit()
    expect(page.locator("main h1")).to_have_text("Is the baby born yet?")
    page.locator("input[value=postnatal]").check(force=True)
    submit()
    expect(page.locator("#age")).to_be_visible()
    page.fill("#age", "7")
    submit()
    expect(page.locator("main h1")).to_contain_text("What do you want help with?")
    seen.append(page.url)
    # Back within the journey shows the answer given.
    page.go_back()
    expect(page.locator("#age")).to_have_value("7")
    assert page.title() == NEUTRAL
    submit()
    expect(page.locator("main h1")).to_contain_text("What do you want help with?")
    page.locator("input[value=bonding]").check(force=True)
    submit()
    expect(page.locator("main h1")).to_have_text("How much does it affect daily life?")
    page.locator("input[value=persistent]").check(force=True)
    submit()
    expect(page.locator("#postcode")).to_be_visible()
    page.fill("#postcode", "BD3 8AA")
    submit()
    expect(page.locator("main h1")).to_have_text("Check your answers")
    page.goto(f"{START}/result")  # what "Continue" does: an address with no answer in it
    expect(page.locator("main h1")).not_to_have_text("Are any of these happening now?")
    assert page.title() == NEUTRAL


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_leave_this_site_leaves_no_answer_behind(
    page: Page, page_without_js: Page, javascript: bool
) -> None:
    tab = page if javascript else page_without_js
    seen: list[str] = []
    tab.on("framenavigated", lambda frame: seen.append(frame.url))
    tab.route("https://www.bbc.co.uk/**", _elsewhere)
    _answer(tab, seen)
    ours = [url for url in seen if "127.0.0.1" in url]
    assert ours and not [url for url in ours if ANSWER_KEYS.search(url)], ours

    tab.locator("a.govuk-exit-this-page__button").click()
    tab.wait_for_url(re.compile(r"bbc\.co\.uk"))
    for _ in range(8):  # Back through everything the tab has been
        tab.go_back()
        if "127.0.0.1" not in tab.url:
            break
        expect(tab.locator("main h1")).to_be_visible()
        body = tab.locator("main").inner_text()
        assert "BD3" not in body
        assert tab.locator("main input:checked").count() == 0
        if tab.locator("#age").count():
            expect(tab.locator("#age")).to_have_value("")
        assert tab.locator("main h1").inner_text() not in {"Check your answers"}
        assert "/result" not in tab.url or "Are any of these" in body


def _elsewhere(route: Route) -> None:
    route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>Weather")
