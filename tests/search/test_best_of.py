"""BestOf scores each document by its best alternative, unlike Whoosh's DisjunctionMax."""

from __future__ import annotations

from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.query import DisjunctionMax, Term

from navigator.search.best_of import BestOf


def _index() -> object:
    ix = RamStorage().create_index(Schema(id=ID(stored=True), text=TEXT))
    writer = ix.writer()
    writer.add_document(id="a", text="apple banana fig grape kiwi lemon lime mango melon")
    writer.add_document(id="b", text="cherry")
    writer.add_document(id="c", text="banana")
    writer.add_document(id="d", text="durian")
    writer.commit()
    return ix


def _scores(query: object) -> dict[str, float]:
    ix = _index()
    with ix.searcher() as searcher:  # type: ignore[attr-defined]
        return {h["id"]: round(h.score, 6) for h in searcher.search(query, limit=None)}


def test_each_document_scores_by_its_own_best_alternative() -> None:
    alternatives = [Term("text", "apple"), Term("text", "banana"), Term("text", "cherry")]
    best = _scores(BestOf(alternatives))
    single = {w: _scores(Term("text", w)) for w in ("apple", "banana", "cherry")}
    assert set(best) == {"a", "b", "c"}
    assert best["a"] == max(single["apple"]["a"], single["banana"]["a"])
    assert best["b"] == single["cherry"]["b"]
    assert best["c"] == single["banana"]["c"]


def test_whoosh_disjunction_max_gets_this_wrong() -> None:
    # The reason BestOf exists: Whoosh's own matcher gives 'a' (a weak match, first) the
    # score of 'b' (a strong one, next). If this starts failing, Whoosh has been fixed.
    alternatives = [Term("text", "apple"), Term("text", "cherry")]
    assert _scores(DisjunctionMax(alternatives)) != _scores(BestOf(alternatives))
