"""NHS Digital's small-number rule (navigator/reports/suppression.py): the rule on each count,
secondary suppression, and an attacker who tries to work out each suppressed count from the
totals and the other cells, and fails."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from navigator.reports.suppression import (
    Grid,
    Protected,
    entries,
    lines,
    primary,
    protect,
    ratio,
    words,
)
from tests.reports.adversary import attack, published, recovered


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (0, 0),
        (1, None),
        (7, None),
        (8, 10),
        (10, 10),
        (12, 10),
        (13, 15),
        (17, 15),
        (18, 20),
        (102, 100),
        (103, 105),
    ],
)
def test_one_count(count: int, shown: int | None) -> None:
    assert primary(count) == shown


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        primary(-1)


def test_a_suppressed_count_is_written_as_a_star() -> None:
    assert words(None) == "*"
    assert words(0) == "0"
    assert words(15) == "15"


def additive(cells: list[list[int]], *, rows: bool = True, columns: bool = True) -> Grid:
    """A grid whose totals are the sums of its cells."""
    width = len(cells[0])
    return Grid(
        cells=tuple(tuple(row) for row in cells),
        row_totals=tuple(sum(row) for row in cells) if rows else None,
        column_totals=tuple(sum(row[c] for row in cells) for c in range(width))
        if columns
        else None,
        total=sum(map(sum, cells)) if rows or columns else None,
    )


def test_a_lone_small_count_takes_the_next_smallest_with_it() -> None:
    grid = additive([[3, 20, 30]], columns=False)
    assert protect(grid) == Protected(
        cells=((None, None, 30),), row_totals=(55,), column_totals=None, total=55
    )


def test_without_secondary_suppression_the_total_gives_a_small_count_away() -> None:
    """The attacker works: told the true counts shown, they recover a lone suppressed 3 from
    its row's total. Secondary suppression stops even that attacker."""
    grid = additive([[3, 20, 30]], columns=False)
    primary_only = Protected(cells=((None, 20, 30),), row_totals=(53,), total=53)
    assert recovered(grid, primary_only, exact=True) == [("cell", 0, 0)]
    assert recovered(grid, protect(grid), exact=True) == []
    assert attack(grid, protect(grid), exact=True)[("cell", 0, 0)] == (1, 22)


def test_secondary_suppression_follows_through_rows_and_columns() -> None:
    """November's 3 hides its row's 9; that leaves October's 20 alone in its column, …"""
    grid = additive([[20, 0], [9, 3]])
    assert protect(grid) == Protected(
        cells=((None, 0), (None, None)),
        row_totals=(None, None),
        column_totals=(None, None),
        total=30,
    )


def test_a_total_of_1_to_7_is_suppressed_with_its_cells() -> None:
    grid = additive([[2, 0], [0, 0]])
    assert protect(grid) == Protected(
        cells=((None, 0), (0, 0)), row_totals=(None, 0), column_totals=(None, 0), total=None
    )


def test_true_zeros_are_shown() -> None:
    grid = additive([[0, 40], [25, 0]])
    assert protect(grid) == Protected(
        cells=((0, 40), (25, 0)), row_totals=(40, 25), column_totals=(25, 40), total=65
    )


def test_adversarial_totals_cannot_recover_any_suppressed_cell() -> None:
    """Tables built so that a total plus the other cells would give a small count away."""
    for grid in (
        additive([[1, 8], [8, 8]]),
        additive([[7, 8, 0], [0, 0, 9], [12, 1, 50]]),
        additive([[1, 100]], columns=False),
        additive([[5], [40], [2]], rows=False),
        additive([[1, 1, 50], [50, 1, 1]]),
    ):
        table = protect(grid)
        assert any(v is None for v in published(grid, table).values())
        assert recovered(grid, table) == []


def test_ratio_only_from_shown_counts() -> None:
    assert ratio(30, 20) == "1.5"
    assert ratio(None, 20) is None
    assert ratio(30, None) is None
    assert ratio(30, 0) == "–"
    assert ratio(0, 10) == "0.0"


def test_a_grid_must_be_rectangular() -> None:
    with pytest.raises(ValueError, match="same number"):
        Grid(cells=((1, 2), (3,)))
    with pytest.raises(ValueError, match="row total"):
        Grid(cells=((1, 2),), row_totals=(3, 4))


counts = st.one_of(st.just(0), st.integers(1, 7), st.integers(8, 60), st.integers(61, 500))


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    height = draw(st.integers(1, 4))
    width = draw(st.integers(1, 4))
    cells = [[draw(counts) for _ in range(width)] for _ in range(height)]
    return additive(cells, rows=draw(st.booleans()), columns=draw(st.booleans()))


@settings(max_examples=300, deadline=None)
@given(grids())
def test_every_entry_follows_the_rule(grid: Grid) -> None:
    raw = entries(grid)
    shown = published(grid, protect(grid))
    for key, count in raw.items():
        value = shown[key]
        if count == 0:
            assert value == 0
        elif count < 8:
            assert value is None
        elif value is not None:  # shown, or suppressed beside a small count
            assert value % 5 == 0 and abs(value - count) <= 2


@settings(max_examples=300, deadline=None)
@given(grids())
def test_no_line_has_exactly_one_suppressed_entry(grid: Grid) -> None:
    shown = published(grid, protect(grid))
    for line in lines(grid):
        assert sum(1 for key in line if shown[key] is None) != 1


@settings(max_examples=300, deadline=None)
@given(grids())
def test_no_suppressed_entry_can_be_recovered_from_the_totals(grid: Grid) -> None:
    table = protect(grid)
    bounds = attack(grid, table)
    raw = entries(grid)
    for key, (low, high) in bounds.items():
        assert low <= raw[key] <= high  # the attacker reasons soundly
    assert recovered(grid, table) == []
