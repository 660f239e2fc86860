"""Searching on the postings arrays gives the pages Whoosh's own matchers and collector give:
the same services in the same order, scores, totals, facet counts, highlights and
corrections, on the judged queries and with every kind of filter."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

import pytest
from whoosh.filedb.filestore import RamStorage

from navigator.content.directory import Directory
from navigator.content.vocabulary import Audience, RouteKind, Stage
from navigator.search.evaluate import scores
from navigator.search.filters import Filters
from navigator.search.index import Generation, Scoring, open_generation
from navigator.search.postings import Postings
from navigator.search.query import SearchRequest, search
from navigator.search.relevance import load_judged
from navigator.search.schema import documents, schema
from navigator.search.synonyms import Synonyms
from tests.search.conftest import JUDGED, SMALL_THESAURUS

FILTERS = [
    Filters(),
    Filters(audience=Audience.family),
    Filters(routes=(RouteKind.self_referral, RouteKind.referral)),
    Filters(age_months=7),
    Filters(stage=Stage.pregnancy, audience=Audience.practitioner),
    Filters(areas=frozenset({"better-start-bradford"})),
    Filters(rings=("core",)),
]
QUERIES = ["", "pnd", "hv", "health visiting", "anxeity", "sleep", "talking therap", "the"]


def before(generation: Generation) -> Generation:
    return dataclasses.replace(generation, scoring=Scoring.whoosh)


def page(generation: Generation, request: SearchRequest) -> dict[str, Any]:
    return search(generation, request).as_json()


def test_the_judged_queries_get_the_same_pages(shipped: Generation) -> None:
    old = before(shipped)
    for query in load_judged(JUDGED):
        request = SearchRequest(query.text)
        assert page(shipped, request) == page(old, request), query.text


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_filters_and_pages_get_the_same_pages(shipped: Generation, filters: Filters) -> None:
    old = before(shipped)
    for text in QUERIES:
        for number in (1, 2, 9):
            request = SearchRequest(text, filters, page=number, per_page=4)
            assert page(shipped, request) == page(old, request), (text, number)


def test_an_empty_query_lists_every_service_by_name(shipped: Generation) -> None:
    found = search(shipped, SearchRequest("", per_page=100))
    names = [h.service.name.lower() for h in found.hits]
    assert names == sorted(names)
    assert found.total == len(found.hits) > 20


def two_segments(directory: Directory) -> Generation:
    """The directory indexed in two commits, so the index has two segments (as a build with
    two processes makes): postings must be read from each, numbered from its offset."""
    ix = RamStorage().create_index(schema(), indexname=f"two-{uuid.uuid4().hex}")
    docs = list(documents(directory))
    half = len(docs) // 2
    for part in (docs[:half], docs[half:]):
        writer = ix.writer()
        for document in part:
            writer.add_document(**document)
        writer.commit(merge=False)
    generation = open_generation(ix, directory, Synonyms(SMALL_THESAURUS), "two")
    with generation.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) == 2
    return generation


def test_an_index_of_several_segments_gets_the_same_pages(shipped_directory: Directory) -> None:
    generation = two_segments(shipped_directory)
    old = before(generation)
    for text in QUERIES:
        for filters in FILTERS:
            request = SearchRequest(text, filters)
            assert page(generation, request) == page(old, request), (text, filters)


def test_a_terms_arrays_are_read_once_and_kept(small: Generation) -> None:
    postings = small.postings
    assert postings is not None
    with small.searcher() as searcher:
        reader = searcher.reader()
        first = postings.term(reader, "all", "visit")
        assert len(first[0]) > 0
        assert postings.term(reader, "all", "visit") is first
        missing = postings.term(reader, "all", "nosuchstem")
        assert len(missing[0]) == 0


def test_the_least_recently_used_terms_go_first_when_too_many_are_kept(
    small: Generation,
) -> None:
    assert small.postings is not None
    with small.searcher() as searcher:
        reader = searcher.reader()
        sizes = [len(small.postings.term(reader, "all", t)[0]) for t in ("visit", "servic")]
        assert all(sizes)
        postings = Postings(
            small.postings.doc_count, small.norms, small.facets, max_postings=sum(sizes) - 1
        )
        visit = postings.term(reader, "all", "visit")
        assert postings.term(reader, "all", "visit") is visit
        postings.term(reader, "all", "servic")
        assert len(postings) == 1
        assert postings.term(reader, "all", "visit") is not visit  # read again


def test_scores_are_zero_where_nothing_matches(small: Generation) -> None:
    from whoosh.query import And, Term

    assert small.postings is not None
    with small.searcher() as searcher:
        both = scores(
            And([Term("all", "visit"), Term("all", "nosuchstem")]),
            small.postings,
            searcher.reader(),
        )
    assert not both.any()


def test_a_new_generation_has_arrays_of_its_own(small: Generation, directory: Directory) -> None:
    again = open_generation(small.index, directory, small.synonyms, "again")
    assert again.postings is not small.postings
    renamed = small.with_synonyms(Synonyms({}))
    assert renamed.postings is small.postings  # the same index: still right


def test_warming_reads_the_common_terms_ahead(small: Generation) -> None:
    assert small.postings is not None
    postings = Postings(small.postings.doc_count, small.norms, small.facets)
    with small.searcher() as searcher:
        reader = searcher.reader()
        read = postings.warm(reader, ("all",), min_docs=2)
        assert read == len(postings) > 0
        common = [t.decode() for t, i in reader.iter_field("all") if i.doc_frequency() >= 2]
        assert len(common) == read
        kept = postings.term(reader, "all", common[0])
        assert postings.term(reader, "all", common[0]) is kept
        assert len(postings) == read  # nothing read again


def test_a_generation_warms_without_changing_its_answers(shipped: Generation) -> None:
    request = SearchRequest("perinatl mental helth")
    first = page(shipped, request)
    shipped.warm()
    assert page(shipped, request) == first
