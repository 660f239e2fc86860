"""The routes a result may show, found without testing every route of every service.

A routine result shows a route (as a card, an "ask about" or a near-miss) only if it passes the
family's concerns, passes its audience (or is of a kind the rules only ask about, which is
matched without the audience), and fails at most one of stage, age and need, that one only when
the route names its concerns (`navigate.NEAR_MISS_CRITERIA`, `_near_worthy`). Every other route
shows nothing, whatever its other criteria say.

So the directory's routes are indexed once per content version (per `Directory` object), as
bit sets in directory order: by concern, audience, kind, stage, need and the baby's age (a set
per month, made on first use). A result takes the routes those sets allow, a superset of the
routes it can show, and tests only them with `match_route`, in the directory's order: the same
answers, in the same order, as testing them all (`tests/engine/test_route_index.py` compares
the two over every shipped scenario and the exhaustive walk of the pathway).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator

from navigator.content.directory import Directory, Route, Service
from navigator.content.vocabulary import ALL, Audience, RouteKind, Stage
from navigator.engine.facts import Facts
from navigator.engine.route_parts import RouteParts


class RouteIndex:
    """The routine routes of a directory's active services, as bit sets in directory order."""

    def __init__(self, directory: Directory) -> None:
        self.routes: list[tuple[int, Service, Route]] = [
            (position, service, route)
            for position, service in enumerate(directory.services)
            if service.active
            for route in service.routes
            if route.kind is not RouteKind.urgent
        ]
        self.every = (1 << len(self.routes)) - 1
        self.any_concern = 0
        self.by_concern: dict[str, int] = {}
        self.by_audience: dict[Audience, int] = {}
        self.by_kind: dict[RouteKind, int] = {}
        self.by_stage: dict[Stage, int] = {}
        self.any_need = 0
        self.by_need: dict[str, int] = {}
        for bit, (_, _, route) in enumerate(self.routes):
            rules, one = route.eligibility, 1 << bit
            if rules.concerns == ALL:
                self.any_concern |= one
            else:
                for concern in rules.concerns:
                    self.by_concern[concern] = self.by_concern.get(concern, 0) | one
            for audience in rules.audience:
                self.by_audience[audience] = self.by_audience.get(audience, 0) | one
            self.by_kind[route.kind] = self.by_kind.get(route.kind, 0) | one
            for stage in rules.stages:
                self.by_stage[stage] = self.by_stage.get(stage, 0) | one
            if rules.need == ALL:
                self.any_need |= one
            else:
                for need in rules.need:
                    self.by_need[need] = self.by_need.get(need, 0) | one
        self._by_age: dict[int, int] = {}
        self._lock = threading.Lock()
        self.parts = RouteParts()
        """What a result builds for each route that does not depend on the answers."""

    def _age(self, months: int) -> int:
        """The routes with no age range or one that holds `months` (made once per month)."""
        found = self._by_age.get(months)
        if found is None:
            found = 0
            for bit, (_, _, route) in enumerate(self.routes):
                ages = route.eligibility.age_months
                if ages is None or months in ages:
                    found |= 1 << bit
            with self._lock:
                if len(self._by_age) < 1_000:
                    self._by_age[months] = found
        return found

    def candidates(self, facts: Facts, asked: frozenset[RouteKind]) -> int:
        """The routes that may show in a result for `facts`, as bits: every route that can pass
        the concerns and the audience and fail at most one of stage, age and need."""
        found = self.every
        if facts.concerns is not None:
            found = self.any_concern
            for concern in facts.concerns:
                found |= self.by_concern.get(concern, 0)
        if facts.audience is not None:
            allowed = self.by_audience.get(facts.audience, 0)
            for kind in asked:
                allowed |= self.by_kind.get(kind, 0)
            found &= allowed
        fails = []
        if facts.stage is not None:
            fails.append(self.every & ~self.by_stage.get(facts.stage, 0))
        if facts.stage is Stage.postnatal and facts.age_months is not None:
            fails.append(self.every & ~self._age(facts.age_months))
        if facts.need is not None:
            fails.append(self.every & ~(self.any_need | self.by_need.get(facts.need, 0)))
        failing_one = 0
        for number, fail in enumerate(fails):
            failing_one |= fail
            for other in fails[number + 1 :]:
                found &= ~(fail & other)  # two failures: never shown
        # One failure shows only as a near-miss, and only for a route that names its concerns.
        return found & ~(failing_one & self.any_concern)

    def each(self, bits: int) -> Iterator[tuple[int, Service, Route]]:
        """The routes of `bits`, in the directory's order."""
        routes = self.routes
        while bits:
            low = bits & -bits
            yield routes[low.bit_length() - 1]
            bits ^= low


_INDEXES: dict[int, tuple[weakref.ref[Directory], list[Service], RouteIndex]] = {}
_GUARD = threading.Lock()


def route_index(directory: Directory) -> RouteIndex:
    """The index of `directory`, made on first use and kept while the directory lives (one
    content version). Content is not changed once loaded; a directory given a new list of
    services is indexed again."""
    key = id(directory)
    held = _INDEXES.get(key)
    if held is not None and held[0]() is directory and held[1] is directory.services:
        return held[2]
    index = RouteIndex(directory)
    with _GUARD:
        _INDEXES[key] = (
            weakref.ref(directory, lambda _: _INDEXES.pop(key, None)),
            directory.services,
            index,
        )
    return index
