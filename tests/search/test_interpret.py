from __future__ import annotations

import pytest

from navigator.search.interpret import Kind, interpret
from navigator.search.synonyms import Synonyms
from navigator.search.vocabulary import Vocabulary

VOCABULARY = Vocabulary(
    {
        "anxiety": 3,
        "health": 5,
        "healthy": 2,
        "visiting": 4,
        "visitor": 1,
        "sleep": 6,
        "postnatal": 2,
        "depression": 3,
        "name": 1,
        "referral": 4,
        "self": 2,
    }
)
SYNONYMS = Synonyms(
    {
        "postnatal depression": ["low mood"],
        "health visitor": ["health visiting"],
        "hv": ["health visiting"],
    }
)


def kinds(text: str, **options: bool) -> list[list[tuple[str, Kind]]]:
    found = interpret(text, VOCABULARY, SYNONYMS, **options)
    return [[(" ".join(a.words), a.kind) for a in c.alternatives] for c in found.clauses]


@pytest.mark.parametrize(
    "text", ["name:sleep", "sleep*", '"sleep', "sleep~9", "(sleep OR", "self-referral", "^2"]
)
def test_user_input_is_never_query_syntax(text: str) -> None:
    found = interpret(text, VOCABULARY, SYNONYMS, prefix=False)
    for clause in found.clauses:
        for alternative in clause.alternatives:
            assert all(w.isalnum() for w in alternative.words)


def test_field_syntax_is_just_two_words() -> None:
    assert [c.text for c in interpret("name:sleep", VOCABULARY, SYNONYMS).clauses] == [
        "name",
        "sleep",
    ]


def test_a_typo_is_corrected_and_suggested() -> None:
    found = interpret("anxeity ", VOCABULARY, SYNONYMS)
    assert kinds("anxeity ") == [[("anxeity", Kind.exact), ("anxiety", Kind.typo)]]
    assert found.suggestion == "anxiety"
    assert found.corrected == (("anxeity", "anxiety"),)


def test_correction_happens_before_the_thesaurus() -> None:
    (clause,) = interpret("postnatal depresion ", VOCABULARY, SYNONYMS).clauses
    assert ("low", "mood") in [a.words for a in clause.alternatives]


def test_run_together_words_meet_the_thesaurus() -> None:
    found = interpret("healthvisitor ", VOCABULARY, SYNONYMS)
    (clause,) = found.clauses
    words = [(a.words, a.kind) for a in clause.alternatives]
    assert (("health", "visitor"), Kind.compound) in words
    assert found.suggestion == "health visitor"


def test_the_last_word_is_completed_while_typing() -> None:
    assert kinds("heal") == [
        [("heal", Kind.exact), ("health", Kind.prefix), ("healthy", Kind.prefix)]
    ]
    # A space after the word means it is finished: no completion, so a correction instead.
    assert ("health", Kind.prefix) not in kinds("heal ")[0]
    assert kinds("heal", prefix=False) == [[("heal", Kind.exact)]]


def test_half_typed_words_are_not_called_typos() -> None:
    assert interpret("heal", VOCABULARY, SYNONYMS).suggestion is None


def test_stop_words_are_dropped_unless_that_is_all_there_is() -> None:
    assert [c.text for c in interpret("the sleep", VOCABULARY, SYNONYMS).clauses] == ["sleep"]
    assert [c.text for c in interpret("the", VOCABULARY, SYNONYMS).clauses] == ["the"]


def test_an_empty_query_is_empty() -> None:
    assert interpret("  ?! ", VOCABULARY, SYNONYMS).empty
