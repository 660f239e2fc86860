"""Actions: the ways to get in touch with a service at one tap (call, email, website), shown as
buttons where the next step matters most: the result's 'what to do now' and urgent help."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup, escape

from navigator.content.directory import Service
from navigator.content.vocabulary import RouteKind
from navigator.engine.outcome import Card

URGENT_ACTIONS = 3
"""Urgent help shows the first route as the main button and the next two right under it."""


@dataclass(frozen=True)
class Action:
    """One way in: `href` is a `tel:`, `mailto:` or web address; `label` says what it does."""

    kind: Literal["call", "email", "website"]
    href: str
    label: str
    name: str
    """The service's name, to tell buttons apart (and for screen readers)."""
    note: str | None = None
    """When to ring, or what to choose on the line."""


def dial(number: str) -> str:
    """`'0800 952 1181'` → `'tel:08009521181'`."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


EMERGENCY = Action(
    "call",
    "tel:999",
    "Call 999",
    "Police or ambulance, if anyone is in danger or a life is at risk",
)
"""999 leads the `/urgent` page whatever order the directory gives its urgent routes."""

DIALLED = re.compile(r"(?<![\w/])(NHS 111|999|111)(?![\w/])")
"""The national numbers as they appear in advice: '999', 'NHS 111', '111'."""


def dial_links(text: str) -> Markup:
    """Advice text, escaped, with 999 and NHS 111 as `tel:` links (a tap rings them)."""

    def link(match: re.Match[str]) -> str:
        number = "999" if match.group(1) == "999" else "111"
        return f'<a class="govuk-link app-dial" href="tel:{number}">{match.group(1)}</a>'

    return Markup(DIALLED.sub(link, str(escape(text))))


def actions(
    contact: Mapping[str, object], name: str, unconfirmed: Iterable[str] = ()
) -> list[Action]:
    """The buttons a contact gives: a call, an email, a website, in that order, except that a
    way in still to confirm with the service (`unconfirmed`) never leads."""
    doubtful = {kind: kind in set(unconfirmed) for kind in ("phone", "email", "website")}
    found = _actions(contact, name)
    return sorted(found, key=lambda action: doubtful[KIND_FIELD[action.kind]])


KIND_FIELD = {"call": "phone", "email": "email", "website": "website"}


def _actions(contact: Mapping[str, object], name: str) -> list[Action]:
    found: list[Action] = []
    phone, email, website = (contact.get(key) for key in ("phone", "email", "website"))
    if isinstance(phone, str) and phone.strip():
        note = contact.get("phone_note")
        found.append(
            Action(
                "call", dial(phone), f"Call {phone}", name, note if isinstance(note, str) else None
            )
        )
    if isinstance(email, str) and email.strip():
        found.append(Action("email", f"mailto:{email}", f"Email {email}", name))
    if isinstance(website, str) and website.startswith(("https://", "http://")):
        found.append(Action("website", website, "Website", name))
    return found


def first_action(
    contact: Mapping[str, object], name: str, unconfirmed: Iterable[str] = ()
) -> Action | None:
    """The one button for a service when there is room for one: its phone, else the rest."""
    found = actions(contact, name, unconfirmed)
    return found[0] if found else None


def urgent_actions(cards: Iterable[Card], size: int = URGENT_ACTIONS) -> list[Action]:
    """The first `size` urgent routes that can be reached at one tap, in the result's order."""
    found = [a for card in cards if (a := first_action(card.contact, card.name, card.unconfirmed))]
    return found[:size]


def directory_actions(services: Iterable[Service], size: int = URGENT_ACTIONS) -> list[Action]:
    """The same for the urgent routes of the directory (the `/urgent` page): 999 first (the
    directory's own, else `EMERGENCY`), then the others in the directory's order."""
    found = []
    for service in services:
        route = service.route(RouteKind.urgent)
        contact = (route.contact if route and route.contact else None) or service.contact
        action = first_action(contact.model_dump(exclude_none=True), service.name)
        if action is not None:
            found.append(action)
    emergency = next((a for a in found if a.href == EMERGENCY.href), EMERGENCY)
    return [emergency, *(a for a in found if a.href != EMERGENCY.href)][:size]
