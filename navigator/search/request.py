"""From what a person typed (a form, the API's query string, the command line) to a search.

One function serves the web page, the API and `navigator search`, so the three cannot
disagree about what `route=referral&age_months=7&postcode=BD3 8AA` means. A postcode becomes
areas through a locator (`navigator.geo`'s, passed in: search does not depend on geography);
areas near a boundary and areas decided by GP registration are kept in, since the family may
be eligible, and a note says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from navigator.content.directory import Directory
from navigator.content.vocabulary import LANGUAGE_NAMES, Audience, RouteKind, Stage
from navigator.engine.facts import Locator
from navigator.engine.flow import parse_months
from navigator.numbers import parse_whole
from navigator.search.filters import Filters
from navigator.search.query import PER_PAGE, SearchRequest

__all__ = ["BadSearch", "Parameters", "build_request"]

Choice = TypeVar("Choice", bound=StrEnum)


class BadSearch(ValueError):
    """A parameter that cannot be understood; the message says which and what is allowed."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


LABELS = {
    "audience": "Who will use it",
    "route": "The way in",
    "stage": "When",
    "age_months": "The baby's age in months",
    "ring": "The part of the system",
    "language": "The language",
    "page": "The page number",
    "per_page": "The number of results a page",
}


@dataclass(frozen=True)
class Parameters:
    """Search parameters as given, all text (empty means not given)."""

    q: str = ""
    audience: str = ""
    routes: Sequence[str] = ()
    stage: str = ""
    age_months: str = ""
    postcode: str = ""
    rings: Sequence[str] = ()
    page: str = "1"
    per_page: str = ""
    language: str = ""


def _member(name: str, value: str, kind: type[Choice], shown: str) -> Choice:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in kind)
        raise BadSearch(name, f"{LABELS[name]} must be one of {allowed}, not '{shown}'") from None


def _choice(name: str, value: str, kind: type[Choice]) -> Choice | None:
    if not value:
        return None
    return _member(name, value.strip().lower(), kind, shown=value)


def _choices(
    name: str, values: Sequence[str], kind: type[Choice], *, hyphens: bool = False
) -> tuple[Choice, ...]:
    """The distinct members of `kind` named by `values`; `hyphens` reads `-` as `_`
    (`self-referral`)."""
    found: list[Choice] = []
    for value in (v.strip().lower() for v in values if v.strip()):
        if hyphens:
            value = value.replace("-", "_")
        found.append(_member(name, value, kind, shown=value))
    return tuple(dict.fromkeys(found))


def _declared(name: str, values: Sequence[str], declared: Mapping[str, str]) -> tuple[str, ...]:
    """The distinct values named, each one the directory declares (`ring`: its rings)."""
    found: list[str] = []
    for value in (v.strip().lower() for v in values if v.strip()):
        if value not in declared:
            known = ", ".join(declared) or "none"
            raise BadSearch(name, f"{LABELS[name]} cannot be '{value}': it is one of {known}")
        found.append(value)
    return tuple(dict.fromkeys(found))


def _language(value: str) -> str | None:
    """A language code the navigator knows (English, which every service uses, is no filter)."""
    code = value.strip().lower()
    if not code or code == "en":
        return None
    if code not in LANGUAGE_NAMES:
        known = ", ".join(sorted(LANGUAGE_NAMES))
        raise BadSearch(
            "language", f"{LABELS['language']} cannot be '{value}': it is one of {known}"
        )
    return code


def _number(name: str, value: str, default: int, low: int, high: int) -> int:
    if not value.strip():
        return default
    number = parse_whole(value)
    if number is None:
        raise BadSearch(name, f"{LABELS[name]} must be a whole number, not '{value}'")
    if not low <= number <= high:
        raise BadSearch(name, f"{LABELS[name]} must be from {low} to {high}")
    return number


def _months(name: str, value: str, high: int) -> int:
    """An age typed as people say it (`7`, `7 months`, `1 year 2 months`); -1 if not given."""
    if not value.strip():
        return -1
    months = parse_months(value)
    if months is None:
        raise BadSearch(
            name, f"{LABELS[name]} must be a number, like 7 or 1 year 2 months, not '{value}'"
        )
    if months > high:
        raise BadSearch(name, f"{LABELS[name]} must be from 0 to {high}")
    return months


def build_request(
    given: Parameters, directory: Directory, locator: Locator | None = None
) -> tuple[SearchRequest, list[str]]:
    """The search `given` asks for, and notes to show with the results."""
    notes: list[str] = []
    audience = _choice("audience", given.audience, Audience)
    stage = _choice("stage", given.stage, Stage)
    age = _months("age_months", given.age_months, 240)
    areas: frozenset[str] | None = None
    if given.postcode.strip() and locator is not None:
        place = locator.locate(given.postcode)
        if place.known:
            found = {*place.areas, *place.near_boundary, *place.hints}
            by_gp = {a.id for a in directory.areas if a.decided_by == "gp_registration"}
            areas = frozenset(a for area in found | by_gp for a in directory.ancestors(area))
            if place.near_boundary:
                notes.append(
                    "This postcode is close to the edge of an area: services for that area are "
                    "included; please confirm with the service."
                )
            if by_gp:
                notes.append(
                    "Some NHS services go by the GP the family is registered with, not the "
                    "postcode: they are included; please check."
                )
        else:
            notes.append(place.message or "That postcode could not be found.")
            notes.append("Showing services for every area.")
    request = SearchRequest(
        text=given.q[:200],
        filters=Filters(
            audience=audience,
            routes=_choices("route", given.routes, RouteKind, hyphens=True),
            stage=stage,
            age_months=None if age < 0 else age,
            areas=areas,
            rings=_declared("ring", given.rings, directory.ring_labels()),
            language=_language(given.language),
        ),
        page=_number("page", given.page, 1, 1, 10_000),
        per_page=_number("per_page", given.per_page, PER_PAGE, 1, 100),
    )
    return request, notes
