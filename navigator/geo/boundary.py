"""Area boundaries: reading the polygons, point-in-polygon, distance to a boundary in metres.

Only `navigator.geo.build` needs this (and so shapely); looking a postcode up does not.

The polygons and postcode points are WGS84 longitude/latitude. Distances are measured after an
azimuthal equidistant projection centred on the data itself (the middle of the boundaries'
extent, wherever in the world they are), on a sphere of the WGS84 ellipsoid's Gaussian mean
radius at the centre's latitude. Within 500 km of the centre (all of Great Britain from its
middle) the scale error is under 0.5%, i.e. under 40 cm at the 75 m that matters here; across
one local authority it is under 0.3%.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import shape

__all__ = [
    "Boundary",
    "BoundaryError",
    "LocalProjection",
    "read_boundary",
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
    """An azimuthal equidistant projection to metres around (`lat0`, `lon0`)."""

    lat0: float = 53.8
    lon0: float = -1.75

    @classmethod
    def around(cls, geometries: Iterable[Any]) -> LocalProjection:
        """The projection centred on the middle of the geometries' extent (lon/lat)."""
        bounds = [g.bounds for g in geometries if not g.is_empty]
        if not bounds:
            return cls()
        west = min(b[0] for b in bounds)
        south = min(b[1] for b in bounds)
        east = max(b[2] for b in bounds)
        north = max(b[3] for b in bounds)
        return cls(lat0=(south + north) / 2, lon0=(west + east) / 2)

    @property
    def radius(self) -> float:
        """The Gaussian mean radius of the WGS84 ellipsoid at `lat0`, in metres."""
        phi = math.radians(self.lat0)
        w2 = 1 - _WGS84_E2 * math.sin(phi) ** 2
        return _WGS84_A * math.sqrt(1 - _WGS84_E2) / w2

    @property
    def metres_per_degree(self) -> tuple[float, float]:
        """(east–west, north–south) metres per degree at the centre."""
        k = math.radians(1) * self.radius
        return k * math.cos(math.radians(self.lat0)), k

    def xy(self, lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Metres east and north of the centre."""
        phi0, lam0 = math.radians(self.lat0), math.radians(self.lon0)
        phi = np.radians(np.asarray(lat, dtype=np.float64))
        dlam = np.radians(np.asarray(lon, dtype=np.float64)) - lam0
        cos_c = math.sin(phi0) * np.sin(phi) + math.cos(phi0) * np.cos(phi) * np.cos(dlam)
        c = np.arccos(np.clip(cos_c, -1.0, 1.0))
        sin_c = np.sin(c)
        k = np.where(sin_c > 1e-12, c / np.where(sin_c > 1e-12, sin_c, 1.0), 1.0)
        x = self.radius * k * np.cos(phi) * np.sin(dlam)
        y = (
            self.radius
            * k
            * (math.cos(phi0) * np.sin(phi) - math.sin(phi0) * np.cos(phi) * np.cos(dlam))
        )
        return x, y

    def geometry(self, geometry: Any) -> Any:
        """A shapely geometry in longitude/latitude, projected to metres."""

        def project(coords: FloatArray) -> FloatArray:
            x, y = self.xy(coords[:, 0], coords[:, 1])
            return np.column_stack([x, y])

        return shapely.transform(geometry, project)


@dataclass(frozen=True)
class Boundary:
    """One area's outline, projected to metres."""

    id: str
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
    except UnicodeDecodeError as error:
        raise BoundaryError(f"{path}: not text ({error.reason})") from error
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


def _geometries(data: Any, where: str) -> list[Any]:
    kind = data.get("type") if isinstance(data, dict) else None
    if kind == "FeatureCollection":
        found: list[Any] = []
        for feature in data.get("features") or []:
            found.extend(_geometries(feature, where))
        return found
    if kind == "Feature":
        return _geometries(data.get("geometry"), where)
    if kind in ("Polygon", "MultiPolygon", "GeometryCollection"):
        try:
            return [shape(data)]
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise BoundaryError(f"{where}: the geometry is damaged ({error})") from error
    raise BoundaryError(f"{where}: not a GeoJSON polygon (found {kind or 'nothing'})")


def read_boundary(path: Path) -> Any:
    """The polygons in a GeoJSON file (`.geojson`, or one Feature a line, `.geojsonl`),
    united, in longitude/latitude. Raises `BoundaryError` when the file is missing,
    unreadable, or holds anything but valid polygons."""
    if path.suffix == ".geojsonl":
        parts = [g for f in read_features(path) for g in _geometries(f, str(path))]
    else:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise BoundaryError(f"cannot read boundary file {path}: {error.strerror}") from error
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise BoundaryError(f"{path}: not JSON ({error})") from error
        parts = _geometries(data, str(path))
    if not parts:
        raise BoundaryError(f"{path}: no polygon in the file")
    for part in parts:
        if part.geom_type not in ("Polygon", "MultiPolygon") or part.is_empty:
            raise BoundaryError(f"{path}: a {part.geom_type} is not a polygon")
        if not part.is_valid:
            raise BoundaryError(f"{path}: a polygon is not valid (its edges cross)")
    return shapely.union_all(parts) if len(parts) > 1 else parts[0]
