"""COV-002: a specialist need met only by catch-alls, one warning per concern, with the ages
and places, only at the specialist level of need and only where the pathway's own catch-alls
work."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from navigator.checker import check
from navigator.content.finding import Finding
from navigator.content.loader import load
from tests.conftest import FIXTURES, GOOD

BROKEN = FIXTURES / "broken" / "cov-002"
POSTCODE = """      - goto: postcode
  - id: postcode
    text: What is the family's postcode?
    kind: postcode
    sets: postcode
    next:
      - goto: routine
"""
HELPLINE = """  - id: helpline
    name: National helpline
    provider: A charity
    ring: universal
    description: A helpline for parents anywhere.
    remit: Any worry.
    routes:
      - kind: self_referral
        eligibility:
          audience: [practitioner]
        how: Ring the helpline.
    contact: {website: https://example.org}
    last_reviewed: 2026-01-01
    review_by: 2099-01-01
"""


def findings(*paths: Path) -> list[Finding]:
    return [f for f in check(load(paths), date(2026, 12, 1)) if f.code == "COV-002"]


def edited(tmp_path: Path, file: str, old: str, new: str) -> Path:
    path = tmp_path / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_finding_gives_the_ages_and_the_catch_alls() -> None:
    [found] = findings(BROKEN)
    assert found.severity.value == "warning"
    assert "'bonding' at the specialist level of need ('complex')" in found.message
    assert "after the birth at 24–36 months:" in found.message
    assert "only catch-alls would work with the family there ('gp'" in found.message


def test_a_specific_route_at_that_age_ends_the_warning(tmp_path: Path) -> None:
    shutil.copytree(BROKEN, tmp_path, dirs_exist_ok=True)
    edited(
        tmp_path, "services.yaml", "age_months: {from: 0, to: 24}", "age_months: {from: 0, to: 37}"
    )
    assert findings(tmp_path) == []


def test_a_scale_of_two_levels_has_no_specialist_level() -> None:
    assert findings(GOOD / "services.yaml", GOOD / "pathways") == []


def test_only_the_places_the_fallback_serves_are_looked_at(tmp_path: Path) -> None:
    shutil.copytree(BROKEN, tmp_path, dirs_exist_ok=True)
    # The GP, the fallback, now works in Bradford only; a national helpline (a catch-all too)
    # is all there is outside it. Outside Bradford is beyond the pathway's reach: no warning.
    edited(tmp_path, "pathways/mini.yaml", "      - goto: routine\nrules:", POSTCODE + "rules:")
    edited(
        tmp_path,
        "services.yaml",
        "          audience: [practitioner]\n        how: Book an appointment.",
        "          audience: [practitioner]\n          areas: [bradford]\n"
        "        how: Book an appointment.",
    )
    edited(tmp_path, "services.yaml", "  - id: infant-team", HELPLINE + "  - id: infant-team")
    [found] = findings(tmp_path)
    assert "after the birth at 24–36 months, in Bradford:" in found.message
    assert "outside" not in found.message


KNOWN = """fallback: [{service: gp, route: self_referral}]
known_gaps:
  - concern: %s
    need: complex
    reason: No specialist team takes bonding after 24 months yet.
    recorded_by: Pathway lead
    recorded_on: 2026-11-30
    review_by: %s
"""
FALLBACK = "fallback: [{service: gp, route: self_referral}]\n"


def test_a_recorded_gap_is_not_warned_about_until_its_review_date(tmp_path: Path) -> None:
    shutil.copytree(BROKEN, tmp_path, dirs_exist_ok=True)
    edited(tmp_path, "pathways/mini.yaml", FALLBACK, KNOWN % ("bonding", "2027-05-30"))
    assert findings(tmp_path) == []
    overdue = tmp_path / "overdue"
    shutil.copytree(BROKEN, overdue)
    edited(overdue, "pathways/mini.yaml", FALLBACK, KNOWN % ("bonding", "2026-11-30"))
    [found] = findings(overdue)  # checked on 2026-12-01, after the review date
    assert "'bonding'" in found.message and "known_gaps" in found.hint


def test_a_recorded_gap_of_an_unknown_concern_is_ref_001(tmp_path: Path) -> None:
    shutil.copytree(BROKEN, tmp_path, dirs_exist_ok=True)
    path = edited(tmp_path, "pathways/mini.yaml", FALLBACK, KNOWN % ("bondign", "2027-05-30"))
    refs = [f for f in check(load([tmp_path]), date(2026, 12, 1)) if f.code == "REF-001"]
    assert len(refs) == 1 and "Did you mean 'bonding'?" in refs[0].hint
    assert (
        refs[0].path == str(path)
        and refs[0].line == path.read_text().splitlines().index("  - concern: bondign") + 1
    )
