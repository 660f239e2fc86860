"""A value of the wrong kind, explained in a commissioner's words: what was written, what the
place takes, and how to write it, never in the words of Python or of the validation library.

pydantic reports one error per type it tried (a union such as "`all` or a list of ids" gives
two); `explain` takes them all for one place and says it once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from navigator.content.finding import spelt

TEXT = {"string_type", "string_sub_type", "string_unicode"}
LIST = {"list_type", "tuple_type", "set_type", "iterable_type"}
CHOICE = {"literal_error", "enum"}
WHOLE = {"int_type", "int_parsing", "int_from_float", "int_parsing_size"}
NUMBER = {"float_type", "float_parsing", "decimal_type", "decimal_parsing"}
YES_NO = {"bool_type", "bool_parsing"}
BLOCK = {"model_type", "model_attributes_type", "dict_type", "mapping_type"}
CUSTOM = {"value_error", "assertion_error"}
LONGEST = 60
"""How much of a long value a message repeats."""


@dataclass(frozen=True)
class Explanation:
    message: str
    hint: str


def explain(
    where: str,
    key: str,
    value: Any,
    errors: Sequence[dict[str, Any]],
    block_keys: Sequence[str] = (),
) -> Explanation:
    """Why `value`, written at `where` (under the key `key`), is not what that place takes.
    `block_keys` are the keys of the block (or of each item of the list of blocks) it takes."""
    kinds = {str(e["type"]) for e in errors}
    custom = [e for e in errors if e["type"] in CUSTOM]
    if custom:
        return Explanation(
            f"{where}: {_custom(custom[0])}.",
            "Please either correct it as this says, or see docs/content.md for what it takes.",
        )
    choices = _choices(errors)
    blocks = _keys(block_keys)
    expected = _expected(kinds, choices, blocks)
    written = written_as(value)
    message = f"{where} is {written}, but it should be {expected}."
    lost = lost_zeros(value)
    if lost is not None and kinds & TEXT:
        return Explanation(
            f"{where} is written {lost} without quotes, so it is read as the number {value} "
            "and loses its leading 0.",
            f'Please either put it in quotes with its leading 0, "{lost}", or write it in words.',
        )
    return Explanation(message, _hint(key, value, kinds, choices, blocks))


def written_as(value: Any) -> str:
    """What was written, in words: 'the number 12', 'a list ([a, b])', 'empty'."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (read as yes or no)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"'{_short(value)}'"
    if isinstance(value, dict):
        return f"a block of keys ({_short(', '.join(f'{k}:' for k in value))})"
    if isinstance(value, list | tuple):
        return f"a list ({_short(_flow(value))})"
    return "a value of another kind"


