"""`navigator report`: the list, and each report as text or CSV with suppression applied, on a
real database (SQLite, then PostgreSQL)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from navigator.cli import main
from navigator.reports import REPORTS
from navigator.store.store import Store
from tests.reports.builder import Journey, add

NOV = datetime(2026, 11, 3, 14, tzinfo=UTC)
OCT = datetime(2026, 10, 3, 14, tzinfo=UTC)


@pytest.fixture
def filled(database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", database)
    store = Store(database)
    store.upgrade()
    add(
        store.engine,
        Journey(
            NOV,
            ["low-mood"],
            "0–11 months",
            ["manningham"],
            near_misses=[("a", "referral", "age")],
            times=12,
        ),
        Journey(NOV, ["bonding"], "0–11 months", ["manningham"], catch_all_only=True, times=3),
        Journey(OCT, ["bonding"], "0–11 months", ["manningham"], catch_all_only=True, times=9),
    )
    store.close()
    return database


def test_no_name_lists_the_reports(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    for name in REPORTS:
        assert f"  {name}  " in out


def test_unmet_as_csv_is_suppressed(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "unmet", "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [
        ["Concern", "Age band", "Area", "Journeys", "Only catch-alls fitted", "Near miss: age"],
        ["bonding", "0–11 months", "manningham", "10", "10", "0"],
        ["low-mood", "0–11 months", "manningham", "10", "0", "10"],
        ["All", "", "", "25", "10", "10"],
    ]


def test_unmet_for_a_period_as_text(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "unmet", "--from", "2026-11", "--to", "2026-11"]) == 0
    out = capsys.readouterr().out
    assert "Unmet need by concern, age band and area (from 2026-11 to 2026-11)" in out
    lines = out.splitlines()
    assert lines[2].split() == ["Concern", "Age", "band", "Area", "Journeys", "Only", "catch-alls",
                                "fitted", "Near", "miss:", "age"]  # fmt: skip
    # the 3 catch-all journeys of November are suppressed, and the counts right-aligned
    bonding = next(line for line in lines if line.startswith("bonding"))
    assert bonding.split() == ["bonding", "0–11", "months", "manningham", "*", "*", "0"]
    assert lines[2].index("Journeys") + len("Journeys") == bonding.index("*") + 1
    assert "* = suppressed" in out


def test_a_bad_month_or_name_is_refused(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "unmet", "--from", "November"]) == 2
    assert "YYYY-MM" in capsys.readouterr().err
    assert main(["report", "unmet", "--from", "2026-11", "--to", "2026-10"]) == 2
    assert "before it starts" in capsys.readouterr().err
    assert main(["report", "unknown"]) == 2
    assert "Please choose one of: unmet" in capsys.readouterr().err


def test_a_database_without_the_schema_says_to_upgrade(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", database)
    assert main(["report", "demand"]) == 1
    assert "navigator db upgrade" in capsys.readouterr().err
