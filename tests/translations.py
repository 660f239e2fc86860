"""Translated example content for the tests: a copy of the example content that offers Urdu,
with a translation file written from (key, text) pairs, fingerprints taken from the English."""

from __future__ import annotations

from pathlib import Path

from navigator.content.loader import Bundle, load
from navigator.content.translatable import slots
from navigator.content.translation import fingerprint
from tests.conftest import GOOD


def offering_urdu(target: Path) -> Path:
    """A copy of the example content in `target` whose site offers English and Urdu."""
    (target / "pathways").mkdir(parents=True)
    services = (GOOD / "services.yaml").read_text(encoding="utf-8")
    services = services.replace(
        "version: 2026.11.1\n", "version: 2026.11.1\nsite:\n  languages: [en, ur]\n", 1
    )
    (target / "services.yaml").write_text(services, encoding="utf-8")
    for path in (GOOD / "pathways").iterdir():
        (target / "pathways" / path.name).write_text(path.read_text(encoding="utf-8"))
    return target


def english(root: Path) -> dict[str, str]:
    """The English of every family-facing field of the content in `root`, by key."""
    bundle = loaded(root)
    assert bundle.directory is not None
    return {s.key: s.english for s in slots(bundle.directory, [p for p, _ in bundle.pathways])}


def loaded(root: Path) -> Bundle:
    paths = [root / "services.yaml", root / "pathways"]
    if (root / "translations").exists():
        paths.append(root / "translations")
    return load(paths)


def write_translation(root: Path, code: str, texts: dict[str, str], reviewed: bool = False) -> Path:
    """translations/<code>.yaml translating `texts` (key to text) from the English now."""
    now = english(root)
    lines = [f"language: {code}", "entries:"]
    for key, text in texts.items():
        lines += [f"  {key}:", f'    english: "{fingerprint(now[key])}"', f'    text: "{text}"']
        if reviewed:
            lines += ["    reviewed_by: A native speaker", "    reviewed_on: 2026-11-30"]
    path = root / "translations" / f"{code}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
