"""Postcode centroids (WGS84) from the ONS coordinates in `data/geo/*.csv`, and distances in
metres: what the Open Referral feed's `proximity` measures from. Read on first use; without
the data folder (an installed package) no postcode has a centroid."""

from __future__ import annotations

import functools
import math
from pathlib import Path

from navigator.geo.build import BuildError, read_postcodes
from navigator.geo.postcode import InvalidPostcode, parse_postcode
from navigator.settings import Settings

__all__ = ["Centroids", "metres_between"]

EARTH_RADIUS = 6_371_008.8
"""Mean Earth radius in metres (IUGG)."""

Point = tuple[float, float]


def metres_between(a: Point, b: Point) -> float:
    """The great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS * math.asin(math.sqrt(h))


class Centroids:
    """Postcode → (latitude, longitude)."""

    def __init__(self, points: dict[str, Point]) -> None:
        self._points = points

    @classmethod
    def load(cls, source: Path) -> Centroids:
        """The centroids in the postcode coordinates at `source` (a CSV file or a folder of
        them, as `navigator geo-build` reads); none if there are none."""
        points: dict[str, Point] = {}
        try:
            for postcode, lat, lon in read_postcodes(source):
                if lat is not None and lon is not None:
                    points[postcode] = (lat, lon)
        except BuildError:
            return cls({})
        return cls(points)

    @classmethod
    @functools.cache
    def default(cls) -> Centroids:
        return cls.load(Settings.from_env().postcodes_path)

    def __call__(self, text: str) -> Point | None:
        """The centroid of a postcode, or None if it is not one or not in the data."""
        try:
            return self._points.get(parse_postcode(text))
        except InvalidPostcode:
            return None
