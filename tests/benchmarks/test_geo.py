"""`python -m benchmarks.geo` on a small synthetic set: it builds, loads and looks up, and its
synthetic areas nest and place every postcode."""

from __future__ import annotations

from pathlib import Path

from benchmarks.geo import measure


def test_a_small_national_like_set(tmp_path: Path) -> None:
    figures = measure(postcodes=20_000, authorities=12, root=tmp_path)
    # The grid and the districts round the sizes asked for (350 authorities are 14 by 25).
    assert 0.85 * 20_000 <= figures.postcodes <= 20_000
    assert 8 <= figures.authorities <= 12 and figures.wards == figures.authorities * 20
    # Every point is in the country, an authority and a ward, some near edges.
    assert figures.placements >= figures.wards
    assert figures.size_bytes > 0 and figures.mapped_bytes > 0
    assert figures.lookup_microseconds > 0 and figures.mapped_lookup_microseconds > 0
