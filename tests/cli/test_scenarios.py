"""`navigator test`: runs scenarios, prints failures with expected and actual, and coverage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from navigator.cli import main
from tests.conftest import GOOD

SCENARIOS = """\
pathway: early-years
scenarios:
  - id: bonding-in-bsb
    title: A bonding worry at 6 months in the Better Start Bradford area
    answers: {red_flags: [none], audience: practitioner, stage: postnatal, age: 6,
              concerns: [bonding], need: persistent, postcode: BD3 8AA}
    expect:
      disposition: routine
      includes: [infant-mh/referral, infant-mh/consultation]
  - id: wrong-on-purpose
    title: Expects a referral that the rules do not offer at an emerging level
    answers: {red_flags: [none], audience: practitioner, stage: postnatal, age: 6,
              concerns: [bonding], need: emerging, postcode: BD3 8AA}
    expect:
      includes: [infant-mh/referral]
      consult_first: true
"""


def copy_content(tmp_path: Path, scenarios: str | None) -> list[str]:
    shutil.copy(GOOD / "services.yaml", tmp_path / "services.yaml")
    shutil.copytree(GOOD / "pathways", tmp_path / "pathways")
    if scenarios is not None:
        (tmp_path / "pathways" / "early-years.scenarios.yaml").write_text(scenarios)
    return [str(tmp_path / "services.yaml"), str(tmp_path / "pathways")]


def test_passing_scenarios_exit_0_with_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["test", str(GOOD / "services.yaml"), str(GOOD / "pathways")])
    out = capsys.readouterr().out
    assert code == 0
    assert "ok   early-years: red-flag" in out
    assert "red flags: 1/1 (100%)" in out
    assert "services: 1/4 (25%)" in out
    assert "1 passed, 0 failed" in out


def test_failure_prints_expected_and_actual(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["test", *copy_content(tmp_path, SCENARIOS)])
    out = capsys.readouterr().out
    assert code == 1
    assert "ok   early-years: bonding-in-bsb" in out
    assert "FAIL early-years: wrong-on-purpose" in out
    assert "'infant-mh/referral' was not offered" in out
    assert "expected: infant-mh/referral" in out
    assert "early-years.scenarios.yaml:15" in out  # the line of `includes`
    assert "2 passed, 1 failed" in out
    assert "routes: 5/6 (83%)" in out


def test_coverage_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["test", "--min-coverage", "50", str(GOOD / "services.yaml"), str(GOOD / "pathways")])
        == 1
    )
    capsys.readouterr()


def test_broken_content_is_not_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = copy_content(tmp_path, "pathway: early-years\nscenarios: [{id: x}]\n")
    assert main(["test", *paths]) == 2
    assert "navigator check" in capsys.readouterr().err
