"""Area boundaries: loading the polygons, point-in-polygon, distance to a boundary in metres.

Only `navigator.geo.build` needs this (and so shapely); looking a postcode up does not.

The polygons and postcode points are WGS84 longitude/latitude. Distances are measured after a
local projection to metres centred on Bradford: east–west and north–south scales are the
WGS84 ellipsoid's radii of curvature at the centre's latitude. Across the data (latitude 53.7
to 54.3) the scale error is under 1%, i.e. under a metre at the 75 m that matters here.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import shape

from navigator.geo.areas import BOUNDARY_CODES

__all__ = [
    "Boundary",
    "BoundaryError",
    "LocalProjection",
    "load_boundaries",
    "read_features",
]

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

_WGS84_A = 6_378_137.0
_WGS84_E2 = 0.00669437999014


class BoundaryError(ValueError):
    """A boundary file is missing, unreadable, or not the area it should be."""


@dataclass(frozen=True)
class LocalProjection:
    """An equirectangular projection to metres around (`lat0`, `lon0`)."""

    lat0: float = 53.8
    lon0: float = -1.75

    @property
    def metres_per_degree(self) -> tuple[float, float]:
        """(east–west, north–south) metres per degree at `lat0` on the WGS84 ellipsoid."""
        phi = math.radians(self.lat0)
        w = math.sqrt(1 - _WGS84_E2 * math.sin(phi) ** 2)
        prime_vertical = _WGS84_A / w
        meridional = _WGS84_A * (1 - _WGS84_E2) / w**3
        return (
            math.radians(1) * prime_vertical * math.cos(phi),
            math.radians(1) * meridional,
        )

    def xy(self, lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Metres east and north of the centre."""
        kx, ky = self.metres_per_degree
        return (lon - self.lon0) * kx, (lat - self.lat0) * ky

    def geometry(self, geometry: Any) -> Any:
        """A shapely geometry in longitude/latitude, projected to metres."""
        kx, ky = self.metres_per_degree
        origin = np.array([self.lon0, self.lat0])
        scale = np.array([kx, ky])
        return shapely.transform(geometry, lambda coords: (coords - origin) * scale)


@dataclass(frozen=True)
class Boundary:
    """One area's outline, projected to metres."""

    id: str
    codes: tuple[str, ...]
    shape: Any
    """The area as a shapely (Multi)Polygon in projected metres."""
    projection: LocalProjection

    def __post_init__(self) -> None:
        shapely.prepare(self.shape)

    def contains(self, lon: FloatArray, lat: FloatArray) -> BoolArray:
        """For each point, whether it is in the area (a point exactly on the edge counts)."""
        x, y = self.projection.xy(lon, lat)
        return np.asarray(shapely.intersects_xy(self.shape, x, y), dtype=np.bool_)

    def distance_m(self, lon: FloatArray, lat: FloatArray) -> FloatArray:
        """For each point, its distance in metres to the area's edge, from inside or outside."""
        x, y = self.projection.xy(lon, lat)
        edge = self.shape.boundary
        return np.asarray(shapely.distance(edge, shapely.points(x, y)), dtype=np.float64)

    def contains_point(self, lon: float, lat: float) -> bool:
        return bool(self.contains(np.array([lon]), np.array([lat]))[0])

    def distance_point_m(self, lon: float, lat: float) -> float:
        return float(self.distance_m(np.array([lon]), np.array([lat]))[0])


def read_features(path: Path) -> list[dict[str, Any]]:
    """The GeoJSON Features in a `.geojsonl` file (one Feature a line)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise BoundaryError(f"cannot read boundary file {path}: {error.strerror}") from error
    features: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            feature = json.loads(line)
        except json.JSONDecodeError as error:
            raise BoundaryError(f"{path}:{number}: not JSON: {error.msg}") from error
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise BoundaryError(f"{path}:{number}: not a GeoJSON Feature")
        features.append(feature)
    return features


def _feature_code(feature: Mapping[str, Any]) -> str | None:
    """The ONS code of a ward (WD..CD) or district (LAD..CD) feature."""
    properties = feature.get("properties") or {}
    for key in sorted(properties):
        if key.startswith("WD") and key.endswith("CD"):
            return str(properties[key])
    for key in sorted(properties):
        if key.startswith("LAD") and key.endswith("CD"):
            return str(properties[key])
    return None


def _polygons_by_code(source: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for path in sorted(source.glob("*.geojsonl")):
        for feature in read_features(path):
            code = _feature_code(feature)
            if code is None:
                raise BoundaryError(f"{path}: a feature has no ward or district code")
            geometry = shape(feature["geometry"])
            if geometry.geom_type not in ("Polygon", "MultiPolygon") or not geometry.is_valid:
                raise BoundaryError(f"{path}: the {code} boundary is not a valid polygon")
            found[code] = geometry
    return found


def load_boundaries(
    source: Path,
    codes: Mapping[str, Iterable[str]] = BOUNDARY_CODES,
    projection: LocalProjection | None = None,
) -> dict[str, Boundary]:
    """Every area of `codes` (area id → ONS codes) from the `.geojsonl` files in `source`.

    An area made of several polygons (Better Start Bradford is three wards) is their union.
    """
    projection = projection or LocalProjection()
    polygons = _polygons_by_code(source)
    boundaries: dict[str, Boundary] = {}
    for id, wanted in codes.items():
        wanted = tuple(wanted)
        missing = [code for code in wanted if code not in polygons]
        if missing:
            raise BoundaryError(f"no boundary for {', '.join(missing)} ({id}) in {source}")
        parts = [projection.geometry(polygons[code]) for code in wanted]
        united = shapely.union_all(parts) if len(parts) > 1 else parts[0]
        if united.geom_type == "Polygon" and len(united.interiors) > 0 and len(parts) > 1:
            # Neighbouring wards share their edges exactly, so their union has no holes; a hole
            # would be a sliver between them whose edge would wrongly count as the area's.
            raise BoundaryError(f"the polygons of {id} leave a gap between them")
        boundaries[id] = Boundary(id=id, codes=wanted, shape=united, projection=projection)
    return boundaries
