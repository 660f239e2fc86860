"""`navigator import-oruk`: a draft services.yaml and a report of what to add."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.cli import main
from navigator.content.loader import load
from tests.openreferral.schemas import FOLDER


def test_import_writes_a_draft_and_reports_the_gaps_and_the_checkers_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "services.yaml"
    code = main(["import-oruk", str(FOLDER / "examples"), "-o", str(output)])
    report = capsys.readouterr().err
    assert code == 0
    assert load([output]).directory is not None
    assert "Drafted 1 service. What the feed could not say:" in report
    assert "community-counselling: ring: not in the feed" in report
    assert "What `navigator check` finds in the draft:" in report
    assert f"{output}:" in report and "CONTACT-001 error" in report  # http:// website


def test_import_prints_the_draft_without_o(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import-oruk", str(FOLDER / "examples" / "service_full.json")])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.startswith("# A draft directory from an Open Referral UK feed")
    assert "services.yaml:" in err and "/tmp" not in err


def test_a_source_that_cannot_be_read_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-oruk", str(tmp_path / "missing.json")]) == 2
    assert "navigator import-oruk:" in capsys.readouterr().err
