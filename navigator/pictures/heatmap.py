"""The coverage heatmap of one area: age bands (pregnancy its own column) across, concerns
down, each cell the number of services that fit it by each kind of route, with the gaps and
overlaps marked by a pattern and a word, not by colour alone.

The numbers are those of `navigator coverage --json`, from the same `CoverageMap`: a heatmap
cell is one cell of the map (one audience, level of need and set of named facts, chosen on
the page), its counts the lengths of that cell's `fits` lists, a gap a cell the map lists
among its `gaps`, an overlap one with more than `max_referrals` referral options."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from navigator.checker.coverage_dimensions import DIMENSIONS, Value
from navigator.checker.coverage_map import ROUTINE, Cell, CoverageMap
from navigator.content.vocabulary import ROUTE_NAMES, RouteKind
from navigator.pictures import palette
from navigator.pictures.picture import Picture, Table
from navigator.pictures.svg import element, root, serialise, text_lines, wrap

LETTERS = {
    RouteKind.consultation: "C",
    RouteKind.referral: "R",
    RouteKind.self_referral: "S",
    RouteKind.signposting: "I",
    RouteKind.training: "T",
}
"""How a cell names each kind of route: C consultation, R referral, S self-referral,
I information (signposting), T training."""
DIRECT = (RouteKind.consultation, RouteKind.referral, RouteKind.self_referral)
CELL_WIDTH = 128
CELL_HEIGHT = 58
LABEL_WIDTH = 250
HEAD_HEIGHT = 60
LEGEND_HEIGHT = 76
MARGIN = 20
PREGNANCY_GAP = 12
SHADES = ((0, palette.WHITE), (1, palette.LIGHT_BLUE), (2, palette.MID_BLUE), (4, "#5694ca"))
"""The fill by the number of services, not catch-alls, that would work with the family (by a
consultation, referral or self-referral): written in every cell, so the shade only repeats it."""


@dataclass(frozen=True)
class HeatCell:
    """One cell of the heatmap: an age band and a concern in the chosen area."""

    period: str
    concern: str
    counts: dict[str, int]
    """For each kind of route a routine result has, the number of services that fit."""
    services: dict[str, list[str]]
    status: str
    gap: bool
    overlap: bool
    agreed: bool
    """An overlap the pathway's `overlaps` agrees."""
    referral_options: tuple[str, ...]
    specific: tuple[str, ...]
    """The services, not catch-alls, that would work with the family (by C, R or S): the
    number the shade repeats."""


@dataclass(frozen=True)
class Heatmap:
    """The cells of one area for one audience, level of need and set of named facts."""

    place: Value
    audience: Value
    need: Value
    facts: Value
    periods: tuple[Value, ...]
    concerns: tuple[Value, ...]
    cells: dict[tuple[str, str], HeatCell]
    max_referrals: int


class UnknownValue(ValueError):
    """A value the coverage map does not have (an area, audience, need or facts id)."""


def choose(coverage: CoverageMap, dimension: str, id: str | None) -> Value:
    """The value `id` of a dimension, or its first value when `id` is None."""
    values = coverage.dimensions[DIMENSIONS.index(dimension)].values
    if id is None:
        return values[0]
    found = next((v for v in values if v.id == id), None)
    if found is None:
        raise UnknownValue(f"no {dimension} '{id}' in the coverage map")
    return found


def heatmap(
    coverage: CoverageMap,
    place: str | None = None,
    audience: str | None = None,
    need: str | None = None,
    facts: str | None = None,
) -> Heatmap:
    """The heatmap of one place (by default the first of each dimension's values)."""
    chosen = {
        "place": choose(coverage, "place", place),
        "audience": choose(coverage, "audience", audience),
        "need": choose(coverage, "need", need),
        "facts": choose(coverage, "facts", facts),
    }
    gaps = {id(c) for c in coverage.gaps()}
    cells: dict[tuple[str, str], HeatCell] = {}
    for cell in coverage.cells():
        if any(cell.value(d).id != v.id for d, v in chosen.items()):
            continue
        period, concern = cell.value("period").id, cell.value("concern").id
        cells[(period, concern)] = _heat_cell(coverage, cell, period, concern, id(cell) in gaps)
    return Heatmap(
        chosen["place"],
        chosen["audience"],
        chosen["need"],
        chosen["facts"],
        coverage.dimensions[DIMENSIONS.index("period")].values,
        coverage.dimensions[DIMENSIONS.index("concern")].values,
        cells,
        coverage.max_referrals,
    )


