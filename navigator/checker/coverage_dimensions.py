"""The dimensions of the coverage map: who is asking, stage and age, concern, level of need,
named facts and place, each with its values, the facts each value gives the engine's matching,
the answers that give them (for the pathway's rules), and the eligibility criteria it decides.

One builder per dimension (`BUILDERS`). A new eligibility criterion needs one more builder,
with its name in `DIMENSIONS`, whose values give that criterion's facts and the answers that set
them (as `_named_facts` does for `facts`); `tests/checker/test_coverage_map.py` fails until some
dimension decides every criterion.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise, product
from typing import Any

from navigator.content.condition import Condition
from navigator.content.directory import Directory, Route, Service
from navigator.content.pathway import NONE_OF_THESE, Pathway, Question, Sets
from navigator.content.vocabulary import Audience, Criterion, Stage
from navigator.engine.flow import SKIP, choices
from navigator.engine.navigate import default_audience
from navigator.engine.outcome import AnswerValue

EXAMPLE_POSTCODE = "BD1 1AA"
"""The answer a place gives to a postcode question (rules may test that it was answered)."""
DIMENSIONS = ("audience", "period", "concern", "need", "facts", "place")
"""The dimensions of every map, in the order of `BUILDERS` and of a cell's values."""

Routes = list[tuple[Service, Route]]
"""The routes a map matches: each active service's routes but urgent ones."""


@dataclass(frozen=True)
class Value:
    """One value of one dimension: its id and words, the facts it gives the matching and the
    answers that give them (for the pathway's rules)."""

    id: str
    label: str
    facts: Mapping[str, Any]
    answers: Mapping[str, AnswerValue] = field(default_factory=dict)
    span: tuple[int, int] | None = None
    """For an age band: its first and last month."""
    home: tuple[str, str] | None = None
    """For a place: the id and words of where the family lives, whatever their GP."""
    registered: tuple[tuple[str, bool], ...] = ()
    """For a place: each area decided by GP registration, and whether the family's GP is in it."""


@dataclass(frozen=True)
class Dimension:
    """One axis of the map and the eligibility criteria its values decide."""

    name: str
    criteria: frozenset[Criterion]
    values: tuple[Value, ...]


def _audiences(pathway: Pathway, _: Directory, __: Routes) -> Dimension:
    question = _setting(pathway, Sets.audience)
    audiences = list(pathway.audiences) if question else [default_audience(pathway)]
    values = tuple(
        Value(
            a.value,
            PLURALS[a],
            {"audience": a},
            {question.id: a.value} if question else {},
        )
        for a in audiences
    )
    return Dimension("audience", frozenset({Criterion.audience}), values)


def _periods(pathway: Pathway, _: Directory, routes: Routes) -> Dimension:
    """Pregnancy, then the age bands cut by every route's and rule's age boundaries."""
    criteria = frozenset({Criterion.stage, Criterion.age})
    stage = _setting(pathway, Sets.stage)
    if stage is None:
        return Dimension("period", criteria, (Value("any", "at any stage", {}),))
    asked = {stage.id: Stage.pregnancy.value}
    values = [Value("pregnancy", "in pregnancy", {"stage": Stage.pregnancy}, asked)]
    born = {stage.id: Stage.postnatal.value}
    age = _setting(pathway, Sets.age_months)
    if age is None:
        values.append(Value("postnatal", "after the birth", {"stage": Stage.postnatal}, born))
        return Dimension("period", criteria, tuple(values))
    low, high = age.months_range()
    edges = {low, high + 1}
    for _service, route in routes:
        interval = route.eligibility.age_months
        if interval is not None:
            edges.update(b for b in (interval.start, interval.end) if b is not None)
    for rule in pathway.rules:
        if rule.when is not None:
            edges.update(_bounds(rule.when))
    points = sorted(b for b in edges if low <= b <= high + 1)
    for start, end in pairwise(points):
        last = end - 1
        band = f"{start}–{last}" if last > start else f"{start}"
        values.append(
            Value(
                f"{start}-{last}",
                f"{band} months",
                {"stage": Stage.postnatal, "age_months": start},
                {**born, age.id: start},
                (start, last),
            )
        )
    return Dimension("period", criteria, tuple(values))


def _concerns(pathway: Pathway, directory: Directory, _: Routes) -> Dimension:
    criteria = frozenset({Criterion.concerns})
    question = _setting(pathway, Sets.concerns)
    if question is None:
        return Dimension("concern", criteria, (Value("any", "any concern", {}),))
    values = [
        Value(c.id, c.label, {"concerns": (c.id,)}, {question.id: [c.id]})
        for c in directory.concerns
    ]
    # As COV-001: a choice of the question's own ("something else") or skipping it means no
    # listed concern.
    if question.choices:
        choice = question.choices[0]
        values.append(Value(choice.id, choice.label, {"concerns": ()}, {question.id: [choice.id]}))
    elif question.optional:
        values.append(Value(SKIP, "not known", {"concerns": ()}, {question.id: SKIP}))
    return Dimension("concern", criteria, tuple(values))


