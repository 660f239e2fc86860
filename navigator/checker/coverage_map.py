"""The map of remits, gaps and overlaps (`navigator coverage`, COV-002): every combination of
who is asking, stage and age, concern, level of need and place (a *cell*), with the routes
that fit it, the rule that applies and the routes the result would show.

- A **catch-all** is a route that takes every concern (`concerns: all`), or a route the
  pathway names in its `fallback`: the GP, health visiting, Family Hubs, midwifery, the
  Integrated Front Door. It is there for anyone, so it is not coverage of a particular worry.
- A **gap** is a cell with a concern named where no service but catch-alls would work with
  the family (a consultation, referral or self-referral): its result shows catch-alls, with
  perhaps some signposting or training, or (when nothing fits) the fallback.
- An **overlap** is a cell whose result would show more than `max_referrals` referral routes
  of services that are not catch-alls; the pathway's `overlaps` can agree one.

Matching is the engine's own (`match_route`; `decide` for how the rules combine). The cells
are the product of a list of `Dimension`s, each testing its own eligibility criteria: each route
is matched once per value of each dimension, and a cell's routes are the bitwise AND of its
values' routes. A new eligibility criterion needs one more builder in `BUILDERS`, with its name
in `DIMENSIONS`, whose values give that criterion's facts and the answers that set them (as
`_named_facts` does for `facts`); `tests/checker/test_coverage_map.py` fails until some
dimension decides every criterion.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise, product
from typing import Any, Literal

from navigator.checker.blocks import merge
from navigator.content.condition import Condition, Fits, ServiceRef
from navigator.content.directory import Directory, Route, Service
from navigator.content.pathway import (
    NONE_OF_THESE,
    RED_FLAGS,
    Overlap,
    Pathway,
    Question,
    Rule,
    Sets,
)
from navigator.content.vocabulary import ALL, Audience, Criterion, RouteKind, Stage
from navigator.engine.facts import Facts
from navigator.engine.flow import SKIP, choices
from navigator.engine.match import match_route
from navigator.engine.navigate import default_audience
from navigator.engine.outcome import AnswerValue
from navigator.engine.rules import Decision, decide, fitting

DEFAULT_MAX_REFERRALS = 3
ROUTINE: tuple[RouteKind, ...] = tuple(k for k in RouteKind if k is not RouteKind.urgent)
"""The kinds of route a routine result can show, in the order of its sections."""
EXAMPLE_POSTCODE = "BD1 1AA"
"""The answer a place gives to a postcode question (rules may test that it was answered)."""

DIMENSIONS = ("audience", "period", "concern", "need", "facts", "place")
"""The dimensions of every map, in the order of `BUILDERS` and of a cell's values."""
WHERE = ("audience", "period", "facts", "place")
"""The dimensions a gap's cells vary along, for one concern and level of need."""
Status = Literal["specific", "catch_all", "fallback"]
"""specific: a service that is not a catch-all would work with the family on this cell;
catch_all: only catch-alls would (a gap when a concern is named); fallback: nothing fits, so
the result would show the pathway's fallback (COV-001)."""
DIRECT = frozenset({RouteKind.consultation, RouteKind.referral, RouteKind.self_referral})
"""The kinds of route by which a service works with a family or its practitioner. Signposting
(information, an app) and training fit many cells but are not help with a need by themselves."""


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


@dataclass(frozen=True)
class Cell:
    """One combination: a value of each dimension, what fits it and what a result would show."""

    values: tuple[Value, ...]
    index: tuple[int, ...]
    rule: Rule | None
    fits: int
    """The routes (bits of `CoverageMap.routes`) whose every criterion passes."""
    shown: int
    """The routes the result shows: of the kinds the rule offers, or asks about."""
    status: Status

    def value(self, dimension: str) -> Value:
        return self.values[DIMENSIONS.index(dimension)]


@dataclass(frozen=True)
class OverlapGroup:
    """The cells where the same referral services overlap, and the agreement, if any."""

    services: tuple[str, ...]
    cells: tuple[Cell, ...]
    agreement: Overlap | None


