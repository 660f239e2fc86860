"""Measuring relevance on a judged query set: recall@5 and mean reciprocal rank.

A judged query lists the services a knowledgeable person expects near the top. For one query,
recall@k is the share of its expected services in the top k (out of at most k, so a query with
six expected services is not held to an impossible standard), and the reciprocal rank is
1 / the rank of the first expected service (0 if none is in the results). Both are averaged
over the set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

__all__ = ["JudgedQuery", "Score", "load_judged", "score"]


@dataclass(frozen=True)
class JudgedQuery:
    text: str
    expect: tuple[str, ...]
    kind: str = ""


@dataclass(frozen=True)
class QueryScore:
    query: JudgedQuery
    ranked: tuple[str, ...]
    recall: float
    reciprocal_rank: float


@dataclass(frozen=True)
class Score:
    """The scores of one engine on one query set."""

    per_query: list[QueryScore] = field(default_factory=list)
    k: int = 5

    @property
    def recall(self) -> float:
        return sum(q.recall for q in self.per_query) / max(1, len(self.per_query))

    @property
    def mrr(self) -> float:
        return sum(q.reciprocal_rank for q in self.per_query) / max(1, len(self.per_query))

    def misses(self) -> list[QueryScore]:
        """Queries that did not find all their expected services in the top k."""
        return [q for q in self.per_query if q.recall < 1.0]

    def by_kind(self) -> dict[str, tuple[float, float]]:
        kinds: dict[str, list[QueryScore]] = {}
        for q in self.per_query:
            kinds.setdefault(q.query.kind, []).append(q)
        return {
            kind: (
                sum(q.recall for q in qs) / len(qs),
                sum(q.reciprocal_rank for q in qs) / len(qs),
            )
            for kind, qs in sorted(kinds.items())
        }


def load_judged(path: Path) -> list[JudgedQuery]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return [
        JudgedQuery(str(q["q"]), tuple(str(i) for i in q["expect"]), str(q.get("kind", "")))
        for q in data["queries"]
    ]


def score(
    queries: Sequence[JudgedQuery], ranker: Callable[[str], Sequence[str]], k: int = 5
) -> Score:
    """Score `ranker` (query text → service ids, best first) on `queries`."""
    results: list[QueryScore] = []
    for query in queries:
        ranked = tuple(ranker(query.text))
        expected = set(query.expect)
        found = len(expected & set(ranked[:k]))
        recall = found / min(len(expected), k)
        first = next((n for n, id in enumerate(ranked, 1) if id in expected), None)
        results.append(QueryScore(query, ranked, recall, 1.0 / first if first else 0.0))
    return Score(results, k)
