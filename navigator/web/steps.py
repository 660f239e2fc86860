"""A journey step for the web: the engine, plus what a web form adds to it (a question sent
back empty) and the answers to carry into the next link."""

from __future__ import annotations

from collections.abc import Mapping

from navigator.content.pathway import Pathway, QuestionKind, Sets
from navigator.content.vocabulary import Audience
from navigator.engine import Ask
from navigator.engine.outcome import AnswerValue
from navigator.web.answers import Answers
from navigator.web.catalogue import gettext


def empty_error(ask: Ask, like: str = "") -> str:
    """What to say when a question comes back with nothing chosen or typed; `like` is the
    site's example postcode (', like …'), if it has one."""
    if ask.kind == "single":
        return gettext("Select one option")
    if ask.kind == "multi":
        return (
            gettext("Select all that apply, or 'None of these'")
            if ask.question_id == "red_flags"
            else gettext("Select all that apply")
        )
    if ask.kind == "months":
        return gettext(
            "Enter the age in months from %(min)s to %(max)s, like 7 or 1 year 2 months",
            min=ask.min,
            max=ask.max,
        )
    example = like.removeprefix(", like ").strip()
    if ask.optional:
        if example:
            return gettext(
                "Enter a postcode, like %(example)s, or choose 'I do not know'", example=example
            )
        return gettext("Enter a postcode, or choose 'I do not know'")
    if example:
        return gettext("Enter a postcode, like %(example)s", example=example)
    return gettext("Enter a postcode")


def carried(given: Answers, kept: Mapping[str, AnswerValue]) -> Answers:
    """The answers for the next link: what the engine kept, plus given answers it has not
    reached yet (so a change to one answer does not throw away the later ones). The engine
    drops the ones that are no longer reachable when it gets there."""
    merged: Answers = {k: v for k, v in given.items() if v != "" and v != []}
    merged.update(kept)
    return merged


def is_family(pathway: Pathway, answers: Mapping[str, AnswerValue]) -> bool:
    """Whether the journey is a family's (family wording, quick exit, self-help first)."""
    for question in pathway.questions:
        if question.sets is Sets.audience:
            value = answers.get(question.id)
            if value in set(Audience):
                return value == Audience.family
    return Audience.practitioner not in pathway.audiences


def audience_question(pathway: Pathway) -> str | None:
    return next((q.id for q in pathway.questions if q.sets is Sets.audience), None)


def postcode_question(pathway: Pathway) -> str | None:
    return next((q.id for q in pathway.questions if q.kind is QuestionKind.postcode), None)