def lost_zeros(value: Any) -> str | None:
    """The digits as written when YAML read `0123` as the number 123 (None otherwise)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    width = getattr(value, "_width", None)
    digits = str(int(value))
    if isinstance(width, int) and width > len(digits):
        return digits.zfill(width)
    return None


def _custom(error: dict[str, Any]) -> str:
    message = str(error.get("msg", ""))
    message = re.sub(r"^(Value error|Assertion failed), ", "", message)
    return message.rstrip(".")


def _choices(errors: Iterable[dict[str, Any]]) -> list[str]:
    found: list[str] = []
    for error in errors:
        if error["type"] in CHOICE:
            expected = str((error.get("ctx") or {}).get("expected", ""))
            found += [c for c in re.findall(r"'([^']*)'", expected) if c not in found]
    return found


def _keys(names: Sequence[str]) -> str:
    """'(goto:, when:)': the keys of a block, shown after the words 'a block of keys'."""
    shown = [f"{n}:" for n in names[:4]]
    return f" ({', '.join(shown)}{', …' if len(names) > 4 else ''})" if shown else ""


def _expected(kinds: set[str], choices: list[str], blocks: str) -> str:
    words: list[str] = []
    if choices == ["all"]:
        words.append("`all`")
    elif choices:
        words.append("one of " + _or(choices))
    if kinds & LIST and blocks:
        words.append(f"a list of blocks of keys{blocks}, each starting with '- '")
    elif kinds & LIST:
        words.append("a list, in brackets [a, b] or one item a line starting with '- '")
    if kinds & TEXT:
        words.append("text")
    if kinds & WHOLE:
        words.append("a whole number")
    elif kinds & NUMBER:
        words.append("a number")
    if kinds & YES_NO:
        words.append("true or false")
    if any(k.startswith(("date", "datetime")) for k in kinds):
        words.append("a date written YYYY-MM-DD (2026-06-01 for 1 June 2026)")
    if kinds & BLOCK:
        words.append(f"a block of keys{blocks}, each on a line of its own")
    if any(k in kinds for k in ("too_short", "too_long")):
        words.append("a list of another length")
    return " or ".join(words) or "a value of another kind (docs/content.md says which)"


def _hint(key: str, value: Any, kinds: set[str], choices: list[str], blocks: str) -> str:
    if kinds & LIST and blocks and not isinstance(value, list | tuple):
        return (
            f"Please either write each item as '- ' followed by its keys{blocks}, each key on a "
            "line of its own, or see docs/content.md for the keys an item takes."
        )
    if kinds & LIST and isinstance(value, str):
        items = [i.strip() for i in value.split(",") if i.strip()] or [value]
        brackets = "[" + ", ".join(items) + "]"
        also = ", or write `all`" if "all" in choices else ""
        return (
            f"Please either put it in brackets, {_short(brackets)}, or write each item on a "
            f"line of its own starting with '- '{also}."
        )
    if kinds & LIST and isinstance(value, dict):
        return (
            "Please either start each item with '- ' on a line of its own, or put the items in "
            "brackets [a, b]."
        )
    if value is None:
        return (
            f"Please either write the value after '{key}:' on the same line, or remove "
            f"'{key}:' if docs/content.md says it may be left out."
        )
    if kinds & LIST and not isinstance(value, list | tuple):
        also = ", or write `all`" if "all" in choices else ""
        return (
            "Please either write the items in brackets, [a, b], or write each item on a line "
            f"of its own starting with '- '{also}."
        )
    if choices:
        return spelt(value if isinstance(value, str) else "", choices) + (
            f"Please either write one of {_or(choices)}, or see docs/content.md for what each "
            "means."
        )
    if kinds & TEXT and isinstance(value, int | float) and not isinstance(value, bool):
        return (
            f'Please either put it in quotes, "{value}", so it is read as text, or write it in '
            "words."
        )
    if kinds & TEXT and isinstance(value, bool):
        return (
            f"Please either put it in quotes so it is read as text, or write something other "
            f"than {str(value).lower()}."
        )
    if kinds & TEXT:
        return (
            "Please either write it as one piece of text after the ':', or, if the text starts "
            "with '[', '{' or '- ' or contains ': ', put all of it in quotes."
        )
    if kinds & YES_NO:
        return (
            f"Please either write true or false, or remove '{key}:' if docs/content.md says it "
            "may be left out."
        )
    if kinds & (WHOLE | NUMBER):
        return "Please either write the number in digits (12, not twelve), or remove the key."
    if any(k.startswith(("date", "datetime")) for k in kinds):
        return "Please either write the date as YYYY-MM-DD, or remove the key if it is not known."
    if kinds & BLOCK:
        return (
            f"Please either write its keys{blocks} on lines of their own, indented under "
            f"'{key}:', or see docs/content.md for the keys it takes."
        )
    return "Please either correct the value, or see docs/content.md for what this place takes."


def _flow(value: Iterable[Any]) -> str:
    return "[" + ", ".join(str(v) if isinstance(v, str | int) else "…" for v in value) + "]"


def _short(text: str) -> str:
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"


def _or(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