class CoverageMap:
    """The cells of one pathway against the directory."""

    def __init__(
        self,
        pathway: Pathway,
        directory: Directory,
        max_referrals: int = DEFAULT_MAX_REFERRALS,
    ) -> None:
        self.pathway = pathway
        self.directory = directory
        self.max_referrals = max_referrals
        self.routes: list[tuple[Service, Route]] = [
            (s, r)
            for s in directory.services
            if s.active
            for r in s.routes
            if r.kind is not RouteKind.urgent
        ]
        self.dimensions = [build(pathway, directory, self.routes) for build in BUILDERS]
        fallback = {(ref.service, ref.route) for ref in pathway.fallback}
        self.catch_all = self._bits(
            lambda s, r: r.eligibility.concerns == ALL or (s.id, r.kind) in fallback
        )
        self.referral = self._bits(lambda _, r: r.kind is RouteKind.referral)
        self.direct = self._bits(lambda _, r: r.kind in DIRECT)
        self._kinds = {k: self._bits(_of_kind(k)) for k in RouteKind}
        self.family_can_ask = self._bits(lambda _, r: r.family_can_ask)
        self._masks = [[self._mask(d, v) for v in d.values] for d in self.dimensions]
        self._cells: list[Cell] | None = None
        self._index = {(s.id, r.kind): i for i, (s, r) in enumerate(self.routes)}
        refs = [ref for rule in pathway.rules for ref in _refs(rule)]
        self._mentioned = sum(
            1 << i for key, i in self._index.items() if key in {(r.service, r.route) for r in refs}
        )
        self._read = sorted(
            {q for rule in pathway.rules if rule.when for q in rule.when.questions()}
        )
        self._decisions: dict[tuple[object, ...], Decision] = {}
        self._place_phrases: list[tuple[str, set[str]]] | None = None

    # ---------------------------------------------------------------- cells

    def cells(self) -> list[Cell]:
        """Every cell, in the order of the dimensions' values."""
        if self._cells is None:
            self._cells = list(self._each())
        return self._cells

    def _each(self) -> Iterator[Cell]:
        audience = DIMENSIONS.index("audience")
        ranges = [range(len(d.values)) for d in self.dimensions]
        for index in product(*ranges):
            values = tuple(d.values[i] for d, i in zip(self.dimensions, index, strict=True))
            rest = -1
            for number, i in enumerate(index):
                if number != audience:
                    rest &= self._masks[number][i]
            fits = rest & self._masks[audience][index[audience]]
            facts = Facts(**{k: v for value in values for k, v in value.facts.items()})
            decision = self._decision(values, facts, fits)
            # As the engine does: a kind the rules only ask about is matched without the
            # audience, and a family is not told to ask about a route a practitioner decides on.
            asked = rest & self._union(set(decision.ask_about))
            if facts.audience is Audience.family:
                asked &= self.family_can_ask
            shown = (fits & self._union(set(decision.offer))) | asked
            status: Status = (
                "fallback"
                if not shown
                else "specific"
                if shown & self.direct & ~self.catch_all
                else "catch_all"
            )
            yield Cell(values, index, decision.rule, fits, shown, status)

    def _decision(self, values: tuple[Value, ...], facts: Facts, fits: int) -> Decision:
        """The engine's decision (`decide`) for the answers that give these values, with the
        routes that fit the cell as its `fits` test; remembered by what the rules read."""
        answers: dict[str, AnswerValue] = {RED_FLAGS: [NONE_OF_THESE]}
        for value in values:
            answers.update(value.answers)
        key = (
            tuple(str(answers.get(q)) for q in self._read),
            facts.age_months,
            fits & self._mentioned,
        )
        if key not in self._decisions:
            self._decisions[key] = decide(self.pathway, answers, facts, self._fits(facts, fits))
        return self._decisions[key]

    def _fits(self, facts: Facts, fits: int) -> Fits:
        """Whether a route fits: a bit of `fits`, or the engine's own test for a route the map
        leaves out (an urgent one)."""
        engine = fitting(self.directory, facts)

        def test(ref: ServiceRef) -> bool:
            bit = self._index.get((ref.service, ref.route))
            return bool(fits >> bit & 1) if bit is not None else engine(ref)

        return test

    def _mask(self, dimension: Dimension, value: Value) -> int:
        skip = frozenset(set(Criterion) - dimension.criteria)
        facts = Facts(**value.facts)
        return self._bits(lambda _, r: match_route(r, facts, self.directory, skip=skip).ok)

    def _bits(self, test: Callable[[Service, Route], bool]) -> int:
        return sum(1 << i for i, (s, r) in enumerate(self.routes) if test(s, r))

    def _union(self, kinds: set[RouteKind]) -> int:
        mask = 0
        for kind in kinds:
            mask |= self._kinds[kind]
        return mask

    # ---------------------------------------------------------------- reading a cell

    def services(self, mask: int, kind: RouteKind | None = None) -> list[str]:
        """The service ids of the routes in `mask` (of one kind), in directory order."""
        if kind is not None:
            mask &= self._kinds[kind]
        ids = [s.id for i, (s, _) in enumerate(self.routes) if mask >> i & 1]
        return list(dict.fromkeys(ids))

    def by_kind(self, mask: int) -> dict[str, list[str]]:
        """Every route kind a routine result has, with the services of `mask` of that kind."""
        return {k.value: self.services(mask, k) for k in ROUTINE}

    def refs(self, mask: int) -> list[str]:
        """`service/route` for each route in `mask`."""
        return [f"{s.id}/{r.kind.value}" for i, (s, r) in enumerate(self.routes) if mask >> i & 1]

    def options(self, cell: Cell) -> list[str]:
        """The referral routes the cell's result shows, but catch-alls: its referral options."""
        return self.services(cell.shown & self.referral & ~self.catch_all)

    # ---------------------------------------------------------------- gaps and overlaps

    def gaps(self) -> list[Cell]:
        """Cells with a concern named where only catch-alls would work with the family."""
        concern = DIMENSIONS.index("concern")
        named = {c.id for c in self.directory.concerns}
        return [c for c in self.cells() if c.status != "specific" and c.values[concern].id in named]

    def overlaps(self) -> list[OverlapGroup]:
        """Cells with more than `max_referrals` referral options, grouped by the services and
        by the agreement that explains them (unexplained ones first)."""
        groups: dict[tuple[tuple[str, ...], int], list[Cell]] = {}
        for cell in self.cells():
            options = self.options(cell)
            if len(options) > self.max_referrals:
                agreed = self.agreement(cell, options)
                groups.setdefault((tuple(options), agreed), []).append(cell)
        ordered = sorted(groups.items(), key=lambda item: (item[0][1] >= 0, -len(item[1])))
        return [
            OverlapGroup(
                services, tuple(cells), self.pathway.overlaps[agreed] if agreed >= 0 else None
            )
            for (services, agreed), cells in ordered
        ]

    def agreement(self, cell: Cell, options: Sequence[str]) -> int:
        """The index of the first `overlaps` entry that explains the cell, or -1. An entry
        explains it when it is for the cell's concern (or all) and names every one of the
        cell's referral services: a service that joins later makes the overlap new again."""
        concern = cell.value("concern").id
        for number, entry in enumerate(self.pathway.overlaps):
            if entry.concerns != ALL and concern not in entry.concerns:
                continue
            if set(options) <= set(entry.services):
                return number
        return -1

    # ---------------------------------------------------------------- words

    def where(self, cells: Sequence[Cell], dimensions: Sequence[str]) -> list[str]:
        """The cells in as few phrases as they merge into along `dimensions` (the others must
        be the same in every cell): 'after the birth at 24–36 months, in Bradford district'."""
        axes = [DIMENSIONS.index(d) for d in dimensions]
        picked = [tuple(c.index[a] for a in axes) for c in cells]
        blocks = merge([(p, "") for p in picked], list(range(len(axes))))
        phrases = []
        for block in blocks:
            words = []
            for axis, chosen in zip(axes, block.sets, strict=True):
                dimension = self.dimensions[axis]
                words.append(self._words(dimension, [dimension.values[i] for i in sorted(chosen)]))
            phrases.append(", ".join(w for w in words if w) or "everywhere")
        return phrases

    def _words(self, dimension: Dimension, picked: list[Value]) -> str:
        """The values of one dimension in a phrase; '' when it says nothing (every value of the
        audience or of the named facts, or a dimension of one value)."""
        if len(dimension.values) == 1 or (
            dimension.name in ("audience", "facts") and len(picked) == len(dimension.values)
        ):
            return ""
        if len(picked) == len(dimension.values):
            return ANY[dimension.name]
        if dimension.name == "period":
            return _period(picked)
        if dimension.name == "place":
            return _join(self._areas(dimension, picked))
        words = dimension.name in ("audience", "facts")
        labels = [v.label if words else f"'{v.id}'" for v in picked]
        return PREFIX[dimension.name] + _join(labels)

    def _areas(self, dimension: Dimension, picked: list[Value]) -> list[str]:
        """Places in as few phrases as they go: the largest of 'in an area', 'with a GP in
        (or outside) an area', both, or a home whatever the GP that holds only places
        picked, again and again; the places left one by one."""
        chosen = {v.id for v in picked}
        phrases: list[str] = []
        left = set(chosen)
        while left:
            fits = [
                (len(ids & left), -number, words)
                for number, (words, ids) in enumerate(self._phrases(dimension))
                if ids <= chosen
            ]
            count, _, words = max(fits)
            if count == 0:
                break
            phrases.append(words)
            left -= next(ids for w, ids in self._phrases(dimension) if w == words)
        return phrases

    def _phrases(self, dimension: Dimension) -> list[tuple[str, set[str]]]:
        """Every phrase that stands for a set of places, broadest kinds first."""
        if self._place_phrases is not None:
            return self._place_phrases
        values = dimension.values
        gp = sorted({area for v in values for area, _ in v.registered})
        areas: list[tuple[str, set[str]]] = [
            (
                f"in {a.name}",
                {v.id for v in values if a.id in v.facts.get("areas", ())},
            )
            for a in self.directory.areas
            if a.id not in gp
        ]
        registered: list[tuple[str, set[str]]] = [
            (
                f"with a GP {'in' if yes else 'outside'} {self.directory.area_name(g)}",
                {v.id for v in values if (g, yes) in v.registered},
            )
            for g in gp
            for yes in (True, False)
        ]
        both = [
            (f"{a} {r}", ids & more) for a, ids in areas for r, more in registered if ids & more
        ]
        homes: dict[str, set[str]] = {}
        for value in values:
            if value.home is not None:
                homes.setdefault(value.home[1], set()).add(value.id)
        phrases = [
            *areas,
            *registered,
            *both,
            *homes.items(),
            *((v.label, {v.id}) for v in values),
        ]
        self._place_phrases = [(w, ids) for w, ids in phrases if ids]
        return self._place_phrases

    # ---------------------------------------------------------------- JSON

    def as_json(self) -> dict[str, Any]:
        """The whole map (docs/coverage.md documents every key)."""
        cells = self.cells()
        gaps = self.gaps()
        overlaps = self.overlaps()
        return {
            "pathway_id": self.pathway.id,
            "pathway_version": self.pathway.version,
            "dimensions": [
                {
                    "name": d.name,
                    "criteria": sorted(c.value for c in d.criteria),
                    "values": [{"id": v.id, "label": v.label} for v in d.values],
                }
                for d in self.dimensions
            ],
            "catch_alls": self.refs(self.catch_all),
            "counts": {
                "cells": len(cells),
                "specific": sum(1 for c in cells if c.status == "specific"),
                "catch_all": sum(1 for c in cells if c.status == "catch_all"),
                "fallback": sum(1 for c in cells if c.status == "fallback"),
                "gaps": len(gaps),
                "overlaps": sum(len(g.cells) for g in overlaps if g.agreement is None),
                "agreed": sum(len(g.cells) for g in overlaps if g.agreement is not None),
            },
            "cells": [self._cell_json(c) for c in cells],
            "gaps": [
                self._gap_json(concern, need, group)
                for (concern, need), group in self.gaps_by_concern().items()
            ],
            "overlaps": [self._overlap_json(g) for g in overlaps],
        }

    def gaps_by_concern(self) -> dict[tuple[str, str], list[Cell]]:
        """The gaps by concern and level of need, in the order of the dimensions."""
        found: dict[tuple[int, int], list[Cell]] = {}
        concern, need = DIMENSIONS.index("concern"), DIMENSIONS.index("need")
        for cell in self.gaps():
            found.setdefault((cell.index[concern], cell.index[need]), []).append(cell)
        return {
            (self.dimensions[concern].values[c].id, self.dimensions[need].values[n].id): cells
            for (c, n), cells in sorted(found.items())
        }

    def _key(self, cell: Cell, dimensions: Sequence[str] = DIMENSIONS) -> dict[str, str]:
        return {d: cell.value(d).id for d in dimensions}

    def _cell_json(self, cell: Cell) -> dict[str, Any]:
        return {
            **self._key(cell),
            "rule": cell.rule.id if cell.rule else None,
            "status": cell.status,
            "fits": self.by_kind(cell.fits),
            "shown": self.by_kind(cell.shown),
            "referral_options": self.options(cell),
        }

    def _gap_json(self, concern: str, need: str, cells: list[Cell]) -> dict[str, Any]:
        shown = 0
        for cell in cells:
            shown |= cell.shown & self.direct
        return {
            "concern": concern,
            "need": need,
            "where": self.where(cells, WHERE),
            "catch_alls": self.services(shown),
            "cells": [{**self._key(c, WHERE), "status": c.status} for c in cells],
        }

    def _overlap_json(self, group: OverlapGroup) -> dict[str, Any]:
        agreement = group.agreement
        return {
            "services": list(group.services),
            "referrals": len(group.services),
            "agreed": None
            if agreement is None
            else {
                "services": list(agreement.services),
                "concerns": agreement.concerns,
                "reason": agreement.reason,
                "agreed_by": agreement.agreed_by,
                "agreed_on": agreement.agreed_on.isoformat(),
                "at": agreement.at.short,
            },
            "where": self.where(group.cells, DIMENSIONS),
            "cells": [self._key(c) for c in group.cells],
        }


