"""The question flow: red flags first, then from `start` along the first branch whose condition
holds, reading answers as it goes. Answers to questions it does not pass are dropped."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from navigator.content.directory import Directory
from navigator.content.pathway import (
    NONE_OF_THESE,
    RED_FLAGS,
    Branch,
    Choice,
    Pathway,
    Question,
    QuestionKind,
)
from navigator.engine.outcome import AnswerValue
from navigator.geo.postcode import is_postcode, parse_postcode
from navigator.numbers import parse_whole

RawAnswers = Mapping[str, AnswerValue]

SKIP = "unknown"
"""The answer to an optional question that the person skipped ("I don't know")."""


@dataclass
class Walk:
    """Where a walk through the flow stopped, and what it kept on the way."""

    answers: dict[str, AnswerValue] = field(default_factory=dict)
    path: list[str] = field(default_factory=list)
    ask: Question | None = None
    error: str | None = None
    given: AnswerValue | None = None
    disposition: str | None = None
    red_flags: list[str] = field(default_factory=list)


def choices(question: Question, directory: Directory) -> list[Choice]:
    """The question's choices, taken from the directory's vocabulary where it says so."""
    if question.choices_from == "concerns":
        vocabulary = [
            Choice(id=c.id, label=c.label, family_label=c.family_label) for c in directory.concerns
        ]
        return vocabulary + question.choices
    if question.choices_from == "facts":
        vocabulary = [
            Choice(id=f.id, label=f.label, family_label=f.family_label) for f in directory.facts
        ]
        return vocabulary + question.choices
    if question.choices_from == "need_levels":
        return [
            Choice(id=n.id, label=n.label, family_label=n.family_label, hint=n.description or None)
            for n in directory.need_levels
        ]
    return question.choices


def red_flag_choices(pathway: Pathway) -> list[Choice]:
    flags = [Choice(id=f.id, label=f.label, family_label=f.family_label) for f in pathway.red_flags]
    return [*flags, Choice(id=NONE_OF_THESE, label="None of these", exclusive=True)]


def read_red_flags(
    pathway: Pathway, raw: AnswerValue | None
) -> tuple[list[str] | None, str | None]:
    """The red flags answered yes (empty for 'none of these'), or None and why not."""
    if raw is None or raw == "" or raw == []:
        return None, None
    values = _as_list(raw)
    known = {f.id for f in pathway.red_flags}
    unknown = [v for v in values if v not in known and v != NONE_OF_THESE]
    if unknown:
        return None, "Select the signs that apply, or 'None of these'"
    flags = [v for v in values if v in known]
    if not flags and NONE_OF_THESE not in values:
        return None, "Select the signs that apply, or 'None of these'"
    return flags, None


def walk(pathway: Pathway, directory: Directory, raw: RawAnswers) -> Walk:
    """Follow the flow as far as the answers go."""
    result = Walk()
    flags, error = read_red_flags(pathway, raw.get(RED_FLAGS))
    if flags is None:
        result.error, result.given = error, raw.get(RED_FLAGS) if error else None
        return result
    result.answers[RED_FLAGS] = flags or [NONE_OF_THESE]
    if flags:
        result.red_flags = flags
        return result
    current = pathway.start
    seen: set[str] = set()
    while True:
        question = pathway.question(current)
        if question is None:
            result.disposition = current
            return result
        if current in seen:  # the checker forbids cycles; never loop if one slips through
            result.disposition = None
            return result
        seen.add(current)
        result.path.append(current)
        given = raw.get(current)
        value, error = read_answer(question, directory, given)
        if value is None:
            result.ask, result.error = question, error
            result.given = given if error else None
            return result
        result.answers[current] = value
        branch = next_branch(pathway, question, result.answers)
        if branch is None:
            result.disposition = None
            return result
        current = branch.goto


def next_branch(
    pathway: Pathway, question: Question, answers: Mapping[str, AnswerValue]
) -> Branch | None:
    """The first branch of `question` whose condition holds for `answers`; `age_months`
    conditions read the answer to the pathway's months question."""
    months = pathway.months_question()
    age = answers.get(months.id) if months else None
    age_months = age if isinstance(age, int) else None
    return next(
        (b for b in question.next if b.when is None or b.when.holds(answers, age_months)), None
    )


def postcode_problem(text: str, like: str = "") -> str | None:
    """The error for an answer that is not a UK postcode, or None. `like` is the site's
    example (', like …'), if it has one."""
    if not text.strip():
        return f"Enter a postcode{like}"
    if not is_postcode(text):
        return f"Enter a real postcode{like}"
    return None


def read_answer(
    question: Question, directory: Directory, given: AnswerValue | None
) -> tuple[AnswerValue | None, str | None]:
    """The answer in its proper type, or None and the error to show (None if not answered)."""
    if given is None or given == "" or given == []:
        return None, None
    if question.optional and given == SKIP:
        return SKIP, None
    if question.kind is QuestionKind.months:
        return _months(question, given)
    if question.kind is QuestionKind.postcode:
        text = given if isinstance(given, str) else ""
        problem = postcode_problem(text, directory.site.like())
        return (None, problem) if problem else (parse_postcode(text), None)
    offered = choices(question, directory)
    ids = [c.id for c in offered]
    if question.kind is QuestionKind.single:
        if isinstance(given, str) and given in ids:
            return given, None
        return None, "Select one option"
    values = [v for v in _as_list(given) if v]
    if not values or any(v not in ids for v in values):
        return None, "Select all that apply"
    exclusive = {c.id for c in offered if c.exclusive}
    if len(values) > 1 and exclusive & set(values):
        return None, "Select the options that apply, or the one that says none apply, not both"
    return sorted(set(values), key=ids.index), None


_AGE = re.compile(
    r"(?:(?P<years>[0-9]{1,2}) ?(?:years?|yrs?|y)(?![a-z]) ?(?:, ?|and )?)?"
    r"(?:(?P<months>[0-9]{1,3}) ?(?:months?|mths?|mos?|m)?(?![a-z]))? ?(?:old)?",
    re.ASCII,
)


def parse_months(text: str) -> int | None:
    """An age as people type it, in months: `7`, `7 months`, `7m`, `1 year 2 months`,
    `1y 2m`, `2 years`, `18 months old`. None for anything else, including digits that are
    not 0 to 9 (`²`, `٧`): only ASCII digits count."""
    found = _AGE.fullmatch(" ".join(text.lower().split()))
    if found is None or (found["years"] is None and found["months"] is None):
        return None
    years = parse_whole(found["years"] or "0")
    months = parse_whole(found["months"] or "0")
    return None if years is None or months is None else years * 12 + months


def _months(question: Question, given: AnswerValue) -> tuple[AnswerValue | None, str | None]:
    low, high = question.months_range()
    message = f"Enter the age in months from {low} to {high}, like 7 or 1 year 2 months"
    # A JSON `true` is an int to Python: refused, as is any answer that is not a number.
    if isinstance(given, bool):
        return None, message
    months = given if isinstance(given, int) else parse_months(str(given))
    if months is None:
        return None, message
    return (months, None) if low <= months <= high else (None, message)


def _as_list(raw: AnswerValue) -> list[str]:
    if isinstance(raw, list):
        return [str(v) for v in raw]
    return [str(raw)]
