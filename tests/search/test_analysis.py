from __future__ import annotations

import pytest

from navigator.search.analysis import osa_distance, stem, stemming_analyzer, typo_budget, words


def test_words_drop_apostrophes_and_punctuation() -> None:
    assert words("Baby won't settle; Mum's A&E") == ["baby", "wont", "settle", "mums", "a", "e"]


def test_the_index_and_the_query_meet_at_the_same_stem() -> None:
    indexed = [
        t.text for t in stemming_analyzer()("Mothers' depression and the children's centres")
    ]
    assert indexed == ["mother", "depress", "children", "centr"]
    assert [stem(w) for w in words("mother depressed")] == ["mother", "depress"]


@pytest.mark.parametrize(
    ("word", "budget"), [("sleep", 1), ("slee", 0), ("bereavement", 2), ("postnatal", 2)]
)
def test_typo_budget_grows_with_length(word: str, budget: int) -> None:
    assert typo_budget(word) == budget


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("anxeity", "anxiety", 1),  # a swap of neighbours is one typo
        ("depresion", "depression", 1),
        ("midwfie", "midwife", 1),
        ("brestfeding", "breastfeeding", 2),
        ("sleep", "sleep", 0),
        ("abc", "xyz", 3),
    ],
)
def test_osa_distance_counts_a_swap_as_one(a: str, b: str, distance: int) -> None:
    assert osa_distance(a, b, limit=3) == distance


def test_osa_distance_stops_past_the_limit() -> None:
    assert osa_distance("anxiety", "bereavement", limit=2) == 3
