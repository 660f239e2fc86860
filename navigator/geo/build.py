"""Build the compact postcode lookup from the content's areas and a postcode coordinates file.

Every postcode in the coordinates file (ONS NSPL or ONSPD columns `pcds`, `lat`, `long`, or
the `Postcode,lat,long` extracts in `data/geo/`) is placed once against the areas declared in
`services.yaml`: by the boundary files kept with the content, by postcode districts and
sectors, by unions and differences of other areas. For each postcode the lookup records the
areas it is in, the areas whose edge is within 75 m of it, the GP-registration areas it hints
at, and a sentence for people. The result is written as gzipped text (format in
`navigator.geo.lookup`), so that looking a postcode up at run time is a dictionary hit, with no
shapely and no geometry.

Postcodes placed the same way share one table row: the areas of a postcode are worked out as
a row of yes/no flags (in each area, near each edge, in each hinting district), and only the
distinct rows (a few dozen for one district, a few thousand for England) become placements.

    navigator geo-build            # the content's areas + data/geo -> <state_dir>/geo/<key>.tsv.gz
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from navigator.geo.areas import NEAR_METRES, AreaRules, AreaRulesError
from navigator.geo.boundary import Boundary, BoundaryError, LocalProjection, read_boundary
from navigator.geo.lookup import FORMAT, Placement, postcode_area
from navigator.geo.postcode import InvalidPostcode, parse_postcode

__all__ = [
    "ATTRIBUTION",
    "BuildError",
    "BuildReport",
    "Geography",
    "build",
    "lookup_key",
    "lookup_text",
    "postcode_files",
    "read_postcodes",
    "write_lookup",
]

ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0",
    "Contains OS data © Crown copyright and database right",
    "Contains Royal Mail data © Royal Mail copyright and database right",
    "Derived from ONS postcode coordinates (National Statistics Postcode Lookup) and ONS "
    "boundaries kept with the content; see the SOURCES.md beside each.",
)
"""The attribution the OGL data requires of anything derived from it."""

BoolArray = NDArray[np.bool_]

_POSTCODE_COLUMNS = ("pcds", "postcode", "pcd", "pcd7", "pcd8", "pcd2")
_LAT_COLUMNS = ("lat", "latitude")
_LON_COLUMNS = ("long", "lon", "longitude", "lng")


class BuildError(ValueError):
    """The source data or the areas are missing or not as expected."""


@dataclass(frozen=True)
class BuildReport:
    postcodes: int
    located: int
    placements: int
    path: Path
    size: int


def postcode_files(source: Path) -> list[Path]:
    """The CSV files of `source`: the file itself, or every `*.csv` in a folder."""
    if source.is_file():
        return [source]
    if not source.is_dir():
        raise BuildError(f"no such file or folder: {source}")
    paths = sorted(source.glob("*.csv"))
    if not paths:
        raise BuildError(f"no postcode CSV files in {source}")
    return paths


def _coordinate(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    # 0 and blank both mean "no coordinates" (PO boxes, large users); NSPL writes 99.999999
    # for latitude where there are none.
    return value if value != 0 and np.isfinite(value) and abs(value) < 99 else None


def _column(header: list[str], names: Sequence[str], path: Path) -> int:
    for name in names:
        if name in header:
            return header.index(name)
    raise BuildError(
        f"{path}: no {names[0]} column; expected ONS NSPL/ONSPD columns (pcds, lat, long) "
        "or the header Postcode,lat,long"
    )


def read_postcodes(source: Path) -> Iterator[tuple[str, float | None, float | None]]:
    """(normalised postcode, latitude, longitude) for every row of the CSV file(s) in `source`.

    Latitude and longitude are None together when the row has none (blank, 0 or 99.999999).
    """
    for path in postcode_files(source):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = [h.strip().lower() for h in next(reader, [])]
            at = _column(header, _POSTCODE_COLUMNS, path)
            at_lat = _column(header, _LAT_COLUMNS, path)
            at_lon = _column(header, _LON_COLUMNS, path)
            for number, row in enumerate(reader, start=2):
                if not row:
                    continue
                try:
                    postcode = parse_postcode(row[at])
                except (InvalidPostcode, IndexError):
                    raise BuildError(f"{path}:{number}: not a postcode: {row[:1]!r}") from None
                lat = _coordinate(row[at_lat]) if len(row) > at_lat else None
                lon = _coordinate(row[at_lon]) if len(row) > at_lon else None
                if lat is None or lon is None:
                    yield postcode, None, None
                else:
                    yield postcode, lat, lon


class Geography:
    """The areas of one content folder, with their boundaries read and projected."""

    def __init__(self, rules: AreaRules, root: Path) -> None:
        """`root` is the folder `services.yaml` is in: boundary paths are relative to it."""
        self.rules = rules
        self.root = root
        try:
            self.order = rules.decision_order()
        except AreaRulesError as error:
            raise BuildError(str(error)) from error
        raw = {
            id: read_boundary(root / rule.boundary)
            for id in self.order
            if (rule := rules[id]).boundary
        }
        self.projection = LocalProjection.around(raw.values())
        self.boundaries: dict[str, Boundary] = {}
        for id in self.order:
            shape = self._shape(id, raw)
            if shape is not None:
                self.boundaries[id] = Boundary(id=id, shape=shape, projection=self.projection)

    def _shape(self, id: str, raw: Mapping[str, Any]) -> Any | None:
        """The area as one projected geometry, when every part of it is a boundary."""
        rule = self.rules[id]
        if rule.postcodes is not None:
            return None
        parts: list[Any] = []
        if rule.boundary:
            parts.append(self.projection.geometry(raw[id]))
        for part in rule.union:
            if part not in self.boundaries:
                return None
            parts.append(self.boundaries[part].shape)
        if not parts:
            return None
        shape = shapely.union_all(parts) if len(parts) > 1 else parts[0]
        for part in rule.minus:
            if part not in self.boundaries:
                return None
            shape = shapely.difference(shape, self.boundaries[part].shape)
        return shape

    def place(
        self, postcodes: Sequence[str], lon: NDArray[np.float64], lat: NDArray[np.float64]
    ) -> tuple[list[Placement], NDArray[np.intp]]:
        """The distinct placements of the located postcodes, and each one's index into them.

        Membership is kept as sorted arrays of postcode indices, one per area (never a full
        yes/no column per area: England has thousands of areas), and a boundary is tested only
        against the points inside its box widened by 75 m (an R-tree of the points finds them).
        """
        n = len(postcodes)
        if n == 0:
            return [], np.zeros(0, dtype=np.intp)
        districts = np.array([p.split(" ")[0] for p in postcodes], dtype=object)
        sectors = np.array([p[:-2] for p in postcodes], dtype=object)
        x, y = self.projection.xy(lon, lat)
        points = shapely.points(x, y)
        tree = shapely.STRtree(points)
        Index = NDArray[np.int64]

        def by_prefix(prefixes: Sequence[str]) -> Index:
            wanted = list(prefixes)
            hit = np.isin(districts, wanted) | np.isin(sectors, wanted)
            return np.flatnonzero(hit).astype(np.int64)

        def by_shape(shape: Any) -> tuple[Index, Index]:
            west, south, east, north = shape.bounds
            box = shapely.box(
                west - NEAR_METRES, south - NEAR_METRES, east + NEAR_METRES, north + NEAR_METRES
            )
            candidates = np.sort(tree.query(box)).astype(np.int64)
            inside = shapely.intersects_xy(shape, x[candidates], y[candidates])
            # A prepared edge answers "within 75 m?" from its index, not vertex by vertex.
            edge = shape.boundary
            shapely.prepare(edge)
            close = shapely.dwithin(edge, points[candidates], NEAR_METRES)
            return candidates[inside], candidates[close]

        empty: Index = np.zeros(0, dtype=np.int64)
        inside: dict[str, Index] = {}
        near: dict[str, Index] = {}
        for id in self.order:
            rule = self.rules[id]
            if id in self.boundaries:
                inside[id], near[id] = by_shape(self.boundaries[id].shape)
                continue
            member, close = empty, empty
            if rule.postcodes == "all":
                member = np.arange(n, dtype=np.int64)
            elif rule.postcodes:
                member = by_prefix(rule.postcodes)
            if rule.boundary:
                whole = self.projection.geometry(read_boundary(self.root / rule.boundary))
                shapely.prepare(whole)
                within, edge = by_shape(whole)
                member, close = np.union1d(member, within), np.union1d(close, edge)
            for part in rule.union:
                member, close = np.union1d(member, inside[part]), np.union1d(close, near[part])
            base = member
            for part in rule.minus:
                member = np.setdiff1d(member, inside[part], assume_unique=True)
                close = np.union1d(close, np.intersect1d(near[part], base))
            inside[id], near[id] = member, close
        hinting = [r for r in self.rules.rules if r.decided_by == "gp_registration"]
        ids = list(inside)
        # Every fact about a postcode is a (postcode, code) pair: code 3k is "in area k",
        # 3k + 1 "near its edge", 3k + 2 "in a district that hints at GP area k".
        parts_at: list[Index] = []
        parts_code: list[Index] = []
        for k, id in enumerate(ids):
            for kind, found in ((0, inside[id]), (1, near[id])):
                parts_at.append(found)
                parts_code.append(np.full(len(found), 3 * k + kind, dtype=np.int64))
        for k, rule in enumerate(hinting):
            found = by_prefix(rule.hint_postcodes) if rule.hint_postcodes else empty
            parts_at.append(found)
            parts_code.append(np.full(len(found), 3 * (len(ids) + k) + 2, dtype=np.int64))
        at = np.concatenate([empty, *parts_at])
        code = np.concatenate([empty, *parts_code])
        order = np.lexsort((code, at))
        at, code = at[order], code[order]
        # A postcode's placement is the set of its codes: hash each set (two independent
        # 64-bit sums of random weights, so a collision is beyond belief), then group equal
        # hashes. Points with no code at all share the hash 0.
        weights = np.random.default_rng(20261201).integers(
            1, 2**63, size=(2, 3 * (len(ids) + len(hinting)) + 1), dtype=np.uint64
        )
        signature = np.zeros((n, 2), dtype=np.uint64)
        starts = np.flatnonzero(np.r_[True, at[1:] != at[:-1]]) if len(at) else empty
        if len(at):
            with np.errstate(over="ignore"):
                for h in range(2):
                    signature[at[starts], h] = np.add.reduceat(weights[h][code], starts)
        unique, first, inverse = np.unique(
            signature, axis=0, return_index=True, return_inverse=True
        )
        ends = np.r_[starts[1:], len(at)] if len(at) else empty
        segment = {int(at[s]): (int(s), int(e)) for s, e in zip(starts, ends, strict=True)}
        placements: list[Placement] = []
        for point in first.tolist():
            s, e = segment.get(point, (0, 0))
            codes = code[s:e].tolist()
            in_ids = [ids[c // 3] for c in codes if c % 3 == 0]
            near_ids = [ids[c // 3] for c in codes if c % 3 == 1]
            hint_ids = [hinting[c // 3 - len(ids)].id for c in codes if c % 3 == 2]
            placements.append(self._placement(in_ids, near_ids, hint_ids, hinting))
        del unique
        return placements, np.asarray(inverse, dtype=np.intp).reshape(-1)

    def _placement(
        self,
        in_ids: list[str],
        near_ids: list[str],
        by_district: list[str],
        hinting: Sequence[Any],
    ) -> Placement:
        rules = self.rules
        areas = rules.with_ancestors(in_ids)
        near = rules.sort(near_ids)
        # Near any area inside a hinting area (a ward's edge, say) is also in or near it.
        in_or_near = set(rules.with_ancestors([*areas, *near]))
        hints = tuple(
            r.id for r in hinting if r.id in by_district or in_or_near & set(r.hint_areas)
        )
        return Placement(areas, near, hints, self._message(areas, near, hints))

    def _message(
        self, areas: tuple[str, ...], near: tuple[str, ...], hints: tuple[str, ...]
    ) -> str:
        """One sentence on where a located postcode is, with `{postcode}` for the postcode;
        "please confirm" near an edge."""
        rules = self.rules
        roots = {id for id in rules.children(None) if rules[id].by_postcode}
        surely = [id for id in areas if id not in near]
        # An edge between the parts of a union the postcode is surely in (two wards of a
        # ward group, say) changes nothing: the postcode is in the union either way.
        near = tuple(id for id in near if not any(u in surely for u in rules.unions_of(id)))
        confirm = "so please confirm with the service."
        if near:
            edge = min(near, key=lambda id: (rules.depth(id), rules.rank(id)))
            around = [id for id in surely if id in rules.ancestors(edge)[1:] and id not in roots]
            where = f"in {rules.phrase(around[-1])}, " if around else ""
            return f"{{postcode}} is {where}near the edge of {rules.phrase(edge)}, {confirm}"
        inner = [id for id in surely if id not in roots]
        if inner:
            deepest = inner[-1]
            parent = rules[deepest].within
            if parent is not None and deepest in rules[parent].union and parent not in roots:
                return f"{{postcode}} is in {rules.phrase(parent)} ({rules.phrase(deepest)})."
            inner_children = [c for c in rules.children(deepest) if rules[c].by_postcode]
            outside = (
                f", outside {rules.phrase(inner_children[0])}" if len(inner_children) == 1 else ""
            )
            return f"{{postcode}} is in {rules.phrase(deepest)}{outside}."
        tops = [c for id in roots for c in rules.children(id) if rules[c].by_postcode]
        named = _and([rules.phrase(id) for id in rules.sort(tops)]) or "the areas listed"
        sentence = f"{{postcode}} is outside {named}."
        if hints:
            sentence += (
                f" {_and([rules.phrase(h) for h in hints])} services go by the GP you are "
                "registered with, so they may still be open to you."
            )
        return sentence


def _and(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def place_postcodes(geography: Geography, source: Path) -> dict[str, Placement | None]:
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
    table, rows = geography.place(
        located, np.array(lons, dtype=np.float64), np.array(lats, dtype=np.float64)
    )
    for postcode, row in zip(located, rows.tolist(), strict=True):
        placed[postcode] = table[row]
    return placed


def _ids(ids: tuple[str, ...]) -> str:
    return ",".join(ids) if ids else "-"


def lookup_text(placements: Mapping[str, Placement | None], example: str | None = None) -> str:
    """The lookup file's text (before gzip). Its format is described in `navigator.geo.lookup`.

    `example` is the postcode messages give as an example; default one from the deepest area.
    """
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
    if example is None:
        deepest = max(table, key=lambda p: (len(p.areas), -len(p.near_boundary)), default=None)
        example = next(
            (pc for pc in sorted(placements) if deepest and placements[pc] == deepest), ""
        )
    covers = sorted({postcode_area(p.replace(" ", "")) for p in placements})
    out = io.StringIO()
    out.write(f"{FORMAT}\n")
    for line in ATTRIBUTION:
        out.write(f"# {line}\n")
    out.write(f"covers\t{','.join(covers)}\n")
    out.write(f"example\t{example}\n")
    out.write(f"table\t{len(table)}\n")
    for p in table:
        out.write(f"{_ids(p.areas)}\t{_ids(p.near_boundary)}\t{_ids(p.hints)}\t{p.message}\n")
    out.write(f"districts\t{len(by_district)}\n")
    for district in sorted(by_district, key=lambda d: (postcode_area(d), len(d), d)):
        entries = by_district[district]
        inwards = "".join(inward for inward, _ in entries)
        rows = ",".join(str(row) for _, row in entries)
        out.write(f"{district}\t{inwards}\t{rows}\n")
    return out.getvalue()


def write_lookup(
    placements: Mapping[str, Placement | None], out: Path, example: str | None = None
) -> int:
    """Write the gzipped lookup to `out` (atomically); its size in bytes. The bytes depend
    only on the data."""
    data = gzip.compress(lookup_text(placements, example).encode("utf-8"), 6, mtime=0)
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.{id(data)}.tmp")
    temporary.write_bytes(data)
    temporary.replace(out)
    return len(data)


def lookup_key(rules: AreaRules, root: Path, source: Path, example: str | None = None) -> str:
    """A hash of everything the lookup is built from: the areas, the bytes of their boundary
    files and of the postcode coordinates, and the lookup's format."""
    digest = hashlib.sha256(f"{FORMAT}\0{rules.fingerprint()}\0{example}\0".encode())
    files = [root / r.boundary for r in rules.rules if r.boundary]
    try:
        files += postcode_files(source)
    except BuildError:
        digest.update(b"\0no postcodes")
    for path in files:
        digest.update(str(path.name).encode() + b"\0")
        try:
            with path.open("rb") as handle:
                for piece in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(piece)
        except OSError:
            digest.update(b"\0unreadable")
    return digest.hexdigest()


def build(
    rules: AreaRules,
    root: Path,
    source: Path,
    out: Path,
    example: str | None = None,
) -> BuildReport:
    """Place every postcode in `source` against the areas and write the lookup to `out`.

    Raises `BuildError` (or `BoundaryError`) when the data or the areas cannot be used."""
    try:
        geography = Geography(rules, root)
    except BoundaryError as error:
        raise BuildError(str(error)) from error
    placements = place_postcodes(geography, source)
    size = write_lookup(placements, out, example)
    return BuildReport(
        postcodes=len(placements),
        located=sum(1 for p in placements.values() if p is not None),
        placements=len({p for p in placements.values() if p is not None}),
        path=out,
        size=size,
    )
