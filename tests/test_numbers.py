"""The one parser of whole numbers: ASCII digits only, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from navigator.numbers import MAX_DIGITS, parse_whole


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7),
        (" 12 ", 12),
        ("007", 7),
        ("0", 0),
        ("", None),
        ("-1", None),
        ("+1", None),
        ("1.5", None),
        ("1e3", None),
        ("²", None),
        ("①", None),
        ("٧", None),
        ("７", None),
        ("9" * MAX_DIGITS, int("9" * MAX_DIGITS)),
        ("9" * (MAX_DIGITS + 1), None),
    ],
)
def test_parse_whole(text: str, expected: int | None) -> None:
    assert parse_whole(text) == expected


@given(st.text())
def test_any_text_is_a_number_exactly_when_it_is_ascii_digits(text: str) -> None:
    stripped = text.strip()
    ascii_digits = bool(stripped) and all("0" <= ch <= "9" for ch in stripped)
    found = parse_whole(text)
    if ascii_digits and len(stripped) <= MAX_DIGITS:
        assert found == int(stripped)
    else:
        assert found is None


@given(st.integers(min_value=0, max_value=10**MAX_DIGITS - 1))
def test_every_number_reads_back(number: int) -> None:
    assert parse_whole(str(number)) == number
