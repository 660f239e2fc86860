"""TRANS-001 to TRANS-004 on translated copies of the example content, and on the shipped
translations (navigator/checker/translations.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from navigator.checker import check
from navigator.content.finding import Finding
from navigator.content.loader import load
from tests.translations import loaded, offering_urdu, write_translation

ROOT = Path(__file__).resolve().parents[2]
LABEL = "pathways.early-years.questions.stage.choices.postnatal.label"


def trans(root: Path) -> list[Finding]:
    return [f for f in check(loaded(root), date(2026, 12, 1)) if f.code.startswith("TRANS")]


def test_changing_an_english_label_reports_its_translation_stale(tmp_path: Path) -> None:
    root = offering_urdu(tmp_path)
    translation = write_translation(root, "ur", {LABEL: "ہاں"})
    assert [f.code for f in trans(root) if f.code != "TRANS-001"] == []
    pathway = root / "pathways" / "early-years.yaml"
    text = pathway.read_text(encoding="utf-8")
    assert "{id: postnatal, label: Yes}" in text
    pathway.write_text(text.replace("{id: postnatal, label: Yes}", "{id: postnatal, label: Born}"))
    [stale] = [f for f in trans(root) if f.code == "TRANS-002"]
    assert stale.path == str(translation) and stale.severity.value == "warning"
    written = translation.read_text(encoding="utf-8").splitlines()
    assert written[stale.line - 1].strip().startswith("english:")  # the line to change
    assert LABEL in stale.message and '("Born")' in stale.hint
    assert stale.hint.startswith("Please either ")


def test_missing_translations_are_counted_once_per_kind(tmp_path: Path) -> None:
    root = offering_urdu(tmp_path)
    write_translation(root, "ur", {LABEL: "ہاں"})
    missing = [f for f in trans(root) if f.code == "TRANS-001"]
    assert missing and all(f.line == 1 for f in missing)  # at `language: ur`
    kinds = [f.message.split(" fields of ")[1].split(" have ")[0] for f in missing]
    assert len(kinds) == len(set(kinds))
    assert any("of choices" in f.message for f in missing)


def test_a_key_naming_nothing_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    root = offering_urdu(tmp_path)
    path = write_translation(root, "ur", {LABEL: "ہاں"})
    text = path.read_text(encoding="utf-8").replace("choices.postnatal", "choices.postnatl")
    path.write_text(text, encoding="utf-8")
    [unknown] = [f for f in trans(root) if f.code == "TRANS-004"]
    assert unknown.line == 3 and unknown.severity.value == "error"
    assert "Did you mean" in unknown.hint and LABEL in unknown.hint


def test_a_language_the_site_does_not_offer_is_an_error(tmp_path: Path) -> None:
    root = offering_urdu(tmp_path)
    write_translation(root, "pl", {LABEL: "Tak"})
    [offered] = [f for f in trans(root) if f.code == "TRANS-003"]
    assert "not one of the site's languages" in offered.message
    assert "TRANS-001" not in {f.code for f in trans(root)}  # nothing more about that file


def test_the_shipped_translations_are_complete_and_current() -> None:
    bundle = load([ROOT / "services.yaml", ROOT / "pathways", ROOT / "translations"])
    assert [str(f) for f in bundle.findings] == []
    # Everything families read is translated into Urdu and Polish, from the English of now.
    assert [str(f) for f in check(bundle) if f.code.startswith("TRANS")] == []
