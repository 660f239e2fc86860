"""The map of remits, gaps and overlaps (`navigator coverage`, COV-002): every combination of
who is asking, stage and age, concern, level of need, named facts and place (a *cell*), with
the routes that fit it, the rule that applies and the routes the result would show.

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
values' routes. The dimensions are built in `coverage_dimensions` (a new eligibility criterion
needs one more builder there), and put in words by `coverage_words`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import product
from typing import Any, Literal

from navigator.checker.coverage_dimensions import DIMENSIONS, Dimension, Value, dimensions
from navigator.checker.coverage_words import Phrasing
from navigator.content.condition import Fits, ServiceRef
from navigator.content.directory import Directory, Route, Service
from navigator.content.pathway import (
    NONE_OF_THESE,
    RED_FLAGS,
    KnownGap,
    Overlap,
    Pathway,
    Rule,
)
from navigator.content.vocabulary import ALL, Audience, Criterion, RouteKind
from navigator.engine.facts import Facts
from navigator.engine.match import Alike
from navigator.engine.outcome import AnswerValue
from navigator.engine.rules import Decision, decide, fitting

DEFAULT_MAX_REFERRALS = 3
ROUTINE: tuple[RouteKind, ...] = tuple(k for k in RouteKind if k is not RouteKind.urgent)
"""The kinds of route a routine result can show, in the order of its sections."""
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
class Cell:
    """One combination: a value of each dimension, what fits it and what a result would show."""

    values: tuple[Value, ...]
    index: tuple[int, ...]
    rule: Rule | None
    fits: int
    """The routes (bits of `CoverageMap.routes`) whose every criterion passes."""
    shown: int
    """The routes the result shows: of the kinds the rules offer, or ask about."""
    status: Status
    offer: frozenset[RouteKind]
    """The kinds of route the rules offer."""
    asked: int
    """The routes shown as 'ask your health visitor about …' (matched without the audience)."""

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
        self.dimensions = dimensions(pathway, directory, self.routes)
        self._alike: dict[frozenset[Criterion], Alike] = {}
        self.phrasing = Phrasing(directory, self.dimensions)
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
            yield Cell(values, index, decision.rule, fits, shown, status, decision.offer, asked)

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
        criteria = frozenset(dimension.criteria)
        if criteria not in self._alike:
            self._alike[criteria] = Alike([r for _, r in self.routes], criteria)
        return self._alike[criteria].mask(Facts(**value.facts), self.directory)

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

    def where(self, cells: Sequence[Cell], dimensions: Sequence[str]) -> list[str]:
        """The cells in as few phrases as they merge into along `dimensions`."""
        return self.phrasing.where([c.index for c in cells], dimensions)

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
            "fits": {k: ids for k, ids in self.by_kind(cell.fits).items() if ids},
            "offer": [k.value for k in ROUTINE if k in cell.offer],
            "ask_about": {k: ids for k, ids in self.by_kind(cell.asked).items() if ids},
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
            "known": _known_json(self.pathway.known_gap(concern, need, date.today())),
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


def _known_json(gap: KnownGap | None) -> dict[str, str] | None:
    if gap is None:
        return None
    return {
        "reason": gap.reason,
        "recorded_by": gap.recorded_by,
        "recorded_on": gap.recorded_on.isoformat(),
        "review_by": gap.review_by.isoformat(),
    }
