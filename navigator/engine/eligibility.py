"""One service's eligibility for a family, route by route, from the few facts a service page
asks for: pregnancy or the baby's age, and where the family lives.

Used by the service page's checker and the API. It matches with `match_route`, so its reasons
(and their `file:line`) are the same as a journey's."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from navigator.content.directory import Directory, Service
from navigator.content.vocabulary import ROUTE_TITLES, RouteKind, Stage
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


@dataclass(frozen=True)
class EligibilityCheck:
    """The verdict for the service: yes if any route fits, else confirm if any may, else no
    (training routes count only for a service that offers nothing else)."""

    service_id: str
    name: str
    verdict: Verdict
    routes: list[RouteEligibility]
    place: str | None
    """What the postcode look-up said, in words (None if no postcode was given)."""

    instead: list[Alternative]
    """Where to go instead, gathered from the routes that said no."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def place_facts(place: Place | None, *, hints: bool = True) -> dict[str, Any]:
    """The area facts a postcode look-up gives, for `Facts`. Within 75 m of an edge the
    generalised boundary may be wrong either way, so those areas are only uncertain; so are
    areas decided by GP registration that the postcode makes likely (`hints`), unless the GP
    registration was asked."""
    if place is None:
        return {"place_asked": False}
    uncertain = set(place.near_boundary) | (set(place.hints) if hints else set())
    return {
        "place_asked": True,
        "place_known": place.known,
        "place_covered": place.covered,
        "place_message": place.message,
        "areas": frozenset(set(place.areas) - uncertain),
        "uncertain": frozenset(uncertain),
    }


def check_eligibility(
    service: Service,
    directory: Directory,
    stage: Stage,
    age_months: int | None,
    place: Place | None,
) -> EligibilityCheck:
    """Check each route of `service` against the stage, age and place (audience, concerns and
    level of need are not asked, so they are not checked)."""
    facts = Facts(
        stage=stage,
        age_months=age_months if stage is Stage.postnatal else None,
        **place_facts(place),
    )
    routes = [r for r in service.routes if r.kind is not RouteKind.urgent] or service.routes
    verdicts = []
    for route in routes:
        found = match_route(route, facts, directory)
        instead: list[Alternative] = []
        instead_text = None
        if not found.ok:
            verdict: Verdict = "no"
            instead, instead_text = instead_for(service, found.failed[0].criterion, directory)
        elif found.caveats:
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
            )
        )
    return EligibilityCheck(
        service_id=service.id,
        name=service.name,
        verdict=_overall(verdicts),
        routes=verdicts,
        place=place.message if place is not None else None,
        instead=_instead(verdicts),
    )


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
    if "yes" in verdicts:
        return "yes"
    return "confirm" if "confirm" in verdicts else "no"


__all__ = ["EligibilityCheck", "RouteEligibility", "check_eligibility", "place_facts"]
