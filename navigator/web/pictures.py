"""The pictures of the system for commissioners, under `/commission/pictures`: the pathway's
flow, the system map, the coverage heatmap of an area and the services' ages, each an inline
SVG with its text alternative and the same facts as a table (navigator/pictures)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from navigator.checker.coverage_dimensions import DIMENSIONS
from navigator.checker.coverage_map import CoverageMap
from navigator.content.pathway import Pathway
from navigator.pictures.ages import ages_picture
from navigator.pictures.flow import flow_picture
from navigator.pictures.heatmap import UnknownValue, heatmap, heatmap_picture
from navigator.pictures.system_map import system_map_picture
from navigator.web.deps import ContentDep
from navigator.web.live import Snapshot
from navigator.web.rendering import render

router = APIRouter(prefix="/commission/pictures", include_in_schema=False)

PAGES = (
    (
        "flow",
        "The pathway as a flow",
        "Every question, branch and red flag of the pathway, and where each journey ends.",
    ),
    (
        "map",
        "The system map",
        "The services in the directory's rings, with arrows to where "
        "their boundaries send people instead.",
    ),
    (
        "coverage",
        "Coverage of an area",
        "For one area: how many services fit each concern at "
        "each age, by kind of route, with the gaps and overlaps marked.",
    ),
    (
        "ages",
        "The ages services work with",
        "Each service's ages as a bar, pregnancy apart, and the number of services at each month.",
    ),
)
"""The picture pages: path, heading and what each shows."""

_MAPS: OrderedDict[tuple[str, str], CoverageMap] = OrderedDict()
_LOCK = threading.Lock()
KEPT = 4
"""How many coverage maps are kept (one per content version and pathway): a map takes about a
second to build, so it is built once per version, not on every page."""


def coverage_of(content: Snapshot, pathway: Pathway) -> CoverageMap:
    """The coverage map of a pathway in this content version, built once."""
    key = (content.content_hash, pathway.id)
    with _LOCK:
        found = _MAPS.get(key)
        if found is None:
            found = CoverageMap(pathway, content.directory)
            found.cells()
            _MAPS[key] = found
            while len(_MAPS) > KEPT:
                _MAPS.popitem(last=False)
        _MAPS.move_to_end(key)
        return found


def _pathway(content: Snapshot, id: str | None) -> Pathway:
    pathway = content.pathway(id) if id else next(iter(content.live_pathways), None)
    if pathway is None:
        raise HTTPException(404, f"There is no pathway '{id}'. Please choose one from the list.")
    return pathway


@router.get("")
def index(request: Request, content: ContentDep) -> Response:
    """The list of pictures."""
    return render(
        request,
        "commission/pictures.html",
        {"pages": PAGES, "pathways": content.pathways},
    )


@router.get("/flow")
def flow(request: Request, content: ContentDep, pathway: str | None = None) -> Response:
    """The pathway as a flow diagram."""
    chosen = _pathway(content, pathway)
    picture = flow_picture(chosen)
    return render(request, "commission/picture.html", {"picture": picture, "lead": PAGES[0][2]})


@router.get("/map")
def system_map(request: Request, content: ContentDep) -> Response:
    """The system map."""
    picture = system_map_picture(content.directory)
    return render(request, "commission/picture.html", {"picture": picture, "lead": PAGES[1][2]})


@router.get("/coverage")
def coverage(
    request: Request,
    content: ContentDep,
    area: str | None = None,
    audience: str | None = None,
    need: str | None = None,
    facts: str | None = None,
    pathway: str | None = None,
) -> Response:
    """The coverage heatmap of one area (a place of the coverage map), for one audience, level
    of need and set of named facts (by default the first of each; a dimension the content does
    not vary along is not offered)."""
    chosen = _pathway(content, pathway)
    mapped = coverage_of(content, chosen)
    try:
        cells = heatmap(mapped, area or None, audience or None, need or None, facts or None)
    except UnknownValue as error:
        raise HTTPException(404, f"{error}. Please choose from the lists.") from error
    choices = [
        (name, label, mapped.dimensions[DIMENSIONS.index(dimension)].values, selected)
        for name, dimension, label, selected in (
            ("area", "place", "Area", cells.place.id),
            ("audience", "audience", "Who is asking", cells.audience.id),
            ("need", "need", "Level of need", cells.need.id),
            ("facts", "facts", "Named facts", cells.facts.id),
        )
        if len(mapped.dimensions[DIMENSIONS.index(dimension)].values) > 1
    ]
    return render(
        request,
        "commission/picture.html",
        {
            "picture": heatmap_picture(cells),
            "lead": PAGES[2][2],
            "choices": choices,
            "pathway": chosen,
        },
    )


@router.get("/ages")
def ages(request: Request, content: ContentDep) -> Response:
    """The services' ages as bars."""
    picture = ages_picture(content.directory)
    return render(request, "commission/picture.html", {"picture": picture, "lead": PAGES[3][2]})
