"""Properties of the postcode parser and of masking by it: any spacing, case or kind of space
the parser accepts reads as the same postcode, and `masked` never lets one through."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from navigator.geo.postcode import compact, masked, outward, parse_postcode

SPACES = [chr(c) for c in range(0x110000) if "".join(f"a{chr(c)}b".split()) == "ab"]
POSTCODES = ["BD3 8AA", "BD39HH", "LS29 0AA", "M1 1AE", "W1A 0AX", "EC1A 1BB", "GIR 0AA"]


@st.composite
def spellings(draw: st.DrawFn) -> tuple[str, str]:
    """A postcode, and it as someone might type it: any case, any spaces anywhere."""
    postcode = draw(st.sampled_from(POSTCODES)).replace(" ", "")
    typed = ""
    for ch in postcode:
        typed += draw(st.text(st.sampled_from(SPACES), max_size=2))
        typed += ch.lower() if draw(st.booleans()) else ch
    typed += draw(st.text(st.sampled_from(SPACES), max_size=2))
    return postcode, typed


@given(spellings())
def test_every_spelling_reads_as_the_same_postcode(pair: tuple[str, str]) -> None:
    postcode, typed = pair
    assert compact(typed) == postcode
    assert parse_postcode(typed) == f"{postcode[:-3]} {postcode[-3:]}"
    assert outward(typed) == postcode[:-3]


@given(spellings(), st.text(max_size=20), st.text(max_size=20))
def test_masked_text_holds_no_postcode(pair: tuple[str, str], before: str, after: str) -> None:
    _, typed = pair
    text = f"{before} {typed} {after}"
    hidden = masked(text)
    words = hidden.split()
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + 7) + 1):
            assert compact("".join(words[start:end])) is None


@given(st.text(max_size=60))
def test_masking_never_raises_and_is_idempotent(text: str) -> None:
    once = masked(text)
    assert masked(once) == once
    if not any(ch.isdigit() for ch in text):
        assert once == text


@given(st.text(max_size=12))
def test_the_parser_never_raises_but_with_its_own_error(text: str) -> None:
    key = compact(text)
    assert key is None or (key.isascii() and key.isupper() and 5 <= len(key) <= 7)
