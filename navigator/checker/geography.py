"""GEO-001 to GEO-004: the areas say how membership is decided, and say it in a way the postcode
lookup can build.

- GEO-001: an area decided by postcode names no `boundary`, `postcodes` or `union`, so no
  postcode is ever in it (once any area of the directory says how; a directory that declares
  no membership anywhere does not use postcodes).
- GEO-002: a `boundary` file that is missing, unreadable or not a polygon.
- GEO-003: two areas whose boundaries overlap where they should nest: one sticks out of the
  area it is `within`, or they overlap and neither is within the other.
- GEO-004: a `postcodes` entry (of an area or of `hinted_by`) that is not a postcode district
  (`BD3`) or sector (`BD3 8`).
An id in `union`, `minus` or `hinted_by.areas` that names no area is REF-001.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from navigator.checker.scope import Scope, either
from navigator.content.directory import Area, Directory
from navigator.content.finding import Finding, finding, spelt
from navigator.geo.areas import is_postcode_prefix

OVERLAP_SHARE = 0.05
"""Boundaries are generalised, and outlines from different releases disagree at their edges
(Bradford Moor ward lies 1.3% outside the district outline): an overlap under 5% of the smaller
area is a shared edge."""


def check_geography(scope: Scope) -> list[Finding]:
    directory = scope.directory
    source = scope.bundle.directory_source
    if directory is None or source is None:
        return []
    root = Path(source.file or source.path).parent
    found: list[Finding] = []
    found += _references(scope, directory)
    found += _prefixes(scope, directory)
    found += _unsourced(directory)
    shapes, bad = _boundaries(directory, root)
    found += bad
    found += _nesting(directory, shapes)
    return found


def _references(scope: Scope, directory: Directory) -> list[Finding]:
    ids = [a.id for a in directory.areas]
    found: list[Finding] = []
    for area in directory.areas:
        named = [("union", i, id) for i, id in enumerate(area.union)]
        named += [("minus", i, id) for i, id in enumerate(area.minus)]
        for key, index, id in named:
            if id not in ids:
                found.append(
                    finding(
                        "REF-001",
                        scope.at(area, key, index),
                        f"area '{area.id}' names area '{id}' in `{key}`, which is not in `areas`.",
                        spelt(id, ids) + either("correct the id", f"add an area with id '{id}'"),
                    )
                )
        hints = area.hinted_by
        for index, id in enumerate(hints.areas if hints else []):
            if id not in ids and hints is not None:
                found.append(
                    finding(
                        "REF-001",
                        scope.at(hints, "areas", index),
                        f"area '{area.id}' is hinted by area '{id}', which is not in `areas`.",
                        spelt(id, ids) + either("correct the id", f"add an area with id '{id}'"),
                    )
                )
    return found


def _prefixes(scope: Scope, directory: Directory) -> list[Finding]:
    found: list[Finding] = []
    for area in directory.areas:
        lists: list[tuple[Any, list[str]]] = []
        if isinstance(area.postcodes, list):
            lists.append((area, area.postcodes))
        if area.hinted_by is not None:
            lists.append((area.hinted_by, area.hinted_by.postcodes))
        for owner, entries in lists:
            for index, entry in enumerate(entries):
                if is_postcode_prefix(" ".join(entry.split())):
                    continue
                found.append(
                    finding(
                        "GEO-004",
                        scope.at(owner, "postcodes", index),
                        f"'{entry}' in the postcodes of area '{area.id}' is not a postcode "
                        "district or sector.",
                        either(
                            "write a district, in capitals, as on the first half of a postcode "
                            "(SW1A, M1, EC1A)",
                            "write a sector: the district, a space and one digit (SW1A 1)",
                        ),
                    )
                )
    return found


def _unsourced(directory: Directory) -> list[Finding]:
    if not any(a.has_membership for a in directory.areas):
        return []
    return [
        finding(
            "GEO-001",
            area.at,
            f"area '{area.id}' is decided by postcode but does not say which postcodes are in "
            "it, so no postcode ever is and its services are never offered by postcode.",
            either(
                "give it a `boundary` file, a list of `postcodes` (districts or sectors, or "
                "`all`) or a `union` of other areas",
                "set `decided_by: gp_registration` if a GP practice decides it",
            ),
        )
        for area in directory.areas
        if area.decided_by == "postcode" and not area.has_membership
    ]


def _boundaries(directory: Directory, root: Path) -> tuple[dict[str, Any], list[Finding]]:
    from navigator.geo.boundary import BoundaryError, read_boundary

    shapes: dict[str, Any] = {}
    found: list[Finding] = []
    for area in directory.areas:
        if not area.boundary:
            continue
        try:
            shapes[area.id] = read_boundary(root / area.boundary)
        except BoundaryError as error:
            found.append(
                finding(
                    "GEO-002",
                    area.field_at("boundary"),
                    f"the boundary of area '{area.id}' cannot be used: {error}.",
                    either(
                        "correct the path (it is relative to the folder of services.yaml)",
                        "replace the file with a GeoJSON Feature or FeatureCollection of "
                        "polygons (ONS publishes them)",
                    ),
                )
            )
    return shapes, found


def _nesting(directory: Directory, shapes: dict[str, Any]) -> list[Finding]:
    from navigator.geo.boundary import LocalProjection

    if len(shapes) < 2:
        return []
    projection = LocalProjection.around(shapes.values())
    projected = {id: projection.geometry(shape) for id, shape in shapes.items()}
    found: list[Finding] = []
    areas = {a.id: a for a in directory.areas}
    ids = list(projected)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            found += _pair(directory, areas[a], areas[b], projected[a], projected[b])
    return found


def _pair(directory: Directory, a: Area, b: Area, shape_a: Any, shape_b: Any) -> list[Finding]:
    overlap = shape_a.intersection(shape_b).area
    smaller = min(shape_a.area, shape_b.area)
    if smaller <= 0:
        return []
    for inner, outer, inner_shape in ((a, b, shape_a), (b, a, shape_b)):
        if outer.id in directory.ancestors(inner.id)[1:]:
            outside = inner_shape.area - overlap
            if outside / inner_shape.area <= OVERLAP_SHARE:
                return []
            return [
                finding(
                    "GEO-003",
                    inner.field_at("boundary"),
                    f"area '{inner.id}' is within area '{outer.id}', but "
                    f"{outside / inner_shape.area:.0%} of its boundary is outside it.",
                    either(
                        f"correct the boundary file of '{inner.id}' or of '{outer.id}'",
                        f"change `within` of '{inner.id}' to the area it is really in",
                    ),
                )
            ]
    if overlap / smaller <= OVERLAP_SHARE:
        return []
    second = b if b.at.line >= a.at.line else a
    first = a if second is b else b
    return [
        finding(
            "GEO-003",
            second.field_at("boundary"),
            f"areas '{first.id}' and '{second.id}' overlap ({overlap / smaller:.0%} of the "
            "smaller) but neither is within the other, so a postcode in both is placed twice.",
            either(
                f"add `within: {first.id}` to '{second.id}' (or the other way round) if one "
                "contains the other",
                "correct the boundary files so that they only share an edge",
            ),
        )
    ]