def _heat_cell(coverage: CoverageMap, cell: Cell, period: str, concern: str, gap: bool) -> HeatCell:
    services = coverage.by_kind(cell.fits)
    options = coverage.options(cell)
    overlap = len(options) > coverage.max_referrals
    return HeatCell(
        period,
        concern,
        {k: len(ids) for k, ids in services.items()},
        services,
        cell.status,
        gap,
        overlap,
        overlap and coverage.agreement(cell, options) >= 0,
        tuple(options),
        tuple(coverage.services(cell.fits & coverage.direct & ~coverage.catch_all)),
    )


def cell_words(cell: HeatCell) -> str:
    """'C 2 · R 3 · S 1 · I 2 · T 0; gap' for the table."""
    counts = " · ".join(f"{LETTERS[k]} {cell.counts[k.value]}" for k in ROUTINE)
    counts += f" · {len(cell.specific)} specific"
    marks = _marks(cell)
    return f"{counts}; {marks}" if marks else counts


def _marks(cell: HeatCell) -> str:
    marks = []
    if cell.gap:
        marks.append("gap")
    if cell.overlap:
        agreed = "agreed " if cell.agreed else ""
        marks.append(f"{agreed}overlap of {len(cell.referral_options)} referrals")
    return ", ".join(marks)


def heatmap_picture(map_: Heatmap, id: str = "coverage") -> Picture:
    """The heatmap as a picture, its text alternative and the same numbers as a table."""
    columns = len(map_.periods)
    width = MARGIN * 2 + LABEL_WIDTH + columns * CELL_WIDTH + PREGNANCY_GAP
    top = MARGIN + LEGEND_HEIGHT + HEAD_HEIGHT
    height = top + len(map_.concerns) * CELL_HEIGHT + MARGIN
    title = "Coverage of an area: concerns by age"
    summary = _summary(map_)
    svg = root(width, height, title, summary, id)
    defs = element("defs", svg)
    hatch = palette.hatch(defs, f"{id}-gap")
    dots = palette.dots(defs, f"{id}-overlap")
    _legend(svg, hatch, dots)

    def column_x(number: int) -> float:
        pregnancy = map_.periods[0].id == "pregnancy"
        return (
            MARGIN
            + LABEL_WIDTH
            + number * CELL_WIDTH
            + (PREGNANCY_GAP if pregnancy and number > 0 else 0)
        )

    heads = element("g", svg, class_="app-heatmap__heads")
    for number, period in enumerate(map_.periods):
        text_lines(
            heads,
            column_x(number) + CELL_WIDTH / 2,
            top - 30,
            wrap(period.label, CELL_WIDTH - 8, 13, 2),
            size=13,
            font_weight="bold",
            fill=palette.TEXT,
            text_anchor="middle",
        )
    grid = element("g", svg, class_="app-heatmap__cells")
    for row, concern in enumerate(map_.concerns):
        y = top + row * CELL_HEIGHT
        text_lines(
            grid,
            MARGIN,
            y + 22,
            wrap(concern.label, LABEL_WIDTH - 12, 12, 2),
            size=12,
            fill=palette.TEXT,
        )
        for number, period in enumerate(map_.periods):
            cell = map_.cells.get((period.id, concern.id))
            if cell is None:
                continue
            _cell(
                grid, id, cell, column_x(number), y, hatch, dots, f"{concern.label}, {period.label}"
            )

    return Picture(id, title, summary, serialise(svg), (_table(map_),))


def shade(direct: int) -> str:
    fill = palette.WHITE
    for least, colour in SHADES:
        if direct >= least:
            fill = colour
    return fill


