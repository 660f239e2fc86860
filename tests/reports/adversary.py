"""An attacker with a published table: what can they work out about each suppressed count from
the totals and the other cells? Each line (a row or column with its total) says its cells add
up to the total; the attacker narrows every entry's range by every line until nothing changes."""

from __future__ import annotations

from navigator.reports.suppression import (
    ROUNDING,
    SMALLEST_SHOWN,
    Grid,
    Key,
    Protected,
    Shown,
    entries,
    lines,
)

UNBOUNDED = 10**9


def published(grid: Grid, table: Protected) -> dict[Key, Shown]:
    """Every published entry of the grid by where it is (as `suppression.entries` names
    them)."""
    found: dict[Key, Shown] = {}
    for r, row in enumerate(table.cells):
        for c, value in enumerate(row):
            found[("cell", r, c)] = value
    for r, value in enumerate(table.row_totals or ()):
        found[("row", r, 0)] = value
    for c, value in enumerate(table.column_totals or ()):
        found[("column", 0, c)] = value
    if grid.total is not None:
        found[("total", 0, 0)] = table.total
    return found


def known(value: Shown, true: int | None = None) -> tuple[int, int]:
    """What a published entry tells: 0 is 0; a suppressed one is at least 1; a shown count is
    within rounding of it and at least 8 (or, to an attacker told the true counts shown, that
    count)."""
    if value is None:
        return (1, UNBOUNDED)
    if true is not None:
        return (true, true)
    if value == 0:
        return (0, 0)
    half = ROUNDING // 2
    return (max(SMALLEST_SHOWN, value - half), value + half)


def attack(grid: Grid, table: Protected, *, exact: bool = False) -> dict[Key, tuple[int, int]]:
    """The narrowest range of every entry the attacker can prove from the table's lines;
    `exact`: an attacker told the true value of every count shown (rounding no help)."""
    shown = published(grid, table)
    raw = entries(grid)
    bounds = {key: known(value, raw[key] if exact else None) for key, value in shown.items()}
    every_line = list(lines(grid))
    changed = True
    while changed:
        changed = False
        for line in every_line:
            *cells, total = line
            low = sum(bounds[k][0] for k in cells)
            high = sum(bounds[k][1] for k in cells)
            t_low, t_high = bounds[total]
            narrowed = {total: (max(t_low, low), min(t_high, high))}
            for k in cells:
                lo, hi = bounds[k]
                narrowed[k] = (
                    max(lo, t_low - (high - hi)),
                    min(hi, t_high - (low - lo)),
                )
            for k, value in narrowed.items():
                if value != bounds[k]:
                    bounds[k] = value
                    changed = True
    return bounds


def recovered(grid: Grid, table: Protected, *, exact: bool = False) -> list[Key]:
    """The suppressed entries the attacker can pin to one value."""
    bounds = attack(grid, table, exact=exact)
    shown = published(grid, table)
    return [
        key for key, value in shown.items() if value is None and bounds[key][0] == bounds[key][1]
    ]