def _needs(pathway: Pathway, directory: Directory, _: Routes) -> Dimension:
    criteria = frozenset({Criterion.need})
    question = _setting(pathway, Sets.need)
    if question is None:
        return Dimension("need", criteria, (Value("any", "any level of need", {}),))
    values = [
        Value(n.id, n.label, {"need": n.id}, {question.id: n.id}) for n in directory.need_levels
    ]
    if question.optional:
        values.append(Value(SKIP, "not known", {}, {question.id: SKIP}))
    return Dimension("need", criteria, tuple(values))


def _named_facts(pathway: Pathway, directory: Directory, _: Routes) -> Dimension:
    """None of the named facts the pathway asks about, then each one alone (the others not),
    and 'not known' when a question that sets them may be skipped. Two or more together are
    not mapped: a route that needs both is mapped as needing neither alone."""
    criteria = frozenset({Criterion.facts})
    questions = [q for q in pathway.questions if q.sets is Sets.facts]
    if not questions:
        return Dimension("facts", criteria, (Value("any", "any named facts", {}),))
    asked = {
        q.id: [c for c in choices(q, directory) if c.id != NONE_OF_THESE and not c.exclusive]
        for q in questions
    }
    every = [c for found in asked.values() for c in found]
    nothing: dict[str, AnswerValue] = {}
    for question in questions:
        exclusive = [c.id for c in choices(question, directory) if c.exclusive]
        nothing[question.id] = exclusive[:1]
    none = frozenset((c.id, False) for c in every)
    values = [Value("none", "No named fact holds", {"named": none}, nothing)]
    for question in questions:
        for choice in asked[question.id]:
            named = (none - {(choice.id, False)}) | {(choice.id, True)}
            answers = {**nothing, question.id: [choice.id]}
            fact = directory.fact(choice.id)
            label = fact.label if fact else choice.label
            values.append(Value(choice.id, label, {"named": named}, answers))
    if any(q.optional for q in questions):
        skipped: dict[str, AnswerValue] = {q.id: SKIP for q in questions}
        values.append(Value(SKIP, "The named facts are not known", {}, skipped))
    return Dimension("facts", criteria, tuple(values))


def _places(pathway: Pathway, directory: Directory, _: Routes) -> Dimension:
    """Each area decided by postcode (with the areas that contain it), and outside every
    named area; each also with and without each area decided by GP registration, when the
    pathway asks it (the same areas reached twice are one place)."""
    criteria = frozenset({Criterion.area})
    postcode = _setting(pathway, Sets.postcode)
    if postcode is None:
        return Dimension("place", criteria, (Value("any", "anywhere", {}),))
    by_gp = [
        q for q in pathway.questions if q.sets is Sets.gp_area and q.area and directory.area(q.area)
    ]
    asked = {q.area for q in by_gp}
    homes: list[tuple[str, str, set[str]]] = [("outside", "outside every named area", set())]
    for area in directory.areas:
        if area.id in asked:
            continue
        inner = [a.name for a in directory.areas if a.within == area.id and a.id not in asked]
        words = f"in {area.name}" + (f" but not {join(inner)}" if inner else "")
        homes.append((area.id, words, set(directory.ancestors(area.id))))
    values: list[Value] = []
    seen: set[frozenset[str]] = set()
    for home_id, home_words, areas in homes:
        for registered in product((False, True), repeat=len(by_gp)):
            ids, words = home_id, home_words
            reached = set(areas)
            answers: dict[str, AnswerValue] = {postcode.id: EXAMPLE_POSTCODE}
            for question, yes in zip(by_gp, registered, strict=True):
                assert question.area is not None
                answers[question.id] = "yes" if yes else "no"
                name = directory.area_name(question.area)
                words += f" with a GP in {name}" if yes else f" with a GP outside {name}"
                if yes:
                    reached |= set(directory.ancestors(question.area))
                    ids += f"+{question.area}"
            if frozenset(reached) in seen:
                continue
            seen.add(frozenset(reached))
            facts = {"areas": frozenset(reached), "place_asked": True, "place_known": True}
            gp = tuple((q.area or "", yes) for q, yes in zip(by_gp, registered, strict=True))
            values.append(
                Value(ids, words, facts, answers, home=(home_id, home_words), registered=gp)
            )
    return Dimension("place", criteria, tuple(values))


BUILDERS: tuple[Callable[[Pathway, Directory, Routes], Dimension], ...] = (
    _audiences,
    _periods,
    _concerns,
    _needs,
    _named_facts,
    _places,
)
"""One builder per dimension, in the order of `DIMENSIONS`. Between them they decide every
criterion of `Criterion` (a test keeps it so)."""


def dimensions(pathway: Pathway, directory: Directory, routes: Routes) -> list[Dimension]:
    """The dimensions of the pathway's map, in the order of `DIMENSIONS`."""
    return [build(pathway, directory, routes) for build in BUILDERS]


def _setting(pathway: Pathway, sets: Sets) -> Question | None:
    """The first question whose answer gives the fact `sets`."""
    return next((q for q in pathway.questions if q.sets is sets), None)


def _bounds(condition: Condition) -> set[int]:
    found: set[int] = set()
    if condition.age_months is not None:
        interval = condition.age_months
        found.update(b for b in (interval.start, interval.end) if b is not None)
    for child in condition.children():
        found |= _bounds(child)
    return found


PLURALS = {Audience.practitioner: "practitioners", Audience.family: "families"}


def join(words: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
