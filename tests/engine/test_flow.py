"""parse_months: ages as people type them, and nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from navigator.engine.flow import parse_months


@pytest.mark.parametrize(
    ("typed", "months"),
    [
        ("7", 7),
        (" 7 ", 7),
        ("0", 0),
        ("7 months", 7),
        ("7 Months", 7),
        ("1 month", 1),
        ("7m", 7),
        ("7 mths", 7),
        ("7mo", 7),
        ("18 months old", 18),
        ("1 year", 12),
        ("2 years", 24),
        ("1y", 12),
        ("1 year 2 months", 14),
        ("1 year and 2 months", 14),
        ("1 year, 2 months", 14),
        ("1y 2m", 14),
        ("1y2m", 14),
    ],
)
def test_an_age_as_people_type_it(typed: str, months: int) -> None:
    assert parse_months(typed) == months


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "months",
        "old",
        "seven",
        "-1",
        "7.5",
        "²",
        "٧",
        "1 2",
        "7 weeks",
        "7 mm",
        "1000",
    ],
)
def test_anything_else_is_refused(typed: str) -> None:
    assert parse_months(typed) is None


@given(st.text(max_size=20))
def test_any_text_is_a_number_of_months_or_none(typed: str) -> None:
    found = parse_months(typed)
    assert found is None or (isinstance(found, int) and 0 <= found <= 99 * 12 + 999)
