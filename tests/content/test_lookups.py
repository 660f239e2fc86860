"""Looking things up by id in the content model: what a scan of the list would find."""

from __future__ import annotations

from typing import Any

from navigator.content.directory import Directory
from navigator.content.pathway import Pathway, QuestionKind


def _with_repeat(data: dict[str, Any], key: str, index: int, **changes: Any) -> dict[str, Any]:
    """`data` with a copy of item `index` of `data[key]`, changed, appended to the list."""
    return {**data, key: [*data[key], {**data[key][index], **changes}]}


def test_the_first_of_a_repeated_question_or_disposition_is_found(pathway: Pathway) -> None:
    data = pathway.model_dump(by_alias=True, exclude_none=True)
    data = _with_repeat(data, "questions", 0, text="A second question with the first's id")
    data = _with_repeat(data, "dispositions", 0, title="A second disposition")
    repeated = Pathway.model_validate(data)
    first_question, first_disposition = pathway.questions[0], pathway.dispositions[0]
    assert repeated.question(first_question.id) == first_question
    assert repeated.disposition(first_disposition.id) == first_disposition
    assert repeated.question("no-such-question") is None
    assert repeated.disposition("no-such-disposition") is None


def test_the_months_question_is_the_first_that_asks_for_months(pathway: Pathway) -> None:
    months = [q for q in pathway.questions if q.kind is QuestionKind.months]
    assert months and pathway.months_question() is months[0]


def test_the_first_of_a_repeated_area_is_found(directory: Directory) -> None:
    data = directory.model_dump(by_alias=True, exclude_none=True)
    repeated = Directory.model_validate(_with_repeat(data, "areas", 0, name="Another name"))
    assert repeated.area(directory.areas[0].id) == directory.areas[0]
    assert repeated.area("no-such-area") is None


def test_an_area_is_named_by_its_name_or_else_its_id(directory: Directory) -> None:
    area = directory.areas[0]
    assert directory.area_name(area.id) == area.name
    assert directory.area_name("no-such-area") == "no-such-area"
