"""The coverage map in words: cells merged into ranges ('after the birth at 24–36 months, in
Bradford district but not Better Start Bradford area'), for commissioners and for COV-002."""

from __future__ import annotations

from collections.abc import Sequence

from navigator.checker.blocks import merge
from navigator.checker.coverage_dimensions import DIMENSIONS, Dimension, Value, join
from navigator.content.directory import Directory


class Phrasing:
    """Words for the cells of one map."""

    def __init__(self, directory: Directory, dimensions: Sequence[Dimension]) -> None:
        self.directory = directory
        self.dimensions = list(dimensions)
        self._place_phrases: list[tuple[str, set[str]]] | None = None

    def where(self, cells: Sequence[tuple[int, ...]], dimensions: Sequence[str]) -> list[str]:
        """Cells (an index into each dimension's values) in as few phrases as they merge into
        along `dimensions` (the others must be the same in every cell): 'after the birth at
        24–36 months, in Bradford district'."""
        axes = [DIMENSIONS.index(d) for d in dimensions]
        picked = [tuple(c[a] for a in axes) for c in cells]
        blocks = merge([(p, "") for p in picked], list(range(len(axes))))
        phrases = []
        for block in blocks:
            words = []
            for axis, chosen in zip(axes, block.sets, strict=True):
                dimension = self.dimensions[axis]
                words.append(self._words(dimension, [dimension.values[i] for i in sorted(chosen)]))
            phrases.append(", ".join(w for w in words if w) or "everywhere")
        return phrases

    def _words(self, dimension: Dimension, picked: list[Value]) -> str:
        """The values of one dimension in a phrase; '' when it says nothing (every value of the
        audience or of the named facts, or a dimension of one value)."""
        if len(dimension.values) == 1 or (
            dimension.name in ("audience", "facts") and len(picked) == len(dimension.values)
        ):
            return ""
        if len(picked) == len(dimension.values):
            return ANY[dimension.name]
        if dimension.name == "period":
            return _period(picked)
        if dimension.name == "facts":
            return self._facts(dimension, picked)
        if dimension.name == "place":
            return join(self._areas(dimension, picked))
        words = dimension.name in ("audience", "facts")
        labels = [v.label if words else f"'{v.id}'" for v in picked]
        return PREFIX[dimension.name] + join(labels)

    def _facts(self, dimension: Dimension, picked: list[Value]) -> str:
        """'where the mother speaks little English', or by what is left out when that is
        shorter: 'except where the mother speaks little English or the facts are not known'."""
        left_out = [v for v in dimension.values if v not in picked]
        if len(left_out) <= len(picked):
            return "except where " + join([_fact(v) for v in left_out])
        return "where " + join([_fact(v) for v in picked])

    def _areas(self, dimension: Dimension, picked: list[Value]) -> list[str]:
        """Places in as few phrases as they go: the largest of 'in an area', 'with a GP in
        (or outside) an area', both, or a home whatever the GP that holds only places
        picked, again and again; the places left one by one."""
        chosen = {v.id for v in picked}
        phrases: list[str] = []
        left = set(chosen)
        while left:
            fits = [
                (len(ids & left), -number, words)
                for number, (words, ids) in enumerate(self._phrases(dimension))
                if ids <= chosen
            ]
            count, _, words = max(fits)
            if count == 0:
                break
            phrases.append(words)
            left -= next(ids for w, ids in self._phrases(dimension) if w == words)
        return phrases

    def _phrases(self, dimension: Dimension) -> list[tuple[str, set[str]]]:
        """Every phrase that stands for a set of places, broadest kinds first."""
        if self._place_phrases is not None:
            return self._place_phrases
        values = dimension.values
        gp = sorted({area for v in values for area, _ in v.registered})
        areas: list[tuple[str, set[str]]] = [
            (
                f"in {a.name}",
                {v.id for v in values if a.id in v.facts.get("areas", ())},
            )
            for a in self.directory.areas
            if a.id not in gp
        ]
        registered: list[tuple[str, set[str]]] = [
            (
                f"with a GP {'in' if yes else 'outside'} {self.directory.area_name(g)}",
                {v.id for v in values if (g, yes) in v.registered},
            )
            for g in gp
            for yes in (True, False)
        ]
        both = [
            (f"{a} {r}", ids & more) for a, ids in areas for r, more in registered if ids & more
        ]
        homes: dict[str, set[str]] = {}
        for value in values:
            if value.home is not None:
                homes.setdefault(value.home[1], set()).add(value.id)
        phrases = [
            *areas,
            *registered,
            *both,
            *homes.items(),
            *((v.label, {v.id}) for v in values),
        ]
        self._place_phrases = [(w, ids) for w, ids in phrases if ids]
        return self._place_phrases


ANY = {
    "audience": "anyone asking",
    "period": "at any stage",
    "concern": "any concern",
    "need": "any level of need",
    "place": "in any place",
}
PREFIX = {"audience": "", "concern": "concern ", "need": "need ", "facts": "", "place": "in "}


def _fact(value: Value) -> str:
    """A value of the named facts as a clause: 'the mother speaks little or no English'."""
    return value.label[:1].lower() + value.label[1:]


def _period(picked: list[Value]) -> str:
    """'in pregnancy or after the birth at 0–1 or 12–36 months', joining adjacent bands."""
    words = [v.label for v in picked if v.span is None]
    runs: list[list[int]] = []
    for value in picked:
        if value.span is None:
            continue
        first, last = value.span
        if runs and runs[-1][1] + 1 == first:
            runs[-1][1] = last
        else:
            runs.append([first, last])
    if runs:
        ages = [f"{a}–{b}" if b > a else f"{a}" for a, b in runs]
        words.append(f"after the birth at {join(ages)} months")
    return join(words)
