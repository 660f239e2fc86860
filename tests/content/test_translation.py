"""The content as seen in a language: fingerprints, where each field stands, and the
translated copy (navigator/content/translation.py, translatable.py, localised.py)."""

from __future__ import annotations

from pathlib import Path

from navigator.content.localised import Counts, Standing, localise, standings
from navigator.content.translation import TranslationFile
from tests.translations import loaded, offering_urdu, write_translation

FLAG = "pathways.early-years.red_flags.harm-baby.family_label"
TITLE = "pathways.early-years.dispositions.emergency.title"
HV = "services.health-visiting.name"


def test_a_fingerprint_ignores_how_the_english_is_wrapped() -> None:
    from navigator.content.translation import fingerprint

    assert fingerprint("Call 999\n  or go to A&E") == fingerprint("Call 999 or go to A&E")
    assert fingerprint("Call 999 or go to A&E") != fingerprint("Call 111 or go to A&E")
    assert len(fingerprint("x")) == 12


def _urdu(root: Path) -> tuple[TranslationFile, list[object]]:
    bundle = loaded(root)
    [document] = bundle.translations
    assert isinstance(document.model, TranslationFile)
    return document.model, [bundle.directory, *(p for p, _ in bundle.pathways)]


def test_the_family_wording_is_the_field_translated(tmp_path: Path) -> None:
    root = offering_urdu(tmp_path)
    write_translation(root, "ur", {FLAG: "میں اپنے بچے کو نقصان پہنچانے کا سوچتی ہوں"})
    bundle = loaded(root)
    assert bundle.directory is not None
    places = standings(bundle.directory, [p for p, _ in bundle.pathways], _urdu(root)[0])
    keys = {p.slot.key for p in places}
    assert FLAG in keys  # the red flag has a family wording: that is what families read
    assert "pathways.early-years.red_flags.harm-baby.label" not in keys
    assert TITLE in keys  # no family title: the title is what families read
    standing = {p.slot.key: p.standing for p in places}
    assert standing[FLAG] is Standing.translated and standing[TITLE] is Standing.missing
    counts = Counts.of(places)
    assert (counts.translated, counts.unreviewed) == (1, 1)
    assert counts.missing == len(places) - 1


def test_the_copy_in_urdu_translates_current_entries_and_keeps_english_elsewhere(
    tmp_path: Path,
) -> None:
    root = offering_urdu(tmp_path)
    write_translation(root, "ur", {FLAG: "اردو", HV: "ہیلتھ وزیٹر"})
    bundle = loaded(root)
    assert bundle.directory is not None
    pathways = [p for p, _ in bundle.pathways]
    seen = localise(bundle.directory, pathways, _urdu(root)[0])
    assert seen.language == "ur"
    assert seen.pathways[0].red_flags[0].family_label == "اردو"
    assert seen.directory.service("health-visiting").name == "ہیلتھ وزیٹر"  # type: ignore[union-attr]
    assert seen.pathways[0].disposition("emergency").title == "Call 999 or go to A&E now"  # type: ignore[union-attr]
    assert seen.unreviewed == {
        FLAG: "I have thoughts of harming my baby",
        HV: "Health Visiting",
    }
    assert seen.english_of["اردو"] == "I have thoughts of harming my baby"
    # The content served in English is untouched, and positions stay for "why" reasons.
    assert pathways[0].red_flags[0].family_label == "I have thoughts of harming my baby"
    assert bundle.directory.service("health-visiting").name == "Health Visiting"  # type: ignore[union-attr]
    assert seen.pathways[0].red_flags[0].at == pathways[0].red_flags[0].at


def test_a_reviewed_entry_is_not_marked_unreviewed(tmp_path: Path) -> None:
    root = offering_urdu(tmp_path)
    write_translation(root, "ur", {FLAG: "اردو"}, reviewed=True)
    bundle = loaded(root)
    assert bundle.directory is not None
    seen = localise(bundle.directory, [p for p, _ in bundle.pathways], _urdu(root)[0])
    assert seen.pathways[0].red_flags[0].family_label == "اردو"
    assert seen.unreviewed == {}


def test_a_stale_entry_shows_the_english(tmp_path: Path) -> None:
    root = offering_urdu(tmp_path)
    write_translation(root, "ur", {FLAG: "اردو"})
    pathway = root / "pathways" / "early-years.yaml"
    text = pathway.read_text(encoding="utf-8")
    pathway.write_text(text.replace("I have thoughts of harming my baby", "I want to hurt my baby"))
    bundle = loaded(root)
    assert bundle.directory is not None
    pathways = [p for p, _ in bundle.pathways]
    file = _urdu(root)[0]
    assert {p.slot.key: p.standing for p in standings(bundle.directory, pathways, file)}[
        FLAG
    ] is Standing.stale
    seen = localise(bundle.directory, pathways, file)
    assert seen.pathways[0].red_flags[0].family_label == "I want to hurt my baby"
    assert seen.unreviewed == {}


def test_english_is_the_content_itself(tmp_path: Path) -> None:
    bundle = loaded(offering_urdu(tmp_path))
    assert bundle.directory is not None
    seen = localise(bundle.directory, [p for p, _ in bundle.pathways], None)
    assert seen.directory is bundle.directory and seen.language == "en"
