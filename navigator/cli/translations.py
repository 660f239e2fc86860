"""`navigator translations [--json] [--list LANG]`: how far each language has got (translated,
stale, missing, unreviewed); `navigator translations stub LANG`: append the missing entries to
`translations/LANG.yaml` (the English as a comment, its fingerprint, an empty `text` to fill),
so a translator works through one file. The file is appended to as text, never re-written, so
comments and layout stay.

Exit status: 0, or 2 when the content cannot be read or the file cannot be appended to.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

from navigator.cli.common import load_or_report
from navigator.content.directory import Directory
from navigator.content.loader import Bundle
from navigator.content.localised import ENGLISH, Counts, Place, Standing, standings
from navigator.content.translation import UNREVIEWED, TranslationFile, fingerprint
from navigator.content.vocabulary import LANGUAGE_NAMES
from navigator.settings import Settings


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "translations",
        help="how far each language's translation has got; `stub LANG` starts the missing ones",
        description="For each of the site's languages: how many family-facing fields are "
        "translated, stale (the English changed since), missing, and not yet checked by a "
        "native speaker. `navigator translations stub LANG` appends the missing entries to "
        "translations/LANG.yaml for a translator to fill in.",
    )
    command.add_argument("--json", action="store_true", help="print the counts as JSON")
    command.add_argument(
        "--list",
        metavar="LANG",
        help="list every field of LANG that is stale or missing, with where its English is",
    )
    command.set_defaults(run=run_status)
    actions = command.add_subparsers(dest="action", metavar="ACTION")
    stub = actions.add_parser(
        "stub",
        help="append the missing entries of a language to its file",
        description="Append every missing entry of LANG to translations/LANG.yaml (the file "
        "is made if it does not exist): the English as a comment, its fingerprint, and an "
        "empty `text` to fill in. Stale entries are listed, to be redone by hand.",
    )
    stub.add_argument("language", metavar="LANG", help="the language's code (ur, pl, …)")
    stub.set_defaults(run=run_stub)


def _content() -> tuple[Settings, Bundle] | None:
    settings = Settings.from_env()
    bundle = load_or_report(settings.content_paths)
    if bundle is None:
        return None
    return settings, bundle


def _files(bundle: Bundle) -> dict[str, TranslationFile]:
    return {
        d.model.language: d.model
        for d in bundle.translations
        if isinstance(d.model, TranslationFile)
    }


def _languages(directory: Directory, files: dict[str, TranslationFile]) -> list[str]:
    offered = [code for code in directory.site.languages if code != ENGLISH]
    return [*offered, *(code for code in files if code not in offered)]


def run_status(args: argparse.Namespace) -> int:
    loaded = _content()
    if loaded is None:
        return 2
    _, bundle = loaded
    directory = bundle.directory
    assert directory is not None
    pathways = [p for p, _ in bundle.pathways]
    files = _files(bundle)
    table: dict[str, Counts] = {}
    for code in _languages(directory, files):
        places = standings(directory, pathways, files.get(code))
        table[code] = Counts.of(places)
        if args.list == code:
            _print_list(places)
    if args.list:
        return 0
    if args.json:
        print(json.dumps({code: vars(c) for code, c in table.items()}, indent=2))
        return 0
    print(f"{'language':<22} {'translated':>10} {'stale':>6} {'missing':>8} {'unreviewed':>10}")
    for code, c in table.items():
        name = f"{LANGUAGE_NAMES.get(code, code)} ({code})"
        print(f"{name:<22} {c.translated:>10} {c.stale:>6} {c.missing:>8} {c.unreviewed:>10}")
    print(
        f"\nUnreviewed: translated, {UNREVIEWED}. `navigator translations --list LANG` lists "
        "what is stale or missing; `navigator translations stub LANG` starts the missing ones."
    )
    return 0


def _print_list(places: list[Place]) -> None:
    for place in places:
        if place.standing is Standing.translated:
            continue
        print(f"{place.slot.at.short}: {place.standing.value}: {place.slot.key}")


def run_stub(args: argparse.Namespace) -> int:
    code = args.language
    if code not in LANGUAGE_NAMES or code == ENGLISH:
        print(f"'{code}' is not a language to translate into.", file=sys.stderr)
        return 2
    loaded = _content()
    if loaded is None:
        return 2
    settings, bundle = loaded
    directory = bundle.directory
    assert directory is not None
    file = _files(bundle).get(code)
    path = settings.translations_path / f"{code}.yaml"
    places = standings(directory, [p for p, _ in bundle.pathways], file)
    written = set(file.entries) if file is not None else set()
    missing = [p for p in places if p.standing is Standing.missing and p.slot.key not in written]
    stale = [p for p in places if p.standing is Standing.stale]
    try:
        start = _start(path, code)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    text = start + "".join(stub(place) for place in missing)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(text)
    print(f"{path}: {len(missing)} entries added to fill in.")
    for place in stale:
        print(f"stale, to redo by hand: {place.slot.key} (English at {place.slot.at.short})")
    return 0


def _start(path: Path, code: str) -> str:
    """What goes before the entries: a new file's head, a newline, or nothing."""
    if not path.exists():
        name = LANGUAGE_NAMES[code]
        return (
            f"# {name} translations of the family-facing content (docs/translations.md).\n"
            "# Each entry: the translated `text`, the fingerprint of the English it translates\n"
            "# (`english`, written by `navigator translations stub`), and, once a native\n"
            "# speaker has checked it, `reviewed_by` and `reviewed_on`.\n"
            f"language: {code}\n"
            "entries:\n"
        )
    written = path.read_text(encoding="utf-8")
    tops = [line for line in written.splitlines() if re.match(r"[^\s#]", line)]
    if not tops or not re.fullmatch(r"entries:\s*(#.*)?", tops[-1]):
        raise ValueError(
            f"{path}: the entries cannot be appended: `entries:` must be the last top-level "
            "key, written as a block (not `entries: {}`). Please move it to the end of the file."
        )
    return "" if written.endswith("\n") or not written else "\n"


def stub(place: Place) -> str:
    """One entry to fill in, as YAML text under `entries:`."""
    english = textwrap.wrap(place.slot.english, 88) or [""]
    comment = "".join(f"  #   {line}\n" for line in english)
    return (
        f"  # {place.slot.at.short}, in English:\n{comment}"
        f"  {place.slot.key}:\n"
        f'    english: "{fingerprint(place.slot.english)}"\n'
        '    text: ""\n'
    )
