"""SYN-001, through the loader and `navigator check`'s checker, on real files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from navigator.checker import check
from navigator.content.loader import load
from tests.search.conftest import ROOT


def _findings(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "synonyms.yaml"
    path.write_text(text, encoding="utf-8")
    bundle = load([path])
    return [f"{f.line}:{f.col} {f.code} {f.message}" for f in check(bundle, date(2026, 11, 1))]


def test_a_good_thesaurus_has_no_findings(tmp_path: Path) -> None:
    text = "synonyms:\n  - term: PND\n    means: [postnatal depression]\n"
    assert _findings(tmp_path, text) == []


def test_a_term_twice_is_found_at_the_second(tmp_path: Path) -> None:
    text = (
        "synonyms:\n"
        "  - term: HV\n    means: [health visiting]\n"
        "  - term: hv\n    means: [health visitor]\n"
    )
    (finding,) = _findings(tmp_path, text)
    assert finding.startswith("4:11 SYN-001")
    assert "already in the thesaurus (at line 2)" in finding


def test_empty_expansions_and_a_term_meaning_itself(tmp_path: Path) -> None:
    text = (
        "synonyms:\n"
        "  - term: PND\n    means: []\n"
        "  - term: crying\n    means: [sleep, Crying]\n"
        "  - term: DV\n    means: ['--']\n"
    )
    found = _findings(tmp_path, text)
    assert [f.split(" ", 2)[:2] for f in found] == [
        ["3:12", "SYN-001"],
        ["5:20", "SYN-001"],
        ["7:13", "SYN-001"],
    ]
    assert "means nothing" in found[0]
    assert "meaning itself" in found[1]
    assert "empty expansion" in found[2]


def test_the_shipped_thesaurus_is_clean() -> None:
    bundle = load([ROOT / "synonyms.yaml"])
    assert bundle.extra["Thesaurus"]
    assert check(bundle, date(2026, 11, 1)) == []
