"""COV-001, the catch-all rule: every combination of who is asking, stage, age, concern, level
of need and area gets at least one service that the pathway's rules offer. A combination for
which only the pathway's fallback would be shown is a gap in the system, and an error.

Matching is the engine's own (`match_route`, `rule_for`). Each eligibility criterion reads one
fact, so each route is matched once per value of each fact, and a combination is covered when
the routes that pass every one of its facts (a bitwise AND) include a route of a kind its rule
offers. That keeps a 40-service directory to well under a second.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise, product

from navigator.checker.blocks import Block, merge
from navigator.checker.intervals import bounds, months_range
from navigator.checker.scope import Scope, either
from navigator.content.directory import Directory, Route
from navigator.content.finding import Finding, finding
from navigator.content.pathway import NONE_OF_THESE, RED_FLAGS, Pathway, Rule, Sets
from navigator.content.vocabulary import Audience, Criterion, RouteKind, Stage
from navigator.engine.facts import Facts
from navigator.engine.flow import SKIP
from navigator.engine.match import Alike
from navigator.engine.navigate import default_audience
from navigator.engine.outcome import AnswerValue
from navigator.engine.rules import rule_for

MAX_FINDINGS = 10
ROUTINE: set[RouteKind] = set(RouteKind) - {RouteKind.urgent}
"""What is offered when no rule applies: every kind of route but urgent ones."""
EXAMPLE_POSTCODE = "BD1 1AA"


@dataclass(frozen=True)
class Value:
    """One value of one fact: its words, the facts it gives and the answer that gives it."""

    label: str
    facts: Facts
    answer: AnswerValue | None
    span: tuple[int, int] | None = None
    """For an age: the first and last month of the stretch it stands for."""


def check_coverage(scope: Scope) -> list[Finding]:
    if scope.directory is None:
        return []
    found: list[Finding] = []
    for pathway in scope.pathways():
        found += Coverage(pathway, scope.directory).findings()
    return found


class Coverage:
    """The combinations of one pathway, and which of them no route covers."""

    def __init__(self, pathway: Pathway, directory: Directory) -> None:
        self.pathway = pathway
        self.directory = directory
        self.routes: list[Route] = [
            r
            for s in directory.services
            if s.active
            for r in s.routes
            if r.kind is not RouteKind.urgent
        ]
        self.sets = {q.sets: q for q in pathway.questions if q.sets is not None}
        self._alike: dict[frozenset[Criterion], Alike] = {}
        self.axes: list[tuple[Criterion | None, list[Value]]] = [
            (Criterion.audience, self._audiences()),
            (None, self._periods()),  # stage and age, which the engine reads together
            (Criterion.concerns, self._concerns()),
            (Criterion.need, self._needs()),
            (Criterion.area, self._places()),
        ]

    def gaps(self) -> list[tuple[tuple[int, ...], Rule | None]]:
        """Each uncovered combination (an index into each axis) with the rule that applies."""
        masks = [[self._mask(criterion, v) for v in values] for criterion, values in self.axes]
        kinds = {k: self._kinds({k}) for k in RouteKind}
        rule_of = self._rules()
        gaps = []
        ranges = [range(len(values)) for _, values in self.axes]
        for cell in product(*ranges):
            values = [self.axes[d][1][i] for d, i in enumerate(cell)]
            rule = rule_of(values)
            offer: set[RouteKind] = set(rule.offer) if rule and rule.offer else ROUTINE
            asked: set[RouteKind] = set(rule.ask_about) - offer if rule else set()
            rest = masks[1][cell[1]] & masks[2][cell[2]] & masks[3][cell[3]] & masks[4][cell[4]]
            offered = rest & masks[0][cell[0]] & _union(kinds, offer)
            if not offered and not rest & _union(kinds, asked):
                gaps.append((cell, rule))
        return gaps

    def findings(self) -> list[Finding]:
        gaps = self.gaps()
        if not gaps:
            return []
        by_rule: dict[str, Rule | None] = {}
        cells: list[tuple[tuple[int, ...], str]] = []
        for cell, rule in gaps:
            key = rule.id if rule else ""
            by_rule[key] = rule
            cells.append((cell, key))
        blocks = merge(cells, MERGE_ORDER)
        found = []
        for number, block in enumerate(blocks[:MAX_FINDINGS], 1):
            rule = by_rule[block.tag]
            more = ""
            if number == MAX_FINDINGS and len(blocks) > MAX_FINDINGS:
                more = (
                    f" ({len(blocks) - MAX_FINDINGS} more such gaps are not shown; "
                    f"{len(gaps)} combinations in all.)"
                )
            found.append(self._finding(block, rule, more))
        return found

    def _finding(self, block: Block, rule: Rule | None, more: str) -> Finding:
        words = []
        for axis, ((_, values), chosen) in enumerate(zip(self.axes, block.sets, strict=True)):
            if len(values) > 1 and len(chosen) < len(values):
                picked = [values[i] for i in sorted(chosen)]
                words.append(_period(picked, values) if axis == 1 else _words(axis, picked))
        who = ", ".join(words) or "any combination"
        offered = ", ".join(k.value for k in rule.offer or ()) if rule else "every kind of route"
        decided = f"rule '{rule.id}' offers {offered}" if rule else "no rule applies"
        return finding(
            "COV-001",
            rule.at if rule else self.pathway.field_at("rules"),
            f"no service at all {who}: {decided}, and no such route of an active service "
            f"fits, so only the fallback would be shown.{more}",
            either(
                "widen the eligibility of a route in services.yaml to cover them",
                "add a service that does",
                "change the pathway's rules to offer a kind of route that fits",
            ),
        )

    def _mask(self, criterion: Criterion | None, value: Value) -> int:
        """The routes (as bits) that pass `criterion` for this value of the fact."""
        tested = {Criterion.stage, Criterion.age} if criterion is None else {criterion}
        key = frozenset(tested)
        if key not in self._alike:
            self._alike[key] = Alike(self.routes, key)
        return self._alike[key].mask(value.facts, self.directory)

    def _kinds(self, kinds: set[RouteKind]) -> int:
        return sum(1 << i for i, r in enumerate(self.routes) if r.kind in kinds)

    def _rules(self) -> Callable[[list[Value]], Rule | None]:
        """`rule_for` on the answers of a combination, remembered by the answers rules read."""
        read = {q for r in self.pathway.rules if r.when for q in r.when.questions()}
        ages = any(bounds(r.when) for r in self.pathway.rules if r.when)
        known: dict[tuple[object, ...], Rule | None] = {}

        def rule_of(values: list[Value]) -> Rule | None:
            answers = self._answers(values)
            age = values[1].facts.age_months
            key = (tuple(str(answers.get(q)) for q in sorted(read)), age if ages else None)
            if key not in known:
                known[key] = rule_for(self.pathway, answers, values[1].facts)
            return known[key]

        return rule_of

    def _answers(self, values: list[Value]) -> dict[str, AnswerValue]:
        """The answers that give a combination's facts, as the rules read them."""
        answers: dict[str, AnswerValue] = {RED_FLAGS: [NONE_OF_THESE]}
        for sets, value in zip(AXIS_SETS, values, strict=True):
            question = self.sets.get(sets)
            if question is not None and value.answer is not None:
                answers[question.id] = value.answer
        age = self.sets.get(Sets.age_months)
        if age is not None and values[1].facts.age_months is not None:
            answers[age.id] = values[1].facts.age_months
        return answers

    def _audiences(self) -> list[Value]:
        audiences = list(self.pathway.audiences)
        if Sets.audience not in self.sets:
            audiences = [default_audience(self.pathway)]
        return [Value(PLURALS[a], Facts(audience=a), a.value) for a in audiences]

    def _periods(self) -> list[Value]:
        stage = self.sets.get(Sets.stage)
        if stage is None:
            return [Value("any stage", Facts(), None)]
        values = [Value("in pregnancy", Facts(stage=Stage.pregnancy), Stage.pregnancy.value)]
        if Sets.age_months not in self.sets:
            return [*values, Value("after the birth", Facts(stage=Stage.postnatal), "postnatal")]
        low, high = months_range(self.pathway)
        edges = {low, high + 1}
        for route in self.routes:
            interval = route.eligibility.age_months
            if interval is not None:
                edges.update(b for b in (interval.start, interval.end) if b is not None)
        for rule in self.pathway.rules:
            if rule.when is not None:
                edges.update(bounds(rule.when))
        points = sorted(b for b in edges if low <= b <= high + 1)
        for start, end in pairwise(points):
            facts = Facts(stage=Stage.postnatal, age_months=start)
            values.append(Value("", facts, Stage.postnatal.value, (start, end - 1)))
        return values

    def _concerns(self) -> list[Value]:
        question = self.sets.get(Sets.concerns)
        if question is None:
            return [Value("any concern", Facts(), None)]
        values = [
            Value(f"'{c.id}'", Facts(concerns=(c.id,)), [c.id]) for c in self.directory.concerns
        ]
        # 'None of these' is possible when the question has a choice of its own ("something
        # else") or may be skipped; matching treats both as no listed concern.
        if question.choices:
            values.append(Value("none listed", Facts(concerns=()), [question.choices[0].id]))
        elif question.optional:
            values.append(Value("none listed", Facts(concerns=()), SKIP))
        return values

    def _needs(self) -> list[Value]:
        question = self.sets.get(Sets.need)
        if question is None:
            return [Value("any level of need", Facts(), None)]
        values = [Value(f"'{n.id}'", Facts(need=n.id), n.id) for n in self.directory.need_levels]
        if question.optional:
            values.append(Value("not known", Facts(), SKIP))
        return values

    def _places(self) -> list[Value]:
        if Sets.postcode not in self.sets:
            return [Value("anywhere", Facts(), None)]
        values = [
            Value(
                f"'{area.id}'",
                Facts(
                    areas=frozenset(self.directory.ancestors(area.id)),
                    place_asked=True,
                    place_known=True,
                ),
                EXAMPLE_POSTCODE,
            )
            for area in self.directory.areas
        ]
        unknown = Facts(place_asked=True, place_known=False)
        return [*values, Value("not known", unknown, SKIP)]


