"""Small-number suppression, NHS Digital's rule for counts of people below national level, so no
family can be singled out from a report (docs/reports.md):

- a count of 1 to 7 is suppressed (published as `*`);
- every other count is rounded to the nearest 5 (8 → 10, 12 → 10, 13 → 15);
- 0 stays 0: a true zero says that nobody is in the cell, which singles out no one;
- totals are computed from the raw counts, then suppressed and rounded the same way;
- secondary suppression: no row or column (with its total) may have exactly one suppressed
  entry, or that entry could be worked out from the total and the rest; the smallest other
  non-zero entry of the line is suppressed too, and again until no line has exactly one.

`protect(grid)` applies it to a table of raw counts. `ratio(a, b)` is shown only when both parts
are. Pure: no database, no web."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

SMALLEST_SHOWN = 8
"""The smallest count shown: 1 to 7 are suppressed."""
ROUNDING = 5
"""Counts shown are rounded to the nearest multiple of this."""
MARK = "*"
"""How a suppressed count is written."""

Shown = int | None
"""A count as published: a multiple of 5, or 0, or None when suppressed."""


def primary(count: int) -> Shown:
    """One count by the rule alone: 0 → 0, 1 to 7 → None (suppressed), else the nearest 5."""
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    if count == 0:
        return 0
    if count < SMALLEST_SHOWN:
        return None
    return (count + ROUNDING // 2) // ROUNDING * ROUNDING


def words(value: Shown) -> str:
    """A published count as text: `*` when suppressed."""
    return MARK if value is None else str(value)


@dataclass(frozen=True)
class Grid:
    """Raw counts: rows of cells, and (each optional) the total of each row, of each column, and
    the grand total. A total is a line's equation (its cells add up to it), so it is what
    secondary suppression protects against."""

    cells: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...] | None = None
    column_totals: tuple[int, ...] | None = None
    total: int | None = None

    def __post_init__(self) -> None:
        width = len(self.cells[0]) if self.cells else len(self.column_totals or ())
        if any(len(row) != width for row in self.cells):
            raise ValueError("every row must have the same number of cells")
        if self.row_totals is not None and len(self.row_totals) != len(self.cells):
            raise ValueError("one row total for each row")
        if self.column_totals is not None and len(self.column_totals) != width:
            raise ValueError("one column total for each column")

    @property
    def width(self) -> int:
        return len(self.cells[0]) if self.cells else len(self.column_totals or ())


@dataclass(frozen=True)
class Protected:
    """A grid as published: the same shape, every entry a `Shown`."""

    cells: tuple[tuple[Shown, ...], ...]
    row_totals: tuple[Shown, ...] | None = None
    column_totals: tuple[Shown, ...] | None = None
    total: Shown = None


Key = tuple[str, int, int]
"""Where an entry is: ('cell', row, column), ('row', row, 0), ('column', 0, column),
('total', 0, 0)."""


def entries(grid: Grid) -> dict[Key, int]:
    """Every raw entry of the grid by where it is."""
    found: dict[Key, int] = {}
    for r, row in enumerate(grid.cells):
        for c, count in enumerate(row):
            found[("cell", r, c)] = count
    for r, count in enumerate(grid.row_totals or ()):
        found[("row", r, 0)] = count
    for c, count in enumerate(grid.column_totals or ()):
        found[("column", 0, c)] = count
    if grid.total is not None:
        found[("total", 0, 0)] = grid.total
    return found


def lines(grid: Grid) -> Iterator[tuple[Key, ...]]:
    """Each line whose entries add up to its total, the total last: every row with a row
    total, every column with a column total, and the totals themselves with the grand total."""
    rows, width = len(grid.cells), grid.width
    if grid.row_totals is not None:
        for r in range(rows):
            yield (*(("cell", r, c) for c in range(width)), ("row", r, 0))
    if grid.column_totals is not None:
        for c in range(width):
            yield (*(("cell", r, c) for r in range(rows)), ("column", 0, c))
    if grid.total is not None and grid.column_totals is not None:
        yield (*(("column", 0, c) for c in range(width)), ("total", 0, 0))
    if grid.total is not None and grid.row_totals is not None:
        yield (*(("row", r, 0) for r in range(rows)), ("total", 0, 0))


def protect(grid: Grid) -> Protected:
    """The grid as it may be published: the rule on every entry, then secondary suppression
    until no line has exactly one suppressed entry."""
    raw = entries(grid)
    shown: dict[Key, Shown] = {key: primary(count) for key, count in raw.items()}
    every_line = list(lines(grid))
    changed = True
    while changed:
        changed = False
        for line in every_line:
            hidden = [key for key in line if shown[key] is None]
            if len(hidden) != 1:
                continue
            partner = _next_smallest(line, raw, shown)
            if partner is not None:
                shown[partner] = None
                changed = True
    return Protected(
        cells=tuple(
            tuple(shown[("cell", r, c)] for c in range(grid.width)) for r in range(len(grid.cells))
        ),
        row_totals=None
        if grid.row_totals is None
        else tuple(shown[("row", r, 0)] for r in range(len(grid.cells))),
        column_totals=None
        if grid.column_totals is None
        else tuple(shown[("column", 0, c)] for c in range(grid.width)),
        total=None if grid.total is None else shown[("total", 0, 0)],
    )


def _next_smallest(
    line: tuple[Key, ...], raw: dict[Key, int], shown: dict[Key, Shown]
) -> Key | None:
    """The entry to suppress beside a line's lone suppressed one: the smallest non-zero entry
    still shown, a cell before the total (the total is last in the line), the first of equals."""
    candidates = [
        (index == len(line) - 1, raw[key], index, key)
        for index, key in enumerate(line)
        if shown[key] is not None and raw[key] > 0
    ]
    return min(candidates)[3] if candidates else None


def ratio(numerator: Shown, denominator: Shown, places: int = 1) -> str | None:
    """`numerator / denominator` from the published counts (never the raw ones, which would
    undo the rounding), to `places` decimals; None when either part is suppressed, '–' when the
    denominator is 0."""
    if numerator is None or denominator is None:
        return None
    if denominator == 0:
        return "–"
    return f"{numerator / denominator:.{places}f}"
