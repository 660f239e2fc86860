"""One service's eligibility for a family, route by route, from the few facts a service page
asks for: who is asking, pregnancy or the baby's age, and (optionally) the concern, the level
of need and where the family lives. A criterion a route has that was not asked is never passed
in silence: the route is "confirm", and the check says what it did not check.

Used by the service page's checker and the API. It matches with `match_route`, so its reasons
(and their `file:line`) are the same as a journey's."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from navigator.content.directory import Directory, Eligibility, Route, Service
from navigator.content.vocabulary import ALL, ROUTE_TITLES, Audience, RouteKind, Stage
from navigator.engine.facts import Facts, Place
from navigator.engine.match import match_route
from navigator.engine.outcome import Alternative, Reason
from navigator.engine.result import instead_for

Verdict = Literal["yes", "no", "confirm"]
"""yes: the family fits; no: it does not (with the reasons); confirm: near a boundary or the
area could not be told, so ask the service."""


@dataclass(frozen=True)
class RouteEligibility:
    """The verdict for one route of the service."""

    route: str
    title: str
    verdict: Verdict
    passed: list[Reason]
    failed: list[Reason]
    caveats: list[str]
    instead: list[Alternative]
    instead_text: str | None
    unchecked: list[str]
    """The route's own limits that were not asked (concern, level of need), in words."""


@dataclass(frozen=True)
class RouteNote:
    """One sentence about some of the routes, said once for all of them."""

    message: str
    routes: list[str]
    """The kinds of route it is about, in the order of the routes."""