AXIS_SETS = (Sets.audience, Sets.stage, Sets.concerns, Sets.need, Sets.postcode)
"""The fact each axis stands for, in the order of `Coverage.axes`."""
MERGE_ORDER = [1, 2, 4, 3, 0]
"""Gaps merge first across ages, then concerns, areas, levels of need and who is asking."""


def _union(kinds: dict[RouteKind, int], chosen: set[RouteKind]) -> int:
    mask = 0
    for kind in chosen:
        mask |= kinds[kind]
    return mask


PLURALS = {Audience.practitioner: "practitioners", Audience.family: "families"}
PREFIXES = {0: "for ", 2: "with concern ", 3: "at need level ", 4: "in area "}
"""How each axis (but stage and age) is introduced in a finding."""


def _words(axis: int, picked: list[Value]) -> str:
    return PREFIXES[axis] + _join([v.label for v in picked])


def _period(picked: list[Value], values: list[Value]) -> str:
    """'in pregnancy or after the birth at 0–5 or 12–23 months', joining adjacent ages."""
    words = [v.label for v in picked if v.span is None]
    spans = [v.span for v in picked if v.span is not None]
    if spans and len(spans) == sum(1 for v in values if v.span is not None):
        words.append("after the birth, at any age")
    elif spans:
        runs: list[list[int]] = []
        for first, last in spans:
            if runs and runs[-1][1] + 1 == first:
                runs[-1][1] = last
            else:
                runs.append([first, last])
        ages = [f"{a}–{b}" if b > a else f"{a}" for a, b in runs]
        words.append(f"after the birth at {_join(ages)} months")
    return _join(words)


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
