"""The areas the navigator knows by postcode, and how they nest.

The ids are fixed: the services directory (`services.yaml`) names exactly these. Membership of
every area here is decided by home postcode except `nhs-bradford-craven`, which goes by the
GP practice a family is registered with, so a postcode can only hint at it.
"""

from __future__ import annotations

from collections.abc import Iterable

ENGLAND = "england"
BRADFORD_DISTRICT = "bradford-district"
BETTER_START_BRADFORD = "better-start-bradford"
WARD_BOWLING_AND_BARKEREND = "ward-bowling-and-barkerend"
WARD_BRADFORD_MOOR = "ward-bradford-moor"
WARD_LITTLE_HORTON = "ward-little-horton"
NHS_BRADFORD_CRAVEN = "nhs-bradford-craven"

BSB_WARDS = (WARD_BOWLING_AND_BARKEREND, WARD_BRADFORD_MOOR, WARD_LITTLE_HORTON)

NAMES: dict[str, str] = {
    ENGLAND: "England",
    BRADFORD_DISTRICT: "Bradford district",
    BETTER_START_BRADFORD: "the Better Start Bradford area",
    WARD_BOWLING_AND_BARKEREND: "Bowling and Barkerend ward",
    WARD_BRADFORD_MOOR: "Bradford Moor ward",
    WARD_LITTLE_HORTON: "Little Horton ward",
    NHS_BRADFORD_CRAVEN: "NHS Bradford District and Craven",
}
"""How a sentence names each area."""

PARENT: dict[str, str] = {
    WARD_BOWLING_AND_BARKEREND: BETTER_START_BRADFORD,
    WARD_BRADFORD_MOOR: BETTER_START_BRADFORD,
    WARD_LITTLE_HORTON: BETTER_START_BRADFORD,
    BETTER_START_BRADFORD: BRADFORD_DISTRICT,
    BRADFORD_DISTRICT: ENGLAND,
}

ORDER = (
    ENGLAND,
    BRADFORD_DISTRICT,
    BETTER_START_BRADFORD,
    *BSB_WARDS,
)
"""The order areas are listed in: widest first."""

BOUNDARY_CODES: dict[str, tuple[str, ...]] = {
    BRADFORD_DISTRICT: ("E08000032",),
    BETTER_START_BRADFORD: ("E05001345", "E05001346", "E05001358"),
    WARD_BOWLING_AND_BARKEREND: ("E05001345",),
    WARD_BRADFORD_MOOR: ("E05001346",),
    WARD_LITTLE_HORTON: ("E05001358",),
}
"""The ONS codes whose polygons (united) make each area decided by a boundary. The wards are
the 2004–2026 ones: Better Start Bradford was defined on them, and it keeps them after the May
2026 boundary changes."""

COVERED_POSTCODE_AREAS = frozenset({"BD", "LS"})
"""Postcode areas whose every postcode is in the data. Others are outside the directory."""

CRAVEN_DISTRICTS = frozenset({"BD20", "BD22", "BD23", "BD24"})
"""Postcode districts reaching into Craven (North Yorkshire since 2023), which NHS Bradford
District and Craven services cover by GP registration: BD23 (Skipton, Grassington) and BD24
(Settle) wholly, BD20 (Cononley, Cross Hills, Sutton) and BD22 (Cowling) in part; their other
parts are in Bradford district."""

NEAR_METRES = 75.0
"""A postcode this close to a boundary may be on either side: the boundaries are generalised
and a postcode's point is the centre of several addresses."""


def with_ancestors(ids: Iterable[str]) -> tuple[str, ...]:
    """`ids` and every area containing them, widest first."""
    found: set[str] = set()
    for id in ids:
        current: str | None = id
        while current is not None and current not in found:
            found.add(current)
            current = PARENT.get(current)
    return sort_areas(found)


def sort_areas(ids: Iterable[str]) -> tuple[str, ...]:
    """Area ids in the fixed order of `ORDER` (unknown ids last, alphabetically)."""
    rank = {id: i for i, id in enumerate(ORDER)}
    return tuple(sorted(set(ids), key=lambda id: (rank.get(id, len(rank)), id)))


def nhs_hints(district: str, areas: Iterable[str], near_boundary: Iterable[str]) -> tuple[str, ...]:
    """Areas decided by GP registration that a known postcode makes likely.

    Families in Bradford district, or close enough to its edge that they may be in it, are
    very likely registered with a Bradford District and Craven practice; so are families in the
    Craven postcode districts outside it. LS29 is covered only where it is in Bradford district
    (Ilkley, Burley, Menston, Addingham) or near its edge: its remaining postcodes are in Leeds
    or the old Harrogate district, not in Craven.
    """
    in_or_near = set(areas) | set(near_boundary)
    # Near any area inside the district (a ward's edge, say) is also near or in the district.
    if BRADFORD_DISTRICT in with_ancestors(in_or_near) or district in CRAVEN_DISTRICTS:
        return (NHS_BRADFORD_CRAVEN,)
    return ()
