"""Facts: what the answers say about the family, in the terms eligibility is written in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from navigator.content.vocabulary import Audience, Stage


class Place(Protocol):
    """What a postcode look-up tells (navigator.geo.Location has this shape)."""

    @property
    def postcode(self) -> str: ...
    @property
    def known(self) -> bool: ...
    @property
    def covered(self) -> bool: ...
    @property
    def areas(self) -> tuple[str, ...]: ...
    @property
    def near_boundary(self) -> tuple[str, ...]: ...
    @property
    def hints(self) -> tuple[str, ...]: ...
    @property
    def message(self) -> str: ...


class Locator(Protocol):
    """Anything that turns a postcode into a place (navigator.geo.PostcodeLookup)."""

    def locate(self, text: str) -> Place: ...


@dataclass(frozen=True)
class Facts:
    """The eligibility facts of one journey. `None` means the pathway did not ask."""

    audience: Audience | None = None
    stage: Stage | None = None
    age_months: int | None = None
    concerns: tuple[str, ...] | None = None
    need: str | None = None
    areas: frozenset[str] = frozenset()
    """Areas the family is certainly in."""
    uncertain: frozenset[str] = frozenset()
    """Areas the family may be in: near a boundary, or a GP registration not known."""
    place_asked: bool = False
    place_known: bool = False
    """Whether the postcode was found (an unknown one leaves area checks to the service)."""
    place_covered: bool = True
    """Whether the postcode is in the part of the country the postcode data covers."""
    place_message: str = ""
    notes: tuple[str, ...] = field(default=())
    """Sentences about the answers to show with the result (never the full postcode in logs)."""
    named: frozenset[tuple[str, bool]] = frozenset()
    """Named facts the answers settle, as (fact id, holds); a fact not here is unknown."""

    def fact(self, id: str) -> bool | None:
        """Whether the named fact holds, or None if the answers do not say."""
        if (id, True) in self.named:
            return True
        return False if (id, False) in self.named else None
