"""A result as people read it: one offer per service, with every route of it that fits.

The engine gives a card per route, in sections (consultation, referral, …), so a service with
both a consultation and a referral route would appear twice. `offers` groups them: the service
is shown once, in the first section that offers it (the best, as the engine orders sections),
listing each fitting route with how to use it and, where it differs, its contact. The order of
sections and of services within them is the engine's, untouched (it ranks by fit).

`lead` picks what to do now: the first service of the first section, or the first two when
the first cannot be reached at one tap."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from navigator.engine.outcome import BoundaryCard, Card, Reason, Section
from navigator.web.actions import actions

T = TypeVar("T")

LEAD_SIZE = 2
"""How many services the 'what to do now' part shows at most."""


@dataclass(frozen=True)
class RouteOffer:
    """One fitting route of a service: its card, and whether its contact is its own (not the
    same as the route listed before it, so it is worth showing again)."""

    card: Card
    own_contact: bool


@dataclass
class Offer:
    """A service in a result with its fitting routes, best first."""

    routes: list[RouteOffer] = field(default_factory=list)

    @property
    def first(self) -> Card:
        return self.routes[0].card

    @property
    def service_id(self) -> str:
        return self.first.service_id

    @property
    def name(self) -> str:
        return self.first.name

    @property
    def cards(self) -> list[Card]:
        return [r.card for r in self.routes]

    @property
    def kinds(self) -> list[str]:
        return [c.route for c in self.cards]

    @property
    def why(self) -> list[Reason]:
        """Every reason the routes were offered, each said once (routes share most criteria:
        the first route's source is kept)."""
        said: dict[str, Reason] = {}
        for card in self.cards:
            for reason in card.why:
                said.setdefault(reason.message, reason)
        return list(said.values())

    @property
    def caveats(self) -> list[str]:
        return _unique(caveat for card in self.cards for caveat in card.caveats)

    @property
    def boundaries(self) -> list[BoundaryCard]:
        return self.first.boundaries

    def add(self, card: Card) -> None:
        previous = self.routes[-1].card.contact if self.routes else None
        self.routes.append(RouteOffer(card, own_contact=card.contact != previous))


@dataclass(frozen=True)
class OfferSection:
    """A section of the result (named by its route kind), with the services shown in it."""

    route: str
    title: str
    offers: list[Offer]


def offers(sections: Iterable[Section]) -> list[OfferSection]:
    """The sections with one offer per service, at its first section; empty sections go."""
    found: dict[str, Offer] = {}
    grouped: list[OfferSection] = []
    for section in sections:
        shown: list[Offer] = []
        for card in section.cards:
            offer = found.get(card.service_id)
            if offer is None:
                offer = found[card.service_id] = Offer()
                shown.append(offer)
            offer.add(card)
        if shown:
            grouped.append(OfferSection(section.route, section.title, shown))
    return grouped


def lead(grouped: list[OfferSection], size: int = LEAD_SIZE) -> list[Offer]:
    """What to do now: the first service of the first section, and the next one too (up to
    `size`) while those before it cannot be reached at one tap (no phone, email or website)."""
    chosen: list[Offer] = []
    for offer in grouped[0].offers if grouped else []:
        chosen.append(offer)
        if len(chosen) >= size or reachable(offer):
            break
    return chosen


def reachable(offer: Offer) -> bool:
    """Whether the offer's best route has a phone, email or website to use at once."""
    return bool(actions(offer.first.contact, offer.name))


def rest(grouped: list[OfferSection], size: int = LEAD_SIZE) -> list[OfferSection]:
    """The sections without the lead services (a section left empty goes)."""
    shown = {id(offer) for offer in lead(grouped, size)}
    remaining = [
        OfferSection(s.route, s.title, [o for o in s.offers if id(o) not in shown]) for s in grouped
    ]
    return [s for s in remaining if s.offers]


def speaking(grouped: list[OfferSection], speaks: Callable[[str], bool]) -> list[OfferSection]:
    """Only the offers whose service `speaks` the family's language (works in it or arranges
    interpreters; `speaks` takes a service id); sections left empty go. Empty when none does:
    the caller then shows them all, so a result is never empty."""
    kept = [
        OfferSection(s.route, s.title, [o for o in s.offers if speaks(o.service_id)])
        for s in grouped
    ]
    return [s for s in kept if s.offers]


def contact_rest(contact: Mapping[str, object]) -> dict[str, object]:
    """A contact without what the buttons already show (phone, its note, email, website)."""
    shown = {"phone", "phone_note", "email", "website"}
    return {k: v for k, v in contact.items() if k not in shown and v}


def _unique(items: Iterable[T]) -> list[T]:
    kept: list[T] = []
    for item in items:
        if item not in kept:
            kept.append(item)
    return kept
