"""`navigator postcode` and `navigator geo-build`, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from navigator.cli import main
from navigator.geo.lookup import PostcodeLookup

from .conftest import DATA, SERVICES


def test_postcode_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["postcode", "bd38aa"]) == 0
    out = capsys.readouterr().out
    assert "BD3 8AA is in the Better Start Bradford area" in out
    assert "ward-bradford-moor" in out


def test_postcode_in_two_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["postcode", "BD3", "8AA"]) == 0
    assert "BD3 8AA" in capsys.readouterr().out


def test_postcode_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["postcode", "BD2 4QF", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert {"postcode", "known", "areas", "near_boundary", "message"} <= set(answer)
    assert answer["postcode"] == "BD2 4QF"
    assert answer["known"] is True
    assert answer["areas"] == ["england", "bradford-district"]
    assert "better-start-bradford" in answer["near_boundary"]


@pytest.mark.parametrize("postcode", ["M1 1AE", "BD3 9ZZ"])
def test_postcode_well_formed_but_not_found_exits_0(
    capsys: pytest.CaptureFixture[str], postcode: str
) -> None:
    assert main(["postcode", postcode, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["known"] is False


@pytest.mark.parametrize("text", ["hello", "BD3-8AA", "12345"])
def test_postcode_not_a_postcode_exits_2(capsys: pytest.CaptureFixture[str], text: str) -> None:
    assert main(["postcode", text]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not a UK postcode" in captured.err


def test_geo_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lookup: PostcodeLookup
) -> None:
    out = tmp_path / "postcodes.tsv.gz"
    assert main(["geo-build", "--postcodes", str(DATA), "--out", str(out)]) == 0
    assert "56504 of 56660 postcodes" in capsys.readouterr().out
    rebuilt = PostcodeLookup.load(out)
    assert all(rebuilt.placement(p) == lookup.placement(p) for p in lookup.postcodes())


def test_geo_build_writes_into_the_state_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAVIGATOR_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("NAVIGATOR_POSTCODES_FILE", str(DATA))
    assert main(["geo-build", str(SERVICES)]) == 0
    written = list((tmp_path / "state" / "geo").glob("*.tsv.gz"))
    assert len(written) == 1 and str(written[0]) in capsys.readouterr().out


def test_geo_build_reports_a_missing_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.tsv.gz"
    assert main(["geo-build", "--postcodes", str(tmp_path / "nowhere"), "--out", str(out)]) == 1
    assert "no such file or folder" in capsys.readouterr().err
