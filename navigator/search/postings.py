"""Postings as arrays: each term's services and BM25 scores, read from the index once per
generation and kept, so a search adds arrays instead of walking Whoosh's matchers.

Profiling a typo query at 5,000 services (docs/decisions/search.md) found 90 % of its time in
Whoosh's matcher tree: a Python call per posting per matcher to move, compare ids and score,
for every match (exact totals and facet counts need every one). Here a term's postings are
read block by block into two arrays (service numbers, and the score of the term there: the
whole service's idf and the field's own length norm, as `weighting.DirectoryWeighting` gives
them), once; every later query with that term is a few vectorised operations.

A generation's index never changes after it is built, so its arrays never go stale; a new
generation (new content) gets a new `Postings`. The arrays kept are bounded by
`max_postings` (least recently used terms go first).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import W3LeafMatcher

from navigator.search.weighting import ALL_FIELD, Norms, idf

__all__ = ["MAX_POSTINGS", "WARM_MIN_DOCS", "Postings", "Scores", "TermArrays"]

Scores = npt.NDArray[np.float64]
"""One score per service of the generation (0: not matched)."""
Ids = npt.NDArray[np.int64]
TermIds = npt.NDArray[np.int32]
TermArrays = tuple[TermIds, Scores]
"""A term's service numbers (ascending) and its score in each."""

MAX_POSTINGS = 16_000_000
"""At most this many postings are kept (12 bytes each: about 190 MB)."""

K1 = 1.2
WARM_MIN_DOCS = 256
"""Terms in fewer services than this are read when first searched for (well under a
millisecond each); `warm` reads the others ahead."""


class Postings:
    """The postings of one generation's index as arrays, read on first use."""

    def __init__(
        self,
        doc_count: int,
        norms: Norms,
        facets: Mapping[str, Mapping[str, frozenset[int]]],
        formers: Mapping[str, str] | None = None,
        *,
        max_postings: int = MAX_POSTINGS,
    ) -> None:
        self.doc_count = doc_count
        self.norms = {f: np.asarray(n, dtype=np.float64) for f, n in norms.items()}
        self.max_postings = max_postings
        self._terms: OrderedDict[tuple[str, str], TermArrays] = OrderedDict()
        self._kept = 0
        self._lock = threading.Lock()
        self.facet_values = [(f, v) for f, values in facets.items() for v in values]
        """Every (facet, value), in the order of the rows of `facet_matrix`."""
        self.facet_matrix = np.zeros((len(self.facet_values), doc_count), dtype=np.bool_)
        """True where a service has a facet value: a row per value, a column per service."""
        for row, (facet, value) in enumerate(self.facet_values):
            docs = facets[facet][value]
            self.facet_matrix[row, np.fromiter(docs, dtype=np.int64, count=len(docs))] = True
        self.facet_names = list(facets)
        self.formers = formers or {}
        self._order: Ids | None = None
        self._ids: list[str] | None = None

    def __len__(self) -> int:
        """The number of terms whose arrays are kept."""
        return len(self._terms)

    def facet_counts(self, matched: npt.NDArray[np.bool_]) -> dict[str, dict[str, int]]:
        """Per facet, per value, how many of the `matched` services have it."""
        # Elementwise and count, not a matrix product: BLAS threads cost more than they save
        # on two shared cores (4 ms against 0.2 ms at 50,000 services).
        counts = np.count_nonzero(self.facet_matrix & matched, axis=1)
        found: dict[str, dict[str, int]] = {f: {} for f in self.facet_names}
        for (facet, value), count in zip(self.facet_values, counts.tolist(), strict=True):
            found[facet][value] = int(count)
        return found

    def warm(self, reader: Any, fields: tuple[str, ...], min_docs: int = WARM_MIN_DOCS) -> int:
        """Read now the arrays of every term of `fields` in `min_docs` services or more
        (the ones slow to read on first use: about a millisecond per thousand postings),
        commonest first; the number of terms read."""
        wanted = [
            (info.doc_frequency(), field, text.decode("utf-8"))
            for field in fields
            for text, info in reader.iter_field(field)
            if info.doc_frequency() >= min_docs
        ]
        wanted.sort(reverse=True)
        kept = 0
        for _, field, text in wanted:
            if self._kept >= self.max_postings:
                break
            self.term(reader, field, text)
            kept += 1
        return kept

    def term(self, reader: Any, field: str, text: str) -> TermArrays:
        """The services having `text` in `field`, and its BM25 score in each (fields without
        length norms, the filters', score 1)."""
        key = (field, text)
        with self._lock:
            found = self._terms.get(key)
            if found is not None:
                self._terms.move_to_end(key)
                return found
        found = self._read(reader, field, text)
        with self._lock:
            if key not in self._terms:
                self._terms[key] = found
                self._kept += len(found[0])
                while self._kept > self.max_postings and len(self._terms) > 1:
                    _, (ids, _scores) = self._terms.popitem(last=False)
                    self._kept -= len(ids)
        return found

    def _read(self, reader: Any, field: str, text: str) -> TermArrays:
        encoded = text.encode("utf-8")
        id_parts: list[TermIds] = []
        weight_parts: list[npt.NDArray[np.float64]] = []
        for leaf, offset in reader.leaf_readers():
            if (field, encoded) not in leaf:
                continue
            ids, weights = _leaf_postings(leaf.postings(field, encoded))
            id_parts.append(ids + offset)
            weight_parts.append(weights)
        if not id_parts:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64)
        ids = np.concatenate(id_parts)
        tf = np.concatenate(weight_parts)
        norms = self.norms.get(field)
        if norms is None:
            return ids, np.ones(len(ids), dtype=np.float64)
        weight = idf(reader.doc_count_all(), reader.doc_frequency(ALL_FIELD, encoded))
        # The same operations, in the same order, as weighting._WholeServiceIdf.score.
        scores = weight * (tf * (K1 + 1)) / (tf + norms[ids])
        return ids, scores

    def fields(self, reader: Any, docnum: int) -> dict[str, Any]:
        """What a result needs of a service's stored fields: its `id` (from the id column,
        read whole once: stored fields decompress a block per document) and `former`."""
        if self._ids is None:
            if reader.has_column("id"):
                self._ids = [str(i) for i in reader.column_reader("id")]
            else:  # an index built before the id column (SCHEMA_VERSION search-1)
                stored = reader.stored_fields(docnum)
                return {"id": stored["id"], "former": stored.get("former", "")}
        service_id = self._ids[docnum]
        return {"id": service_id, "former": self.formers.get(service_id, "")}

    def sort_order(self, reader: Any, field: str) -> Ids:
        """Service numbers in the order of the sortable `field` (ties by number)."""
        if self._order is None:
            keys = list(reader.column_reader(field))
            self._order = np.asarray(
                sorted(range(len(keys)), key=lambda d: keys[d]), dtype=np.int64
            )
        return self._order


def _leaf_postings(matcher: Any) -> tuple[TermIds, npt.NDArray[np.float64]]:
    """A segment's postings of one term: ids and term frequencies, a block at a time where
    the codec allows (whoosh-reloaded 2.7.5's `W3LeafMatcher`), else one by one."""
    ids: list[int] = []
    weights: list[float] = []
    if isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            start = matcher._i
            ids.extend(matcher._ids[start:])
            weights.extend(matcher._weights[start:])
            matcher._next_block()
    else:  # pragma: no cover - another codec
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return np.asarray(ids, dtype=np.int32), np.asarray(weights, dtype=np.float64)
