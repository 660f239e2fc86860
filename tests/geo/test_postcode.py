"""Normalising and validating UK postcodes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from navigator.geo.build import read_postcodes
from navigator.geo.postcode import InvalidPostcode, compact, is_postcode, outward, parse_postcode

from .conftest import DATA


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bd38aa", "BD3 8AA"),
        ("BD3 8AA", "BD3 8AA"),
        ("  bd3   8aa ", "BD3 8AA"),
        ("Bd3\t8Aa\n", "BD3 8AA"),
        ("BD1 1AA", "BD1 1AA"),
        ("bd120aa", "BD12 0AA"),
        ("LS290AA", "LS29 0AA"),
        ("ls29 0aa", "LS29 0AA"),
        ("BD 3 8AA", "BD3 8AA"),  # spaces anywhere are ignored
        ("M1 1AE", "M1 1AE"),  # A9 9AA
        ("B33 8TH", "B33 8TH"),  # A99 9AA
        ("W1A 0AX", "W1A 0AX"),  # A9A 9AA
        ("CR2 6XH", "CR2 6XH"),  # AA9 9AA
        ("DN55 1PT", "DN55 1PT"),  # AA99 9AA
        ("EC1A 1BB", "EC1A 1BB"),  # AA9A 9AA
        ("gir 0aa", "GIR 0AA"),
    ],
)
def test_normalises(text: str, expected: str) -> None:
    assert parse_postcode(text) == expected
    assert is_postcode(text)
    assert compact(text) == expected.replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "BD3",  # a district, not a postcode
        "8AA",
        "BD3 8A",
        "BD3 8AAA",
        "BD38 8AAX",
        "BD3-8AA",  # only whitespace may separate the parts
        "BD3 8CA",  # C, I, K, M, O, V never appear in the inward code
        "BD3 8AI",
        "QD3 8AA",  # no area starts with Q, V or X
        "VD3 8AA",
        "XD3 8AA",
        "BJ3 8AA",  # I, J, Z are never second
        "BZ3 8AA",
        "W1I 0AX",  # A9A: the fourth letter is restricted
        "EC1Z 1BB",  # AA9A: so is this one
        "1BD 8AA",
        "ſW1A 1AA",  # upper-cases to SW1A 1AA, but is not ASCII
        "ＢＤ３ ８ＡＡ",  # full-width characters
        "BD3 8AA; DROP TABLE",
        "x" * 10_000,
    ],
)
def test_refuses_what_is_not_a_postcode(text: str) -> None:
    assert not is_postcode(text)
    assert compact(text) is None
    with pytest.raises(InvalidPostcode, match="not a UK postcode"):
        parse_postcode(text)


def test_invalid_postcode_is_a_value_error() -> None:
    assert issubclass(InvalidPostcode, ValueError)


def test_outward() -> None:
    assert outward("BD3 8AA") == "BD3"
    assert outward("LS29 0AA") == "LS29"
    assert outward("bd38aa") == "BD3"
    assert outward("not a postcode") == ""


def test_every_postcode_in_the_data_is_well_formed() -> None:
    # read_postcodes raises on a row that does not parse, so reading them all is the test.
    postcodes = [postcode for postcode, _, _ in read_postcodes(DATA)]
    assert len(postcodes) == 23_898 + 32_762
    assert all(parse_postcode(p) == p for p in postcodes)


@given(st.text(max_size=20))
def test_parsing_is_idempotent_and_never_fails_otherwise(text: str) -> None:
    squeezed = compact(text)
    if squeezed is None:
        with pytest.raises(InvalidPostcode):
            parse_postcode(text)
    else:
        postcode = parse_postcode(text)
        assert parse_postcode(postcode) == postcode
        assert postcode.replace(" ", "") == squeezed
        assert len(postcode.split(" ")[1]) == 3
