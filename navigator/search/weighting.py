"""Scoring: BM25 per field with one idf per word across the whole service.

Whoosh's `BM25F` takes a word's idf from the field it matched in, so a word common in the
directory but rare in names (`baby`: in most descriptions, in five names) scores as rare when
it hits a name, and the name's weight multiplies that. Real BM25F, and FTS5's `bm25()`, use one
idf per word for the whole document. Here the idf comes from the `all` field (every ranked
field's text, stemmed), while each field keeps its own length normalisation and weight. The
idf is Lucene's, which falls towards 0 for a word most services share, as FTS5's does;
Whoosh's own (`log(N / (n + 1)) + 1`) never falls below 1.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Mapping, Sequence
from typing import Any

from whoosh.scoring import BM25F, BaseScorer

__all__ = ["ALL_FIELD", "DirectoryWeighting", "Norms", "length_norms"]

ALL_FIELD = "all"


def idf(services: int, containing: int) -> float:
    """Lucene's BM25 idf: near 0 for a word in most services (`baby`), never negative."""
    return math.log(1.0 + (services - containing + 0.5) / (containing + 0.5))


def length_norms(reader: Any, fields: tuple[str, ...], B: float = 0.75, K1: float = 1.2) -> Norms:
    """Per field, BM25's length term `K1 * ((1 - B) + B * length / average)` of every
    document, computed once per generation instead of once per posting scored."""
    norms: dict[str, array[float]] = {}
    count = reader.doc_count_all()
    for field_ in fields:
        average = (reader.field_length(field_) / count if count else 0.0) or 1.0
        norms[field_] = array(
            "d",
            (
                K1 * ((1 - B) + B * (reader.doc_field_length(d, field_) or 0) / average)
                for d in range(count)
            ),
        )
    return norms


Norms = Mapping[str, Sequence[float]]
"""Field → document number (of the whole index) → BM25 length term."""


class _WholeServiceIdf(BaseScorer):  # type: ignore[misc]
    """BM25 for one term: the whole service's idf, the field's own length normalisation."""

    def __init__(
        self, searcher: Any, text: bytes, norms: Sequence[float], offset: int, K1: float
    ) -> None:
        parent = searcher.get_parent()
        self.idf = idf(parent.doc_count_all(), parent.doc_frequency(ALL_FIELD, text))
        self.norms = norms
        self.offset = offset
        self.K1 = K1

    def supports_block_quality(self) -> bool:
        return False

    def max_quality(self) -> float:
        return self.idf * (self.K1 + 1)

    def score(self, matcher: Any) -> float:
        tf = matcher.weight()
        norm = self.norms[self.offset + matcher.id()]
        return float(self.idf * (tf * (self.K1 + 1)) / (tf + norm))


class DirectoryWeighting(BM25F):  # type: ignore[misc]
    """BM25 with the whole service's idf and precomputed length norms; filter and facet
    fields score as plain weights."""

    def __init__(self, norms: Norms, K1: float = 1.2) -> None:
        super().__init__(K1=K1)
        self.norms = norms

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> Any:
        norms = self.norms.get(fieldname)
        if norms is None or not searcher.schema[fieldname].scorable:
            return super().scorer(searcher, fieldname, text, qf=qf)
        return _WholeServiceIdf(searcher, text, norms, _offset(searcher), self.K1)


def _offset(searcher: Any) -> int:
    """The number of the sub-searcher's first document in the whole index."""
    parent = searcher.get_parent()
    if parent is searcher:
        return 0
    for sub, offset in parent.subsearchers:
        if sub is searcher:
            return int(offset)
    return 0
