"""Journeys in a real browser: by keyboard alone, as a family, a red flag, and without
JavaScript; the eligibility checker; the quick exit."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import problems_of

pytestmark = pytest.mark.browser

FOCUS_YELLOW = "rgb(255, 221, 0)"


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focus_is_visible(page: Page) -> bool:
    """GOV.UK's focus style: a yellow background or outline on the focused element."""
    style = page.evaluate(
        """() => {
            const e = document.activeElement;
            const s = getComputedStyle(e);
            const first = e.labels && e.labels[0];
            const label = first ? getComputedStyle(first, '::before') : null;
            return [s.backgroundColor, s.outlineColor, s.outlineStyle, s.boxShadow,
                    label ? label.boxShadow : ''];
        }"""
    )
    return any(FOCUS_YELLOW in str(part) or "255, 221, 0" in str(part) for part in style) or (
        style[2] not in ("none", "") and style[1] != ""
    )


def heading(page: Page) -> str:
    return page.locator("main h1").first.inner_text().strip()


def test_practitioner_journey_with_the_keyboard_alone(page: Page) -> None:
    page.goto("/")
    tab_to(page, "a.govuk-button--start[href*='practitioner']")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_have_text("Are any of these happening now?")

    tab_to(page, "input[value=none]")
    assert focus_is_visible(page)
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    # The door already said who is asking, so the next question is the stage.
    expect(page.locator("main h1")).to_have_text("Is the baby born yet?")
    expect(page).to_have_url(re.compile(r"/questions/stage\?red_flags=none&audience=practitioner$"))
    # htmx moved the focus to the new question's heading.
    assert page.evaluate("document.activeElement.tagName") == "H1"
    tab_to(page, "input[name=stage]")
    page.keyboard.press("ArrowDown")  # radios: the arrow keys choose
    assert page.locator("input[value=postnatal]").is_checked()
    page.keyboard.press("Enter")

    expect(page.locator("main h1")).to_have_text("How old is the baby, in months?")
    tab_to(page, "input#age")
    page.keyboard.type("5")
    page.keyboard.press("Enter")

    expect(page.locator("main h1")).to_have_text("What are you worried about?")
    tab_to(page, "input[value=bonding]")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")

    expect(page.locator("main h1")).to_have_text("How much does it affect daily life?")
    tab_to(page, "input[name=need]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")

    expect(page.locator("main h1")).to_have_text("What is the family's postcode?")
    tab_to(page, "input#postcode")
    page.keyboard.type("bd3 8aa")
    page.keyboard.press("Enter")

    expect(page.locator("main h1")).to_have_text("Check your answers")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.locator("main h1")).to_have_text("Services that can help")
    expect(page.locator("#next-step")).to_have_text("What to do now")
    expect(page.locator("details#section-referral > summary")).to_be_visible()
    expect(page.locator(".app-note")).to_contain_text(
        "BD3 8AA is in the Better Start Bradford area"
    )
    assert "postcode=BD3+8AA" in page.url
    # The history snapshots htmx would keep are off: nothing in the browser's storage.
    assert page.evaluate("window.localStorage.length") == 0
    assert problems_of(page).messages == []


def test_family_journey(page: Page) -> None:
    page.goto("/")
    page.get_by_role("button", name="Start as a parent or carer").click()
    expect(page.locator(".govuk-exit-this-page")).to_be_visible()
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Not yet (pregnancy)").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Feeling low or anxious").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("It affects us every day").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("main h1")).to_have_text("What is the family's postcode?")
    page.get_by_role("button", name="I do not know").click()
    expect(page.locator("main h1")).to_have_text("Check your answers")
    expect(page.locator(".govuk-summary-list")).to_contain_text("I do not know")
    page.get_by_role("button", name="Show me who can help").click()
    expect(page.locator("#next-step")).to_have_text("What you can do now")
    expect(page.locator(".app-next .app-offer__kind").first).to_have_text("Contact them yourself")
    expect(page.locator("#ask-about summary")).to_contain_text("Ask your health visitor about")
    expect(page.locator(".govuk-exit-this-page")).to_be_visible()
    assert problems_of(page).messages == []


def test_changing_an_answer_drops_the_ones_it_makes_stale(page: Page) -> None:
    answers = (
        "red_flags=none&audience=practitioner&stage=postnatal&age=5&concerns=bonding"
        "&need=persistent&postcode=BD3+8AA"
    )
    page.goto(f"/pathways/early-years/check?{answers}")
    page.get_by_role("link", name="Change is the baby born yet?").click()
    expect(page.locator("input[value=postnatal]")).to_be_checked()
    page.get_by_label("Not yet (pregnancy)").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("main h1")).to_have_text("Check your answers")
    expect(page.locator(".govuk-summary-list")).not_to_contain_text("How old is the baby")
    assert not re.search(r"[?&]age=", page.url)


