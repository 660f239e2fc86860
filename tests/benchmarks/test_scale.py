"""`python -m benchmarks scale` at a tiny size: the copied directories are valid content, and a
run prints the old and the new figures with their ratios (no timing is asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.scale import build, main, services_text
from navigator.checker import check
from navigator.content.finding import has_errors
from navigator.content.loader import load


def test_copies_are_valid_content_with_new_ids(tmp_path: Path) -> None:
    root = build(90, tmp_path / "content")
    bundle = load([root / "services.yaml", root / "pathways"])
    assert bundle.directory is not None
    ids = [s.id for s in bundle.directory.services]
    assert len(ids) == 90 and len(set(ids)) == 90
    assert any(i.endswith("-copy-1") for i in ids)
    assert not has_errors(check(bundle))


def test_never_fewer_than_the_shipped_services() -> None:
    assert services_text(1) == services_text(0)


def test_a_tiny_run_prints_both_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "baseline.json"
    runs = [
        {"size": 40, "load_s": 0.5, "check_s": 1.0, "navigate_ms": [2.0, 4.0]},
        {"size": 50, "load_s": 0.6, "check_s": 1.2, "navigate_ms": [2.5, 5.0]},
    ]
    baseline.write_text(json.dumps({"commit": "old", "command": "recorded", "runs": runs}))
    assert (
        main(["--sizes", "40,50", "--repeat", "1", "--no-search", "--baseline", str(baseline)]) == 0
    )
    out = capsys.readouterr().out
    assert "Old code (recorded at old: recorded)" in out
    assert "New code" in out and "New code over old" in out
    rows = [line for line in out.splitlines() if line.startswith("| 50 |")]
    assert len(rows) == 6  # old, new, and new over old; wall-clock and CPU time
    assert "(1.0×)" in out  # the smallest size is the ratio's base
    assert "failed" not in out


def test_recording_a_baseline(tmp_path: Path) -> None:
    recorded = tmp_path / "recorded.json"
    assert main(["--sizes", "40", "--repeat", "1", "--no-search", "--record", str(recorded)]) == 0
    figures = json.loads(recorded.read_text())
    assert figures["runs"][0]["size"] == 40
    assert figures["runs"][0]["load_s"] > 0 and figures["runs"][0]["results"] > 0
    assert "--record" in figures["command"]
