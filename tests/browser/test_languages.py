"""Families in their own language, in Chromium, on the shipped content (whose `site.languages`
offer Urdu and Polish): the journey in Urdu and in Polish chosen with the language switcher
(once without JavaScript), axe on the Urdu pages, and the right-to-left layout.

The screenshots of the Urdu result and urgent pages at 390 px for review are made by
`test_urdu_screenshots_for_review`; with NAVIGATOR_SCREENSHOTS=1 (`make screenshots`) they are
written to docs/i18n/ to be checked in."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PHONE, _page, problems_of
from tests.browser.test_accessibility import axe, describe
from tests.browser.test_first_screen import scenario_results

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs" / "i18n"

WORDS = {
    "ur": {
        "start": "والدین یا دیکھ بھال کرنے والے کے طور پر شروع کریں",
        "continue": "جاری رکھیں",
        "unknown": "مجھے نہیں معلوم",
        "check": "اپنے جوابات چیک کریں",
        "show": "مجھے دکھائیں کہ کون مدد کر سکتا ہے",
        "leave": "یہ سائٹ چھوڑیں",
        "name": "اردو",
    },
    "pl": {
        "start": "Zacznij jako rodzic lub opiekun",
        "continue": "Dalej",
        "unknown": "Nie wiem",
        "check": "Sprawdź swoje odpowiedzi",
        "show": "Pokaż, kto może pomóc",
        "leave": "Opuść tę stronę",
        "name": "Polski",
    },
}


@pytest.fixture
def shipped_page(
    browser: Browser, shipped_base_url: str, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A tab on the shipped content, JavaScript on."""
    yield from _page(browser, shipped_base_url, request, javascript=True, viewport=PHONE)


