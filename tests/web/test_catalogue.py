"""The interface catalogues (navigator/locale/, navigator/web/catalogue.py): they compile without
errors, their plural forms are right, they are up to date with the code and templates, and the
app reads a catalogue whether or not it has been compiled."""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from navigator.content.directory import Directory
from navigator.content.pathway import Pathway
from navigator.engine import Ask, navigate
from navigator.web import catalogue, language
from navigator.web.catalogue import gettext, ngettext, reviewed, translations
from navigator.web.feedback import CHOICES
from navigator.web.journey import RED_FLAG_WORDS
from navigator.web.language import LOCALE_DIR

ROOT = Path(__file__).resolve().parents[2]
CODES = sorted(language.catalogue_languages())
POT = LOCALE_DIR / "messages.pot"


def _catalog(code: str) -> Catalog:
    with (LOCALE_DIR / code / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        return read_po(stream, locale=code)


def test_urdu_and_polish_have_catalogues() -> None:
    assert {"ur", "pl"} <= set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_catalogue_compiles_without_errors(code: str) -> None:
    catalog = _catalog(code)
    problems = [(m.id, errors) for m, errors in catalog.check()]
    assert problems == [], "placeholders differ from the English"
    write_mo(BytesIO(), catalog)


@pytest.mark.parametrize("code", CODES)
def test_every_message_is_translated_and_none_is_fuzzy(code: str) -> None:
    catalog = _catalog(code)
    missing = [m.id for m in catalog if m.id and (m.fuzzy or not _translated(m.string))]
    assert missing == []


def _translated(value: object) -> bool:
    if isinstance(value, (tuple, list)):
        return all(value)
    return bool(value)


@pytest.mark.parametrize(("code", "forms"), [("ur", 2), ("pl", 3)])
def test_plural_forms_follow_the_language(code: str, forms: int) -> None:
    catalog = _catalog(code)
    assert catalog.num_plurals == forms
    plural = [m for m in catalog if m.pluralizable]
    assert plural and all(isinstance(m.string, tuple) and len(m.string) == forms for m in plural)


@pytest.mark.parametrize(
    ("code", "counts"),
    [
        (
            "pl",
            {
                1: "1 usługa",
                2: "2 usługi",
                4: "4 usługi",
                5: "5 usług",
                12: "12 usług",
                22: "22 usługi",
            },
        ),
        ("ur", {1: "1 سروس", 2: "2 سروسز", 5: "5 سروسز"}),
        ("en", {1: "1 service", 2: "2 services"}),
    ],
)
def test_counts_take_the_right_plural_form(code: str, counts: dict[int, str]) -> None:
    token = language._language.set(code)
    try:
        for n, words in counts.items():
            assert ngettext("%(count)s service", "%(count)s services", n, count=n) == words
    finally:
        language._language.reset(token)


def test_a_translation_that_breaks_its_placeholders_falls_back_to_english() -> None:
    assert catalogue._format("Zadzwoń %(telefon)s", "Call %(phone)s", {"phone": "111"}) == (
        "Call 111"
    )


def test_english_needs_no_catalogue() -> None:
    assert gettext("Check your answers") == "Check your answers"
    assert reviewed("en")


def test_the_shipped_catalogues_say_they_are_not_yet_reviewed() -> None:
    for code in CODES:
        assert not reviewed(code)


def test_a_reviewer_named_in_the_header_comment_marks_it_reviewed(tmp_path: Path) -> None:
    folder = tmp_path / "ur" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = Catalog(locale="ur", header_comment="# Urdu.\n# Reviewed-By: A. Reviewer\n#")
    with (folder / "messages.po").open("wb") as stream:
        write_po(stream, catalog)
    assert reviewed("ur", tmp_path)
    empty = Catalog(locale="ur", header_comment="# Urdu.\n# Reviewed-By:\n#")
    with (folder / "messages.po").open("wb") as stream:
        write_po(stream, empty)
    reviewed.cache_clear()
    assert not reviewed("ur", tmp_path)
    reviewed.cache_clear()


def _write(folder: Path, text: str, *, mo: bool) -> None:
    catalog = Catalog(locale="pl")
    catalog.add("Back", text)
    folder.mkdir(parents=True, exist_ok=True)
    if mo:
        with (folder / "messages.mo").open("wb") as stream:
            write_mo(stream, catalog)
    else:
        with (folder / "messages.po").open("wb") as stream:
            write_po(stream, catalog)


def test_a_catalogue_is_read_from_its_po_when_not_compiled_or_edited_since(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "pl" / "LC_MESSAGES"
    _write(folder, "Wstecz", mo=False)
    assert translations("pl", tmp_path).gettext("Back") == "Wstecz"  # no .mo at all
    translations.cache_clear()
    _write(folder, "Stare", mo=True)
    os.utime(folder / "messages.mo", (1, 1))  # compiled long before the .po was edited
    assert translations("pl", tmp_path).gettext("Back") == "Wstecz"
    translations.cache_clear()
    os.utime(folder / "messages.po", (0, 0))  # now the .mo is the newer
    assert translations("pl", tmp_path).gettext("Back") == "Stare"
    translations.cache_clear()


def test_the_template_catalogue_is_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every string marked in the code and the templates is in the committed .pot (and nothing
    else): run `make translations` after changing the interface's words."""
    fresh = tmp_path / "messages.pot"
    monkeypatch.chdir(ROOT)
    CommandLineInterface().run(  # type: ignore[no-untyped-call]
        ["pybabel", "-q", "extract", "-F", "babel.cfg", "-k", "N_", "-o", str(fresh), "."]
    )
    with fresh.open("rb") as stream:
        extracted = {m.id for m in read_po(stream) if m.id}
    with POT.open("rb") as stream:
        committed = {m.id for m in read_po(stream) if m.id}
    assert extracted - committed == set(), "not in the .pot: run `make translations`"
    assert committed - extracted == set(), "no longer used: run `make translations`"
    for code in CODES:
        assert extracted <= {m.id for m in _catalog(code) if m.id}, code


@pytest.mark.parametrize("code", CODES)
def test_the_engines_red_flag_words_are_in_the_catalogue(
    code: str, pathway: Pathway, directory: Directory
) -> None:
    """The engine's fixed English for the red-flag question is what the web marks for the
    catalogue (else the page would show it in English), and each language translates it."""
    ask = navigate(pathway, directory, {})
    assert isinstance(ask, Ask) and ask.question_id == "red_flags"
    assert [ask.hint, ask.why_we_ask] == list(RED_FLAG_WORDS)
    for words in RED_FLAG_WORDS:
        assert translations(code).gettext(words) not in ("", words), words


@pytest.mark.parametrize(
    ("code", "labels"), [("ur", ["ہاں", "کچھ حد تک", "نہیں"]), ("pl", ["Tak", "Częściowo", "Nie"])]
)
def test_the_feedback_answers_are_translated(code: str, labels: list[str]) -> None:
    assert [translations(code).gettext(label) for _, label in CHOICES] == labels
