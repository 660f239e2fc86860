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
from typing import Any

from whoosh.scoring import BM25F, BM25FScorer

__all__ = ["ALL_FIELD", "DirectoryWeighting"]

ALL_FIELD = "all"


def idf(services: int, containing: int) -> float:
    """Lucene's BM25 idf: near 0 for a word in most services (`baby`), never negative."""
    return math.log(1.0 + (services - containing + 0.5) / (containing + 0.5))


class _WholeServiceIdf(BM25FScorer):  # type: ignore[misc]
    def __init__(
        self, searcher: Any, fieldname: str, text: bytes, B: float, K1: float, qf: int = 1
    ):
        parent = searcher.get_parent()
        self.idf = idf(parent.doc_count_all(), parent.doc_frequency(ALL_FIELD, text))
        self.avgfl = parent.avg_field_length(fieldname) or 1
        self.B = B
        self.K1 = K1
        self.qf = qf
        self.setup(searcher, fieldname, text)


class DirectoryWeighting(BM25F):  # type: ignore[misc]
    """BM25 with the whole service's idf; filter and facet fields score as plain weights."""

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return super().scorer(searcher, fieldname, text, qf=qf)
        B = self._field_B.get(fieldname, self.B)
        return _WholeServiceIdf(searcher, fieldname, text, B, self.K1, qf=qf)
