"""`navigate(pathway, directory, answers)`: the next question, or the result."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from navigator.content.directory import Directory, Route, Service
from navigator.content.pathway import NONE_OF_THESE, RED_FLAGS, Pathway, QuestionKind, Sets
from navigator.content.vocabulary import ALL, ROUTE_TITLES, Audience, Criterion, RouteKind, Stage
from navigator.engine.eligibility import place_facts
from navigator.engine.facts import Facts, Locator
from navigator.engine.flow import SKIP, Walk, choices, red_flag_choices, walk
from navigator.engine.match import match_route
from navigator.engine.outcome import (
    AnswerValue,
    Ask,
    Card,
    NearMiss,
    Option,
    Outcome,
    Reason,
    Result,
    Section,
)
from navigator.engine.result import card, instead_for, resolve
from navigator.engine.route_index import route_index
from navigator.engine.route_parts import Matches, RouteParts
from navigator.engine.rules import Decision, decide, fitting

NEAR_MISS_CRITERIA = {
    Criterion.stage, Criterion.age, Criterion.need, Criterion.facts, Criterion.area,
}  # fmt: skip
"""Within a section, services whose remit is the parent-infant relationship come first."""
"""A route that fails one of these (and nothing else) is worth showing as a near-miss."""


def navigate(
    pathway: Pathway,
    directory: Directory,
    answers: Mapping[str, AnswerValue],
    locator: Locator | None = None,
    *,
    scan: bool = False,
) -> Outcome:
    """Ask the next question, or give the result, for these answers.

    A result tests only the routes the directory's `RouteIndex` allows for the family's facts;
    `scan=True` tests every route of every service instead: the reference the index is
    compared with (the same result, only slower)."""
    journey = walk(pathway, directory, answers)
    audience = _audience(pathway, journey.answers, answers)
    if journey.red_flags:
        return _urgent(pathway, directory, journey, audience)
    complete = True
    if journey.disposition is None and journey.ask is None and RED_FLAGS in journey.answers:
        # A branch led nowhere (the checker forbids it): end at the catch-all, never at nothing.
        journey.disposition, complete = _routine(pathway), False
    if journey.disposition is None:
        return _ask(pathway, directory, journey, audience)
    facts = _facts(pathway, directory, journey.answers, audience, locator)
    return _routine_result(pathway, directory, journey, facts, complete, scan)


def journey_facts(
    pathway: Pathway,
    directory: Directory,
    answers: Mapping[str, AnswerValue],
    locator: Locator | None = None,
) -> Facts:
    """The eligibility facts these answers give: what a result was matched on (the areas
    the postcode fell in, the stage and age, the concerns, the named facts)."""
    journey = walk(pathway, directory, answers)
    audience = _audience(pathway, journey.answers, answers)
    return _facts(pathway, directory, journey.answers, audience, locator)


def _audience(
    pathway: Pathway, kept: Mapping[str, AnswerValue], given: Mapping[str, AnswerValue]
) -> Audience:
    for q in pathway.questions:
        if q.sets is Sets.audience:
            value = kept.get(q.id, given.get(q.id))
            if value in set(Audience):
                return Audience(str(value))
    return default_audience(pathway)


def default_audience(pathway: Pathway) -> Audience:
    """Who is asking when the pathway does not ask: practitioners if it is for them."""
    return Audience.practitioner if Audience.practitioner in pathway.audiences else Audience.family


def _ask(pathway: Pathway, directory: Directory, journey: Walk, audience: Audience) -> Ask:
    family = audience is Audience.family
    question = journey.ask
    if question is None:
        options = [
            Option(c.id, (family and c.family_label) or c.label, c.hint, c.exclusive)
            for c in red_flag_choices(pathway)
        ]
        text = (family and pathway.family_red_flag_question) or pathway.red_flag_question
        return Ask(
            pathway.id, pathway.version, RED_FLAGS, "multi", text,
            "Select all that apply.", "We ask about these first because they need help now.",
            options, False, None, None, dict(journey.answers), journey.error, journey.given,
        )  # fmt: skip
    options = [
        Option(c.id, (family and c.family_label) or c.label, c.hint, c.exclusive)
        for c in choices(question, directory)
    ]
    previous = journey.path[-2] if len(journey.path) > 1 else RED_FLAGS
    low, high = question.months_range() if question.kind is QuestionKind.months else (None, None)
    return Ask(
        pathway.id,
        pathway.version,
        question.id,
        question.kind.value,
        (family and question.family_text) or question.text,
        (family and question.family_hint) or question.hint,
        question.why_we_ask,
        options,
        question.optional,
        low,
        high,
        dict(journey.answers),
        journey.error,
        journey.given,
        previous,
    )


def _facts(
    pathway: Pathway,
    directory: Directory,
    answers: Mapping[str, AnswerValue],
    audience: Audience,
    locator: Locator | None,
) -> Facts:
    values: dict[str, object] = {"audience": audience}
    areas: set[str] = set()
    uncertain: set[str] = set()
    notes: list[str] = []
    named: set[tuple[str, bool]] = set()
    for question in pathway.questions:
        value = answers.get(question.id)
        if question.sets is None or value is None:
            continue
        if question.sets is Sets.stage and value in set(Stage):
            values["stage"] = Stage(str(value))
        elif question.sets is Sets.age_months and isinstance(value, int):
            values["age_months"] = value
        elif question.sets is Sets.concerns:
            values["concerns"] = tuple(value) if isinstance(value, list) else ()
        elif question.sets is Sets.need and value != SKIP:
            values["need"] = str(value)
        elif question.sets is Sets.facts and isinstance(value, list):
            chosen = set(value)
            named.update(
                (c.id, c.id in chosen)
                for c in choices(question, directory)
                if c.id != NONE_OF_THESE and not c.exclusive
            )
        elif question.sets is Sets.gp_area and question.area:
            if value == "yes":
                areas.add(question.area)
            elif value != "no":
                uncertain.add(question.area)
        elif question.sets is Sets.postcode:
            values["place_asked"] = True
            if value == SKIP or locator is None:
                values["place_message"] = "The postcode was not given."
                continue
            place = locator.locate(str(value))
            found = place_facts(place, hints=not _asked_gp(pathway, answers))
            areas.update(found.pop("areas"))
            uncertain.update(found.pop("uncertain"))
            values.update(found)
            notes.append(place.message)
    if values.get("stage") is Stage.pregnancy:
        values.pop("age_months", None)
    return Facts(
        areas=frozenset(areas - uncertain),
        uncertain=frozenset(uncertain),
        notes=tuple(notes),
        named=frozenset(named),
        **values,  # type: ignore[arg-type]
    )


def _asked_gp(pathway: Pathway, answers: Mapping[str, AnswerValue]) -> bool:
    return any(q.sets is Sets.gp_area and q.id in answers for q in pathway.questions)


def _routine(pathway: Pathway) -> str:
    routine = [d for d in pathway.dispositions if not d.urgent]
    return max(routine, key=lambda d: d.priority).id if routine else pathway.dispositions[-1].id


def _urgent(pathway: Pathway, directory: Directory, journey: Walk, audience: Audience) -> Result:
    flags = [f for f in pathway.red_flags if f.id in journey.red_flags]
    dispositions = sorted(
        {d.id: d for f in flags if (d := pathway.disposition(f.disposition))}.values(),
        key=lambda d: d.priority,
    )
    # No disposition of these red flags exists (the checker forbids it): lead with the most
    # urgent one, and show every urgent route below, because a result is never empty.
    lead = (
        dispositions[0]
        if dispositions
        else min(pathway.dispositions, key=lambda d: (not d.urgent, d.priority))
    )
    cards = []
    seen: set[str] = set()
    for disposition in dispositions:
        for ref in disposition.services:
            found = resolve(ref, directory)
            if found is None or str(ref) in seen:
                continue
            service, route = found
            seen.add(str(ref))
            why = [
                Reason("red_flag", True, f"red flag: {f.label}", f.at.short)
                for f in flags
                if f.disposition == disposition.id
            ]
            cards.append(card(service, route, directory, why, []))
    sections = [Section(RouteKind.urgent.value, ROUTE_TITLES[RouteKind.urgent], cards)]
    if not cards:
        # Its urgent services have ended or gone (the checker forbids it): never show nothing.
        sections = _fallback(pathway, directory, urgent=True)
    family = audience is Audience.family
    return Result(
        pathway_id=pathway.id,
        pathway_version=pathway.version,
        directory_version=directory.version,
        disposition=lead.id,
        urgent=True,
        title=(family and lead.family_title) or lead.title,
        advice=(family and lead.family_advice) or lead.advice,
        while_you_wait=lead.while_you_wait,
        red_flags=[f.id for f in flags],
        rule=None,
        consult_first=False,
        sections=sections,
        ask_about=[],
        near_misses=[],
        notes=[],
        answers=dict(journey.answers),
        fallback=not cards,
    )


def _routes(
    directory: Directory, facts: Facts, decision: Decision, scan: bool
) -> Iterator[tuple[int, Service, Route]]:
    """The routine routes that may show, in the directory's order: the index's candidates, or
    (`scan`) every routine route of every active service."""
    if not scan:
        index = route_index(directory)
        yield from index.each(index.candidates(facts, decision.ask_about))
        return
    for position, service in enumerate(directory.services):
        if service.active:
            for route in service.routes:
                if route.kind is not RouteKind.urgent:
                    yield position, service, route


def _routine_result(
    pathway: Pathway,
    directory: Directory,
    journey: Walk,
    facts: Facts,
    complete: bool,
    scan: bool = False,
) -> Result:
    disposition = pathway.disposition(journey.disposition or "") or pathway.disposition(
        _routine(pathway)
    )
    assert disposition is not None
    family = facts.audience is Audience.family
    decision = decide(pathway, journey.answers, facts, fitting(directory, facts))
    catch_alls = {ref.service for ref in pathway.fallback}
    rings = directory.ring_order()
    by_kind: dict[RouteKind, list[tuple[tuple[int, ...], Card]]] = {k: [] for k in RouteKind}
    ask_about: list[tuple[tuple[int, ...], Card]] = []
    near: list[NearMiss] = []
    # The index's parts build the same cards and near-misses, their answer-free parts made once
    # per content version; the full scan (the reference) builds each from scratch.
    parts = None if scan else route_index(directory).parts
    matches = Matches(facts, directory)
    for position, service, route in _routes(directory, facts, decision, scan):
        offered = route.kind in decision.offer
        mention = route.family_can_ask or not family
        asked = route.kind in decision.ask_about and not offered and mention
        skip = _AUDIENCE if asked else _NOTHING
        found = (
            match_route(route, facts, directory, skip=skip)
            if parts is None
            else parts.match(route, matches, skip)
        )
        if found.ok and (offered or asked):
            made = (
                card(service, route, directory, found.passed, found.caveats)
                if parts is None
                else parts.card(service, route, directory, found.passed, found.caveats)
            )
            ranked = (*_fit(route, made, service.id in catch_alls, rings), position)
            (by_kind[route.kind] if offered else ask_about).append((ranked, made))
        elif found.ok and decision.rule is not None and mention:
            why = _not_offered(decision, directory, route.kind)
            reason = Reason("rule", False, why, decision.rule.at.short)
            near.append(_near(service, route.kind, reason, directory, family, parts))
        elif len(found.failed) == 1 and _near_worthy(found.failed[0], route.eligibility.concerns):
            near.append(_near(service, route.kind, found.failed[0], directory, family, parts))
    sections = [
        Section(kind.value, ROUTE_TITLES[kind], _ranked(by_kind[kind]))
        for kind in decision.order
        if by_kind[kind]
    ]
    fallback = not sections and not ask_about
    if fallback:
        sections = _fallback(pathway, directory)
    return Result(
        pathway_id=pathway.id,
        pathway_version=pathway.version,
        directory_version=directory.version,
        disposition=disposition.id,
        urgent=disposition.urgent,
        title=(family and disposition.family_title) or disposition.title,
        advice=decision.advice(family, disposition.advice),
        while_you_wait=disposition.while_you_wait,
        red_flags=[],
        rule=decision.rule.id if decision.rule else None,
        consult_first=decision.consult_first is not None,
        sections=sections,
        ask_about=_ranked(ask_about),
        near_misses=near,
        notes=list(facts.notes),
        answers=dict(journey.answers),
        fallback=fallback,
        complete=complete,
        rules=[r.id for r in decision.applying],
        consult=str(decision.consult_first) if decision.consult_first else None,
    )  # fmt: skip


_CONCERNS, _AREA = Criterion.concerns.value, Criterion.area.value
_AUDIENCE, _NOTHING = frozenset({Criterion.audience}), frozenset[Criterion]()


def _fit(route: Route, card: Card, catch_all: bool, rings: dict[str, int]) -> tuple[int, ...]:
    """How closely a card fits, best first: not a catch-all; it names the concern; it is
    limited to the family's area; then the order of the directory's declared rings (the
    shipped content puts the parent-infant ring first). Never A to Z: ties keep the
    directory's own order."""
    specific = route.eligibility.concerns != ALL and any(r.criterion == _CONCERNS for r in card.why)
    local = route.eligibility.areas != ALL and any(
        r.criterion == _AREA and r.passed for r in card.why
    )
    return (int(catch_all), int(not specific), int(not local), rings.get(card.ring, len(rings)))


