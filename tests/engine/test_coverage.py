"""Scenario coverage: the shares printed by `navigator test` and compared with --min-coverage."""

from __future__ import annotations

from navigator.engine.scenarios import Coverage


def test_shares_are_whole_per_cent_as_printed() -> None:
    cover = Coverage(
        services={"a", "b"},
        routes={"a/referral", "elsewhere/referral"},
        all_services={"a", "b", "c"},
        all_routes={"a/referral", "b/referral"},
    )
    assert cover.lines() == ["services: 2/3 (67%)", "routes: 1/2 (50%)", "red flags: 0/0 (100%)"]
    assert cover.percentages() == {"services": 67, "routes": 50, "red flags": 100}
    assert cover.missing() == {"services": ["c"], "routes": ["b/referral"], "red flags": []}