def _audiences(pathway: Pathway, _: Directory, __: list[tuple[Service, Route]]) -> Dimension:
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


def _periods(pathway: Pathway, _: Directory, routes: list[tuple[Service, Route]]) -> Dimension:
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


def _concerns(pathway: Pathway, directory: Directory, _: list[tuple[Service, Route]]) -> Dimension:
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


def _needs(pathway: Pathway, directory: Directory, _: list[tuple[Service, Route]]) -> Dimension:
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


def _named_facts(
    pathway: Pathway, directory: Directory, _: list[tuple[Service, Route]]
) -> Dimension:
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
    values = [Value("none", "none of the named facts", {"named": none}, nothing)]
    for question in questions:
        for choice in asked[question.id]:
            named = (none - {(choice.id, False)}) | {(choice.id, True)}
            answers = {**nothing, question.id: [choice.id]}
            values.append(Value(choice.id, choice.label, {"named": named}, answers))
    if any(q.optional for q in questions):
        skipped: dict[str, AnswerValue] = {q.id: SKIP for q in questions}
        values.append(Value(SKIP, "named facts not known", {}, skipped))
    return Dimension("facts", criteria, tuple(values))


def _places(pathway: Pathway, directory: Directory, _: list[tuple[Service, Route]]) -> Dimension:
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
        words = f"in {area.name}" + (f" but not {_join(inner)}" if inner else "")
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


