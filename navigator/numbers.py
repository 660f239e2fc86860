"""Whole numbers as people and programs send them: the one parser every input goes through.

Only the ASCII digits 0 to 9 count. Python's `int()` and `str.isdigit()` accept other digits
(`int("٧")` is 7, `"²".isdigit()` is true but `int("²")` fails), so a check with one and a
conversion with the other crashed on `age=²`; here both are one step and never raise."""

from __future__ import annotations

import re

__all__ = ["MAX_DIGITS", "parse_whole"]

MAX_DIGITS = 9
"""No number the navigator reads has more digits than this (a baby's age, a page, metres);
longer ones are refused before they are converted."""

_WHOLE = re.compile(r"[0-9]+", re.ASCII)


def parse_whole(text: str, *, digits: int = MAX_DIGITS) -> int | None:
    """`"7"` → 7; `" 12 "` → 12 (spaces around are ignored). None for anything else: a sign,
    a decimal point, a non-ASCII digit (`²`, `٧`, `①`), an empty text, or more than `digits`
    digits."""
    stripped = text.strip()
    if not stripped or len(stripped) > digits or not _WHOLE.fullmatch(stripped):
        return None
    return int(stripped)