def test_an_empty_answer_focuses_the_error_summary(page: Page) -> None:
    page.goto("/pathways/early-years/questions/stage?red_flags=none&audience=practitioner")
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile("^Error: "))
    summary.get_by_role("link", name="Select one option").click()
    expect(page.locator("#stage")).to_be_focused()


def test_red_flag_journey_ends_at_urgent_help(page: Page) -> None:
    page.goto("/pathways/early-years?audience=family")
    page.get_by_label("I have thoughts of harming my baby").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("main h1")).to_have_text("Call 999 or go to A&E now")
    first = page.locator("section.app-section").first
    expect(first.locator("h2")).to_have_text("Get help now")
    expect(first).to_contain_text("999 and A&E")


def test_red_flag_journey_without_javascript(page_without_js: Page) -> None:
    page = page_without_js
    page.goto("/")
    page.get_by_role("button", name="Start as a parent or carer").click()
    expect(page).to_have_url(re.compile(r"/questions/red_flags\?audience=family$"))
    page.get_by_role("button", name="Continue").click()  # nothing chosen
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select all that apply")
    page.get_by_label("I have thoughts of harming my baby").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("main h1")).to_have_text("Call 999 or go to A&E now")
    expect(page.locator("section.app-section").first).to_contain_text("999 and A&E")


def test_practitioner_journey_without_javascript(page_without_js: Page) -> None:
    page = page_without_js
    page.goto("/pathways/early-years?audience=practitioner")
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("How old is the baby, in months?").fill("40")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("from 0 to 36")
    page.get_by_label("How old is the baby, in months?").fill("5")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Parent-infant relationship and bonding").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Persistent difficulty").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What is the family's postcode?").fill("BD3 8AA")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Show the services that can help").click()
    expect(page.locator("main h1")).to_have_text("Services that can help")
    # No JavaScript: the copy and print buttons stay hidden; the plain link is there.
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    expect(page.get_by_role("link", name="Link to these results")).to_be_visible()
    # The referral is the card's second route, a click away (a plain <details>, no script).
    page.locator("#service-infant-mh details.app-other-routes > summary").click()
    page.get_by_role(
        "link", name="Prepare a referral summary for Infant Mental Health Service"
    ).click()
    expect(page.locator("main h1")).to_have_text("Infant Mental Health Service")
    expect(page.locator("main")).to_contain_text("Postcode district BD3")
    expect(page.locator("main")).not_to_contain_text("8AA")


def test_the_eligibility_checker(page: Page) -> None:
    page.goto("/services/infant-mh")
    page.get_by_label("Yes").check()
    page.get_by_label("Baby's age").fill("30 months")
    page.get_by_label("Postcode (optional)").fill("BD3 8AA")
    page.get_by_role("button", name="Check").click()
    verdict = page.locator(".app-verdict")
    expect(verdict).to_contain_text("No: Infant Mental Health Service is not open to this family")
    expect(verdict).to_contain_text("outside its age range")
    expect(verdict.get_by_role("link", name="Health Visiting").first).to_be_visible()
    page.get_by_label("Baby's age").fill("5")
    page.get_by_role("button", name="Check").click()
    # The referral is only for persistent need: without the need it is not a plain yes.
    expect(page.locator(".app-verdict")).to_contain_text("Probably, but please confirm")
    expect(page.locator(".app-verdict")).to_contain_text("Not checked: the concern and the level")
    page.get_by_label("Main concern (optional)").select_option("bonding")
    page.get_by_label("Level of need (optional)").select_option("persistent")
    page.get_by_role("button", name="Check").click()
    expect(page.locator(".app-verdict")).to_contain_text(
        "Yes: Infant Mental Health Service is open"
    )


def test_shift_three_times_leaves_the_site(page: Page) -> None:
    # The browser has no network: stand in for /exit, whose redirect the web tests check.
    page.route("**/exit", lambda route: route.fulfill(body="<title>Left</title>Left"))
    page.goto("/pathways/early-years/questions/red_flags?audience=family")
    page.locator("main h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("**/exit")
    assert page.title() == "Left"


def test_no_fonts_are_downloaded_and_no_script_is_blocked(page: Page) -> None:
    page.goto("/")
    page.wait_for_load_state("networkidle")
    requests = problems_of(page).requests
    assert not [r for r in requests if "/assets/fonts" in r or r.endswith((".woff", ".woff2"))]
    assert all(
        r.startswith(page.url.split("/", 3)[0] + "//" + page.url.split("/")[2]) for r in requests
    )
    assert problems_of(page).messages == []
