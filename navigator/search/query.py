"""Searching one generation: a page of results with facet counts, highlights, "did you mean"
and the former name each result was found by.

The query is read by `interpret`, turned into a Whoosh query by `compose`, run by `collect`
(exact totals and facet counts); results come back as services from the generation's
directory, so a card shows what `services.yaml` says.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from html import escape
from typing import Any

from whoosh.query import Query

from navigator.content.directory import Service
from navigator.search.analysis import STOP_WORDS, WORD_PATTERN, stem, words
from navigator.search.collect import Collected, collect
from navigator.search.compose import compose
from navigator.search.evaluate import Tally, tally
from navigator.search.filters import Filters
from navigator.search.index import Generation, Scoring
from navigator.search.interpret import interpret

__all__ = ["Hit", "SearchPage", "SearchRequest", "search"]
HIGHLIGHTED = ("name", "remit", "description")
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
            "ring": s.ring or "",
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


def search(
    generation: Generation, request: SearchRequest, notes: list[str] | None = None
) -> SearchPage:
    """One page of results for `request`."""
    interpretation = interpret(
        request.text, generation.vocabulary, generation.synonyms, prefix=request.prefix
    )
    query = compose(interpretation, generation.lexicon)
    per_page = max(1, min(request.per_page, 100))
    with generation.searcher() as searcher:
        limit = per_page * max(1, request.page)
        allow = request.filters.query(generation.max_routes)
        sortedby = "sort" if interpretation.empty else None
        postings = generation.postings
        found: Collected | Tally
        if postings is None or generation.scoring is Scoring.whoosh:
            found = collect(searcher, query, limit, allow=allow, sortedby=sortedby)
        else:
            found = tally(searcher, postings, query, limit, allow=allow, sortedby=sortedby)
        total = found.total
        pages = max(1, -(-total // per_page))
        page = max(1, min(request.page, pages))
        terms = _terms(query)
        hits: list[Hit] = []
        for hit in found.results[(page - 1) * per_page : page * per_page]:
            service = generation.directory.service(hit["id"])
            if service is not None:
                hits.append(_hit(hit, service, terms))
    suggestion = interpretation.suggestion
    return SearchPage(
        text=request.text,
        total=total,
        page=page,
        pages=pages,
        per_page=per_page,
        hits=hits,
        facets=found.counts(generation.facets),
        did_you_mean=suggestion
        if suggestion and suggestion != request.text.strip().lower()
        else None,
        corrections=dict(interpretation.corrected),
        notes=list(notes or []),
    )


def _terms(query: Query) -> dict[str, frozenset[str]]:
    """The stems the query looks for, by field."""
    found: dict[str, set[str]] = {}
    for field_, text in query.iter_all_terms():
        value = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        found.setdefault(field_, set()).add(value)
    return {f: frozenset(t) for f, t in found.items()}


@functools.lru_cache(maxsize=8192)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text))


def _hit(hit: Any, service: Service, terms: dict[str, frozenset[str]]) -> Hit:
    wanted = frozenset().union(*terms.values()) if terms else frozenset()
    highlights: dict[str, str] = {}
    for field_ in HIGHLIGHTED:
        text = _highlight(getattr(service, field_), wanted)
        if text is not None:
            highlights[field_] = text
    # A former name is worth saying only when it matched words the current name did not.
    former = None
    in_name = terms.get("name", frozenset()) & _stems(service.name)
    for name in str(hit.get("former", "")).split("; "):
        if (terms.get("former", frozenset()) & _stems(name)) - in_name:
            former = name
            break
    score = hit.score if isinstance(hit.score, float | int) else 0.0
    return Hit(service, float(score), highlights, former)


_WORD = re.compile(WORD_PATTERN)


def _highlight(text: str, stems: frozenset[str]) -> str | None:
    """`text` as HTML: the words whose stems the query looks for in `<mark>`, everything else
    escaped; None if no word matched. The whole text: names and remits are short and cards
    show them whole."""
    if not stems or not text:
        return None
    parts: list[str] = []
    done = 0
    for start, end, word_stem in _words_of(text):
        if word_stem not in stems:
            continue
        parts += [
            escape(text[done:start]),
            f'<mark class="match">{escape(text[start:end])}</mark>',
        ]
        done = end
    if not parts:
        return None
    parts.append(escape(text[done:]))
    return "".join(parts)


@functools.lru_cache(maxsize=8192)
def _words_of(text: str) -> tuple[tuple[int, int, str], ...]:
    """Where each word of `text` other than a stop word is, and its stem: worked out once per
    text (a service's texts are highlighted again and again)."""
    found: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("'", "").replace("’", "")
        if word not in STOP_WORDS:
            found.append((match.start(), match.end(), stem(word)))
    return tuple(found)
