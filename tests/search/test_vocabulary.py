from __future__ import annotations

from navigator.search.vocabulary import Vocabulary

WORDS = {
    "anxiety": 5,
    "breastfeeding": 3,
    "bereavement": 2,
    "health": 9,
    "healthy": 4,
    "visitor": 1,
    "visiting": 6,
    "depression": 4,
    "midwife": 3,
    "midwives": 2,
    "sleep": 7,
    "steep": 1,
}


def test_a_swap_of_neighbouring_letters_is_corrected() -> None:
    assert Vocabulary(WORDS).corrections("anxeity") == ["anxiety"]


def test_long_words_get_two_typos_short_ones_none() -> None:
    vocabulary = Vocabulary(WORDS)
    assert vocabulary.corrections("brestfeding") == ["breastfeeding"]  # two letters missing
    assert vocabulary.corrections("bereavment") == ["bereavement"]
    assert vocabulary.corrections("slep") == []  # four letters: no typo allowed
    assert vocabulary.corrections("xyzzyplugh") == []


def test_closest_then_commonest_first() -> None:
    vocabulary = Vocabulary({"sleep": 1, "steep": 9, "sheep": 3})
    assert vocabulary.corrections("sleeq") == ["sleep"]
    assert vocabulary.corrections("sxeep") == ["steep", "sheep", "sleep"]


def test_known_words_include_other_forms() -> None:
    vocabulary = Vocabulary(WORDS)
    assert vocabulary.known("anxiety")
    assert vocabulary.known("visitors")  # same stem as visitor
    assert not vocabulary.known("anxeity")


def test_completions_are_the_commonest_longer_words() -> None:
    vocabulary = Vocabulary(WORDS)
    assert vocabulary.completions("heal") == ["health", "healthy"]
    assert vocabulary.completions("midw", limit=1) == ["midwife"]
    assert vocabulary.completions("h") == []  # one letter completes to too much


def test_run_together_words_are_split() -> None:
    vocabulary = Vocabulary(WORDS)
    assert vocabulary.split("healthvisitor") == ("health", "visitor")
    assert vocabulary.split("healthvisitors") == ("health", "visitors")
    assert vocabulary.split("anxietyxyz") is None


def test_thesaurus_words_join_the_vocabulary() -> None:
    vocabulary = Vocabulary(WORDS, extra={"tokophobia"})
    assert vocabulary.corrections("tokophoiba") == ["tokophobia"]
