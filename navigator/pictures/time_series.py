"""A chart over time: a line for each series (demand, unmet need, …) by month, from a list of
`(month, series, count)`. A count of None is a cell suppressed for small numbers: the line
breaks there, a hollow mark on the axis says so, and the text and table say 'suppressed'. A
month with no count for a series breaks the line too ('no data').

Pure: the journey records' reports feed it (already suppressed); it computes nothing."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date

from navigator.pictures import palette
from navigator.pictures.picture import Picture, Table
from navigator.pictures.svg import Attribute, element, root, serialise, text_lines

Point = tuple[str | date, str, int | None]
"""A month (`2026-11` or a date in it), a series name, and its count (None: suppressed)."""
WIDTH = 900
HEIGHT = 420
LEFT = 70
RIGHT = 190
TOP = 60
BOTTOM = 70
COLOURS = (palette.DARK_BLUE, palette.RED, palette.GREEN, palette.PURPLE, palette.TEXT)
DASHES = (None, "8 4", "2 4", "12 4 2 4", "4 2")
SHAPES = ("circle", "square", "triangle", "diamond", "cross")
SUPPRESSED = "suppressed"
NO_DATA = "no data"


def month_of(value: str | date) -> str:
    """'2026-11' for a date in November 2026 or for '2026-11' itself."""
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}"
    return str(value)[:7]


def month_label(month: str) -> str:
    """'2026-11' → 'Nov 2026'; anything else as it is."""
    try:
        day = date.fromisoformat(f"{month}-01")
    except ValueError:
        return month
    return f"{day:%b %Y}"


def series_table(
    points: Sequence[Point],
) -> tuple[list[str], list[str], dict[tuple[str, str], int | None]]:
    """The months in order, the series in order of first appearance, and each given count."""
    months = sorted({month_of(m) for m, _, _ in points})
    names = list(dict.fromkeys(name for _, name, _ in points))
    counts = {(month_of(m), name): count for m, name, count in points}
    return months, names, counts


def _mark(
    parent: ET.Element, shape: str, x: float, y: float, colour: str, hollow: bool = False
) -> None:
    fill = palette.WHITE if hollow else colour
    common: dict[str, Attribute | None] = {"fill": fill, "stroke": colour, "stroke_width": 2}
    if shape == "circle":
        element("circle", parent, cx=x, cy=y, r=5, **common)
    elif shape == "square":
        element("rect", parent, x=x - 5, y=y - 5, width=10, height=10, **common)
    elif shape == "triangle":
        element(
            "path",
            parent,
            d=f"M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y + 5:.1f} L{x - 6:.1f},{y + 5:.1f} z",
            **common,
        )
    elif shape == "diamond":
        element(
            "path",
            parent,
            d=f"M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y:.1f} "
            f"L{x:.1f},{y + 6:.1f} L{x - 6:.1f},{y:.1f} z",
            **common,
        )
    else:
        element(
            "path",
            parent,
            d=f"M{x - 5:.1f},{y - 5:.1f} L{x + 5:.1f},{y + 5:.1f} "
            f"M{x - 5:.1f},{y + 5:.1f} L{x + 5:.1f},{y - 5:.1f}",
            stroke=colour,
            stroke_width=2.5,
            fill="none",
        )


def _nice_top(most: int) -> int:
    if most <= 5:
        return 5
    step = int(10 ** math.floor(math.log10(most)))
    for factor in (1, 2, 5, 10):
        if most <= factor * step:
            return int(factor * step)
    return int(10 * step)


def time_series_picture(
    points: Sequence[Point],
    title: str = "Demand and unmet need over time",
    id: str = "over-time",
) -> Picture:
    """The chart, its text alternative and the same counts as a table."""
    months, names, counts = series_table(points)
    summary = _summary(title, months, names, counts)
    svg = root(WIDTH, HEIGHT, title, summary, id)
    if not months:
        element(
            "text", svg, "No records yet: nothing to draw.", x=LEFT, y=TOP + 40, fill=palette.TEXT
        )
        return Picture(id, title, summary, serialise(svg), (_table(months, names, counts),))

    known = [c for c in counts.values() if c is not None]
    top = _nice_top(max(known, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: int) -> float:
        return LEFT + (plot_w * (index + 0.5) / len(months))

    def y(count: float) -> float:
        return TOP + plot_h - plot_h * count / top

    axis = element("g", svg, class_="app-chart__axis")
    for step in range(5):
        value = top * step / 4
        element(
            "line",
            axis,
            x1=LEFT,
            y1=y(value),
            x2=LEFT + plot_w,
            y2=y(value),
            stroke=palette.BORDER if step else palette.TEXT,
            stroke_width=1 if step else 1.5,
            stroke_dasharray="2 3" if step else None,
        )
        element(
            "text",
            axis,
            f"{value:g}",
            x=LEFT - 8,
            y=y(value) + 4,
            font_size=12,
            text_anchor="end",
            fill=palette.TEXT,
        )
    every = max(1, math.ceil(len(months) / 12))
    for index, month in enumerate(months):
        if index % every == 0:
            element(
                "text",
                axis,
                month_label(month),
                x=x(index),
                y=TOP + plot_h + 20,
                font_size=12,
                text_anchor="middle",
                fill=palette.TEXT,
            )
    element(
        "text",
        axis,
        "Journeys",
        x=LEFT - 50,
        y=TOP - 20,
        font_size=12,
        font_weight="bold",
        fill=palette.TEXT,
    )
    text_lines(
        svg,
        LEFT,
        HEIGHT - 22,
        [
            "A break in a line: no count that month. A hollow mark on the axis: the count is "
            "suppressed (too few to show safely)."
        ],
        size=12,
        fill=palette.TEXT,
    )

    lines = element("g", svg, class_="app-chart__series")
    for number, name in enumerate(names):
        colour = COLOURS[number % len(COLOURS)]
        shape = SHAPES[number % len(SHAPES)]
        group = element("g", lines, class_="app-chart__line", data_series=name)
        element(
            "title",
            group,
            f"{name}: "
            + "; ".join(
                f"{month_label(m)} {_words(counts.get((m, name), NO_DATA))}" for m in months
            ),
        )
        run: list[str] = []
        for index, month in enumerate([*months, ""]):
            count = counts.get((month, name)) if month else None
            if count is not None:
                run.append(f"{x(index):.1f},{y(count):.1f}")
                continue
            if len(run) > 1:
                dash = DASHES[number % len(DASHES)]
                element(
                    "polyline",
                    group,
                    points=" ".join(run),
                    fill="none",
                    stroke=colour,
                    stroke_width=2.5,
                    stroke_dasharray=dash,
                )
            run = []
        for index, month in enumerate(months):
            given = counts.get((month, name))
            if given is not None:
                _mark(group, shape, x(index), y(given), colour)
            elif (month, name) in counts:  # None: suppressed
                mark = element("g", group, class_="app-chart__suppressed", data_month=month)
                element("title", mark, f"{name}, {month_label(month)}: {SUPPRESSED}")
                _mark(mark, shape, x(index), y(0), colour, hollow=True)
        # The key, beside the plot: the line, its mark and its name.
        ky = TOP + 10 + number * 26
        kx = LEFT + plot_w + 16
        element(
            "line",
            group,
            x1=kx,
            y1=ky,
            x2=kx + 30,
            y2=ky,
            stroke=colour,
            stroke_width=2.5,
            stroke_dasharray=DASHES[number % len(DASHES)],
        )
        _mark(group, shape, kx + 15, ky, colour)
        element("text", group, name, x=kx + 38, y=ky + 4, font_size=12, fill=palette.TEXT)

    return Picture(id, title, summary, serialise(svg), (_table(months, names, counts),))


def _words(count: int | str | None) -> str:
    return SUPPRESSED if count is None else str(count)


def _summary(
    title: str, months: list[str], names: list[str], counts: dict[tuple[str, str], int | None]
) -> str:
    if not months:
        return f"{title}: no records yet, so there is nothing to draw."
    suppressed = sum(1 for c in counts.values() if c is None)
    missing = len(months) * len(names) - len(counts)
    parts = []
    for name in names:
        known = [(m, c) for m in months if (c := counts.get((m, name))) is not None]
        if known:
            high = max(known, key=lambda item: item[1])
            parts.append(
                f"{name}: from {known[0][1]} in {month_label(known[0][0])} to {known[-1][1]} "
                f"in {month_label(known[-1][0])}, highest {high[1]} in {month_label(high[0])}"
            )
        else:
            parts.append(f"{name}: every month suppressed or missing")
    return (
        f"{title}, by month from {month_label(months[0])} to {month_label(months[-1])}, a line "
        f"for each of {len(names)} series. " + "; ".join(parts) + f". {suppressed} counts are "
        f"suppressed (too few to show safely) and drawn as a break in the line with a hollow "
        f"mark"
        + (f"; {missing} are missing (no data)" if missing else "")
        + ". The table below gives every count."
    )


def _table(months: list[str], names: list[str], counts: dict[tuple[str, str], int | None]) -> Table:
    return Table(
        "Counts by month ('suppressed': too few to show safely)",
        ("Month", *names),
        tuple(
            (
                month_label(m),
                *(_words(counts[(m, n)]) if (m, n) in counts else NO_DATA for n in names),
            )
            for m in months
        ),
    )
