"""READ-001: professional words and the reading age of family wording."""

from __future__ import annotations

from pathlib import Path

from navigator.checker import check
from navigator.checker.readability import MAX_GRADE, jargon_in, reading_grade
from navigator.content.loader import load
from tests.conftest import GOOD


def test_professional_words_are_found_whole_and_in_any_case() -> None:
    assert jargon_in("The five mandated reviews, under the Continuum of Need.") == [
        "mandated",
        "Continuum of Need",
    ]
    assert jargon_in("A practitioner can usually hold it.") == ["practitioner", "can usually hold"]
    assert jargon_in("Frontier tiers") == []  # parts of words do not count
    assert jargon_in("Ring your health visitor today.") == []


def test_plain_words_read_younger_than_service_jargon() -> None:
    plain = ["Ring your health visitor. They can help. Tell them how you feel."]
    dense = [
        "The Healthy Child Programme, including the five mandated reviews from the antenatal "
        "contact onwards, and extra support for families who need it."
    ]
    assert reading_grade(plain) <= MAX_GRADE < reading_grade(dense)


def test_each_text_counts_as_a_sentence() -> None:
    labels = ["Feeling low or anxious", "Crying, sleeping or feeding", "Something else"]
    assert reading_grade(labels) < reading_grade([" ".join(labels)])


def test_a_service_family_description_is_checked(tmp_path: Path) -> None:
    text = (GOOD / "services.yaml").read_text(encoding="utf-8")
    hard = (
        "    family_description: Multidisciplinary perinatal interventions, commissioned "
        "regionally, notwithstanding eligibility thresholds and accessibility considerations.\n"
    )
    anchor = "    remit: Helps parents and babies whose relationship is under strain.\n"
    assert anchor in text
    (tmp_path / "services.yaml").write_text(text.replace(anchor, anchor + hard))
    found = [f for f in check(load([tmp_path / "services.yaml"])) if f.code == "READ-001"]
    assert [f.line for f in found] == [text[: text.index(anchor)].count("\n") + 2] * 2
    assert "uses professional words: 'commissioned'" in found[0].message
    assert "reads at grade" in found[1].message