BUILDERS: tuple[Callable[[Pathway, Directory, list[tuple[Service, Route]]], Dimension], ...] = (
    _audiences,
    _periods,
    _concerns,
    _needs,
    _named_facts,
    _places,
)
"""One builder per dimension, in the order of `DIMENSIONS`. Between them they decide every
criterion of `Criterion` (a test keeps it so)."""


def _refs(rule: Rule) -> list[ServiceRef]:
    """The routes a rule tests: its consult-first and every `fits` in its condition."""
    found = [rule.consult_first] if rule.consult_first else []
    stack = [rule.when] if rule.when else []
    while stack:
        condition = stack.pop()
        if condition.fits is not None:
            found.append(condition.fits)
        stack.extend(condition.children())
    return found


def _of_kind(kind: RouteKind) -> Callable[[Service, Route], bool]:
    return lambda _, route: route.kind is kind


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


ANY = {
    "audience": "anyone asking",
    "period": "at any stage",
    "concern": "any concern",
    "need": "any level of need",
    "place": "in any place",
}
PREFIX = {"audience": "", "concern": "concern ", "need": "need ", "facts": "", "place": "in "}


def _period(picked: list[Value]) -> str:
    """'in pregnancy or after the birth at 0–1 or 12–36 months', joining adjacent bands."""
    words = [v.label for v in picked if v.span is None]
    runs: list[list[int]] = []
    for value in picked:
        if value.span is None:
            continue
        first, last = value.span
        if runs and runs[-1][1] + 1 == first:
            runs[-1][1] = last
        else:
            runs.append([first, last])
    if runs:
        ages = [f"{a}–{b}" if b > a else f"{a}" for a, b in runs]
        words.append(f"after the birth at {_join(ages)} months")
    return _join(words)


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
