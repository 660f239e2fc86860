"""At 390×844, a phone: the browser's Back keeps the answers, the first screen holds what
matters (the start buttons, the question, the search results), ages are taken as written,
and overlapping live searches raise no console errors."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, ViewportSize, expect

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 390, "height": 844}
START = "/pathways/early-years"


@pytest.fixture(params=[True, False], ids=["javascript", "no-javascript"])
def phone(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A phone-sized tab, with JavaScript on and off; console errors fail the test."""
    context = browser.new_context(
        base_url=base_url, viewport=PHONE, java_script_enabled=request.param
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(described(m)) if real_error(m) else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def phone_js(browser: Browser, base_url: str) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if real_error(m) else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, errors
    context.close()


def real_error(message: ConsoleMessage) -> bool:
    """A console error, except Chromium's own look for /favicon.ico (the site's icon is an
    SVG), which it makes at random moments."""
    return message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico")


def described(message: ConsoleMessage) -> str:
    """The message with the address it is about, so a failure says which resource failed."""
    return f"{message.text} ({message.location.get('url', '')})"


def heading(page: Page) -> str:
    return page.locator("main h1").first.inner_text().strip()


def in_first_screen(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def answer_to_concerns(page: Page) -> None:
    page.goto(f"{START}?audience=practitioner")
    page.locator("input[value=none]").check(force=True)
    page.locator("main button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text("Is the baby born yet?")
    page.locator("input[value=postnatal]").check(force=True)
    page.locator("main button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text("How old is the baby, in months?")
    page.fill("#age", "7 months")
    page.locator("main button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text("What are you worried about?")
    expect(page).to_have_url(re.compile(r"age=7(&|$)"))


def test_the_browsers_back_shows_the_answers_given(phone: Page) -> None:
    page = phone
    answer_to_concerns(page)
    page.go_back()
    expect(page.locator("main h1")).to_have_text("How old is the baby, in months?")
    expect(page.locator("#age")).to_have_value(re.compile(r"^7( months)?$"))
    page.go_back()
    expect(page.locator("main h1")).to_have_text("Is the baby born yet?")
    expect(page.locator("input[value=postnatal]")).to_be_checked()


def test_answering_again_after_back_keeps_the_later_answers(
    phone_js: tuple[Page, list[str]],
) -> None:
    page, errors = phone_js
    answer_to_concerns(page)
    page.locator("input[value=bonding]").check(force=True)
    page.locator("main button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text("How much does it affect daily life?")
    page.go_back()
    expect(page.locator("main h1")).to_have_text("What are you worried about?")
    page.go_back()
    expect(page.locator("main h1")).to_have_text("How old is the baby, in months?")
    expect(page.locator("#age")).to_have_value(re.compile(r"^7( months)?$"))
    page.locator("main button[type=submit]").click()
    # The concerns given later were kept: the journey goes on to the question after them.
    expect(page.locator("main h1")).to_have_text("How much does it affect daily life?")
    expect(page).to_have_url(re.compile(r"concerns=bonding"))
    page.go_back()
    expect(page.locator("main h1")).to_have_text("How old is the baby, in months?")
    assert errors == []


def test_the_start_buttons_are_in_the_first_screen(phone: Page) -> None:
    phone.goto("/")
    for who in ("practitioner", "family"):
        assert in_first_screen(phone, f"a.govuk-button--start[href*='{who}']"), who


def test_a_question_starts_near_the_top(phone: Page) -> None:
    phone.goto(f"{START}?audience=family")
    box = phone.locator("main h1").bounding_box()
    assert box is not None and box["y"] < PHONE["height"] / 3
    assert in_first_screen(phone, "main button[type=submit]")


def test_search_results_come_before_the_filters(phone: Page) -> None:
    phone.goto("/search?q=infant")
    assert in_first_screen(phone, "#search-count")
    first = phone.locator("#search-results .app-search-result, #search-results li").first
    filters = phone.locator(".app-filters").bounding_box()
    results = first.bounding_box()
    assert results is not None and filters is not None and results["y"] < filters["y"]
    expect(phone.locator("#route-referral")).to_be_hidden()
    phone.locator(".app-filters summary").click()
    expect(phone.locator("#route-referral")).to_be_visible()


def test_overlapping_live_searches_raise_no_console_errors(
    phone_js: tuple[Page, list[str]],
) -> None:
    page, errors = phone_js
    page.goto("/search")
    page.locator(".app-filters summary").click()
    # Each change sends a search while the last may still be on its way.
    for _ in range(8):
        page.locator("label[for=route-referral]").click()
    page.locator("#search-q").press_sequentially("infant", delay=5)
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(page.locator("#search-count")).to_contain_text("for ‘infant’")
    page.wait_for_timeout(500)
    assert errors == []
