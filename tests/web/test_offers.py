"""Offers: one per service, at its first section, with every route of it that fits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from navigator.engine.outcome import Card, Reason, Section
from navigator.web.offers import contact_rest, lead, offers, rest


def card(
    service: str,
    route: str,
    contact: Mapping[str, object] | None = None,
    why: list[str] | None = None,
) -> Card:
    return Card(
        service_id=service,
        name=service.title(),
        provider="Provider",
        ring="core",
        route=route,
        remit="Remit.",
        description="",
        family_description=None,
        boundaries=[],
        how=f"How to use {service} by {route}.",
        info_needed=[],
        response_time=None,
        length=None,
        contact=cast(Any, dict(contact or {})),
        languages=[],
        last_reviewed="2026-06-01",
        review_by="2027-06-01",
        unconfirmed=[],
        why=[
            Reason("c", True, message, f"services.yaml:{i}") for i, message in enumerate(why or [])
        ],
    )


def section(route: str, *cards: Card) -> Section:
    return Section(route, route.title(), list(cards))


PHONE = {"phone": "01274 000000"}


def test_a_service_in_two_sections_is_one_offer_at_its_first() -> None:
    grouped = offers(
        [
            section("referral", card("lmm", "referral"), card("hubs", "referral")),
            section("consultation", card("lmm", "consultation"), card("hv", "consultation")),
        ]
    )
    assert [(s.route, [o.service_id for o in s.offers]) for s in grouped] == [
        ("referral", ["lmm", "hubs"]),
        ("consultation", ["hv"]),
    ]
    lmm = grouped[0].offers[0]
    assert lmm.kinds == ["referral", "consultation"]


def test_the_engines_order_is_kept_never_sorted() -> None:
    grouped = offers([section("self_referral", card("zeta", "s"), card("alpha", "s"))])
    assert [o.service_id for o in grouped[0].offers] == ["zeta", "alpha"]


def test_a_section_left_empty_by_grouping_goes() -> None:
    grouped = offers(
        [
            section("consultation", card("lmm", "consultation")),
            section("referral", card("lmm", "referral")),
        ]
    )
    assert [s.route for s in grouped] == ["consultation"]


def test_a_route_shows_its_contact_only_when_it_differs_from_the_one_before() -> None:
    grouped = offers(
        [
            section("consultation", card("lmm", "consultation", PHONE)),
            section("referral", card("lmm", "referral", PHONE)),
            section("training", card("lmm", "training", {"email": "t@example.org"})),
        ]
    )
    assert [r.own_contact for r in grouped[0].offers[0].routes] == [True, False, True]


def test_reasons_shared_by_routes_are_said_once() -> None:
    grouped = offers(
        [
            section("consultation", card("lmm", "consultation", why=["open", "age fits"])),
            section("referral", card("lmm", "referral", why=["open", "need fits"])),
        ]
    )
    why = grouped[0].offers[0].why
    assert [r.message for r in why] == ["open", "age fits", "need fits"]
    assert why[0].source == "services.yaml:0"  # the first route's source is kept


def test_the_lead_is_the_first_service_when_it_can_be_reached_at_a_tap() -> None:
    grouped = offers([section("referral", card("a", "referral", PHONE), card("b", "referral"))])
    assert [o.service_id for o in lead(grouped)] == ["a"]
    assert [o.service_id for s in rest(grouped) for o in s.offers] == ["b"]


def test_the_lead_takes_the_next_service_when_the_first_has_no_button() -> None:
    through = {"through": ["health-visiting"]}
    grouped = offers(
        [
            section(
                "referral", card("a", "referral", through), card("b", "referral"), card("c", "r")
            ),
            section("signposting", card("d", "signposting")),
        ]
    )
    assert [o.service_id for o in lead(grouped)] == ["a", "b"]
    remaining = rest(grouped)
    assert [(s.route, [o.service_id for o in s.offers]) for s in remaining] == [
        ("referral", ["c"]),
        ("signposting", ["d"]),
    ]


def test_the_lead_comes_from_the_first_section_only() -> None:
    grouped = offers([section("consultation", card("a", "c")), section("referral", card("b", "r"))])
    assert [o.service_id for o in lead(grouped)] == ["a"]
    assert [s.route for s in rest(grouped)] == ["referral"]


def test_no_sections_no_lead() -> None:
    assert lead([]) == [] and rest([]) == []


def test_contact_rest_leaves_what_the_buttons_show() -> None:
    contact = {
        "phone": "01274 000000",
        "phone_note": "Weekdays",
        "email": "a@example.org",
        "website": "https://example.org",
        "hours": "9 to 5",
        "through": ["health-visiting"],
        "address": "",
    }
    assert contact_rest(contact) == {"hours": "9 to 5", "through": ["health-visiting"]}
