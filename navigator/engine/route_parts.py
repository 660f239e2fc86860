"""What a result builds for a route that does not depend on the answers, made once per content
version: a route's card but for its reasons, the `file:line` each reason cites, where to go
instead of a service, and which routes' eligibilities are written alike.

A large directory's result shows hundreds of cards and near-misses (in a directory of copies,
every copy of a fitting service fits too), so building them is most of a result's time. Kept by
the directory's `RouteIndex` (one per `Directory` object, one content version), filled on first
use, route by route. A result built with these parts is the same, field for field, as one built
with `match_route`, `card` and `instead_for` (`navigate(..., scan=True)` builds it that way, and
`tests/engine/test_route_index.py` compares the two).
"""

from __future__ import annotations

from typing import Any

from navigator.content.directory import Directory, Interval, Route, Service
from navigator.content.vocabulary import Criterion
from navigator.engine.facts import Facts
from navigator.engine.match import FIELDS, ORDER, Match
from navigator.engine.outcome import Alternative, Card, Reason
from navigator.engine.result import card, instead_for

Checked = tuple[tuple[tuple[str, bool, str, Criterion], ...], tuple[str, ...]]
"""What the criteria of one eligibility said for one family: (name, passed, message,
criterion) for each criterion tested, and the caveats."""


REASONS_KEPT = 100_000
"""How many routes' reasons (one route, one thing said) are kept before they are made anew:
a `Reason` is immutable, so one made for a route is shared by every result that says it."""


class Matches:
    """One result's memo of what each distinct eligibility said: routes whose eligibilities
    are written alike pass and fail alike, with the same words, so each is tested once."""

    def __init__(self, facts: Facts, directory: Directory) -> None:
        self.facts, self.directory = facts, directory
        self.said: dict[tuple[int, frozenset[Criterion]], Checked] = {}


class RouteParts:
    """The answer-free parts of a directory's routes' cards and near-misses."""

    def __init__(self) -> None:
        # Never the directory itself: the index that keeps these parts lives only as long as it.
        self._kinds: dict[tuple[object, ...], int] = {}
        self._kind: dict[int, int] = {}
        self._sources: dict[int, dict[Criterion, str]] = {}
        self._cards: dict[int, dict[str, Any]] = {}
        self._reasons: dict[tuple[int, Checked], tuple[list[Reason], list[Reason]]] = {}
        self._instead: dict[tuple[int, str, bool], tuple[list[Alternative], str | None]] = {}

    def _alike(self, route: Route) -> int:
        """A number shared by the routes whose eligibilities are written alike (every field the
        criteria read, in the order written)."""
        found = self._kind.get(id(route))
        if found is None:
            rules = route.eligibility
            key = tuple(_written(getattr(rules, field)) for field in FIELDS.values())
            found = self._kinds.setdefault(key, len(self._kinds))
            self._kind[id(route)] = found
        return found

    def _cited(self, route: Route) -> dict[Criterion, str]:
        found = self._sources.get(id(route))
        if found is None:
            rules = route.eligibility
            found = {c: rules.field_at(field).short for c, field in FIELDS.items()}
            self._sources[id(route)] = found
        return found

    def match(self, route: Route, matches: Matches, skip: frozenset[Criterion]) -> Match:
        """`match_route(route, matches.facts, directory, skip=skip)`, its words said once per
        distinct eligibility of the result."""
        key = (self._alike(route), skip)
        said = matches.said.get(key)
        if said is None:
            rules, facts, directory = route.eligibility, matches.facts, matches.directory
            caveats: list[str] = []
            checked = []
            for criterion, name, check in ORDER:
                if criterion in skip:
                    continue
                outcome = check(rules, facts, directory, caveats)
                if outcome is not None:
                    checked.append((name, outcome[0], outcome[1], criterion))
            said = matches.said[key] = (tuple(checked), tuple(caveats))
        reasons = self._reasons.get((id(route), said))
        if reasons is None:
            sources = self._cited(route)
            passed: list[Reason] = []
            failed: list[Reason] = []
            for name, ok, message, criterion in said[0]:
                (passed if ok else failed).append(Reason(name, ok, message, sources[criterion]))
            reasons = (passed, failed)
            if len(self._reasons) >= REASONS_KEPT:
                self._reasons.clear()
            self._reasons[(id(route), said)] = reasons
        return Match(list(reasons[0]), list(reasons[1]), list(said[1]))

    def card(
        self,
        service: Service,
        route: Route,
        directory: Directory,
        why: list[Reason],
        caveats: list[str],
    ) -> Card:
        """`card(service, route, directory, why, caveats)`, its answer-free fields made once."""
        fields = self._cards.get(id(route))
        if fields is None:
            fields = {
                k: v
                for k, v in vars(card(service, route, directory, [], [])).items()
                if k not in ("why", "caveats")
            }
            self._cards[id(route)] = fields
        # The fields `card` gave, set as `Card.__init__` sets them (a frozen dataclass with no
        # `__post_init__`: nothing to check), without calling it for each of hundreds of cards.
        made: Card = object.__new__(Card)
        values = made.__dict__
        values.update(fields)
        for name in _FRESH:
            values[name] = list(values[name])
        values["contact"] = dict(values["contact"])
        values["why"], values["caveats"] = list(why), list(caveats)
        return made

    def instead(
        self, service: Service, criterion: str, directory: Directory, family: bool
    ) -> tuple[list[Alternative], str | None]:
        """`instead_for(service, criterion, directory, family=family)`, made once."""
        key = (id(service), criterion, family)
        found = self._instead.get(key)
        if found is None:
            found = instead_for(service, criterion, directory, family=family)
            self._instead[key] = found
        return list(found[0]), found[1]


def _written(value: object) -> object:
    """`value` as written, hashable, its order kept (the words follow it)."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return tuple(value.items())
    if isinstance(value, Interval):
        return (value.start, value.end)
    return value


_FRESH = ("boundaries", "info_needed", "languages", "unconfirmed")
"""A card's lists, each made fresh for each card, so no two results share one a caller could
change (as `card` does)."""
