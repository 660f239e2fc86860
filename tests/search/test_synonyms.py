from __future__ import annotations

from pathlib import Path

from navigator.search.synonyms import Segment, Synonyms, load_synonyms

THESAURUS = Synonyms(
    {
        "PND": ["postnatal depression"],
        "postnatal depression": ["low mood", "depression"],
        "baby blues": ["low mood"],
        "A&E": ["accident and emergency"],
    }
)


def test_longest_term_first() -> None:
    segments = THESAURUS.segments(["my", "baby", "blues", "baby"])
    assert [s.words for s in segments] == [("my",), ("baby", "blues"), ("baby",)]
    assert segments[1].expansions == (("low", "mood"),)


def test_terms_match_whatever_the_case_and_punctuation() -> None:
    assert THESAURUS.segments(["a", "e"]) == [
        Segment(("a", "e"), (("accident", "and", "emergency"),))
    ]
    assert THESAURUS.expansions("pnd") == (("postnatal", "depression"),)


def test_expansions_chain_one_step_and_are_kept_apart() -> None:
    (segment,) = THESAURUS.segments(["pnd"])
    assert segment.expansions == (("postnatal", "depression"),)
    assert segment.chained == (("low", "mood"), ("depression",))


def test_a_missing_or_invalid_file_gives_an_empty_thesaurus(tmp_path: Path) -> None:
    assert len(load_synonyms(tmp_path / "missing.yaml")) == 0
    broken = tmp_path / "synonyms.yaml"
    broken.write_text("synonyms:\n  - term: PND\n    mean: [x]\n", encoding="utf-8")
    assert len(load_synonyms(broken)) == 0
    broken.write_text("synonyms: [", encoding="utf-8")
    assert len(load_synonyms(broken)) == 0


def test_the_shipped_thesaurus_loads(shipped_synonyms: Synonyms) -> None:
    assert len(shipped_synonyms) > 100
    assert ("health", "visiting") in shipped_synonyms.expansions("hv")