@dataclass(frozen=True)
class EligibilityCheck:
    """The verdict for the service: yes if any route fits, else confirm if any may, else no
    (training routes count only for a service that offers nothing else)."""

    service_id: str
    name: str
    audience: str | None
    """Who is asking (`practitioner` or `family`); None if not said."""
    verdict: Verdict
    routes: list[RouteEligibility]
    """The routes the audience can use (none if the service has no way in for it)."""
    place: str | None
    """What the postcode look-up said, in words (None if no postcode was given)."""

    instead: list[Alternative]
    """Where to go instead, gathered from the routes that said no."""

    why_not: list[RouteNote]
    """Each distinct reason a route said no, once (the first criterion each route fails)."""

    to_confirm: list[RouteNote]
    """Each distinct thing to confirm for the routes that may fit (a limit that was not asked,
    an area near a boundary or not checked), once."""

    not_checked: list[str]
    """What the check did not ask and so did not check ("the concern", "the level of need")."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


UNCHECKED_PLACE = "The postcode could not be checked."
"""What a card says of a postcode the look-up could not place (the look-up's message, once,
says which postcode and what to do)."""


def place_facts(place: Place | None, *, hints: bool = True) -> dict[str, Any]:
    """The area facts a postcode look-up gives, for `Facts`. Within 75 m of an edge the
    generalised boundary may be wrong either way, so those areas are only uncertain; so are
    areas decided by GP registration that the postcode makes likely (`hints`), unless the GP
    registration was asked.

    The look-up's own message (which names the postcode and says what to do) is shown once,
    with the result; what each card repeats is only `UNCHECKED_PLACE`."""
    if place is None:
        return {"place_asked": False}
    uncertain = set(place.near_boundary) | (set(place.hints) if hints else set())
    return {
        "place_asked": True,
        "place_known": place.known,
        "place_covered": place.covered,
        "place_message": place.message if place.known else UNCHECKED_PLACE,
        "areas": frozenset(set(place.areas) - uncertain),
        "uncertain": frozenset(uncertain),
    }


def check_eligibility(
    service: Service,
    directory: Directory,
    stage: Stage,
    age_months: int | None,
    place: Place | None,
    *,
    audience: Audience | None = None,
    concern: str | None = None,
    need: str | None = None,
) -> EligibilityCheck:
    """Check each route of `service` that `audience` can use (all but training when it is not
    said) against the facts given. A route limited by a concern or a level of need that was
    not given is at best "confirm", with the limit in `unchecked`."""
    facts = Facts(
        audience=audience,
        stage=stage,
        age_months=age_months if stage is Stage.postnatal else None,
        concerns=(concern,) if concern else None,
        need=need or None,
        **place_facts(place),
    )
    verdicts = []
    for route in routes_for(service, audience):
        found = match_route(route, facts, directory)
        unchecked = _unchecked(route.eligibility, facts, directory)
        instead: list[Alternative] = []
        instead_text = None
        if not found.ok:
            verdict: Verdict = "no"
            instead, instead_text = instead_for(service, found.failed[0].criterion, directory)
        elif found.caveats or unchecked:
            verdict = "confirm"
        else:
            verdict = "yes"
        verdicts.append(
            RouteEligibility(
                route=route.kind.value,
                title=ROUTE_TITLES[route.kind],
                verdict=verdict,
                passed=found.passed,
                failed=found.failed,
                caveats=found.caveats,
                instead=instead,
                instead_text=instead_text,
                unchecked=unchecked,
            )
        )
    return EligibilityCheck(
        service_id=service.id,
        name=service.name,
        audience=audience.value if audience is not None else None,
        verdict=_overall(verdicts),
        routes=verdicts,
        place=place.message if place is not None else None,
        instead=_instead(verdicts),
        why_not=_grouped(verdicts, lambda r: [r.failed[0].message] if r.verdict == "no" else []),
        to_confirm=_grouped(
            verdicts,
            lambda r: [*r.unchecked, *r.caveats] if r.verdict == "confirm" else [],
        ),
        not_checked=[
            words
            for words, given in (("the concern", concern), ("the level of need", need))
            if not given
        ],
    )


def routes_for(service: Service, audience: Audience | None) -> list[Route]:
    """The routes the checker speaks about: those `audience` can use, never urgent help (the
    service page says how to get it) and training only for practitioners; with no audience,
    every route but training. A service that offers nothing else keeps what it has."""
    routes = [r for r in service.routes if r.kind is not RouteKind.urgent] or service.routes
    if audience is not None:
        return [r for r in routes if audience in r.eligibility.audience]
    return [r for r in routes if r.kind is not RouteKind.training] or routes


def _unchecked(rules: Eligibility, facts: Facts, directory: Directory) -> list[str]:
    found = []
    if facts.concerns is None and rules.concerns != ALL:
        labels = {c.id: c.label.lower() for c in directory.concerns}
        found.append("it is only for " + _either(labels.get(c, c) for c in rules.concerns))
    if facts.need is None and rules.need != ALL:
        levels = {n.id: n.label.lower() for n in directory.need_levels}
        found.append(
            "it is only for this level of need: " + _either(levels.get(n, n) for n in rules.need)
        )
    return found


def _either(words: Iterable[str]) -> str:
    items = list(words)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _grouped(
    routes: list[RouteEligibility], notes: Callable[[RouteEligibility], list[str]]
) -> list[RouteNote]:
    """Each distinct note of the routes, once, with the routes it is about."""
    grouped: dict[str, list[str]] = {}
    for route in routes:
        for message in notes(route):
            grouped.setdefault(message, []).append(route.route)
    return [RouteNote(message, kinds) for message, kinds in grouped.items()]


def _instead(routes: list[RouteEligibility]) -> list[Alternative]:
    seen: dict[str, Alternative] = {}
    for route in routes:
        for alternative in route.instead:
            seen.setdefault(alternative.id, alternative)
    return list(seen.values())


def _overall(routes: list[RouteEligibility]) -> Verdict:
    # Training is for practitioners: it says nothing about whether the family can be seen.
    for_family = [r for r in routes if r.route != RouteKind.training.value] or routes
    verdicts = {r.verdict for r in for_family}
    if not verdicts:
        return "no"
    if "yes" in verdicts:
        return "yes"
    return "confirm" if "confirm" in verdicts else "no"


__all__ = [
    "EligibilityCheck",
    "RouteEligibility",
    "RouteNote",
    "check_eligibility",
    "place_facts",
    "routes_for",
]
