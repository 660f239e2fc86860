"""The first screen on a phone (390×844), on the shipped content: urgent help puts its call
button there for every urgent disposition, and every shipped scenario's result puts a way to
contact the first service it offers there."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Locator, Page

from navigator.cli.common import locator
from navigator.content.loader import Bundle, load
from navigator.content.pathway import Pathway
from navigator.engine import Result, navigate
from tests.browser.conftest import PHONE, SHIPPED
from tests.browser.test_accessibility import axe, describe

pytestmark = pytest.mark.browser

MIN_TARGET = 44
"""The smallest touch target, in CSS pixels (WCAG 2.5.5)."""


@cache
def shipped() -> Bundle:
    return load([SHIPPED / "services.yaml", SHIPPED / "pathways"])


def pathway() -> Pathway:
    return next(p for p, _ in shipped().pathways if p.id == "early-years")


def urgent_dispositions() -> dict[str, str]:
    """Each urgent disposition, with a red flag that leads to it."""
    found: dict[str, str] = {}
    early_years = pathway()
    urgent = {d.id for d in early_years.dispositions if d.urgent}
    for flag in early_years.red_flags:
        if flag.disposition in urgent:
            found.setdefault(flag.disposition, flag.id)
    return found


def scenario_results() -> dict[str, tuple[str, Result]]:
    """Every shipped scenario that ends in a result that is not urgent: its address, its result."""
    bundle = shipped()
    assert bundle.directory is not None
    lookup = locator()
    found = {}
    for file, _ in bundle.scenario_files:
        for scenario in file.scenarios:
            outcome = navigate(pathway(), bundle.directory, scenario.answers, lookup)
            if isinstance(outcome, Result) and not outcome.urgent:
                query = urlencode(scenario.answers, doseq=True)
                found[scenario.id] = (f"/pathways/early-years/result?{query}", outcome)
    return found


def in_first_screen(element: Locator) -> bool:
    box = element.bounding_box()
    assert box is not None, "not shown"
    return box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def tall_enough(element: Locator) -> bool:
    box = element.bounding_box()
    return box is not None and box["height"] >= MIN_TARGET


def test_every_urgent_disposition_is_reached() -> None:
    assert set(urgent_dispositions()) == {d.id for d in pathway().dispositions if d.urgent}


@pytest.mark.parametrize("audience", ["family", "practitioner"])
@pytest.mark.parametrize("disposition", sorted(urgent_dispositions()))
def test_urgent_help_calls_from_the_first_screen(
    phone: Page, disposition: str, audience: str
) -> None:
    flag = urgent_dispositions()[disposition]
    phone.goto(f"/pathways/early-years?red_flags={flag}&audience={audience}")
    assert "/result?" in phone.url
    buttons = phone.locator("main ul.app-actions--urgent a.app-action")
    assert buttons.count() >= 2
    primary = buttons.first
    assert "app-action--primary" in (primary.get_attribute("class") or "")
    # The disposition's first route.
    first = pathway().disposition(disposition)
    assert first is not None
    directory = shipped().directory
    assert directory is not None
    service = directory.service(first.services[0].service)
    assert service is not None
    route = service.route(first.services[0].route)
    contact = (route.contact if route and route.contact else None) or service.contact
    # Its phone as a call (999 for an emergency), else its email or website.
    if contact.phone:
        expected = "tel:" + "".join(ch for ch in contact.phone if ch.isdigit() or ch == "+")
    else:
        expected = f"mailto:{contact.email}" if contact.email else str(contact.website)
    assert primary.get_attribute("href") == expected
    # The main button and the next two under it, whole in the first screen, big enough to tap.
    width = primary.bounding_box()
    assert width is not None and width["width"] >= PHONE["width"] - 2 * 15 - 1
    for index in range(min(3, buttons.count())):
        button = buttons.nth(index)
        assert in_first_screen(button), (disposition, index, button.bounding_box())
        assert tall_enough(button), (disposition, index, button.bounding_box())
    assert phone.evaluate("window.scrollY") == 0


def test_the_urgent_page_calls_999_from_the_first_screen(phone: Page) -> None:
    phone.goto("/urgent")
    buttons = phone.locator("main ul.app-actions--urgent a.app-action")
    assert buttons.first.get_attribute("href") == "tel:999"
    assert buttons.count() == 3
    for index in range(3):
        assert in_first_screen(buttons.nth(index)), index
        assert tall_enough(buttons.nth(index)), index
    # NHS 111 is a real link too.
    assert phone.locator("main a[href='tel:111']").count() >= 1


@pytest.mark.parametrize("scenario", sorted(scenario_results()))
def test_a_result_puts_a_way_to_the_first_service_in_the_first_screen(
    phone: Page, scenario: str
) -> None:
    url, result = scenario_results()[scenario]
    phone.goto(url)
    first = result.sections[0].cards[0]
    lead = phone.locator(".app-next .app-offer").first
    assert lead.get_attribute("id") == f"service-{first.service_id}"
    contact = first.contact
    if contact.get("phone"):
        way = lead.locator("a[href^='tel:']").first
    elif contact.get("email"):
        way = lead.locator("a[href^='mailto:']").first
    elif contact.get("website"):
        way = lead.locator("a[href^='http']").first
    elif contact.get("through"):
        way = lead.locator(".app-through").or_(lead.get_by_text("through your")).first
    else:
        # No way in is known yet (checker: CONTACT-002): the card says so where the buttons go.
        way = lead.locator(".app-card__unconfirmed").first
    assert way.count() == 1, f"{scenario}: no way to contact {first.service_id}"
    assert in_first_screen(way), (scenario, first.service_id, way.bounding_box())
    if contact.get("phone") or contact.get("website") or contact.get("email"):
        assert tall_enough(way), (scenario, way.bounding_box())


def test_results_stay_short_without_javascript(page_without_js: Page) -> None:
    """The groups are plain <details>: closed, and they open without any script."""
    page = page_without_js
    page.set_viewport_size(PHONE)
    page.goto(
        "/pathways/early-years/result?red_flags=none&audience=practitioner&stage=postnatal"
        "&age=5&concerns=bonding&need=persistent&postcode=BD3+8AA"
    )
    group = page.locator("details.app-group").first
    assert group.get_attribute("open") is None
    card = group.locator(".app-offer").first
    assert not card.is_visible()
    group.locator("summary").first.click()
    assert card.is_visible()


@pytest.mark.parametrize(
    "url",
    [
        "/urgent",
        "/pathways/early-years/result?red_flags=harm-baby&audience=family",
        "/pathways/early-years/result?red_flags=suicidal-thoughts&audience=practitioner",
    ],
)
def test_the_phone_pages_pass_axe(phone: Page, url: str) -> None:
    phone.goto(url)
    violations = axe(phone)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("scenario", ["bsb-inside-isolation-low-mood", "loss-family"])
def test_the_shipped_results_pass_axe(phone: Page, scenario: str) -> None:
    phone.goto(scenario_results()[scenario][0])
    for summary in phone.locator("details > summary").all():
        summary.click()  # open every disclosure, so axe sees every card
    violations = axe(phone)
    assert violations == [], describe(violations)
