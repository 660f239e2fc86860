"""Feedback text loses its personal data before it is stored: realistic text from a parent and
a health visitor, with every kind of personal data the scrubber knows, keeps none of it and
keeps the ordinary words."""

from __future__ import annotations

import re

import pytest

from navigator.store.scrub import MARKERS, scrub

PARENT = """Hi, I'm writing about my son Adam who was born on 12/03/2024. We live at BD3 8AA
(near Barkerend Road) and before that in bd5 7. Dr Patel at the surgery said to ring
01274 123456 or my mobile 07700 900 123 if things get worse.

Mrs J. Smith from the children's centre was lovely, and so was health visitor Jane. My
partner Tom thinks the baby is not sleeping because of her reflux. Her NHS number is
485 777 3456 if you need it. You can email me on sarah.khan@example.com.

It helped a bit, but the waiting list is long and I still feel low most days. We moved from
BD9 last year and my mum is not nearby. Born 3rd May 2023, he is a happy boy really.
Sister Bridget O'Neil on the ward told me about this site. Call +44 (0)113 496 0000 please."""

HEALTH_VISITOR = """The family (Ms Begum, LS1 4AP until March 2024) found the results clear.
Baby is 7 months, mum has persistent low mood and little English. Nurse Akhtar suggested the
Family Hub. Contact on 0113-496-0123 ext 4. Referral sent 4 June; record 9434765919.
A lady called Fatima at the Hub was very helpful. See www.example.org/family/begum for more."""

PERSONAL = [
    "Adam", "12/03/2024", "BD3 8AA", "bd5 7", "Patel", "01274 123456", "07700 900 123",
    "J. Smith", "Smith", "Jane", "Tom", "485 777 3456", "sarah.khan@example.com", "BD9",
    "3rd May 2023", "Bridget", "O'Neil", "496 0000", "Begum", "LS1 4AP", "March 2024",
    "Akhtar", "0113-496-0123", "4 June", "9434765919", "Fatima", "www.example.org",
]  # fmt: skip

ORDINARY = [
    "writing about my son", "We live at", "Barkerend Road", "the surgery said to ring",
    "children's centre was lovely", "thinks the baby is not sleeping because of her reflux",
    "It helped a bit, but the waiting list is long and I still feel low most days",
    "my mum is not nearby", "he is a happy boy really", "told me about this site",
    "found the results clear", "Baby is 7 months, mum has persistent low mood and little "
    "English", "suggested the", "Family Hub", "was very helpful", "Referral sent",
]  # fmt: skip


@pytest.mark.parametrize("text", [PARENT, HEALTH_VISITOR])
def test_no_personal_data_survives_and_ordinary_words_do(text: str) -> None:
    clean = scrub(text)
    flat = " ".join(clean.split())
    for found in PERSONAL:
        assert found.lower() not in flat.lower(), f"{found!r} survived: {flat}"


def test_the_ordinary_words_of_both_texts_survive() -> None:
    flat = " ".join((scrub(PARENT) + " " + scrub(HEALTH_VISITOR)).split())
    for words in ORDINARY:
        assert " ".join(words.split()) in flat, f"{words!r} was lost: {flat}"


def test_each_kind_is_replaced_by_its_marker() -> None:
    clean = scrub(PARENT + "\n" + HEALTH_VISITOR)
    for marker in MARKERS.values():
        assert marker in clean, marker
    assert "Her NHS number is [NHS number removed]" in " ".join(clean.split())
    assert scrub("We are in BD3.") == "We are in [postcode removed]."
    assert scrub("We are in bd3 8.") == "We are in [postcode removed]."
    assert scrub("Ring 01274 123456.") == "Ring [phone number removed]."
    assert scrub("I miss my mum") == "I miss my mum"
    assert scrub("She has MS and asthma") == "She has MS and asthma"


def test_text_with_no_personal_data_is_unchanged() -> None:
    text = (
        "The questions were easy to follow. I did not know about the parent-infant team before,"
        " and the page told me what to say when I rang them. Thank you!\n\nIt would help to "
        "have this in Urdu and Polish. My 2 year old and I are waiting 6 to 8 weeks."
    )
    assert scrub(text) == text


def test_markers_name_no_value() -> None:
    for marker in MARKERS.values():
        assert re.fullmatch(r"\[[a-zA-Z ]+ removed\]", marker)
