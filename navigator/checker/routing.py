"""FLOW-002: every answer to every question has somewhere to go.

The check walks the flow the way the engine does, but over every answer at once: each question
is answered with each of its choices (every combination that a condition can tell apart for a
multi-select, an age from each stretch that the age conditions mark out, 'skipped' for an
optional question), keeping only the answers that some condition reads. An answer for which
no branch holds would end the journey without a result. The same walk also finds questions
that branches point to but whose conditions can never hold on the way there (FLOW-001).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations

from navigator.checker.flow import reachable
from navigator.checker.intervals import bounds, months_range
from navigator.checker.scope import Scope, choice_ids, either, quoted
from navigator.content.directory import Directory
from navigator.content.finding import Finding, finding
from navigator.content.pathway import NONE_OF_THESE, RED_FLAGS, Pathway, Question, QuestionKind
from navigator.engine.flow import SKIP, next_branch
from navigator.engine.outcome import AnswerValue

MAX_STATES = 50_000
"""Beyond this many (question, answers) states the walk gives up and says so."""
MAX_MENTIONED = 10
"""A multi-select with more values in conditions than this is not enumerated."""
OTHER = "\x00other"
"""Stands for 'a choice no condition mentions' when the choices cannot be known."""
EXAMPLE_POSTCODE = "BD1 1AA"

Key = tuple[str, tuple[tuple[str, object], ...]]


@dataclass
class Walk:
    """What walking every answer found."""

    reached: set[str] = field(default_factory=set)
    falls: dict[str, dict[object, list[dict[str, AnswerValue]]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    """For each question, the answers with no branch, and the answers before them."""
    routed: set[tuple[str, object]] = field(default_factory=set)
    """(question, answer) pairs that did find a branch, after some earlier answers."""
    complete: bool = True


def check_routing(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    for pathway in scope.pathways():
        if pathway.question(pathway.start) is None:
            continue
        domains = Domains(pathway, scope.directory)
        walk = explore(pathway, domains)
        found += _falls(scope, pathway, domains, walk)
        if walk.complete:
            found += _never_reached(pathway, walk)
    return found


class Domains:
    """The answers worth trying for each question: one per outcome a condition can tell apart."""

    def __init__(self, pathway: Pathway, directory: Directory | None) -> None:
        self.pathway = pathway
        self.directory = directory
        conditions = [b.when for q in pathway.questions for b in q.next if b.when is not None]
        self.read: set[str] = {q for c in conditions for q in c.questions()}
        self.mentioned: dict[str, set[str]] = defaultdict(set)
        for condition in conditions:
            for question_id, value in condition.values():
                self.mentioned[question_id].add(value)
        self.ages: set[int] = {b for c in conditions for b in bounds(c)}
        age = pathway.months_question()
        self.age_question = age.id if age else None
        if self.ages and self.age_question:
            self.read.add(self.age_question)

    def of(self, question: Question) -> list[AnswerValue] | None:
        """The answers to try, or None when no condition reads this question."""
        if question.id not in self.read:
            return None
        values: list[AnswerValue]
        if question.kind is QuestionKind.months:
            values = list(self.segments())
        elif question.kind is QuestionKind.postcode:
            values = [EXAMPLE_POSTCODE]
        elif question.kind is QuestionKind.single:
            known = choice_ids(question, self.directory)
            values = list(known) if known is not None else [*self.mentioned[question.id], OTHER]
        else:
            values = self._subsets(question)
        return [*values, SKIP] if question.optional else values

    def segments(self) -> Iterator[int]:
        """The first month of each stretch of ages that the age conditions treat alike."""
        low, high = months_range(self.pathway)
        yield from sorted({low} | {b for b in self.ages if low < b <= high})

    def _subsets(self, question: Question) -> list[AnswerValue]:
        known = choice_ids(question, self.directory)
        mentioned = sorted(self.mentioned[question.id])
        if known is not None:
            mentioned = [m for m in mentioned if m in known]
        mentioned = mentioned[:MAX_MENTIONED]
        others = [c for c in known if c not in mentioned] if known is not None else [OTHER]
        found: list[AnswerValue] = [[others[0]]] if others else []
        for size in range(1, len(mentioned) + 1):
            found.extend(list(chosen) for chosen in combinations(mentioned, size))
        return found


def explore(pathway: Pathway, domains: Domains) -> Walk:
    walk = Walk()
    start: dict[str, AnswerValue] = {RED_FLAGS: [NONE_OF_THESE]}
    todo: list[tuple[str, dict[str, AnswerValue]]] = [(pathway.start, start)]
    seen: set[Key] = set()
    while todo:
        current, answers = todo.pop()
        key = (current, tuple(sorted((k, _hashable(v)) for k, v in answers.items())))
        if key in seen:
            continue
        if len(seen) >= MAX_STATES:
            walk.complete = False
            break
        seen.add(key)
        question = pathway.question(current)
        if question is None:
            continue  # a disposition (or an unknown id, which REF-001 reports)
        walk.reached.add(current)
        if not question.next:
            continue  # FLOW-004 reports it
        values = domains.of(question)
        for value in values if values is not None else [None]:
            after = dict(answers)
            if value is not None:
                after[current] = value
            branch = next_branch(pathway, question, after)
            if branch is None:
                walk.falls[current].setdefault(_hashable(value), []).append(answers)
            else:
                walk.routed.add((current, _hashable(value)))
                todo.append((branch.goto, after))
    return walk


def _falls(scope: Scope, pathway: Pathway, domains: Domains, walk: Walk) -> list[Finding]:
    found: list[Finding] = []
    for question in pathway.questions:
        falls = walk.falls.get(question.id)
        if not falls and (walk.complete or not question.next or question.next[-1].when is None):
            continue
        if not falls:
            message = (
                f"question '{question.id}' ends with a branch that has a `when`, and the flow is "
                "too large to check every answer: some answers may have nowhere to go."
            )
        else:
            shown = _values(question, domains, list(falls))
            context = _context(question, falls, walk.routed)
            message = (
                f"question '{question.id}' has no branch for {shown}{context}, so "
                "the journey would stop there without a result."
            )
        found.append(
            finding(
                "FLOW-002",
                scope.at(question, "next", key=True),
                message,
                either(
                    "add a last branch without `when` (an otherwise branch)",
                    "add a branch whose `when` covers these answers",
                ),
            )
        )
    return found


def _values(question: Question, domains: Domains, values: list[object]) -> str:
    words = []
    points = list(domains.segments())
    high = months_range(domains.pathway)[1]
    for value in values:
        if value == SKIP:
            words.append("'unknown' (skipped)")
        elif question.kind is QuestionKind.months and isinstance(value, int):
            later = [p for p in points if p > value]
            end = later[0] - 1 if later else high
            words.append(f"{value}–{end} months" if end > value else f"{value} months")
        elif isinstance(value, tuple):
            # A multi-select answer stands for every answer with just these mentioned choices.
            mentioned = domains.mentioned[question.id]
            picked = [f"'{v}'" for v in value if v in mentioned]
            none = f"(any answer without {quoted(sorted(mentioned))})"
            words.append(" + ".join(picked) if picked else none)
        elif value == OTHER:
            words.append("(another choice)")
        elif value is None:
            words.append("(any)")
        else:
            words.append(f"'{value}'")
    if words == ["(any)"]:
        return "any answer"
    if len(words) > 6:
        words = [*words[:6], f"{len(words) - 6} more"]
    return "the answer " + (
        words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    )


def _context(
    question: Question,
    falls: dict[object, list[dict[str, AnswerValue]]],
    routed: set[tuple[str, object]],
) -> str:
    """' (for example after stage = 'x')' when an answer has no branch only after particular
    earlier answers, and finds one after others."""
    partly = [v for v in falls if (question.id, v) in routed]
    if not partly:
        return ""
    example = falls[partly[0]][0]
    earlier = {k: v for k, v in example.items() if k not in (RED_FLAGS, question.id)}
    if not earlier:
        return ""
    return (
        " (for example after "
        + ", ".join(
            f"{k} = {quoted(v) if isinstance(v, list) else repr(v)}" for k, v in earlier.items()
        )
        + ")"
    )


def _never_reached(pathway: Pathway, walk: Walk) -> list[Finding]:
    linked = reachable(pathway)
    return [
        finding(
            "FLOW-001",
            question.field_at("id"),
            f"question '{question.id}' is never asked: the branches that go to it have "
            "conditions that cannot hold with the answers given on the way there.",
            either("correct those conditions", "remove the question"),
        )
        for question in pathway.questions
        if question.id in linked and question.id not in walk.reached
    ]


def _hashable(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value
