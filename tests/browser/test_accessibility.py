"""axe-core (vendored from npm, tests only) on every page type: no serious or critical
violation, with the page's own Content Security Policy in force."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import problems_of

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"
ANSWERS = (
    "red_flags=none&audience=practitioner&stage=postnatal&age=5&concerns=bonding"
    "&need=persistent&postcode=BD3+8AA"
)
FAMILY = ANSWERS.replace("practitioner", "family").replace("bonding", "low-mood")
PAGES = {
    "home": "/",
    "question": "/pathways/early-years/questions/concerns"
    "?red_flags=none&audience=family&stage=pregnancy",
    "question with an error": "/pathways/early-years?red_flags=none&audience=practitioner"
    "&stage=postnatal&age=99&asked=age",
    "check answers": f"/pathways/early-years/check?{ANSWERS}",
    "result": f"/pathways/early-years/result?{ANSWERS}",
    "family result": f"/pathways/early-years/result?{FAMILY}",
    "urgent result": "/pathways/early-years/result?red_flags=harm-baby&audience=family",
    "service page": "/services/infant-mh",
    "eligibility answer": "/services/infant-mh/eligibility?stage=postnatal&age_months=30",
    "eligibility to confirm": "/services/infant-mh/eligibility?stage=postnatal&age_months=7"
    "&audience=practitioner&need=emerging&postcode=BD3+8AA",
    "postcode not found": "/pathways/early-years?red_flags=none&audience=family"
    "&stage=pregnancy&concerns=bonding&need=persistent&postcode=BD3+9HH&asked=postcode",
    "ended service": "/services/old-project",
    "referral summary": f"/pathways/early-years/referral/infant-mh?{ANSWERS}",
    "search": "/search?q=bonding",
    "commissioners sign-in": "/commission/sign-in",
    "urgent help": "/urgent",
}


def axe(page: Page) -> list[dict[str, Any]]:
    """Run axe on the page; the serious and critical violations."""
    # Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays on.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [v for v in found["violations"] if v["impact"] in ("serious", "critical")]


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in violations
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violations(page: Page, name: str) -> None:
    response = page.goto(PAGES[name])
    assert response is not None and response.status < 500, name
    page.wait_for_load_state("networkidle")
    violations = axe(page)
    assert violations == [], describe(violations)
    csp = [m for m in problems_of(page).messages if "Content Security Policy" in m]
    assert csp == [], csp


@pytest.mark.parametrize("name", ["home", "question", "result", "service page", "search"])
def test_pages_work_on_a_phone(page: Page, name: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(PAGES[name])
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not overflow, f"{name} scrolls sideways at 320 px"
    assert axe(page) == []


def test_headings_are_in_order(page: Page) -> None:
    for name, url in PAGES.items():
        page.goto(url)
        levels = page.evaluate(
            "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]"
            ".filter(h => h.offsetParent !== null || h.closest('.govuk-visually-hidden'))"
            ".map(h => Number(h.tagName[1]))"
        )
        assert levels and levels.count(1) == 1, (name, levels)
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, (name, levels)
