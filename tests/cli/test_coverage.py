"""`navigator coverage`: the gap and overlap report, in words and as JSON; a report, so it
exits 0 whatever it finds."""

from __future__ import annotations

import json

import pytest

from navigator.cli import main
from tests.conftest import FIXTURES

CONTENT = [str(FIXTURES / "coverage" / "services.yaml"), str(FIXTURES / "coverage" / "pathways")]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["coverage", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_report_summarises_gaps_and_overlaps(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *CONTENT)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Coverage of pathway 'mini' (2026.11.1) with directory 2026.11.1"
    assert (
        "48 combinations: 1 audience × 3 stages and ages × 2 concerns × 2 levels of need "
        "× 2 sets of named facts × 2 places."
    ) in lines
    gap = lines.index("  bonding (Bonding)")
    assert lines[gap + 1 : gap + 4] == [
        "    at need 'emerging' (7):",
        "      at any stage, outside every named area",
        "      after the birth at 12–24 months, except where the parent speaks little English, "
        "in Bradford",
    ]
    assert "  1. 4 referral options: mood-a, mood-b, mood-c, complex-team (6 combinations)" in lines
    assert "       at any stage, concern 'low-mood', need 'complex', in Bradford" in lines


def test_the_json_is_the_whole_map(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *CONTENT, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["directory_version"] == "2026.11.1" and data["max_referrals"] == 3
    [pathway] = data["pathways"]
    assert pathway["counts"]["gaps"] == 26 and pathway["counts"]["overlaps"] == 6
    cell = pathway["cells"][0]
    assert set(cell) == {
        "audience", "period", "concern", "need", "facts", "place",
        "rule", "status", "fits", "offer", "ask_about", "referral_options",
    }  # fmt: skip


def test_more_referral_options_may_be_allowed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *CONTENT, "--json", "--max-referrals", "4")
    assert code == 0
    assert json.loads(out)["pathways"][0]["overlaps"] == []


def test_a_negative_limit_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, *CONTENT, "--max-referrals", "-1")
    assert stopped.value.code == 2
    assert "not a whole number of 0 or more" in capsys.readouterr().err


def test_content_that_cannot_be_read_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(FIXTURES / "coverage" / "missing.yaml"))
    assert code == 2 and out == ""
    assert "navigator check" in err


def test_content_without_a_pathway_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, CONTENT[0])
    assert code == 2 and out == ""
    assert "No pathway" in err
