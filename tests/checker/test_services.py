"""Service references and status, on a copy of the good directory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from navigator.checker import check
from navigator.content.finding import Finding
from navigator.content.loader import load
from tests.conftest import GOOD


def findings_after(tmp_path: Path, old: str, new: str) -> list[Finding]:
    text = (GOOD / "services.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "services.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return check(load([path, GOOD / "pathways"]), date(2026, 11, 1))


def test_a_former_id_is_not_a_reference(tmp_path: Path) -> None:
    [found] = findings_after(tmp_path, "instead: [health-visiting]", "instead: [old-infant-team]")
    assert found.code == "REF-001"
    assert "a former id of 'infant-mh'" in found.message
    assert "use the service's current id 'infant-mh'" in found.hint


def test_an_active_service_cannot_be_replaced(tmp_path: Path) -> None:
    [found] = findings_after(
        tmp_path,
        "    ring: risk\n    description: Talking",
        "    replaced_by: health-visiting\n    ring: risk\n    description: Talking",
    )
    assert found.code == "SVC-001"
    assert "'talking-therapies' is active but says it is replaced by" in found.message


def test_the_fallback_may_not_send_people_to_an_ended_service(tmp_path: Path) -> None:
    text = (GOOD / "pathways" / "early-years.yaml").read_text(encoding="utf-8")
    (tmp_path / "pathways").mkdir()
    (tmp_path / "pathways" / "early-years.yaml").write_text(
        text.replace(
            "fallback:\n  - {service: health-visiting", "fallback:\n  - {service: old-project"
        ),
        encoding="utf-8",
    )
    found = check(load([GOOD / "services.yaml", tmp_path / "pathways"]), date(2026, 11, 1))
    assert "SVC-001" in [f.code for f in found]
