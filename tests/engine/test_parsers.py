"""Properties of the parsers of what people type: ages (`parse_months`) and answers
(`read_answer`). None raises, whatever it is given; only ASCII digits are numbers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from navigator.content.loader import load
from navigator.content.pathway import QuestionKind
from navigator.engine.flow import parse_months, read_answer
from navigator.engine.outcome import AnswerValue
from tests.conftest import GOOD

BUNDLE = load([GOOD / "services.yaml", GOOD / "pathways"])
assert BUNDLE.directory is not None
DIRECTORY = BUNDLE.directory
PATHWAY = BUNDLE.pathways[0][0]
UNICODE_DIGITS = [chr(c) for c in range(0x110000) if chr(c).isdigit() and not "0" <= chr(c) <= "9"]


@given(st.text(max_size=40))
def test_an_age_never_raises_and_is_whole_months(text: str) -> None:
    months = parse_months(text)
    assert months is None or (isinstance(months, int) and 0 <= months <= 99 * 12 + 999)


@given(
    st.integers(0, 99),
    st.integers(0, 999),
    st.sampled_from(
        ["{y} years {m} months", "{y}y {m}m", "{y} yrs, {m} mths", "{y} year and {m} months old"]
    ),
)
def test_every_way_of_writing_an_age_reads_back(years: int, months: int, form: str) -> None:
    assert parse_months(form.format(y=years, m=months)) == years * 12 + months
    assert parse_months(f" {months} months ") == months


@given(st.text(max_size=6), st.sampled_from(UNICODE_DIGITS), st.text(max_size=6))
def test_a_digit_that_is_not_ascii_is_never_an_age(before: str, digit: str, after: str) -> None:
    assert parse_months(before + digit + after) is None


answer_values: st.SearchStrategy[AnswerValue] = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.booleans(),
    st.lists(st.text(max_size=10), max_size=4),
)


@given(answer_values)
def test_every_question_reads_any_answer_without_raising(value: AnswerValue) -> None:
    for question in PATHWAY.questions:
        found, error = read_answer(question, DIRECTORY, value)
        assert found is None or error is None
        if question.kind is QuestionKind.months and found is not None and found != "unknown":
            low, high = question.months_range()
            assert isinstance(found, int) and not isinstance(found, bool)
            assert low <= found <= high
