"""AGE-001: every age interval is a real, non-empty stretch of months that a baby's age (as the
pathway asks it) can fall in."""

from __future__ import annotations

from collections.abc import Iterator

from navigator.checker.scope import Scope, either
from navigator.content.condition import Condition
from navigator.content.directory import Interval
from navigator.content.finding import Finding, finding
from navigator.content.pathway import DEFAULT_MONTHS, Pathway


def months_range(pathway: Pathway) -> tuple[int, int]:
    """The smallest and largest age the pathway's months question accepts (both included)."""
    question = pathway.months_question()
    return DEFAULT_MONTHS if question is None else question.months_range()


def check_intervals(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    ranges = [months_range(p) for p in scope.pathways()] or [DEFAULT_MONTHS]
    if scope.directory is not None:
        for service in scope.directory.services:
            for route in service.routes:
                interval = route.eligibility.age_months
                if interval is not None:
                    owner = f"the {route.kind.value} route of '{service.id}'"
                    found += _interval(interval, owner, ranges, "the pathways ask about")
    for pathway in scope.pathways():
        found += _question_range(pathway)
        for owner, condition in _conditions(pathway):
            for interval in ages(condition):
                found += _interval(interval, owner, [months_range(pathway)], "the pathway asks")
    return found


def _interval(
    interval: Interval, owner: str, ranges: list[tuple[int, int]], asked: str
) -> list[Finding]:
    start, end = interval.start, interval.end
    if start < 0 or (end is not None and end < 0):
        field = "start" if start < 0 else "end"
        return [
            finding(
                "AGE-001",
                interval.field_at(field),
                f"{owner} has a negative age ({interval}): ages are months after the birth.",
                either(
                    "correct the number",
                    "use `stages: [pregnancy]` for a route that is for pregnancy",
                ),
            )
        ]
    if end is not None and start >= end:
        return [
            finding(
                "AGE-001",
                interval.field_at("end"),
                f"{owner} has an age interval from {start} to {end}, which holds no month: "
                "`to` is the first month no longer included, so it must be larger than `from`.",
                either(f"make `to` larger than {start}", "swap `from` and `to`"),
            )
        ]
    if not any(start <= high and (end is None or end > low) for low, high in ranges):
        shown = " or ".join(f"{low}–{high}" for low, high in ranges)
        return [
            finding(
                "AGE-001",
                interval.at,
                f"{owner} has the age interval {interval}, but {asked} only ages {shown} "
                "months, so it can never match.",
                either("correct the interval", "widen the months question's `min` and `max`"),
            )
        ]
    return []


def _question_range(pathway: Pathway) -> list[Finding]:
    question = pathway.months_question()
    if question is None:
        return []
    low, high = months_range(pathway)
    if low < 0 or high < low:
        return [
            finding(
                "AGE-001",
                question.field_at("max" if low >= 0 else "min"),
                f"question '{question.id}' accepts ages from {low} to {high} months, "
                "which is no age at all.",
                either("make `min` at least 0", "make `max` at least `min`"),
            )
        ]
    return []


def _conditions(pathway: Pathway) -> Iterator[tuple[str, Condition]]:
    for question in pathway.questions:
        for number, branch in enumerate(question.next, 1):
            if branch.when is not None:
                yield f"branch {number} of question '{question.id}'", branch.when
    for rule in pathway.rules:
        if rule.when is not None:
            yield f"rule '{rule.id}'", rule.when


def ages(condition: Condition) -> Iterator[Interval]:
    """Every age interval in `condition` and the conditions inside it."""
    if condition.age_months is not None:
        yield condition.age_months
    for child in condition.children():
        yield from ages(child)


def bounds(condition: Condition) -> set[int]:
    """The months at which `condition` can change from false to true or back."""
    return {b for i in ages(condition) for b in (i.start, i.end) if b is not None}
