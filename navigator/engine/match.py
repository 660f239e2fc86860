"""Matching one route of one service against the facts, criterion by criterion, in the fixed
order of `Criterion`, keeping the reason (and its `file:line`) for each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from navigator.content.directory import Directory, Eligibility, Interval, Route
from navigator.content.vocabulary import ALL, Audience, Criterion, Stage
from navigator.engine.facts import Facts
from navigator.engine.outcome import Reason


@dataclass(frozen=True)
class Match:
    """The reasons a route passed and failed, and what a person should confirm."""

    passed: list[Reason]
    failed: list[Reason]
    caveats: list[str]

    @property
    def ok(self) -> bool:
        return not self.failed


def match_route(
    route: Route, facts: Facts, directory: Directory, *, skip: frozenset[Criterion] = frozenset()
) -> Match:
    """Test every criterion of `route` against `facts` (except those in `skip`)."""
    rules = route.eligibility
    passed: list[Reason] = []
    failed: list[Reason] = []
    caveats: list[str] = []
    for criterion, name, check in ORDER:
        if criterion in skip:
            continue
        outcome = check(rules, facts, directory, caveats)
        if outcome is None:
            continue
        ok, message = outcome
        reason = Reason(name, ok, message, rules.field_at(FIELDS[criterion]).short)
        (passed if ok else failed).append(reason)
    return Match(passed, failed, caveats)


FIELDS: dict[Criterion, str] = {
    Criterion.audience: "audience",
    Criterion.stage: "stages",
    Criterion.age: "age_months",
    Criterion.concerns: "concerns",
    Criterion.need: "need",
    Criterion.facts: "facts",
    Criterion.area: "areas",
}
"""The field of `Eligibility` each criterion reads, whose `file:line` a reason cites."""


class Alike:
    """Routes grouped by what some criteria read of their eligibility: routes that write the
    same concerns, say, pass or fail a concern alike. So testing `criteria` for each of many
    facts costs about as much as the distinct eligibilities, not the routes."""

    def __init__(self, routes: Sequence[Route], criteria: frozenset[Criterion]) -> None:
        self.size = len(routes)
        self.skip = frozenset(set(Criterion) - criteria)
        fields = [FIELDS[c] for c in Criterion if c in criteria]
        groups: dict[tuple[object, ...], list[int]] = {}
        for number, route in enumerate(routes):
            key = tuple(_hashable(getattr(route.eligibility, f)) for f in fields)
            groups.setdefault(key, []).append(number)
        self.groups = [(routes[numbers[0]], numbers) for numbers in groups.values()]

    def mask(self, facts: Facts, directory: Directory) -> int:
        """The routes (bit i for route i) that pass the criteria, and only them, for `facts`:
        `match_route(...).ok`, tested once per group."""
        found = 0
        for route, numbers in self.groups:
            if match_route(route, facts, directory, skip=self.skip).ok:
                for number in numbers:
                    found |= 1 << number
        return found


def _hashable(value: object) -> object:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    if isinstance(value, Interval):
        return (value.start, value.end)
    return value


Outcome = tuple[bool, str] | None

PEOPLE = {Audience.practitioner: "practitioners", Audience.family: "families"}


def _audience(rules: Eligibility, facts: Facts, _: Directory, __: list[str]) -> Outcome:
    if facts.audience is None:
        return None
    if facts.audience in rules.audience:
        return True, f"open to {PEOPLE[facts.audience]}"
    return False, f"not used by {PEOPLE[facts.audience]} directly"


def _stage(rules: Eligibility, facts: Facts, _: Directory, __: list[str]) -> Outcome:
    if facts.stage is None:
        return None
    words = "in pregnancy" if facts.stage is Stage.pregnancy else "after the birth"
    if facts.stage in rules.stages:
        return True, f"works with families {words}"
    return False, f"does not work with families {words}"


def _age(rules: Eligibility, facts: Facts, _: Directory, __: list[str]) -> Outcome:
    if facts.stage is not Stage.postnatal or facts.age_months is None or rules.age_months is None:
        return None
    age = f"a baby of {facts.age_months} months"
    if facts.age_months in rules.age_months:
        return True, f"{age} is within its age range ({rules.age_months})"
    return False, f"{age} is outside its age range ({rules.age_months})"


def _concerns(rules: Eligibility, facts: Facts, directory: Directory, _: list[str]) -> Outcome:
    if facts.concerns is None:
        return None
    if rules.concerns == ALL:
        return True, "open to any concern"
    shared = [c for c in facts.concerns if c in rules.concerns]
    if shared:
        return True, "it helps with " + _labels(directory, shared, facts)
    if not facts.concerns:
        return False, "it is for particular concerns, and none was chosen"
    return False, "it does not help with " + _labels(directory, list(facts.concerns), facts)


def _need(rules: Eligibility, facts: Facts, directory: Directory, _: list[str]) -> Outcome:
    if facts.need is None or rules.need == ALL:
        return None
    family = facts.audience is Audience.family
    label = next(
        (((family and n.family_label) or n.label).lower() for n in directory.need_levels
         if n.id == facts.need),
        facts.need,
    )  # fmt: skip
    if facts.need in rules.need:
        return True, f"it takes families at this level of need ({label})"
    return False, f"it does not take families at this level of need ({label})"


def _facts(rules: Eligibility, facts: Facts, directory: Directory, caveats: list[str]) -> Outcome:
    if not rules.facts:
        return None
    met: list[str] = []
    unknown: list[str] = []
    for id, wanted in rules.facts.items():
        words = _fact_words(directory, id, wanted)
        holds = facts.fact(id)
        if holds is None:
            unknown.append(words)
        elif holds != wanted:
            return False, f"it is only for families where {words}, and that is not the case"
        else:
            met.append(words)
    if unknown:
        caveats.append(f"It is only for families where {' and '.join(unknown)}: please confirm.")
        return True, f"it is only for families where {' and '.join(met + unknown)}: please confirm"
    return True, f"it is for families where {' and '.join(met)}"


def _fact_words(directory: Directory, id: str, wanted: bool) -> str:
    fact = directory.fact(id)
    label = fact.label[:1].lower() + fact.label[1:] if fact else id
    return label if wanted else f"not ({label})"


def _area(rules: Eligibility, facts: Facts, directory: Directory, caveats: list[str]) -> Outcome:
    if rules.areas == ALL:
        return None
    assert isinstance(rules.areas, list)
    names = _area_names(directory, rules.areas)
    unsure = facts.uncertain & set(rules.areas)
    if unsure:
        caveats.append(_unsure(directory, sorted(unsure)))
        return True, f"the family may be in its area ({names}): please confirm"
    if facts.areas & set(rules.areas):
        return True, f"the family is in its area ({names})"
    if not facts.place_asked:
        caveats.append(f"It covers only {names}: please check the family lives there.")
        return True, f"it covers only {names}; the postcode was not asked"
    if not facts.place_known and facts.place_covered:
        caveats.append(f"It covers only {names}. {facts.place_message} Please confirm.")
        return True, f"it covers only {names}, and the postcode could not be checked"
    return False, f"it covers only {names}, and the family is outside it"


def _unsure(directory: Directory, ids: list[str]) -> str:
    by_gp = [i for i in ids if (a := directory.area(i)) and a.decided_by == "gp_registration"]
    if by_gp:
        return (
            f"This service goes by the GP the family is registered with "
            f"({_area_names(directory, by_gp)}): please confirm."
        )
    return (
        f"The family lives near the boundary of {_area_names(directory, ids)}, "
        "so please confirm with the service."
    )


def _labels(directory: Directory, ids: list[str], facts: Facts) -> str:
    family = facts.audience is Audience.family
    labels = {c.id: ((family and c.family_label) or c.label).lower() for c in directory.concerns}
    return ", ".join(labels.get(i, i) for i in ids)


def _area_names(directory: Directory, ids: list[str]) -> str:
    return ", ".join(directory.area_name(i) for i in ids)


_CHECKS = {
    Criterion.audience: _audience,
    Criterion.stage: _stage,
    Criterion.age: _age,
    Criterion.concerns: _concerns,
    Criterion.need: _need,
    Criterion.facts: _facts,
    Criterion.area: _area,
}

ORDER = tuple((c, c.value, _CHECKS[c]) for c in Criterion)
"""Each criterion in order, with its name and its check (looked up once, not per route)."""