@pytest.fixture
def shipped_page_without_js(
    browser: Browser, shipped_base_url: str, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A tab on the shipped content, JavaScript off."""
    yield from _page(browser, shipped_base_url, request, javascript=False, viewport=PHONE)


def _choose_language(page: Page, code: str) -> None:
    page.goto("/")
    switcher = page.locator("nav.govuk-language-navigation")
    switcher.locator(f"a[lang='{code}']").click()
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(switcher.locator("[aria-current='true']")).to_have_text(WORDS[code]["name"])


def _answer_every_question(page: Page, code: str) -> None:
    """Answer each question a family is asked (no red flag, the first choice otherwise, the
    optional ones skipped) until 'Check your answers'."""
    words = WORDS[code]
    for _ in range(12):
        heading = page.locator("main h1").first.inner_text()
        if heading == words["check"]:
            return
        asked = page.locator("form input[name='asked']").get_attribute("value")
        assert asked, f"neither a question nor 'check your answers': {heading}"
        expect(page.locator("html")).to_have_attribute("lang", code)
        choices = page.locator(f"input[name='{asked}']:is([type='radio'], [type='checkbox'])")
        skip = page.get_by_role("button", name=words["unknown"])
        if asked == "red_flags":
            choices.and_(page.locator("[value='none']")).check()
            page.get_by_role("button", name=words["continue"]).click()
        elif asked == "age":
            page.locator("input[name='age']").fill("5")
            page.get_by_role("button", name=words["continue"]).click()
        elif skip.count():
            skip.click()
        else:
            choices.first.check()
            page.get_by_role("button", name=words["continue"]).click()
        page.wait_for_function(
            """([asked, done]) => {
                const field = document.querySelector("form input[name='asked']");
                const h1 = document.querySelector("main h1");
                return (h1 && h1.innerText === done) || (field && field.value !== asked);
            }""",
            arg=[asked, words["check"]],
        )
    raise AssertionError("the journey did not reach 'Check your answers'")


def _finish(page: Page, code: str) -> None:
    page.get_by_role("button", name=WORDS[code]["show"]).click()
    expect(page).to_have_url(re.compile(r"/result"))
    html = page.locator("html")
    expect(html).to_have_attribute("lang", code)
    expect(html).to_have_attribute("dir", "rtl" if code == "ur" else "ltr")
    # The quick exit is there, in the family's language.
    expect(page.locator(".govuk-exit-this-page__button")).to_contain_text(WORDS[code]["leave"])
    assert page.locator(".app-offer, .app-card").count() > 0, "a result is never empty"


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_a_family_completes_the_journey_in_their_language(shipped_page: Page, code: str) -> None:
    page = shipped_page
    _choose_language(page, code)
    page.get_by_role("button", name=WORDS[code]["start"]).click()
    _answer_every_question(page, code)
    _finish(page, code)
    assert problems_of(page).messages == []


def test_a_family_completes_the_journey_in_polish_without_javascript(
    shipped_page_without_js: Page,
) -> None:
    page = shipped_page_without_js
    _choose_language(page, "pl")
    page.get_by_role("button", name=WORDS["pl"]["start"]).click()
    _answer_every_question(page, "pl")
    _finish(page, "pl")


def test_switching_language_mid_journey_keeps_the_answers(shipped_page_without_js: Page) -> None:
    page = shipped_page_without_js
    _choose_language(page, "ur")
    page.get_by_role("button", name=WORDS["ur"]["start"]).click()
    _answer_every_question(page, "ur")
    page.locator("nav.govuk-language-navigation a[lang='pl']").click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.locator("main h1")).to_have_text(WORDS["pl"]["check"])
    _finish(page, "pl")


URDU_PAGES = {
    "home": "/?lang=ur",
    "question": "/pathways/early-years/questions/stage?red_flags=none&audience=family&lang=ur",
    "urgent help": "/urgent?lang=ur",
    "urgent result": "/pathways/early-years/result?red_flags=harm-baby&audience=family&lang=ur",
    "service page": "/services/first-response?lang=ur",
}


@pytest.mark.parametrize("name", list(URDU_PAGES))
def test_urdu_pages_pass_axe(shipped_page: Page, name: str) -> None:
    page = shipped_page
    page.goto(URDU_PAGES[name])
    page.wait_for_load_state("networkidle")
    violations = axe(page)
    assert violations == [], describe(violations)
    csp = [m for m in problems_of(page).messages if "Content Security Policy" in m]
    assert csp == [], csp


def test_the_urdu_family_result_passes_axe(shipped_page: Page) -> None:
    page = shipped_page
    page.goto(scenario_results()["loss-family"][0] + "&lang=ur")
    for summary in page.locator("details > summary").all():
        summary.click()
    violations = axe(page)
    assert violations == [], describe(violations)


def test_urdu_is_laid_out_right_to_left(shipped_page: Page) -> None:
    page = shipped_page
    page.goto(URDU_PAGES["question"])
    page.wait_for_load_state("networkidle")
    # The drawn radio sits over its (invisible) input, on the right of its label.
    radio = page.locator(".govuk-radios__item").first
    ring = radio.locator("label").evaluate(
        "label => { const s = getComputedStyle(label, '::before'); return [s.left, s.right]; }"
    )
    control = radio.locator("input").bounding_box()
    label = radio.locator("label").bounding_box()
    assert control is not None and label is not None
    assert control["x"] > label["x"], "the input is on the right of its label"
    assert ring[1] == "2px", ring
    # The Urdu font is served from the site and used; no horizontal scroll on a phone.
    page.wait_for_function("document.fonts.check('16px \"Noto Nastaliq Urdu\"', 'اردو')")
    requested = [u for u in problems_of(page).requests if "noto-nastaliq-urdu" in u]
    assert requested and all(u.startswith(page.url.split("/pathways")[0]) for u in requested)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    line = page.locator("main .govuk-hint, main .govuk-label").first.evaluate(
        "el => parseFloat(getComputedStyle(el).lineHeight)"
        " / parseFloat(getComputedStyle(el).fontSize)"
    )
    assert line >= 1.8


def test_phone_numbers_read_left_to_right_in_urdu(shipped_page: Page) -> None:
    page = shipped_page
    page.goto("/urgent?lang=ur")
    number = page.locator("a[href^='tel:'] bdi[dir='ltr']").first
    expect(number).to_be_visible()
    assert number.evaluate("el => getComputedStyle(el).direction") == "ltr"


def test_urdu_screenshots_for_review(shipped_page: Page, tmp_path: Path) -> None:
    """The Urdu result and urgent pages at 390 px, whole: for a reviewer who reads Urdu."""
    page = shipped_page
    shots = {
        "urgent-ur-390.png": "/urgent?lang=ur",
        "result-ur-390.png": scenario_results()["loss-family"][0] + "&lang=ur",
        "urgent-result-ur-390.png": URDU_PAGES["urgent result"],
    }
    target = DOCS if os.environ.get("NAVIGATOR_SCREENSHOTS") == "1" else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    for name, url in shots.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        page.screenshot(path=str(target / name), full_page=True)
        assert (target / name).stat().st_size > 10_000
