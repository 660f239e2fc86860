"""benchmarks/reach.py: the ways-in figures for issue 9, on the example directory."""

from __future__ import annotations

import pytest

from benchmarks.reach import figures, main
from navigator.content.loader import load
from tests.conftest import GOOD


def test_figures_count_each_way_in_of_the_active_services() -> None:
    directory = load([GOOD / "services.yaml"]).directory
    assert directory is not None
    assert figures(directory) == {
        "active": 4,
        "phone": 2,  # infant-mh, emergency
        "phone confirmed": 1,  # infant-mh's phone is unconfirmed
        "website": 2,  # infant-mh, health-visiting
        "website confirmed": 2,
        "email": 0,
        "through only": 1,  # talking-therapies, through health visiting
        "only ways to confirm": 0,
        "no way in": 0,
    }


def test_main_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(GOOD / "services.yaml")]) == 0
    assert "through only: 1" in capsys.readouterr().out
