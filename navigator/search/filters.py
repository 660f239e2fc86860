"""Filters: who is asking, which kind of route, pregnancy or the baby's age, where the family
lives, which ring of the system map, and a language the service works in.

Eligibility belongs to routes, not services: a service may take self-referrals from families
and referrals from practitioners. So each route of a service is indexed as tokens
`<n>.<criterion>.<value>` (`0.kind.referral`, `0.audience.practitioner`, `1.month.7`,
`1.area.all`), and a filter asks that some route `n` has every criterion asked for. Ages are
indexed month by month up to `MAX_MONTH` (the navigator is for pregnancy to age 3, so a few
dozen tokens per route at most).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from whoosh.query import And, Or, Query, Term

from navigator.content.directory import Route
from navigator.content.vocabulary import ALL, Audience, RouteKind, Stage

__all__ = ["MAX_MONTH", "Filters", "language_tokens", "route_tokens"]

MAX_MONTH = 60
"""Ages above this many months are treated as this age (every route here ends well before)."""


def route_tokens(routes: Sequence[Route]) -> list[str]:
    """The filter tokens of each route of one service."""
    tokens: list[str] = []
    for n, route in enumerate(routes):
        rules = route.eligibility
        tokens.append(f"{n}.kind.{route.kind.value}")
        tokens += [f"{n}.audience.{a.value}" for a in rules.audience]
        tokens += [f"{n}.stage.{s.value}" for s in rules.stages]
        if rules.age_months is None:
            tokens.append(f"{n}.month.any")
        else:
            end = MAX_MONTH + 1 if rules.age_months.end is None else rules.age_months.end
            tokens += [
                f"{n}.month.{m}" for m in range(rules.age_months.start, min(end, MAX_MONTH + 1))
            ]
        areas = [ALL] if rules.areas == ALL else list(rules.areas)
        tokens += [f"{n}.area.{a}" for a in areas]
    return tokens


def language_tokens(languages: Sequence[str], interpreters: bool | None) -> list[str]:
    """A service's language tokens (`lang.ur`; `lang.interpreters` when it arranges them),
    indexed with the route tokens."""
    return [f"lang.{code}" for code in languages] + (["lang.interpreters"] if interpreters else [])


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to. Empty means no filter."""

    audience: Audience | None = None
    routes: tuple[RouteKind, ...] = ()
    """Route kinds; a service with any one of them passes."""
    stage: Stage | None = None
    age_months: int | None = None
    """The baby's age after the birth (implies the postnatal stage)."""
    areas: frozenset[str] | None = None
    """Area ids the family is, or may be, in (from a postcode); None means anywhere."""
    rings: tuple[str, ...] = ()
    language: str | None = None
    """A language code: services whose staff work in it or that arrange interpreters."""

    @property
    def route_criteria_empty(self) -> bool:
        return (
            self.audience is None
            and not self.routes
            and self.stage is None
            and self.age_months is None
            and self.areas is None
        )

    def query(self, max_routes: int) -> Query | None:
        """The Whoosh query that keeps only services passing every filter."""
        parts: list[Query] = []
        if not self.route_criteria_empty:
            parts.append(Or([self._route(n) for n in range(max(max_routes, 1))]))
        if self.rings:
            parts.append(_any("ring", list(self.rings)))
        if self.language:
            parts.append(_any("route_terms", [f"lang.{self.language}", "lang.interpreters"]))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(parts)

    def _route(self, n: int) -> Query:
        field_ = "route_terms"
        parts: list[Query] = []
        if self.audience is not None:
            parts.append(Term(field_, f"{n}.audience.{self.audience.value}"))
        if self.routes:
            parts.append(_any(field_, [f"{n}.kind.{k.value}" for k in self.routes]))
        stage = self.stage or (Stage.postnatal if self.age_months is not None else None)
        if stage is not None:
            parts.append(Term(field_, f"{n}.stage.{stage.value}"))
        if self.age_months is not None and stage is Stage.postnatal:
            month = min(max(self.age_months, 0), MAX_MONTH)
            parts.append(_any(field_, [f"{n}.month.{month}", f"{n}.month.any"]))
        if self.areas is not None:
            parts.append(_any(field_, [f"{n}.area.{a}" for a in sorted({*self.areas, ALL})]))
        return parts[0] if len(parts) == 1 else And(parts)


def _any(field_: str, values: Iterable[str]) -> Query:
    terms: list[Query] = [Term(field_, v) for v in values]
    return terms[0] if len(terms) == 1 else Or(terms)
