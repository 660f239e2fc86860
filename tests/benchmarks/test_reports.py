"""benchmarks/reports.py: fills a database with made-up journeys and times every report."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select
from sqlmodel import col

from benchmarks.reports import fill, main, timings
from navigator.reports import REPORTS
from navigator.store.models import JourneyRecord
from navigator.store.store import Store


def test_fill_then_time_every_report(database: str) -> None:
    store = Store(database)
    store.upgrade()
    engine: Engine = store.engine
    try:
        fill(engine, 300)
        with engine.connect() as connection:
            assert connection.execute(select(func.count(col(JourneyRecord.id)))).scalar_one() == 300
        found = timings(engine, runs=1)
        assert set(found) == set(REPORTS)
        assert found["demand"][1] == 12  # a row for each month of the year
        assert found["unmet"][1] > 0
    finally:
        store.close()


def test_main_prints_each_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--journeys", "200"]) == 0
    out = capsys.readouterr().out
    assert "200 journeys inserted" in out
    for name in REPORTS:
        assert f"{name}: " in out
