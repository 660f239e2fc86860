"""Answers in words: the rows of 'Check your answers', and the facts a referral summary prints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from navigator.content.directory import Directory
from navigator.content.pathway import RED_FLAGS, Choice, Pathway, QuestionKind, Sets
from navigator.engine.flow import SKIP, choices, red_flag_choices
from navigator.engine.outcome import AnswerValue
from navigator.geo.postcode import outward
from navigator.numbers import parse_whole


@dataclass(frozen=True)
class Row:
    """One answered question: its wording, the answer in words, and the key of its answer."""

    question_id: str
    question: str
    answer: list[str]


def rows(
    pathway: Pathway, directory: Directory, answers: Mapping[str, AnswerValue], family: bool
) -> list[Row]:
    """The answers in the order they were asked, worded for the audience."""
    found: list[Row] = []
    if RED_FLAGS in answers:
        text = (family and pathway.family_red_flag_question) or pathway.red_flag_question
        labels = _labels(red_flag_choices(pathway), family)
        found.append(Row(RED_FLAGS, text, _words(answers[RED_FLAGS], labels)))
    for question in pathway.questions:
        if question.id not in answers:
            continue
        value = answers[question.id]
        text = (family and question.family_text) or question.text
        if value == SKIP:
            words = ["I do not know"]
        elif question.kind is QuestionKind.months:
            words = [months(value)]
        elif question.kind is QuestionKind.postcode:
            words = [str(value)]
        else:
            words = _words(value, _labels(choices(question, directory), family))
        found.append(Row(question.id, text, words))
    return found


def months(value: AnswerValue) -> str:
    number = value if isinstance(value, int) else parse_whole(str(value))
    if number is None:
        return str(value)
    return "1 month" if number == 1 else f"{number} months"


def _labels(options: list[Choice], family: bool) -> dict[str, str]:
    return {c.id: (family and c.family_label) or c.label for c in options}


def _words(value: AnswerValue, labels: dict[str, str]) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [labels.get(str(v), str(v)) for v in values]


@dataclass(frozen=True)
class FamilyFacts:
    """What the answers say about the family, for a referral summary. Never the full
    postcode: only its outward code."""

    stage: str | None
    age: str | None
    concerns: list[str]
    need: str | None
    postcode_district: str | None


def family_facts(
    pathway: Pathway, directory: Directory, answers: Mapping[str, AnswerValue]
) -> FamilyFacts:
    stage = age = need = district = None
    concerns: list[str] = []
    for question in pathway.questions:
        value = answers.get(question.id)
        if value is None or value == SKIP:
            continue
        labels = _labels(choices(question, directory), False)
        if question.sets is Sets.stage:
            stage = "Pregnancy" if value == "pregnancy" else labels.get(str(value), str(value))
            if value == "postnatal":
                stage = "The baby is born"
        elif question.sets is Sets.age_months:
            age = months(value)
        elif question.sets is Sets.concerns:
            concerns = [c for c in _words(value, labels) if c]
        elif question.sets is Sets.need:
            need = labels.get(str(value), str(value))
        elif question.sets is Sets.postcode:
            district = outward(str(value)) or None
    return FamilyFacts(stage, age, concerns, need, district)
