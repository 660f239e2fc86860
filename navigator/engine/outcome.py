"""What the engine returns: the next question to ask (`Ask`), or a `Result`.

Both are plain dataclasses of plain values, so `as_json` gives the JSON that the command line
and the API print (documented in docs/engine-json.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

AnswerValue = str | int | list[str]


@dataclass(frozen=True)
class Option:
    """A choice as shown: its id and its wording for this audience."""

    id: str
    label: str
    hint: str | None = None
    exclusive: bool = False


@dataclass(frozen=True)
class Ask:
    """The next question, worded for the audience, with the answers kept so far."""

    pathway_id: str
    pathway_version: str
    question_id: str
    kind: str
    text: str
    hint: str | None
    why_we_ask: str | None
    options: list[Option]
    optional: bool
    min: int | None
    """For a `months` question, the smallest answer allowed (the default range applied)."""
    max: int | None
    """For a `months` question, the largest answer allowed."""
    answers: dict[str, AnswerValue]
    """The answers still in force (answers to questions no longer reachable are dropped)."""
    error: str | None = None
    """Why the answer given to this question could not be used, in words a person can act on."""
    given: AnswerValue | None = None
    """What was given for this question, to show back with the error."""
    previous: str | None = None
    """The question before this one, for the back link."""
    type: Literal["question"] = "question"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Reason:
    """One criterion checked, with the words and the `file:line` it comes from."""

    criterion: str
    passed: bool
    message: str
    source: str


@dataclass(frozen=True)
class Alternative:
    id: str
    name: str


@dataclass(frozen=True)
class BoundaryCard:
    who: str
    instead: list[Alternative]
    instead_text: str | None
    family_instead_text: str | None = None


@dataclass(frozen=True)
class Card:
    """A service's route as offered in a result, with why it was offered."""

    service_id: str
    name: str
    provider: str
    ring: str
    route: str
    remit: str
    description: str
    family_description: str | None
    """The service in plain words for families (reading age 9), if the content gives it."""
    boundaries: list[BoundaryCard]
    how: str
    info_needed: list[str]
    response_time: str | None
    length: str | None
    contact: dict[str, str | list[str]]
    languages: list[str]
    last_reviewed: str
    review_by: str
    unconfirmed: list[str]
    why: list[Reason]
    caveats: list[str] = field(default_factory=list)
    """'Please confirm' notes: near a boundary, postcode not found, GP registration unknown."""


@dataclass(frozen=True)
class NearMiss:
    """A route that almost fitted: the first criterion that failed, and where to go instead."""

    service_id: str
    name: str
    route: str
    failed: Reason
    instead: list[Alternative]
    instead_text: str | None


@dataclass(frozen=True)
class Section:
    route: str
    title: str
    cards: list[Card]


@dataclass(frozen=True)
class Result:
    """Where the journey ends. Sections come in a fixed order; a result is never empty."""

    pathway_id: str
    pathway_version: str
    directory_version: str
    disposition: str
    urgent: bool
    title: str
    advice: str
    while_you_wait: str | None
    red_flags: list[str]
    rule: str | None
    """The rule that decided the route kinds (docs/decisions/rules.md)."""
    consult_first: bool
    sections: list[Section]
    """In the order the rules emphasise; cards within a section by fit, not A to Z."""
    ask_about: list[Card]
    """Routes a family cannot use itself: 'ask your health visitor about …'."""
    near_misses: list[NearMiss]
    notes: list[str]
    answers: dict[str, AnswerValue]
    fallback: bool = False
    """True when nothing matched and the catch-all services are shown instead."""
    complete: bool = True
    """False when the question flow broke off (a content fault the checker forbids) and the
    result was given from the answers so far rather than leaving the person with nothing."""
    rules: list[str] = field(default_factory=list)
    """Every rule that applied, in the pathway's order (the deciding one included)."""
    consult: str | None = None
    """For consult-first: the consultation to start with, as `service/route`."""
    type: Literal["result"] = "result"

    def cards(self) -> list[Card]:
        return [card for section in self.sections for card in section.cards]

    def offers(self, service_id: str, route: str | None = None) -> bool:
        return any(
            c.service_id == service_id and (route is None or c.route == route)
            for c in [*self.cards(), *self.ask_about]
        )

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


Outcome = Ask | Result
