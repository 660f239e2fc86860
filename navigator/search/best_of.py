"""`BestOf`: a document scores by the best of several alternative queries.

A clause of a query (one word, or a thesaurus term) has alternatives: the word as typed, its
expansions, its correction, its completions. A service matching two of them should not score
twice for the same word, so the clause takes the best alternative's score, as a
disjunction-max does. Whoosh's own `DisjunctionMax` cannot be used: its matcher returns the
other sub-matcher's score when the two are on different documents, and drops every match once
one side runs out (whoosh-reloaded 2.7.5, `matching/binary.py`). This matcher fixes both and
opts out of block-quality skipping, which its parent also got wrong.
"""

from __future__ import annotations

from typing import Any

from whoosh.matching import NullMatcher
from whoosh.matching.binary import UnionMatcher
from whoosh.query import DisjunctionMax

__all__ = ["BestOf"]


class _BestOfMatcher(UnionMatcher):  # type: ignore[misc]
    def supports_block_quality(self) -> bool:
        return False

    def replace(self, minquality: float = 0) -> Any:
        a_active, b_active = self.a.is_active(), self.b.is_active()
        if not (a_active or b_active):
            return NullMatcher()
        if not a_active:
            return self.b.replace(minquality)
        if not b_active:
            return self.a.replace(minquality)
        a, b = self.a.replace(minquality), self.b.replace(minquality)
        if a is not self.a or b is not self.b:
            return _BestOfMatcher(a, b)
        return self

    def score(self) -> float:
        a, b = self.a, self.b
        if not a.is_active():
            return float(b.score())
        if not b.is_active():
            return float(a.score())
        a_id, b_id = a.id(), b.id()
        if a_id < b_id:
            return float(a.score())
        if b_id < a_id:
            return float(b.score())
        return float(max(a.score(), b.score()))

    def max_quality(self) -> float:
        return float(max(self.a.max_quality(), self.b.max_quality()))


class BestOf(DisjunctionMax):  # type: ignore[misc]
    """Matches what any subquery matches; scores by the best subquery at each document."""

    def __init__(self, subqueries: list[Any], boost: float = 1.0) -> None:
        super().__init__(subqueries, boost=boost, tiebreak=0.0)

    def _matcher(self, subs: list[Any], searcher: Any, context: Any) -> Any:
        reader = searcher.reader()
        return self._tree_matcher(
            subs, _BestOfMatcher, searcher, context, lambda q: q.estimate_size(reader)
        )
