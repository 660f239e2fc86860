"""The recording benchmark runs and measures one write per distinct journey."""

from __future__ import annotations

from benchmarks.recording import measure


def test_the_benchmark_measures_each_journey_before_and_after_the_page() -> None:
    before, after = measure(rounds=1)
    assert len(before) == len(after) == 72
    assert all(s > 0 for s in before) and all(s > 0 for s in after)
