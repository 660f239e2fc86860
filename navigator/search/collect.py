"""Running a query: the top results, every match counted exactly, and facet counts.

Whoosh's own route to facets (`groupedby`) collects and sorts every match and then reads each
match's values back from the index; here the collector keeps the top k in a heap, notes the
number of every match in a set, and a facet count is the size of that set's intersection with
the (precomputed) set of services having the value. The collector never "replaces" its
matcher: Whoosh's replacements of AND and OR matchers let documents through that do not match
(whoosh-reloaded 2.7.5, `matching/binary.py`), which would make totals and counts wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from whoosh.collectors import FilterCollector, SortingCollector, TopCollector
from whoosh.query import Query

__all__ = ["Collected", "FacetSets", "collect", "facet_sets"]

FacetSets = Mapping[str, Mapping[str, frozenset[int]]]
"""Facet field → value → the numbers of the services that have it."""


class _Top(TopCollector):  # type: ignore[misc]
    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False)
        self.replace = 0
        self.matched: set[int] = set()

    def _collect(self, global_docnum: int, score: float) -> Any:
        self.matched.add(global_docnum)
        return super()._collect(global_docnum, score)


class _Sorted(SortingCollector):  # type: ignore[misc]
    def __init__(self, sortedby: str, limit: int) -> None:
        super().__init__(sortedby, limit=limit)
        self.matched: set[int] = set()

    def collect(self, sub_docnum: int) -> Any:
        self.matched.add(self.offset + sub_docnum)
        return super().collect(sub_docnum)


@dataclass(frozen=True)
class Collected:
    results: Any
    """Whoosh's `Results`: the top hits, in order."""
    matched: frozenset[int]
    """Every matching document number."""

    @property
    def total(self) -> int:
        return len(self.matched)

    def counts(self, facets: FacetSets) -> dict[str, dict[str, int]]:
        """Per facet, per value, how many matches have it (a service counts once under each
        of its values: the facets are multi-valued)."""
        found: dict[str, dict[str, int]] = {}
        for facet, values in facets.items():
            counts = {v: len(self.matched & docs) for v, docs in values.items()}
            found[facet] = dict(
                sorted(((v, n) for v, n in counts.items() if n), key=lambda vn: (-vn[1], vn[0]))
            )
        return found


def collect(
    searcher: Any, query: Query, limit: int, *, allow: Query | None, sortedby: str | None
) -> Collected:
    """The top `limit` matches of `query` (by score, or by `sortedby`), filtered by `allow`."""
    inner: _Top | _Sorted = _Sorted(sortedby, limit) if sortedby else _Top(limit)
    collector = FilterCollector(inner, allow=allow) if allow is not None else inner
    searcher.search_with_collector(query, collector)
    return Collected(collector.results(), frozenset(inner.matched))


def facet_sets(reader: Any, fields: tuple[str, ...]) -> dict[str, dict[str, frozenset[int]]]:
    """For each facet field, each value and the services that have it."""
    found: dict[str, dict[str, frozenset[int]]] = {}
    for field_ in fields:
        values: dict[str, frozenset[int]] = {}
        for text in list(reader.lexicon(field_)):
            postings = reader.postings(field_, text)
            values[text.decode("utf-8")] = frozenset(postings.all_ids())
        found[field_] = values
    return found
