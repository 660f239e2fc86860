"""From an interpretation to a Whoosh query.

Each word of an alternative is a term in every ranked field it occurs in (weighted by
`FIELD_BOOSTS` and the alternative's weight); the words of an alternative must all match;
a clause scores by its best alternative (`BestOf`); clauses are OR-ed with a coordination
bonus, so services matching more of the query come first.

Common words cost the most and tell the least: `health` or `support` is in most services, so
its idf is near 0 but its postings must all be read and scored. As in Lucene's common-terms
query, an alternative made only of words in more than `COMMON` of the services is dropped when
its clause has a rarer alternative, a common word is left out of an alternative of several
words when a rarer one remains (`severe mental illness` needs `severe` and `illness`), and a
clause with nothing but common alternatives only adds to the score of services the rest of
the query found (`AndMaybe`). A query of nothing but common words is searched as it is.
Alternatives of several words (thesaurus phrases) are looked for in `all` only: they are
descriptions, not names, and each field is more postings to read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from whoosh.query import And, AndMaybe, Every, NullQuery, Or, Query, Term

from navigator.search.analysis import stem
from navigator.search.best_of import BestOf
from navigator.search.interpret import Alternative, Interpretation
from navigator.search.schema import FIELD_BOOSTS, TEXT_FIELDS
from navigator.search.weighting import ALL_FIELD

__all__ = ["COMMON", "Lexicon", "compose"]

COMMON = 0.3
"""A word in more than this share of the services is common."""


@dataclass(frozen=True)
class Lexicon:
    """What the index holds, per stem: the ranked fields it is in, and in how many services."""

    fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    services: Mapping[str, int] = field(default_factory=dict)
    size: int = 0

    def where(self, term: str) -> tuple[str, ...]:
        return self.fields.get(term, ())

    def common(self, term: str) -> bool:
        return self.size > 0 and self.services.get(term, 0) > COMMON * self.size


class _Union(Or):  # type: ignore[misc]
    """OR that always scores its sub-queries block by block into an array: of Whoosh's three
    OR matchers the fastest here (at 5,000 services, p95 about half the tree of unions that
    Whoosh picks by itself from 5,000 documents up)."""

    matcher_type = Or.ARRAY_MATCHER


def compose(interpretation: Interpretation, lexicon: Lexicon | None = None) -> Query:
    """The scoring query of `interpretation` (`Every()` when empty). Without a lexicon every
    word is looked for in every field and none is treated as common."""
    if interpretation.empty:
        return Every()
    rare: list[Query] = []
    common: list[Query] = []
    for clause in interpretation.clauses:
        primary = clause.alternatives[0]
        if _is_common(primary, lexicon):
            # A common word needs no help to be found (its completions and expansions would
            # only cost time), and it only adds to the score of what the rest finds.
            query = _alternative(primary, lexicon)
            if query is not None:
                common.append(query)
            continue
        found = [
            (alternative, query)
            for alternative in clause.alternatives
            if (query := _alternative(alternative, lexicon)) is not None
        ]
        telling = [q for a, q in found if not _is_common(a, lexicon)]
        if telling:
            rare.append(_best(telling))
        elif found:
            common.append(_best([q for _, q in found]))
    if not rare:
        rare, common = common, []
    if not rare:
        return NullQuery
    required = _any(rare)
    return AndMaybe(required, _any(common)) if common else required


def _is_common(alternative: Alternative, lexicon: Lexicon | None) -> bool:
    return lexicon is not None and all(lexicon.common(stem(w)) for w in alternative.content_words)


def _best(queries: list[Query]) -> Query:
    return queries[0] if len(queries) == 1 else BestOf(queries)


def _any(queries: list[Query]) -> Query:
    return queries[0] if len(queries) == 1 else _Union(queries)


def _alternative(alternative: Alternative, lexicon: Lexicon | None) -> Query | None:
    words = alternative.content_words
    if lexicon is not None and len(words) > 1:
        telling = tuple(w for w in words if not lexicon.common(stem(w)))
        words = telling or words
    per_word: list[Query] = []
    for word in words:
        term = stem(word)
        fields = TEXT_FIELDS if lexicon is None else lexicon.where(term)
        if len(alternative.content_words) > 1:
            fields = tuple(f for f in fields if f == ALL_FIELD)
        if not fields:
            return None  # a word no service has: this alternative cannot match
        terms = [Term(f, term, boost=FIELD_BOOSTS[f] * alternative.weight) for f in fields]
        per_word.append(terms[0] if len(terms) == 1 else _Union(terms))
    return per_word[0] if len(per_word) == 1 else And(per_word)
