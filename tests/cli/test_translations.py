"""`navigator translations` (how far each language has got) and `navigator translations stub`
(appends the missing entries as text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from navigator.cli import main
from navigator.content.localised import Standing, standings
from navigator.content.translation import TranslationFile
from tests.translations import loaded, offering_urdu, write_translation

LABEL = "pathways.early-years.questions.stage.choices.postnatal.label"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    found = offering_urdu(tmp_path / "content")
    monkeypatch.setenv("NAVIGATOR_CONTENT_ROOT", str(found))
    return found


def test_status_counts_each_language(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_translation(root, "ur", {LABEL: "ہاں"})
    assert main(["translations", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert set(counts) == {"ur"}
    assert counts["ur"]["translated"] == 1 and counts["ur"]["unreviewed"] == 1
    assert counts["ur"]["stale"] == 0 and counts["ur"]["missing"] > 10
    assert main(["translations"]) == 0
    table = capsys.readouterr().out
    assert "Urdu (ur)" in table and "not yet checked by a native speaker" in table


def test_stub_appends_the_missing_entries_and_keeps_what_was_written(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_translation(root, "ur", {LABEL: "ہاں"})
    before = "# Kept: a translator's note.\n" + path.read_text(encoding="utf-8")
    path.write_text(before, encoding="utf-8")
    assert main(["translations", "stub", "ur"]) == 0
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # appended, never re-written
    assert "  #   Health Visiting\n" in after  # the English to translate, as a comment
    bundle = loaded(root)
    assert bundle.findings == []
    [document] = bundle.translations
    assert isinstance(document.model, TranslationFile)
    assert bundle.directory is not None
    places = standings(bundle.directory, [p for p, _ in bundle.pathways], document.model)
    # Every field now has an entry; the new ones still count as missing until filled in.
    assert all(p.entry is not None for p in places)
    assert {p.standing for p in places} == {Standing.translated, Standing.missing}
    capsys.readouterr()
    assert main(["translations", "stub", "ur"]) == 0  # nothing left to add
    assert path.read_text(encoding="utf-8") == after
    assert "0 entries added" in capsys.readouterr().out


def test_stub_starts_a_new_file(root: Path) -> None:
    assert main(["translations", "stub", "ur"]) == 0
    bundle = loaded(root)
    assert bundle.findings == []
    [document] = bundle.translations
    assert isinstance(document.model, TranslationFile) and document.model.language == "ur"


def test_stub_will_not_append_after_another_key(root: Path) -> None:
    path = write_translation(root, "ur", {LABEL: "ہاں"})
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("language: ur\n", "") + "language: ur\n", encoding="utf-8")
    assert main(["translations", "stub", "ur"]) == 2
    assert path.read_text(encoding="utf-8").endswith("language: ur\n")


def test_stub_refuses_a_code_that_is_no_language(root: Path) -> None:
    assert main(["translations", "stub", "xx"]) == 2
