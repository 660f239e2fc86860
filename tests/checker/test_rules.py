"""The rule checks beyond their broken fragment: services named in `fits` and `consult_first`
are references like any other (REF-001), former ids included."""

from __future__ import annotations

import shutil
from pathlib import Path

from navigator.checker import check
from navigator.content.loader import load
from tests.conftest import FIXTURES

RULES = FIXTURES / "broken" / "rule-001"


def references(tmp_path: Path, old: str, new: str) -> list[str]:
    shutil.copytree(RULES, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "pathways" / "mini.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [
        f.message for f in check(load([tmp_path])) if f.code == "REF-001" and "rule" in f.message
    ]


def test_fits_naming_no_service_is_ref_001(tmp_path: Path) -> None:
    found = references(
        tmp_path,
        "when: {includes: {concerns: bonding}}",
        "when: {fits: {service: infant-teem, route: referral}}",
    )
    assert found == ["rule names service 'infant-teem', which is not in the directory."]


def test_consult_first_naming_no_service_is_ref_001(tmp_path: Path) -> None:
    found = references(
        tmp_path,
        "consult_first: {service: helpline, route: self_referral}",
        "consult_first: {service: help-line, route: consultation}",
    )
    assert found == ["rule names service 'help-line', which is not in the directory."]
