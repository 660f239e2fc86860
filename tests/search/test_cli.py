"""`navigator index` and `navigator search` (their JSON agreeing with the API is in test_web)."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.cli import main
from tests.conftest import GOOD


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NAVIGATOR_CONTENT_ROOT", str(GOOD))
    monkeypatch.setenv("NAVIGATOR_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


def test_index_builds_once(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index"]) == 0
    assert capsys.readouterr().out.startswith("Built the search index: 4 services in ")
    assert main(["index"]) == 0
    assert capsys.readouterr().out.startswith("The search index is up to date: 4 services")
    assert (environment / "search" / "CURRENT").is_file()


def test_search_prints_results_for_people(
    environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "old", "project"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "1. Health Visiting [health-visiting]"
    assert "Formerly or also: Old Project" in out
    assert main(["search", "anxeity"]) == 0
    assert capsys.readouterr().out.startswith("Did you mean: anxiety?")


def test_a_parameter_it_cannot_use(environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "x", "--age-months", "soon"]) == 2
    assert "The baby's age in months must be a number, like 7" in capsys.readouterr().err


def test_no_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAVIGATOR_CONTENT_ROOT", str(tmp_path))
    monkeypatch.setenv("NAVIGATOR_STATE_DIR", str(tmp_path / "state"))
    assert main(["index"]) == 2
    assert main(["search", "x"]) == 2
