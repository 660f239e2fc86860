"""Searching one generation: the interpretation becomes a Whoosh query, filters narrow it, and
a page of results comes back with facet counts, highlights and "did you mean".

Scoring is Whoosh's BM25F. Each word is looked for in every text field with the field's weight
(`FIELD_BOOSTS`); a clause scores by its best alternative (disjunction-max), so a typo
correction never adds to the exact word it stands for; clauses are OR-ed with a coordination
bonus, so services matching more of the query come first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from whoosh import highlight, sorting
from whoosh.query import And, Every, Or, Query, Term

from navigator.content.directory import Service
from navigator.search.analysis import stem, words
from navigator.search.best_of import BestOf
from navigator.search.filters import Filters
from navigator.search.index import Generation
from navigator.search.interpret import Alternative, Interpretation, interpret
from navigator.search.schema import FIELD_BOOSTS

__all__ = ["FACETS", "Hit", "SearchPage", "SearchRequest", "search", "whoosh_query"]

FACETS = ("audience", "route", "stage", "ring")
"""Facets counted for every search (multi-valued: a service counts under each of its values)."""
HIGHLIGHTED = ("name", "former", "remit", "description")
PER_PAGE = 10


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    filters: Filters = field(default_factory=Filters)
    page: int = 1
    per_page: int = PER_PAGE
    prefix: bool = True
    """Complete the last word (search-as-you-type)."""


@dataclass(frozen=True)
class Hit:
    """One service found. `highlights` are HTML: the service's own text escaped, matches in
    `<mark>`; safe in element content, never in an attribute."""

    service: Service
    score: float
    highlights: dict[str, str]
    former_name: str | None
    """The former or replaced name the search matched, so the card can say so."""

    def as_json(self) -> dict[str, Any]:
        s = self.service
        return {
            "id": s.id,
            "name": s.name,
            "provider": s.provider,
            "ring": s.ring.value,
            "status": s.status.value,
            "remit": s.remit,
            "description": s.description,
            "routes": [r.kind.value for r in s.routes],
            "aliases": list(s.aliases),
            "matched_former_name": self.former_name,
            "highlights": self.highlights,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class SearchPage:
    text: str
    total: int
    page: int
    pages: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    did_you_mean: str | None = None
    corrections: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [h.service.id for h in self.hits]

    def as_json(self) -> dict[str, Any]:
        return {
            "query": self.text,
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "per_page": self.per_page,
            "did_you_mean": self.did_you_mean,
            "corrections": self.corrections,
            "notes": self.notes,
            "facets": self.facets,
            "results": [h.as_json() for h in self.hits],
        }


def whoosh_query(interpretation: Interpretation) -> Query:
    """The scoring query of an interpretation (Every() for an empty one)."""
    clauses: list[Query] = []
    for clause in interpretation.clauses:
        alternatives = [_alternative(a) for a in clause.alternatives]
        clauses.append(alternatives[0] if len(alternatives) == 1 else BestOf(alternatives))
    if not clauses:
        return Every()
    return clauses[0] if len(clauses) == 1 else Or(clauses, scale=0.9)


def _alternative(alternative: Alternative) -> Query:
    per_word: list[Query] = []
    for word in alternative.content_words:
        term = stem(word)
        per_word.append(
            Or([Term(f, term, boost=b * alternative.weight) for f, b in FIELD_BOOSTS.items()])
        )
    return per_word[0] if len(per_word) == 1 else And(per_word)


def search(
    generation: Generation, request: SearchRequest, notes: list[str] | None = None
) -> SearchPage:
    """One page of results for `request`."""
    interpretation = interpret(
        request.text, generation.vocabulary, generation.synonyms, prefix=request.prefix
    )
    query = whoosh_query(interpretation)
    per_page = max(1, min(request.per_page, 100))
    facets = {f: sorting.FieldFacet(f, allow_overlap=True) for f in FACETS}
    filter_query = request.filters.query(generation.max_routes)
    with generation.searcher() as searcher:
        options: dict[str, Any] = {
            "filter": filter_query,
            "groupedby": facets,
            "maptype": sorting.Count,
            "terms": True,
            # Whoosh's block-quality skipping has bugs in its AND and disjunction-max
            # matchers (see best_of.py); exact top-k is cheap at this size.
            "optimize": False,
        }
        if interpretation.empty:
            options["sortedby"] = "sort"
        results = searcher.search(query, limit=per_page * max(1, request.page), **options)
        total = len(results)
        pages = max(1, -(-total // per_page))
        page = max(1, min(request.page, pages))
        # Whole fields: names and remits are short, and a card shows them in full.
        results.fragmenter = highlight.WholeFragmenter()
        results.formatter = highlight.HtmlFormatter(tagname="mark", classname="match")
        hits: list[Hit] = []
        for hit in results[(page - 1) * per_page : page * per_page]:
            service = generation.directory.service(hit["id"])
            if service is None:
                continue
            hits.append(_hit(hit, service))
        counted = {f: _counts(results.groups(f)) for f in FACETS}
    suggestion = interpretation.suggestion
    return SearchPage(
        text=request.text,
        total=total,
        page=page,
        pages=pages,
        per_page=per_page,
        hits=hits,
        facets=counted,
        did_you_mean=suggestion
        if suggestion and suggestion != request.text.strip().lower()
        else None,
        corrections=dict(interpretation.corrected),
        notes=list(notes or []),
    )


def _counts(groups: dict[Any, Any]) -> dict[str, int]:
    found = {str(k): int(v) for k, v in groups.items() if k is not None and k != ""}
    return dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))


def _hit(hit: Any, service: Service) -> Hit:
    matched = (
        {field_ for field_, _ in hit.matched_terms()} if hit.results.has_matched_terms() else set()
    )
    highlights: dict[str, str] = {}
    for field_ in HIGHLIGHTED:
        if field_ in matched:
            text = hit.highlights(field_, top=2)
            if text:
                highlights[field_] = text
    # A former name is worth saying only when it matched words the current name did not.
    by_field: dict[str, set[bytes]] = {}
    for field_, term in hit.matched_terms() if matched else ():
        by_field.setdefault(field_, set()).add(term)
    former_only = by_field.get("former", set()) - by_field.get("name", set())
    former = _former(hit, former_only) if former_only else None
    score = hit.score if isinstance(hit.score, float | int) else 0.0
    return Hit(service, float(score), highlights, former)


def _former(hit: Any, matched: set[bytes]) -> str | None:
    """Which former name matched: the first whose stems include a matched term."""
    terms = {t.decode("utf-8") for t in matched}
    for name in str(hit.get("former", "")).split("; "):
        if {stem(w) for w in words(name)} & terms:
            return name
    return None