def _ranked(cards: list[tuple[tuple[int, ...], Card]]) -> list[Card]:
    return [card for _, card in sorted(cards, key=lambda pair: pair[0])]


def _not_offered(decision: Decision, directory: Directory, kind: RouteKind) -> str:
    words = kind.value.replace("_", "-")
    ref = decision.consult_first
    if ref is not None:
        consulted = directory.service(ref.service)
        name = consulted.name if consulted else ref.service
        return f"consult {name} first: a {words} can follow if the consultation suggests it"
    return f"a {words} is not suggested for these answers (see the advice above)"


def _near_worthy(failed: Reason, concerns: object) -> bool:
    if failed.criterion not in NEAR_MISS_CRITERIA:
        return False
    return concerns != ALL or failed.criterion == Criterion.area.value


def _near(
    service: Service,
    kind: RouteKind,
    failed: Reason,
    directory: Directory,
    family: bool,
    parts: RouteParts | None = None,
) -> NearMiss:
    alternatives, text = (
        instead_for(service, failed.criterion, directory, family=family)
        if parts is None
        else parts.instead(service, failed.criterion, directory, family)
    )
    return NearMiss(service.id, service.name, kind.value, failed, alternatives, text)


def _fallback(pathway: Pathway, directory: Directory, *, urgent: bool = False) -> list[Section]:
    """The pathway's catch-all routes, or for an urgent result every urgent route; should those
    be missing too (the checker forbids it), the other, because a result is never empty."""
    why = Reason(
        "fallback",
        True,
        "shown because no other service matched these answers: it can help with any concern "
        "and knows what else is available",
        pathway.field_at("fallback").short,
    )
    by_urgency = sorted(pathway.dispositions, key=lambda d: d.priority)
    every_urgent = [ref for d in by_urgency for ref in d.services]
    choices = [every_urgent, pathway.fallback] if urgent else [pathway.fallback, every_urgent]
    refs = next((c for c in choices if any(resolve(r, directory) for r in c)), [])
    by_kind: dict[RouteKind, list[Card]] = {}
    for ref in refs:
        found = resolve(ref, directory)
        if found:
            service, route = found
            by_kind.setdefault(route.kind, []).append(card(service, route, directory, [why], []))
    return [
        Section(kind.value, ROUTE_TITLES[kind], cards)
        for kind, cards in sorted(by_kind.items(), key=lambda item: item[0].rank)
    ]
