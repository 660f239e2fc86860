"""Exploring a pathway's answer space: every path through the questions, with a bounded set of
answers per question, to prove there are no dead ends and no empty results."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from navigator.content.directory import Directory
from navigator.content.pathway import DEFAULT_MONTHS, RED_FLAGS, Pathway
from navigator.engine.facts import Locator
from navigator.engine.flow import SKIP
from navigator.engine.navigate import navigate
from navigator.engine.outcome import AnswerValue, Ask, Outcome, Result


@dataclass
class Exploration:
    """What a walk of the answer space found."""

    results: int = 0
    questions: int = 0
    dead_ends: list[dict[str, AnswerValue]] = field(default_factory=list)
    """Answers after which the engine asked nothing and showed nothing."""
    empty: list[dict[str, AnswerValue]] = field(default_factory=list)
    """Answers whose result offered no service at all."""
    truncated: bool = False


def ages(directory: Directory, low: int, high: int) -> list[int]:
    """Every age where some route's eligibility changes, and the month before it."""
    edges = {low, high}
    for service in directory.services:
        for route in service.routes:
            interval = route.eligibility.age_months
            if interval is not None:
                edges.update({interval.start, interval.start - 1})
                if interval.end is not None:
                    edges.update({interval.end, interval.end - 1})
    return sorted(a for a in edges if low <= a <= high)


def answers_for(ask: Ask, directory: Directory, postcodes: Sequence[str]) -> Iterator[AnswerValue]:
    """A bounded, representative set of answers to one question."""
    ids = [o.id for o in ask.options]
    if ask.question_id == RED_FLAGS:
        yield ["none"]
        yield from ([i] for i in ids if i != "none")
    elif ask.kind == "single":
        yield from ids
    elif ask.kind == "multi":
        plain = [o.id for o in ask.options if not o.exclusive]
        yield from ([i] for i in ids)
        if len(plain) > 1:
            yield plain[:2]
            yield plain
    elif ask.kind == "months":
        low, high = DEFAULT_MONTHS
        yield from ages(
            directory,
            ask.min if ask.min is not None else low,
            ask.max if ask.max is not None else high,
        )
    elif ask.kind == "postcode":
        yield from postcodes
    if ask.optional:
        yield SKIP


def explore(
    pathway: Pathway,
    directory: Directory,
    locator: Locator | None = None,
    postcodes: Sequence[str] = (),
    limit: int = 200_000,
) -> Exploration:
    """Walk every path (depth first) until `limit` outcomes have been seen."""
    found = Exploration()
    stack: list[dict[str, AnswerValue]] = [{}]
    while stack:
        if found.results + found.questions >= limit:
            found.truncated = True
            break
        answers = stack.pop()
        outcome: Outcome = navigate(pathway, directory, answers, locator)
        if isinstance(outcome, Result):
            found.results += 1
            if not outcome.complete:
                found.dead_ends.append(answers)
            if not outcome.cards() and not outcome.ask_about:
                found.empty.append(answers)
            continue
        found.questions += 1
        if outcome.error or outcome.question_id in answers:
            found.dead_ends.append(answers)
            continue
        for value in answers_for(outcome, directory, postcodes):
            stack.append({**outcome.answers, outcome.question_id: value})
    return found
