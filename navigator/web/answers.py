"""Answers live in the query string, under the questions' stable ids: `?red_flags=none&
stage=postnatal&age=5&concerns=bonding&concerns=sleep`. A multi-select repeats its key. So a link
reproduces a journey, and the server keeps nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from navigator.content.pathway import RED_FLAGS, Pathway, QuestionKind
from navigator.engine.flow import SKIP
from navigator.engine.outcome import AnswerValue

Answers = dict[str, AnswerValue]


def question_ids(pathway: Pathway) -> list[str]:
    """Every answer key of the pathway, in the order questions are asked."""
    return [RED_FLAGS, *(q.id for q in pathway.questions)]


def read_answers(query: QueryParams | Mapping[str, object], pathway: Pathway) -> Answers:
    """The pathway's answers in `query`; other keys are ignored. A blank value is kept as ''
    (the person submitted nothing), a skipped question as 'unknown'."""
    multi = {RED_FLAGS} | {q.id for q in pathway.questions if q.kind is QuestionKind.multi}
    optional = {q.id for q in pathway.questions if q.optional}
    answers: Answers = {}
    for key in question_ids(pathway):
        values = _values(query, key)
        if not values:
            continue
        given = [v for v in values if v.strip()]
        if key in optional and SKIP in given:
            # The "I don't know" button sends 'unknown' whatever else the form held.
            answers[key] = SKIP
        elif key in multi:
            answers[key] = given
        else:
            answers[key] = given[-1].strip() if given else ""
    return answers


def _values(query: QueryParams | Mapping[str, object], key: str) -> list[str]:
    if isinstance(query, QueryParams):
        return query.getlist(key)
    value = query.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def pairs(
    answers: Mapping[str, AnswerValue], pathway: Pathway, *, without: str = ""
) -> list[tuple[str, str]]:
    """The answers as (key, value) pairs in question order, a multi-select repeated."""
    found: list[tuple[str, str]] = []
    for key in _ordered(answers, pathway):
        if key == without:
            continue
        value = answers[key]
        if isinstance(value, list):
            found.extend((key, str(v)) for v in value)
        else:
            found.append((key, str(value)))
    return found


def query(answers: Mapping[str, AnswerValue], pathway: Pathway, *, without: str = "") -> str:
    """The query string (without '?') that carries these answers."""
    return urlencode(pairs(answers, pathway, without=without))


def with_query(path: str, answers: Mapping[str, AnswerValue], pathway: Pathway) -> str:
    text = query(answers, pathway)
    return f"{path}?{text}" if text else path


def _ordered(answers: Mapping[str, AnswerValue], pathway: Pathway) -> Iterable[str]:
    order = question_ids(pathway)
    return sorted((k for k in answers if k in order), key=order.index)
