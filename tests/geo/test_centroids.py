"""Postcode centroids and distances, for the Open Referral feed's `proximity`."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.geo.centroids import Centroids, metres_between


def test_distances_are_great_circle_metres() -> None:
    assert metres_between((53.8, -1.75), (53.8, -1.75)) == 0
    # one degree of latitude is about 111.2 km
    assert metres_between((53.0, -1.75), (54.0, -1.75)) == pytest.approx(111_195, rel=1e-3)


def test_centroids_come_from_the_postcode_data(tmp_path: Path) -> None:
    (tmp_path / "BD.csv").write_text(
        "Postcode,lat,long\nBD1 1AA,53.79603,-1.75060\nBD1 9ZZ,0.00000,0.00000\nBD2 2BB,,\n"
    )
    centroids = Centroids.load(tmp_path)
    assert centroids("bd11aa") == (53.79603, -1.7506)
    assert centroids("BD1 9ZZ") is None  # no coordinates in the data
    assert centroids("BD2 2BB") is None
    assert centroids("not a postcode") is None


def test_the_shipped_data_places_bradford_postcodes() -> None:
    centroids = Centroids.default()
    a, b = centroids("BD1 1AA"), centroids("BD3 8AA")
    assert a is not None and b is not None
    assert 1_000 < metres_between(a, b) < 3_000
