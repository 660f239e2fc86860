"""Actions: the buttons to call, email or visit, and the numbers in urgent advice as links."""

from __future__ import annotations

from navigator.content.directory import Service
from navigator.web.actions import (
    EMERGENCY,
    actions,
    dial,
    dial_links,
    directory_actions,
    urgent_actions,
)
from tests.web.test_offers import card


def service(id: str, phone: str | None) -> Service:
    return Service.model_validate(
        {
            "id": id,
            "name": id.title(),
            "provider": "Provider",
            "ring": "risk",
            "remit": "Remit.",
            "description": "Description.",
            "last_reviewed": "2026-06-01",
            "review_by": "2027-06-01",
            "routes": [{"kind": "urgent", "how": "Ring.", "eligibility": {"audience": ["family"]}}],
            "contact": {"phone": phone} if phone else {},
        }
    )


def test_dial_keeps_only_the_digits() -> None:
    assert dial("0800 952 1181") == "tel:08009521181"
    assert dial("+44 1274 433999") == "tel:+441274433999"


def test_a_contact_gives_call_email_and_website_in_that_order() -> None:
    found = actions(
        {
            "website": "https://example.org",
            "email": "team@example.org",
            "phone": "01274 000000",
            "phone_note": "Weekdays",
        },
        "Team",
    )
    assert [(a.kind, a.href, a.label) for a in found] == [
        ("call", "tel:01274000000", "Call 01274 000000"),
        ("email", "mailto:team@example.org", "Email team@example.org"),
        ("website", "https://example.org", "Website"),
    ]
    assert found[0].note == "Weekdays"


def test_no_button_for_what_cannot_be_tapped() -> None:
    assert actions({"website": "example.org", "hours": "9 to 5"}, "Team") == []
    assert actions({"through": ["health-visiting"]}, "Team") == []


def test_urgent_actions_keep_the_results_order_and_stop_at_three() -> None:
    cards = [
        card("first-response", "urgent", {"phone": "0800 952 1181"}),
        card("no-phone", "urgent", {}),
        card("nhs-111", "urgent", {"phone": "111"}),
        card("emergency", "urgent", {"phone": "999"}),
        card("ifd", "urgent", {"phone": "01274 433999"}),
    ]
    found = urgent_actions(cards)
    assert [a.href for a in found] == ["tel:08009521181", "tel:111", "tel:999"]
    assert found[0].name == "First-Response"


def test_the_urgent_page_puts_999_first_whatever_the_directory_order() -> None:
    services = [service("crisis-line", "0800 952 1181"), service("emergency", "999")]
    found = directory_actions(services)
    assert [a.href for a in found] == ["tel:999", "tel:08009521181"]
    assert found[0].name == "Emergency"  # the directory's own 999 entry


def test_the_urgent_page_has_999_even_when_the_directory_does_not() -> None:
    found = directory_actions([service("crisis-line", "0800 952 1181"), service("quiet", None)])
    assert found == [EMERGENCY, *found[1:]]
    assert [a.href for a in found] == ["tel:999", "tel:08009521181"]


def test_999_and_nhs_111_in_advice_become_links() -> None:
    html = dial_links("Ring 999 now, or NHS 111 and choose the mental health option.")
    assert str(html) == (
        'Ring <a class="govuk-link app-dial" href="tel:999">999</a> now, or '
        '<a class="govuk-link app-dial" href="tel:111">NHS 111</a> and choose the mental '
        "health option."
    )


def test_dial_links_escapes_the_rest_and_leaves_other_numbers() -> None:
    html = str(dial_links("<b>Ring</b> 01274 999000 or 1999"))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "tel:" not in html


def test_a_way_in_still_to_confirm_never_leads() -> None:
    contact = {"phone": "01274 221234", "website": "https://example.org"}
    assert [a.kind for a in actions(contact, "Talking")] == ["call", "website"]
    doubtful = actions(contact, "Talking", unconfirmed=["phone", "routes"])
    assert [a.kind for a in doubtful] == ["website", "call"]
