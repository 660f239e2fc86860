"""The chart over time: a line per series; a suppressed count (None) breaks the line, is marked
hollow on the axis and said so in words and in the table."""

from __future__ import annotations

from datetime import date

from navigator.pictures.time_series import Point, series_table, time_series_picture
from tests.pictures.conftest import SVG, assert_safe, parse, title_of

POINTS: list[Point] = [
    ("2026-01", "Demand", 40),
    ("2026-01", "Unmet need", 10),
    ("2026-02", "Demand", 55),
    ("2026-02", "Unmet need", None),
    (date(2026, 3, 14), "Demand", 60),
    ("2026-03", "Unmet need", 15),
    ("2026-04", "Demand", 35),
    ("2026-04", "Unmet need", 20),
]


def test_a_suppressed_count_breaks_the_line_and_is_said() -> None:
    picture = time_series_picture(POINTS)
    svg = parse(picture.svg)
    assert_safe(svg)
    lines = {g.get("data-series"): g for g in svg.iter(f"{SVG}g") if g.get("data-series")}
    assert set(lines) == {"Demand", "Unmet need"}
    demand = list(lines["Demand"].iter(f"{SVG}polyline"))
    assert len(demand) == 1 and len(demand[0].get("points", "").split()) == 4
    unmet = list(lines["Unmet need"].iter(f"{SVG}polyline"))
    # January alone, then March to April: one line of two points; January has only its mark.
    assert [len(p.get("points", "").split()) for p in unmet] == [2]
    suppressed = [
        g for g in lines["Unmet need"].iter(f"{SVG}g") if g.get("class") == "app-chart__suppressed"
    ]
    assert [g.get("data-month") for g in suppressed] == ["2026-02"]
    assert title_of(suppressed[0]) == "Unmet need, Feb 2026: suppressed"
    assert "1 counts are suppressed" in picture.summary
    [table] = picture.tables
    assert table.head == ("Month", "Demand", "Unmet need")
    assert table.rows[1] == ("Feb 2026", "55", "suppressed")
    assert table.rows[2] == ("Mar 2026", "60", "15")


def test_a_missing_month_is_no_data() -> None:
    picture = time_series_picture([("2026-01", "A", 3), ("2026-02", "B", 4)])
    [table] = picture.tables
    assert table.rows == (("Jan 2026", "3", "no data"), ("Feb 2026", "no data", "4"))
    assert "missing (no data)" in picture.summary


def test_no_records_draws_nothing_and_says_so() -> None:
    picture = time_series_picture([])
    assert_safe(parse(picture.svg))
    assert "no records yet" in picture.summary
    assert picture.tables[0].rows == ()


def test_months_are_in_order_and_series_as_given() -> None:
    months, names, counts = series_table(list(reversed(POINTS)))
    assert months == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert names == ["Unmet need", "Demand"]
    assert counts[("2026-03", "Demand")] == 60
