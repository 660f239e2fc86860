"""Running a composed query on the generation's postings arrays (see `postings`): the same
matches, scores, order, totals and facet counts as Whoosh's collector (`collect`), without a
Python call per posting.

The queries `compose` and `Filters.query` make are trees of five kinds, each with the meaning
its Whoosh matcher gives it:

- `Term`: the term's BM25 score there, times the term's boost;
- `Or` (`compose._Union`): the sum of what matched (Whoosh's array union);
- `And`: every part must match; the sum;
- `AndMaybe`: the first part must match; plus the second's score where it matches too;
- `BestOf`: any part; the best part's score.

Scores are positive wherever a term matches, so 0 means "no match" throughout. The top
results are ordered by score and then by service number, as Whoosh's top collector keeps
them; with no words, by the `sort` field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.query import And, AndMaybe, Every, NullQuery, Or, Query, Term

from navigator.search.best_of import BestOf
from navigator.search.postings import Ids, Postings, Scores

__all__ = ["Found", "Tally", "UnsupportedQuery", "matches", "scores", "tally"]

Mask = npt.NDArray[np.bool_]


class UnsupportedQuery(TypeError):
    """A kind of query this evaluator does not know (Whoosh's collector can run it)."""


@dataclass(frozen=True)
class Found:
    """One result: the service's number in the index, its score and its stored fields
    (read like Whoosh's `Hit`: `found["id"]`, `found.get("former")`)."""

    docnum: int
    score: float
    fields: dict[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.fields[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)


@dataclass(frozen=True)
class Tally:
    """The top results, how many matched in all, and which (for facet counts)."""

    results: list[Found]
    total: int
    matched: Mask
    """True for every matching service."""
    postings: Postings

    def counts(self, facets: object = None) -> dict[str, dict[str, int]]:
        """Per facet, per value, how many matches have it (multi-valued facets: a service
        counts under each of its values); values no match has are left out."""
        return {
            facet: dict(
                sorted(((v, n) for v, n in counts.items() if n), key=lambda vn: (-vn[1], vn[0]))
            )
            for facet, counts in self.postings.facet_counts(self.matched).items()
        }


def scores(query: Query, postings: Postings, reader: Any) -> Scores:
    """The score of every service for `query` (0 where it does not match)."""
    n = postings.doc_count
    if isinstance(query, Term):
        out = np.zeros(n, dtype=np.float64)
        _add_term(out, query, postings, reader)
        return out
    if isinstance(query, AndMaybe):
        required = scores(query.a, postings, reader)
        optional = scores(query.b, postings, reader)
        return np.where(required > 0, required + optional, 0.0)
    if isinstance(query, BestOf):
        best = np.zeros(n, dtype=np.float64)
        for sub in query.subqueries:
            np.maximum(best, scores(sub, postings, reader), out=best)
        return best
    if isinstance(query, And):
        parts = [scores(sub, postings, reader) for sub in query.subqueries]
        total = parts[0].copy()
        every = parts[0] > 0
        for part in parts[1:]:
            total += part
            every &= part > 0
        return np.where(every, total, 0.0)
    if isinstance(query, Or):
        total = np.zeros(n, dtype=np.float64)
        for sub in query.subqueries:
            if isinstance(sub, Term):
                _add_term(total, sub, postings, reader)
            else:
                total += scores(sub, postings, reader)
        return total
    if isinstance(query, Every):
        return np.ones(n, dtype=np.float64)
    if query is NullQuery or type(query).__name__ == "_NullQuery":
        return np.zeros(n, dtype=np.float64)
    raise UnsupportedQuery(type(query).__name__)


def _add_term(out: Scores, term: Term, postings: Postings, reader: Any) -> None:
    ids, term_scores = postings.term(reader, term.fieldname, _text(term.text))
    if term.boost != 1.0:
        term_scores = term_scores * term.boost
    out[ids] += term_scores


def _text(text: Any) -> str:
    return text.decode("utf-8") if isinstance(text, bytes) else str(text)


def matches(query: Query, postings: Postings, reader: Any) -> Mask:
    """Which services `query` matches, unscored (the filters)."""
    n = postings.doc_count
    if isinstance(query, Term):
        mask = np.zeros(n, dtype=np.bool_)
        ids, _ = postings.term(reader, query.fieldname, _text(query.text))
        mask[ids] = True
        return mask
    if isinstance(query, And):
        mask = matches(query.subqueries[0], postings, reader)
        for sub in query.subqueries[1:]:
            mask &= matches(sub, postings, reader)
        return mask
    if isinstance(query, Or):
        mask = np.zeros(n, dtype=np.bool_)
        for sub in query.subqueries:
            mask |= matches(sub, postings, reader)
        return mask
    return scores(query, postings, reader) > 0


def tally(
    searcher: Any,
    postings: Postings,
    query: Query,
    limit: int,
    *,
    allow: Query | None,
    sortedby: str | None,
) -> Tally:
    """The top `limit` matches of `query` (by score, or in `sortedby` order when given),
    filtered by `allow`: what `collect.collect` gives, from the arrays."""
    reader = searcher.reader()
    allowed = matches(allow, postings, reader) if allow is not None else None
    if sortedby is not None:
        order = postings.sort_order(reader, sortedby)
        matched_scores = scores(query, postings, reader)
        keep = matched_scores > 0 if allowed is None else (matched_scores > 0) & allowed
        top = order[keep[order]][:limit]
        chosen = [(int(d), 0.0) for d in top]
    else:
        found = scores(query, postings, reader)
        if allowed is not None:
            found[~allowed] = 0.0
        keep = found > 0
        chosen = _top(np.flatnonzero(keep), found, limit)
    results = [Found(d, s, postings.fields(reader, d)) for d, s in chosen]
    return Tally(results, int(np.count_nonzero(keep)), keep, postings)


def _top(matched: Ids, found: Scores, limit: int) -> list[tuple[int, float]]:
    """The best `limit` of `matched`, by score and then service number (as Whoosh keeps
    ties: the lower number first)."""
    if limit <= 0 or not len(matched):
        return []
    values = found[matched]
    if len(matched) > limit:
        kth = np.partition(values, len(values) - limit)[len(values) - limit]
        above = values > kth
        room = limit - int(np.count_nonzero(above))
        tied = np.flatnonzero(values == kth)[:room]
        keep = np.sort(np.concatenate([np.flatnonzero(above), tied]))
        matched, values = matched[keep], values[keep]
    order = np.lexsort((matched, -values))
    return [(int(matched[i]), float(values[i])) for i in order]
