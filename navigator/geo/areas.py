"""The areas the navigator knows by postcode, how they nest and how membership is decided: all
read from the content (`services.yaml` `areas:`), none written here.

An area decided by postcode has a `boundary` file, a list of `postcodes` (districts or
sectors, or `all`), or a `union` of other areas, and may take areas away (`minus`). An area
decided by GP registration is never certain from a postcode; `hinted_by` names the areas (in or
near) and postcodes that make it likely, so the family is asked to confirm.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

from navigator.content.directory import Area, Directory

__all__ = [
    "NEAR_METRES",
    "AreaRule",
    "AreaRules",
    "AreaRulesError",
    "is_postcode_prefix",
]

NEAR_METRES = 75.0
"""A postcode this close to a boundary may be on either side: the boundaries are generalised
and a postcode's point is the centre of several addresses."""

_DISTRICT = r"[A-Z]{1,2}[0-9][0-9A-Z]?"
_PREFIX = re.compile(rf"{_DISTRICT}(?: [0-9])?")


def is_postcode_prefix(text: str) -> bool:
    """Whether `text` is a postcode district (`BD3`, `EC1A`) or sector (`BD3 8`)."""
    return _PREFIX.fullmatch(text) is not None


class AreaRulesError(ValueError):
    """The areas cannot be built: a cycle, an unknown id, a malformed postcode district."""


@dataclass(frozen=True)
class AreaRule:
    """One area, as the postcode lookup needs it."""

    id: str
    phrase: str
    within: str | None = None
    decided_by: Literal["postcode", "gp_registration"] = "postcode"
    boundary: str | None = None
    postcodes: tuple[str, ...] | Literal["all"] | None = None
    union: tuple[str, ...] = ()
    minus: tuple[str, ...] = ()
    hint_areas: tuple[str, ...] = ()
    hint_postcodes: tuple[str, ...] = ()

    @classmethod
    def of(cls, area: Area) -> AreaRule:
        postcodes = area.postcodes
        hints = area.hinted_by
        return cls(
            id=area.id,
            phrase=area.sentence_name,
            within=area.within,
            decided_by=area.decided_by,
            boundary=area.boundary,
            postcodes=(
                "all"
                if postcodes == "all"
                else None
                if postcodes is None
                else tuple(" ".join(p.upper().split()) for p in postcodes)
            ),
            union=tuple(area.union),
            minus=tuple(area.minus),
            hint_areas=tuple(hints.areas) if hints else (),
            hint_postcodes=tuple(" ".join(p.upper().split()) for p in hints.postcodes)
            if hints
            else (),
        )

    @property
    def by_postcode(self) -> bool:
        return self.decided_by == "postcode"


@dataclass(frozen=True)
class AreaRules:
    """Every area of one directory, in the content's order."""

    rules: tuple[AreaRule, ...]
    _by_id: dict[str, AreaRule] = field(default_factory=dict, repr=False, compare=False)
    _rank: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _children: dict[str | None, list[str]] = field(default_factory=dict, repr=False, compare=False)
    _unions: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    _depth: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Worked out once: England has thousands of areas, and every sentence asks these.
        for rule in self.rules:
            self._by_id.setdefault(rule.id, rule)  # the first of a repeated id wins
        for rank, rule in enumerate(self._by_id.values()):
            self._rank[rule.id] = rank
            self._children.setdefault(rule.within, []).append(rule.id)
            for part in rule.union:
                self._unions.setdefault(part, []).append(rule.id)

    @classmethod
    def from_directory(cls, directory: Directory) -> AreaRules:
        return cls(tuple(AreaRule.of(area) for area in directory.areas))

    @classmethod
    def from_areas(cls, areas: Sequence[Area]) -> AreaRules:
        return cls(tuple(AreaRule.of(area) for area in areas))

    def __getitem__(self, id: str) -> AreaRule:
        return self._by_id[id]

    def __contains__(self, id: object) -> bool:
        return id in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def rank(self, id: str) -> int:
        """Where the area is in the content's order (unknown ids after every area)."""
        return self._rank.get(id, len(self._rank))

    def depth(self, id: str) -> int:
        if id not in self._depth:
            self._depth[id] = len(self.ancestors(id)) - 1
        return self._depth[id]

    def unions_of(self, id: str) -> list[str]:
        """The areas whose `union` names `id`."""
        return self._unions.get(id, [])

    def ancestors(self, id: str) -> list[str]:
        """`id` and every area containing it, narrowest first."""
        chain: list[str] = []
        current: str | None = id
        while current is not None and current not in chain:
            chain.append(current)
            rule = self._by_id.get(current)
            current = rule.within if rule else None
        return chain

    def children(self, id: str | None) -> list[str]:
        """The areas directly within `id` (None: the areas within no other)."""
        return self._children.get(id, [])

    def with_ancestors(self, ids: Iterable[str]) -> tuple[str, ...]:
        """`ids` and every area containing them, widest first."""
        found: set[str] = set()
        for id in ids:
            found.update(self.ancestors(id))
        return self.sort(found)

    def sort(self, ids: Iterable[str]) -> tuple[str, ...]:
        """Area ids widest first, then in the content's order (unknown ids last)."""
        return tuple(
            sorted(
                set(ids),
                key=lambda id: (
                    self.depth(id) if id in self._rank else 1_000,
                    self.rank(id),
                    id,
                ),
            )
        )

    def phrase(self, id: str) -> str:
        rule = self._by_id.get(id)
        return rule.phrase if rule else id

    def decision_order(self) -> list[str]:
        """The areas decided by postcode, each after the areas its `union` and `minus` name.

        Raises `AreaRulesError` for a name that is not an area or a cycle of unions.
        """
        order: list[str] = []
        state: dict[str, int] = {}

        def visit(id: str, path: tuple[str, ...]) -> None:
            if state.get(id) == 2:
                return
            if state.get(id) == 1:
                raise AreaRulesError("areas made of each other: " + " → ".join((*path, id)))
            rule = self._by_id.get(id)
            if rule is None:
                raise AreaRulesError(f"area '{path[-1]}' names '{id}', which is not an area")
            state[id] = 1
            for part in (*rule.union, *rule.minus):
                visit(part, (*path, id))
            state[id] = 2
            order.append(id)

        for rule in self._by_id.values():
            if rule.by_postcode:
                visit(rule.id, ())
        return order

    def fingerprint(self) -> str:
        """A hash of everything here that the lookup depends on."""
        data = json.dumps([asdict(r) for r in self._by_id.values()], sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()
