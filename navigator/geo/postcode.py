"""UK postcodes: normalising and validating what people type.

`parse_postcode("bd38aa")` gives `"BD3 8AA"`: spaces anywhere are ignored, letters are
upper-cased and the single space goes before the last three characters (the inward code).
The pattern follows the Royal Mail rules for which letters may stand in each position, so
`"BD3 8CA"` (C is never used in the inward code) or `"QD3 8AA"` (no area starts with Q) are
refused. `GIR 0AA` (Girobank) is the one historic exception and is accepted.
"""

from __future__ import annotations

import re

__all__ = ["InvalidPostcode", "compact", "is_postcode", "masked", "outward", "parse_postcode"]

_OUTWARD = (
    r"(?:"
    r"[A-PR-UWYZ][0-9][0-9]?"  # A9, A99
    r"|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"  # AA9, AA99
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"  # A9A
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]"  # AA9A
    r")"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_PATTERN = re.compile(rf"(?:{_OUTWARD}{_INWARD}|GIR0AA)")

DOCUMENTED_PATTERN = rf"^(?:{_OUTWARD} ?{_INWARD}|GIR ?0AA)$"
"""A postcode as the OpenAPI document describes it: capitals, one optional space. The parser
accepts more (any case and spacing); everything this pattern allows, it accepts."""

_LONGEST = 7
"""No postcode has more than seven characters once its space is taken out."""


class InvalidPostcode(ValueError):
    """The text is not a UK postcode. The message is safe to show to the person who typed it."""


def compact(text: str) -> str | None:
    """`text` as a postcode without its space (`"BD38AA"`), or None if it is not a postcode."""
    # Whitespace of any kind, anywhere, is what people and copy-paste add; anything else
    # (hyphens, dots) is not part of a postcode, so it makes the text not a postcode.
    squeezed = "".join(text.split())
    # Checked before upper-casing: str.upper() turns some non-ASCII letters into ASCII ones
    # ("ſ" becomes "S"), which would let text that is not a postcode pass.
    if len(squeezed) > _LONGEST or not squeezed.isascii():
        return None
    squeezed = squeezed.upper()
    return squeezed if _PATTERN.fullmatch(squeezed) else None


def is_postcode(text: str) -> bool:
    """Whether `text` is a well-formed UK postcode (it may still not exist)."""
    return compact(text) is not None


def parse_postcode(text: str) -> str:
    """The normalised form of a UK postcode (`"bd38aa"` → `"BD3 8AA"`).

    Raises `InvalidPostcode` for text that is not a well-formed UK postcode. Well-formed is not
    the same as real: `"BD3 9ZZ"` passes here and is then simply not found.
    """
    squeezed = compact(text)
    if squeezed is None:
        raise InvalidPostcode(
            "That is not a UK postcode. A postcode has two parts, like SW1A 1AA: letters and "
            "numbers, then a number and two letters."
        )
    return f"{squeezed[:-3]} {squeezed[-3:]}"


def outward(postcode: str) -> str:
    """The outward code (postcode district): `"BD3 8AA"` or `"bd38aa"` → `"BD3"`; empty for
    text that is not a postcode. Print this, never the whole postcode, on anything that leaves
    the screen."""
    key = compact(postcode)
    return key[:-3] if key else ""


def masked(text: str) -> str:
    """`text` with every run of words that `compact` reads as a postcode replaced by its outward
    code and `***`: `"near BD3 8AA now"` → `"near BD3 *** now"`, `"BD 38AA"` → `"BD3 ***"`.
    The parser decides, not a pattern, so whatever spacing, case or kind of space the site
    accepts as a postcode is masked too. Words are split on whitespace as `compact` does."""
    words = text.split()
    if not any(any(ch.isdigit() for ch in word) for word in words):
        return text
    kept: list[str] = []
    start = 0
    changed = False
    while start < len(words):
        end = _postcode_end(words, start)
        if end is None:
            kept.append(words[start])
            start += 1
            continue
        key = compact(" ".join(words[start:end]))
        assert key is not None
        kept.append(f"{key[:-3]} ***")
        start, changed = end, True
    return " ".join(kept) if changed else text


def _postcode_end(words: list[str], start: int) -> int | None:
    """The end of the longest run of words from `start` that is a postcode, if any."""
    length = 0
    best = None
    for end in range(start + 1, len(words) + 1):
        length += len(words[end - 1])
        if length > _LONGEST:
            break
        if compact("".join(words[start:end])) is not None:
            best = end
    return best