def _cell(
    parent: ET.Element,
    id: str,
    cell: HeatCell,
    x: float,
    y: float,
    hatch: str,
    dots: str,
    where: str,
) -> None:
    group = element(
        "g",
        parent,
        id=f"{id}-cell-{cell.period}-{cell.concern}",
        class_="app-heatmap__cell",
        data_period=cell.period,
        data_concern=cell.concern,
    )
    named = f"{len(cell.specific)} specific services; " + "; ".join(
        f"{ROUTE_NAMES[k]} {cell.counts[k.value]}"
        + (f" ({', '.join(cell.services[k.value])})" if cell.services[k.value] else "")
        for k in ROUTINE
    )
    marks = _marks(cell)
    element("title", group, f"{where}: {named}" + (f". {marks.capitalize()}." if marks else ""))
    element(
        "rect",
        group,
        x=x + 1,
        y=y + 1,
        width=CELL_WIDTH - 2,
        height=CELL_HEIGHT - 2,
        fill=shade(len(cell.specific)),
        stroke=palette.BORDER,
        stroke_width=1,
    )
    if cell.gap or cell.overlap:
        element(
            "rect",
            group,
            x=x + 1,
            y=y + 1,
            width=CELL_WIDTH - 2,
            height=9,
            fill=hatch if cell.gap else dots,
            stroke=palette.BORDER,
            stroke_width=1,
            class_="app-heatmap__mark",
        )
    lines = [
        " ".join(f"{LETTERS[k]}{cell.counts[k.value]}" for k in DIRECT),
        " ".join(f"{LETTERS[k]}{cell.counts[k.value]}" for k in ROUTINE if k not in DIRECT),
    ]
    lines.append(f"{len(cell.specific)} specific")
    text_lines(group, x + 8, y + 24, lines, size=12, line_height=14, fill=palette.TEXT)
    word = "GAP" if cell.gap else ("AGREED" if cell.agreed else "OVERLAP") if cell.overlap else ""
    if word:
        element(
            "text",
            group,
            word,
            x=x + CELL_WIDTH - 8,
            y=y + CELL_HEIGHT - 8,
            font_size=11,
            font_weight="bold",
            fill=palette.TEXT,
            text_anchor="end",
        )


def _legend(svg: ET.Element, hatch: str, dots: str) -> None:
    legend = element("g", svg, class_="app-heatmap__legend")
    text_lines(
        legend,
        MARGIN,
        MARGIN + 12,
        [
            "Services that fit, by kind of route: C consultation, R referral, S self-referral,",
            "I information (signposting), T training. Specific: the services, not catch-alls,",
            "that would work with the family (by C, R or S); the darker, the more of them.",
        ],
        size=12,
        fill=palette.TEXT,
    )
    y = MARGIN + 46
    element("rect", legend, x=MARGIN, y=y, width=30, height=12, fill=hatch, stroke=palette.BORDER)
    element(
        "text",
        legend,
        "GAP: only catch-alls would work with the family",
        x=MARGIN + 36,
        y=y + 11,
        font_size=12,
        fill=palette.TEXT,
    )
    element(
        "rect", legend, x=MARGIN + 370, y=y, width=30, height=12, fill=dots, stroke=palette.BORDER
    )
    element(
        "text",
        legend,
        "OVERLAP: more referral options than agreed",
        x=MARGIN + 406,
        y=y + 11,
        font_size=12,
        fill=palette.TEXT,
    )


def _summary(map_: Heatmap) -> str:
    cells = list(map_.cells.values())
    gaps = sum(1 for c in cells if c.gap)
    overlaps = sum(1 for c in cells if c.overlap)
    return (
        f"Coverage for {map_.audience.label}, {map_.place.label}, at need "
        f"'{map_.need.label}' ({map_.facts.label.lower()}): {len(map_.concerns)} concerns "
        f"down, {len(map_.periods)} age bands across. Each cell gives the number of services "
        f"that fit by kind of route. {gaps} of the {len(cells)} cells are gaps (only "
        f"catch-alls would work with the family) and {overlaps} are overlaps (more than "
        f"{map_.max_referrals} referral options). The table below gives every number."
    )


def _table(map_: Heatmap) -> Table:
    rows = tuple(
        (
            concern.label,
            *(
                cell_words(map_.cells[(p.id, concern.id)])
                if (p.id, concern.id) in map_.cells
                else "not in the map"
                for p in map_.periods
            ),
        )
        for concern in map_.concerns
    )
    return Table(
        f"Services that fit, {map_.place.label}: C consultation, R referral, S self-referral, "
        "I information (signposting), T training",
        ("Concern", *(p.label for p in map_.periods)),
        rows,
    )
