"""TRANS-001 to TRANS-004: the content's translations (`translations/<code>.yaml`).

Missing translations are many while a language is new, so they are said once per language
and kind of content (services, questions, red flags, …) with a count and the first keys, at
the file's `language:` line: a commissioner can act on "12 of 40 services", not on 300 lines.
`navigator translations` lists every one, and `navigator translations stub` writes them out.
A stale translation is one finding per entry, at its line: each needs a translator's look."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from navigator.checker.scope import Scope, either, quoted
from navigator.content.finding import Finding, closest, finding
from navigator.content.loader import Document
from navigator.content.localised import ENGLISH, Place, Standing, standings
from navigator.content.translatable import KINDS, slots
from navigator.content.translation import TranslationFile, fingerprint
from navigator.content.vocabulary import LANGUAGE_NAMES


def check_translations(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    directory = scope.directory
    documents = [d for d in scope.bundle.translations if isinstance(d.model, TranslationFile)]
    pathways = list(scope.pathways())
    keys = {s.key for s in slots(directory, pathways)} if directory is not None else set()
    for document in documents:
        file = document.model
        assert isinstance(file, TranslationFile)
        language = _language_problem(document, file, scope)
        if language is not None:
            found.append(language)
        if directory is None:
            continue  # without the directory nothing can be said about ids
        found += _unknown_keys(document, file, keys)
        if language is None:
            places = standings(directory, pathways, file)
            found += _stale(document, file, places)
            found += _missing(document, file, places)
    return found


def _language_problem(document: Document, file: TranslationFile, scope: Scope) -> Finding | None:
    code = file.language
    at = file.field_at("language")
    offered = scope.directory.site.languages if scope.directory is not None else None
    stem = Path(document.path).stem
    if code not in LANGUAGE_NAMES:
        near = closest(code, LANGUAGE_NAMES)
        return finding(
            "TRANS-003",
            at,
            f"'{code}' is not a language code the navigator knows.",
            (f"Did you mean '{near}'? " if near else "")
            + either(
                "correct the code (the known ones: " + ", ".join(sorted(LANGUAGE_NAMES)) + ")",
                "remove the file",
            ),
        )
    if code == ENGLISH:
        return finding(
            "TRANS-003",
            at,
            "a translation into English: the content itself is the English.",
            either("correct the code", "remove the file"),
        )
    if offered is not None and code not in offered:
        return finding(
            "TRANS-003",
            at,
            f"'{code}' ({LANGUAGE_NAMES[code]}) is not one of the site's languages "
            f"({', '.join(offered)}).",
            either(
                f"add '{code}' to `languages` in the `site` block of services.yaml",
                "correct the code",
            ),
        )
    if stem != code:
        return finding(
            "TRANS-003",
            at,
            f"the file is named '{stem}' but says it is '{code}'.",
            either(f"rename the file to {code}.yaml", f"correct the code to '{stem}'"),
        )
    return None


def _unknown_keys(document: Document, file: TranslationFile, keys: set[str]) -> list[Finding]:
    found: list[Finding] = []
    for key in file.entries:
        if key in keys:
            continue
        stem = key.rsplit(".", 1)[0] + "."
        near = closest(key, [k for k in keys if k.startswith(stem)] or keys)
        found.append(
            finding(
                "TRANS-004",
                document.source.key(("entries", key)),
                f"'{key}' names no family-facing field of the content: {_why_unknown(key, keys)}.",
                (f"Did you mean '{near}'? " if near else "")
                + either(
                    "correct the key (docs/translations.md lists the fields; "
                    "`navigator translations stub` writes the right keys)",
                    "remove the entry, if what it translated has gone",
                ),
            )
        )
    return found


def _why_unknown(key: str, keys: set[str]) -> str:
    """Which part of the key is wrong: the id (nothing starts with it) or the field."""
    parts = key.split(".")
    for end in range(len(parts) - 1, 0, -1):
        stem = ".".join(parts[:end]) + "."
        if any(k.startswith(stem) for k in keys):
            if end == len(parts) - 1:
                return (
                    f"'{parts[-1]}' is not a field of it that families read, or it is empty "
                    "in English"
                )
            return f"there is no '{parts[end]}' under '{stem[:-1]}'"
    return f"there is no '{parts[0]}' in the content" if parts else "the key is empty"


def _stale(document: Document, file: TranslationFile, places: list[Place]) -> list[Finding]:
    found: list[Finding] = []
    for place in places:
        if place.standing is not Standing.stale or place.entry is None:
            continue
        english = place.slot.english
        shown = english if len(english) <= 80 else english[:77] + "…"
        found.append(
            finding(
                "TRANS-002",
                document.source.value(("entries", place.slot.key, "english")),
                f"the English of '{place.slot.key}' has changed since it was translated into "
                f"{LANGUAGE_NAMES[file.language]}; English is shown until it is redone.",
                either(
                    f"update the translation to the English now at {place.slot.at.short} "
                    f'("{shown}") and set `english: "{fingerprint(english)}"`',
                    "remove the entry, and translate it again later",
                ),
            )
        )
    return found


def _missing(document: Document, file: TranslationFile, places: list[Place]) -> list[Finding]:
    missing: dict[str, list[str]] = defaultdict(list)
    totals: dict[str, int] = defaultdict(int)
    for place in places:
        totals[place.slot.kind] += 1
        if place.standing is Standing.missing:
            missing[place.slot.kind].append(place.slot.key)
    found: list[Finding] = []
    name = LANGUAGE_NAMES[file.language]
    for kind in KINDS:
        keys = missing.get(kind)
        if not keys:
            continue
        found.append(
            finding(
                "TRANS-001",
                file.field_at("language"),
                f"{len(keys)} of {totals[kind]} fields of {kind} have no {name} translation "
                f"(English is shown): {quoted(keys, 3)}.",
                either(
                    f"run `navigator translations stub {file.language}` and fill in the "
                    "`text` of each new entry",
                    "leave them in English for now (`navigator translations` lists them all)",
                ),
            )
        )
    return found
