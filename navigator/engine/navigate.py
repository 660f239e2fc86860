"""`navigate(pathway, directory, answers)`: the next question, or the result."""

from __future__ import annotations

from collections.abc import Mapping

from navigator.content.directory import Directory, Service
from navigator.content.pathway import RED_FLAGS, Pathway, QuestionKind, Rule, Sets
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
from navigator.engine.result import card, instead_for, resolve, rule_for

NEAR_MISS_CRITERIA = {Criterion.stage, Criterion.age, Criterion.need, Criterion.area}
"""A route that fails one of these (and nothing else) is worth showing as a near-miss."""


def navigate(
    pathway: Pathway,
    directory: Directory,
    answers: Mapping[str, AnswerValue],
    locator: Locator | None = None,
) -> Outcome:
    """Ask the next question, or give the result, for these answers."""
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
    facts = _facts(pathway, journey.answers, audience, locator)
    return _routine_result(pathway, directory, journey, facts, complete)


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
    answers: Mapping[str, AnswerValue],
    audience: Audience,
    locator: Locator | None,
) -> Facts:
    values: dict[str, object] = {"audience": audience}
    areas: set[str] = set()
    uncertain: set[str] = set()
    notes: list[str] = []
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


def _routine_result(
    pathway: Pathway, directory: Directory, journey: Walk, facts: Facts, complete: bool
) -> Result:
    disposition = pathway.disposition(journey.disposition or "") or pathway.disposition(
        _routine(pathway)
    )
    assert disposition is not None
    family = facts.audience is Audience.family
    rule = rule_for(pathway, journey.answers, facts)
    offer = set(rule.offer) if rule else {k for k in RouteKind if k is not RouteKind.urgent}
    ask_kinds = set(rule.ask_about) if rule else set()
    by_kind: dict[RouteKind, list[Card]] = {k: [] for k in RouteKind}
    ask_about: list[Card] = []
    near: list[NearMiss] = []
    for service in directory.services:
        if not service.active:
            continue
        for route in service.routes:
            if route.kind is RouteKind.urgent:
                continue
            asked = route.kind in ask_kinds and route.kind not in offer
            skip = frozenset({Criterion.audience}) if asked else frozenset()
            found = match_route(route, facts, directory, skip=skip)
            if found.ok and route.kind in offer:
                by_kind[route.kind].append(
                    card(service, route, directory, found.passed, found.caveats)
                )
            elif found.ok and asked:
                ask_about.append(card(service, route, directory, found.passed, found.caveats))
            elif found.ok and rule is not None:
                near.append(
                    _near(
                        service,
                        route.kind,
                        Reason("rule", False, _not_offered(rule, route.kind), rule.at.short),
                        directory,
                    )
                )
            elif len(found.failed) == 1 and _near_worthy(
                found.failed[0], route.eligibility.concerns
            ):
                near.append(_near(service, route.kind, found.failed[0], directory))
    sections = [
        Section(kind.value, ROUTE_TITLES[kind], sorted(cards, key=_order))
        for kind, cards in by_kind.items()
        if cards
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
        advice=_advice(rule, disposition.advice, family),
        while_you_wait=disposition.while_you_wait,
        red_flags=[],
        rule=rule.id if rule else None,
        consult_first=bool(rule and rule.consult_first),
        sections=sections,
        ask_about=sorted(ask_about, key=_order),
        near_misses=near,
        notes=list(facts.notes),
        answers=dict(journey.answers),
        fallback=fallback,
        complete=complete,
    )  # fmt: skip


def _not_offered(rule: Rule, kind: RouteKind) -> str:
    words = kind.value.replace("_", "-")
    if rule.consult_first:
        return f"consult first: a {words} can follow if the consultation suggests it"
    return f"a {words} is not suggested for these answers (see the advice above)"


def _advice(rule: Rule | None, otherwise: str, family: bool) -> str:
    if rule is None:
        return otherwise
    return (family and rule.family_advice) or rule.advice


def _near_worthy(failed: Reason, concerns: object) -> bool:
    if failed.criterion not in NEAR_MISS_CRITERIA:
        return False
    return concerns != ALL or failed.criterion == Criterion.area.value


def _near(service: Service, kind: RouteKind, failed: Reason, directory: Directory) -> NearMiss:
    alternatives, text = instead_for(service, failed.criterion, directory)
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


def _order(card: Card) -> tuple[int, str]:
    specific = any(r.criterion == "concerns" and "remit covers" in r.message for r in card.why)
    return (0 if specific else 1, card.name)
