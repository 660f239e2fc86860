from __future__ import annotations

from pathlib import Path

import pytest

from navigator.content.vocabulary import Audience, RouteKind, Stage
from navigator.search.filters import Filters
from navigator.search.index import Generation, build_in_memory
from navigator.search.query import SearchRequest, search
from tests.search.conftest import make_directory, service


def ids(generation: Generation, text: str = "", **filters: object) -> list[str]:
    return search(generation, SearchRequest(text, Filters(**filters), per_page=50)).ids  # type: ignore[arg-type]


def test_a_decommissioned_service_leads_to_its_successor(small: Generation) -> None:
    page = search(small, SearchRequest("Old Project"))
    assert page.ids[0] == "health-visiting"
    assert page.hits[0].former_name == "Old Project"
    assert "old-project" not in ids(small)


def test_a_former_name_is_found_and_said(small: Generation) -> None:
    hit = search(small, SearchRequest("old infant team")).hits[0]
    assert (hit.service.id, hit.former_name) == ("infant-mh", "Old Infant Team")
    # When the current name matches too, the card need not mention the old one.
    assert search(small, SearchRequest("infant mental health")).hits[0].former_name is None


def test_abbreviations_typos_and_prefixes(small: Generation) -> None:
    assert ids(small, "HV")[0] == "health-visiting"
    assert ids(small, "therap")[0] == "talking-therapies"
    page = search(small, SearchRequest("anxeity "))
    assert page.ids[0] == "talking-therapies"
    assert page.did_you_mean == "anxiety"
    assert page.corrections == {"anxeity": "anxiety"}


def test_no_did_you_mean_for_words_it_knows(small: Generation) -> None:
    assert search(small, SearchRequest("anxiety")).did_you_mean is None


def test_highlights_escape_the_services_own_text(tmp_path: Path) -> None:
    directory = make_directory(
        tmp_path,
        service(
            "odd",
            "'Odd & <b>bold</b>'",
            "      - kind: signposting\n        eligibility: {audience: [family]}\n"
            "        how: Look.\n",
            remit="'Helps families <script>alert(1)</script> & friends.'",
            description="Odd.",
        ),
    )
    hit = search(build_in_memory(directory), SearchRequest("families bold")).hits[0]
    remit, name = hit.highlights["remit"], hit.highlights["name"]
    assert "<script>" not in remit and "&lt;script&gt;" in remit and "&amp;" in remit
    assert '<mark class="match">families</mark>' in remit
    assert "<b>" not in name and "&lt;b&gt;" in name


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("id:talking-therapies", "id talking therapies"),
        ("infant*", "infant"),
        ('"old project"', "old project"),
        ("anxeity~2", "anxeity 2"),
        ("(HV OR pnd) AND NOT infant", "HV OR pnd AND NOT infant"),
        ("name:[a TO z]", "name a TO z"),
    ],
)
def test_whoosh_query_syntax_in_the_text_is_only_words(
    small: Generation, typed: str, words: str
) -> None:
    assert search(small, SearchRequest(typed)).ids == search(small, SearchRequest(words)).ids


def test_facet_counts_count_every_value_of_a_service(small: Generation) -> None:
    facets = search(small, SearchRequest("")).facets
    # health-visiting has both a referral and a self-referral route: it counts under both.
    assert facets["route"] == {"referral": 2, "self_referral": 2, "consultation": 1, "urgent": 1}
    assert facets["audience"] == {"practitioner": 4, "family": 3}
    assert facets["ring"] == {"risk": 2, "core": 1, "universal": 1}


def test_facets_follow_the_query_and_filters(small: Generation) -> None:
    facets = search(small, SearchRequest("", Filters(audience=Audience.family))).facets
    assert facets["ring"] == {"risk": 2, "universal": 1}


ROUTES_SPLIT = (
    "      - kind: self_referral\n        eligibility: {audience: [family]}\n        how: Ring.\n"
    "      - kind: referral\n        eligibility: {audience: [practitioner]}\n        how: Form.\n"
)


def test_filters_ask_that_one_route_meets_them_all(tmp_path: Path) -> None:
    generation = build_in_memory(make_directory(tmp_path, service("split", "Split", ROUTES_SPLIT)))
    family = Audience.family
    assert ids(generation, routes=(RouteKind.self_referral,), audience=family) == ["split"]
    # A referral route exists, and a family route exists, but no family referral route.
    assert ids(generation, routes=(RouteKind.referral,), audience=family) == []
    both = (RouteKind.referral, RouteKind.self_referral)
    assert ids(generation, routes=both, audience=family) == ["split"]


def test_age_and_stage_filters(small: Generation) -> None:
    assert "infant-mh" in ids(small, age_months=12)
    assert "infant-mh" not in ids(small, age_months=30)
    assert "infant-mh" in ids(small, stage=Stage.pregnancy)
    assert "infant-mh" not in ids(small, stage=Stage.postnatal, age_months=24)
    assert "health-visiting" in ids(small, age_months=400)  # no age limit at all


def test_area_filter(small: Generation) -> None:
    outside = frozenset({"bradford-district", "england"})
    inside = outside | {"better-start-bradford"}
    assert "infant-mh" not in ids(small, areas=outside)
    assert "health-visiting" in ids(small, areas=outside)
    assert "infant-mh" in ids(small, areas=inside)


def test_ring_filter(small: Generation) -> None:
    assert sorted(ids(small, rings=("risk",))) == ["emergency", "talking-therapies"]


def test_an_empty_query_lists_services_by_name(small: Generation) -> None:
    assert ids(small) == ["emergency", "health-visiting", "infant-mh", "talking-therapies"]


@pytest.mark.parametrize(("asked", "given"), [(1, 1), (2, 2), (4, 4), (9, 4), (0, 1)])
def test_pages(small: Generation, asked: int, given: int) -> None:
    page = search(small, SearchRequest("", page=asked, per_page=1))
    assert (page.page, page.pages, page.total) == (given, 4, 4)
    assert len(page.hits) == 1


def test_json_has_what_the_api_promises(small: Generation) -> None:
    data = search(small, SearchRequest("old project")).as_json()
    assert set(data) >= {"query", "total", "page", "pages", "facets", "results", "did_you_mean"}
    first = data["results"][0]
    assert first["id"] == "health-visiting"
    assert first["matched_former_name"] == "Old Project"


def test_threads_searching_at_once_get_what_one_thread_gets(small: Generation) -> None:
    import threading

    texts = ["HV", "old project", "anxeity", "infant", "therap", "", "baby blues"]
    expected = {text: search(small, SearchRequest(text)).ids for text in texts}
    failures: list[str] = []

    def run() -> None:
        for _ in range(20):
            for text in texts:
                if search(small, SearchRequest(text)).ids != expected[text]:
                    failures.append(text)

    threads = [threading.Thread(target=run) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_each_thread_searches_with_its_own_searcher(small: Generation) -> None:
    import threading

    seen: list[object] = []

    def run() -> None:
        with small.searcher() as searcher:
            seen.append(searcher)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(s) for s in seen}) == 4
    swapped = small.with_synonyms(small.synonyms)
    with small.searcher() as before, swapped.searcher() as after:
        assert before is not after  # a swapped-in generation starts afresh
