"""The services' ages as bars: each bar's extent is the service's age range (the months its
consultation, referral and self-referral routes take after the birth), pregnancy in its own
column, and the count under the bars is the number of services at each month."""

from __future__ import annotations

from navigator.checker.coverage_map import DIRECT
from navigator.content.directory import Directory, Service
from navigator.content.loader import Bundle
from navigator.content.vocabulary import Stage
from navigator.pictures.ages import _merge, ages_picture, bands, services_ages
from tests.pictures.conftest import SVG, assert_safe, parse

TOP = 36
LIMIT = 100
"""Beyond every age the content names: an open range is counted to here."""


def months_of(service: Service) -> set[int]:
    """The months (below LIMIT) some direct postnatal route of the service takes."""
    found: set[int] = set()
    for route in service.routes:
        if route.kind in DIRECT and Stage.postnatal in route.eligibility.stages:
            found |= {
                m
                for m in range(LIMIT)
                if route.eligibility.age_months is None or m in route.eligibility.age_months
            }
    return found


def in_pregnancy(service: Service) -> bool:
    return any(r.kind in DIRECT and Stage.pregnancy in r.eligibility.stages for r in service.routes)


def check(directory: Directory) -> None:
    svg = parse(ages_picture(directory, TOP).svg)
    assert_safe(svg)
    drawn = {g.get("id"): g for g in svg.iter(f"{SVG}g") if g.get("class") == "app-ages__service"}
    expected = [s for s in directory.services if s.active and (months_of(s) or in_pregnancy(s))]
    assert set(drawn) == {f"ages-service-{s.id}" for s in expected}
    for service in expected:
        group = drawn[f"ages-service-{service.id}"]
        bars = [r for r in group.iter(f"{SVG}rect") if r.get("class") == "app-ages__bar"]
        covered: set[int] = set()
        for bar in bars:
            start, end = int(bar.get("data-start", "")), bar.get("data-end", "")
            covered |= set(range(start, LIMIT if end == "open" else int(end)))
        assert covered == months_of(service), service.id
        pregnancy = [r for r in group.iter(f"{SVG}rect") if r.get("data-pregnancy") == "yes"]
        assert bool(pregnancy) == in_pregnancy(service), service.id
    counts = {
        g.get("data-month"): g for g in svg.iter(f"{SVG}g") if g.get("class") == "app-ages__count"
    }
    for month in range(TOP + 1):
        number = sum(1 for s in expected if month in months_of(s))
        texts = [t.text for t in counts[str(month)].iter(f"{SVG}text")]
        assert texts == [str(number)], month
    pregnant = [t.text for t in counts["pregnancy"].iter(f"{SVG}text")]
    assert pregnant == [str(sum(1 for s in expected if in_pregnancy(s)))]


def test_bars_equal_the_example_services_ages(directory: Directory) -> None:
    check(directory)


def test_bars_equal_the_shipped_services_ages(shipped: Bundle) -> None:
    assert shipped.directory is not None
    check(shipped.directory)


def test_the_shipped_services_thin_out_after_the_first_year(shipped: Bundle) -> None:
    assert shipped.directory is not None
    picture = ages_picture(shipped.directory)
    rows = services_ages(shipped.directory)
    at = [sum(1 for a in rows if a.covers(m)) for m in range(TOP + 1)]
    assert at[0] > at[24] and at[24] < at[0]
    assert "The fewest" in picture.summary
    services, at_ages = picture.tables
    assert len(services.rows) == len(rows)
    assert at_ages.rows[0][0] == "In pregnancy"


def test_intervals_merge_where_they_overlap_or_touch() -> None:
    assert _merge([(6, 24), (0, 12), (30, None), (40, 50)]) == [(0, 24), (30, None)]
    assert _merge([(0, 12), (12, 24)]) == [(0, 24)]
    assert _merge([(0, 12), (13, 24)]) == [(0, 12), (13, 24)]
    assert _merge([]) == []


def test_bands_are_runs_of_the_same_count() -> None:
    assert bands([3, 3, 2, 2, 2, 3]) == [(0, 1, 3), (2, 4, 2), (5, 5, 3)]
