"""Build the compact postcode lookup that ships in `navigator/geo/data/`.

Every postcode in `data/geo/*.csv` (ONS NSPL coordinates for the BD and LS postcode areas) is
placed once, by point-in-polygon against the boundaries in `data/geo/*.geojsonl`: the areas it
is in, the areas whose edge is within 75 m of it, and the GP-registration areas it hints at.
The result is written as gzipped text (format in `navigator.geo.lookup`), so that looking a
postcode up at run time is a dictionary hit, with no shapely and no geometry.

Rebuild it after changing anything in `data/geo/` or the area rules in `navigator.geo.areas`::

    navigator geo-build                      # data/geo -> navigator/geo/data/postcodes.tsv.gz
    navigator geo-build --source data/geo --out navigator/geo/data/postcodes.tsv.gz

A test checks that the shipped file equals a fresh build, so the two cannot drift apart.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from navigator.geo.areas import ENGLAND, NEAR_METRES, nhs_hints, sort_areas, with_ancestors
from navigator.geo.boundary import load_boundaries
from navigator.geo.lookup import FORMAT, Placement, default_path
from navigator.geo.postcode import InvalidPostcode, outward, parse_postcode

__all__ = [
    "ATTRIBUTION",
    "BuildError",
    "BuildReport",
    "build",
    "default_source",
    "place_postcodes",
    "read_postcodes",
    "write_lookup",
]

ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0",
    "Contains OS data © Crown copyright and database right",
    "Contains Royal Mail data © Royal Mail copyright and database right",
    "Derived from the ONS National Statistics Postcode Lookup (May 2025), via ODI Leeds "
    "Postcodes2LatLon, and ONS boundaries via Open Innovations geography-bits; see data/geo.",
)
"""The attribution geo/SOURCES.md requires of anything derived from the data."""


class BuildError(ValueError):
    """The source data is missing or not as expected."""


@dataclass(frozen=True)
class BuildReport:
    postcodes: int
    located: int
    placements: int
    path: Path
    size: int


def default_source() -> Path:
    """`data/geo` of the source tree this package sits in, else of the current directory."""
    beside_package = Path(__file__).resolve().parents[2] / "data" / "geo"
    return beside_package if beside_package.is_dir() else Path("data") / "geo"


def _coordinate(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    # 0 and blank both mean "no coordinates" in the data (PO boxes, large users), and a real
    # BD or LS postcode is nowhere near latitude or longitude 0.
    return value if value != 0 and np.isfinite(value) else None


def read_postcodes(source: Path) -> Iterator[tuple[str, float | None, float | None]]:
    """(normalised postcode, latitude, longitude) for every row of the CSV files in `source`.

    Latitude and longitude are None together when the row has none (blank or 0).
    """
    paths = sorted(source.glob("*.csv"))
    if not paths:
        raise BuildError(f"no postcode CSV files in {source}")
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None or [h.strip().lower() for h in header[:3]] != [
                "postcode",
                "lat",
                "long",
            ]:
                raise BuildError(f"{path}: expected the header Postcode,lat,long")
            for number, row in enumerate(reader, start=2):
                if not row:
                    continue
                try:
                    postcode = parse_postcode(row[0])
                except InvalidPostcode:
                    raise BuildError(f"{path}:{number}: not a postcode: {row[0]!r}") from None
                lat = _coordinate(row[1]) if len(row) > 1 else None
                lon = _coordinate(row[2]) if len(row) > 2 else None
                if lat is None or lon is None:
                    yield postcode, None, None
                else:
                    yield postcode, lat, lon


def place_postcodes(source: Path) -> dict[str, Placement | None]:
    """Every postcode in `source` → its placement, or None when it has no coordinates."""
    placed: dict[str, Placement | None] = {}
    located: list[str] = []
    lats: list[float] = []
    lons: list[float] = []
    for postcode, lat, lon in read_postcodes(source):
        if postcode in placed:
            raise BuildError(f"{postcode} appears twice in {source}")
        placed[postcode] = None
        if lat is not None and lon is not None:
            located.append(postcode)
            lats.append(lat)
            lons.append(lon)
    boundaries = load_boundaries(source)
    lat_array = np.array(lats, dtype=np.float64)
    lon_array = np.array(lons, dtype=np.float64)
    inside = {id: b.contains(lon_array, lat_array) for id, b in boundaries.items()}
    near = {id: b.distance_m(lon_array, lat_array) <= NEAR_METRES for id, b in boundaries.items()}
    # One object per distinct placement (there are a few dozen), shared by its postcodes.
    interned: dict[Placement, Placement] = {}
    for i, postcode in enumerate(located):
        # Every BD and LS postcode is in England; a ward brings its parents with it, even where
        # the generalised ward and district outlines disagree by a few metres.
        areas = with_ancestors([ENGLAND, *(id for id in boundaries if inside[id][i])])
        near_ids = sort_areas(id for id in boundaries if near[id][i])
        placement = Placement(
            areas=areas,
            near_boundary=near_ids,
            hints=nhs_hints(outward(postcode), areas, near_ids),
        )
        placed[postcode] = interned.setdefault(placement, placement)
    return placed


def _ids(ids: tuple[str, ...]) -> str:
    return ",".join(ids) if ids else "-"


def lookup_text(placements: Mapping[str, Placement | None]) -> str:
    """The lookup file's text (before gzip). Its format is described in `navigator.geo.lookup`."""
    table = sorted(
        {p for p in placements.values() if p is not None},
        key=lambda p: (p.areas, p.near_boundary, p.hints),
    )
    index = {placement: i for i, placement in enumerate(table)}
    by_district: dict[str, list[tuple[str, int]]] = {}
    for postcode in sorted(placements):
        placement = placements[postcode]
        district, inward = postcode.split(" ")
        row = -1 if placement is None else index[placement]
        by_district.setdefault(district, []).append((inward, row))
    out = io.StringIO()
    out.write(f"{FORMAT}\n")
    for line in ATTRIBUTION:
        out.write(f"# {line}\n")
    out.write(f"table\t{len(table)}\n")
    for p in table:
        out.write(f"{_ids(p.areas)}\t{_ids(p.near_boundary)}\t{_ids(p.hints)}\n")
    out.write(f"districts\t{len(by_district)}\n")
    for district in sorted(by_district, key=lambda d: (d[:2], len(d), d)):
        entries = by_district[district]
        inwards = "".join(inward for inward, _ in entries)
        rows = ",".join(str(row) for _, row in entries)
        out.write(f"{district}\t{inwards}\t{rows}\n")
    return out.getvalue()


def write_lookup(placements: Mapping[str, Placement | None], out: Path) -> int:
    """Write the gzipped lookup to `out`; its size in bytes. The bytes depend only on the data."""
    data = gzip.compress(lookup_text(placements).encode("utf-8"), compresslevel=9, mtime=0)
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(out.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(out)
    return len(data)


def build(source: Path | None = None, out: Path | None = None) -> BuildReport:
    """Place every postcode in `source` and write the lookup to `out`."""
    source = source or default_source()
    out = out or default_path()
    if not source.is_dir():
        raise BuildError(f"no such folder: {source}")
    placements = place_postcodes(source)
    size = write_lookup(placements, out)
    return BuildReport(
        postcodes=len(placements),
        located=sum(1 for p in placements.values() if p is not None),
        placements=len({p for p in placements.values() if p is not None}),
        path=out,
        size=size,
    )
