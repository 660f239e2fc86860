"""The quality gate: the judged query set, on the shipped services.yaml and synonyms.yaml."""

from __future__ import annotations

from navigator.content.directory import Directory
from navigator.search.index import Generation
from navigator.search.query import SearchRequest, search
from navigator.search.relevance import JudgedQuery, load_judged, score
from tests.search.conftest import JUDGED


def test_the_judged_set_is_big_enough_and_names_real_services(
    shipped_directory: Directory,
) -> None:
    queries = load_judged(JUDGED)
    assert len(queries) >= 40
    active = {s.id for s in shipped_directory.services if s.active}
    stale = {(q.text, id) for q in queries for id in q.expect if id not in active}
    assert not stale, "judged queries expect services that are not (or no longer) active"


def test_recall_at_5_is_at_least_0_9(shipped: Generation) -> None:
    result = score(load_judged(JUDGED), lambda text: search(shipped, SearchRequest(text)).ids)
    misses = [(m.query.text, m.ranked[:5]) for m in result.misses()]
    assert result.recall >= 0.9, misses


def test_scoring_counts_recall_of_at_most_k_and_the_first_hit() -> None:
    queries = [JudgedQuery("a", ("x", "y")), JudgedQuery("b", ("z",))]
    ranking = {"a": ["q", "x", "r", "s", "t", "y"], "b": ["z"]}
    result = score(queries, lambda text: ranking[text])
    assert result.recall == (0.5 + 1.0) / 2
    assert result.mrr == (0.5 + 1.0) / 2
