"""Every report on known records, SQLite then PostgreSQL: the exact table as published, small
numbers suppressed, rounded to 5, and secondary suppression where a total would give one away."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine

from navigator.reports import REPORTS, Period, Row
from navigator.reports.demand import demand
from navigator.reports.feedback import TEXTS_FROM, feedback
from navigator.reports.referrals import referrals
from navigator.reports.unmet import unmet
from navigator.reports.urgent import urgent
from tests.reports.builder import Journey, add

OCT = datetime(2026, 10, 14, 9, tzinfo=UTC)
NOV = datetime(2026, 11, 3, 14, tzinfo=UTC)
DEC = datetime(2026, 12, 1, 0, tzinfo=UTC)
BABY, TODDLER = "0–11 months", "12–23 months"
DISTRICT, WARD = "bradford-district", "manningham"
LATE_AGE = ("peri-mh", "referral", "age")


def unmet_records(engine: Engine) -> None:
    add(
        engine,
        Journey(NOV, ["low-mood"], BABY, [DISTRICT], near_misses=[LATE_AGE], times=12),
        Journey(NOV, ["low-mood"], BABY, [DISTRICT], catch_all_only=True, times=3),
        Journey(
            NOV,
            ["bonding"],
            TODDLER,
            [DISTRICT],
            near_misses=[("a", "referral", "area"), ("b", "self_referral", "area")],
            times=10,
        ),
        Journey(
            NOV,
            ["bonding"],
            TODDLER,
            [DISTRICT],
            catch_all_only=True,
            near_misses=[("a", "referral", "need")],
            times=2,
        ),
        Journey(NOV, ["bonding", "low-mood"], BABY, [DISTRICT, WARD], near_misses=[LATE_AGE]),
        Journey(NOV, disposition="emergency"),
        Journey(OCT, ["low-mood"], BABY, [DISTRICT], catch_all_only=True),
    )


def test_unmet_need_by_concern_age_band_and_area(engine: Engine) -> None:
    unmet_records(engine)
    table = unmet(engine, Period())
    assert table.heads == ("Concern", "Age band", "Area")
    assert table.columns == (
        "Journeys",
        "Only catch-alls fitted",
        "Near miss: age",
        "Near miss: area",
        "Near miss: need",
    )
    assert table.rows == (
        Row(("bonding", BABY, DISTRICT), (None, 0, None, 0, 0)),
        Row(("bonding", BABY, WARD), (None, 0, None, 0, 0)),
        # 12 journeys, 2 catch-all, 10 missed on area (two services each, counted once), 2 on need
        Row(("bonding", TODDLER, DISTRICT), (10, None, 0, 10, None)),
        # 12 + 3 + 1 (two concerns) + 1 (October) journeys; 13 near misses on age
        Row(("low-mood", BABY, DISTRICT), (15, None, 15, 0, 0)),
        Row(("low-mood", BABY, WARD), (None, 0, None, 0, 0)),
    )
    # 29 journeys (the one with two concerns and two areas counted once), not the red flag
    assert table.total == Row(("All", "", ""), (30, None, 15, 10, None))


def test_unmet_need_in_a_period(engine: Engine) -> None:
    unmet_records(engine)
    table = unmet(engine, Period.parse("2026-11", "2026-11"))
    assert table.rows[3] == Row(("low-mood", BABY, DISTRICT), (15, None, 15, 0, 0))
    assert table.total == Row(("All", "", ""), (30, None, 15, 10, None))
    october = unmet(engine, Period.parse("2026-10", "2026-10"))
    assert october.rows == (Row(("low-mood", BABY, DISTRICT), (None, None)),)
    assert october.columns == ("Journeys", "Only catch-alls fitted")
    assert october.total == Row(("All", "", ""), (None, None))
    assert unmet(engine, Period.parse("2027-01", None)).rows == ()


def test_demand_by_route_kind_by_month(engine: Engine) -> None:
    add(
        engine,
        Journey(
            NOV,
            offers=[("hv", "referral"), ("peri-mh", "referral"), ("gp", "consultation")],
            times=10,
        ),
        Journey(NOV, offers=[("web", "signposting")], catch_all_only=True, times=3),
        Journey(OCT, offers=[("hv", "self_referral")], times=8),
        Journey(NOV, disposition="emergency", times=2),
    )
    table = demand(engine, Period())
    assert table.columns == (
        "Urgent help",
        "Consultation",
        "Referral",
        "Self-referral",
        "Signposting",
        "Training",
        "Only catch-alls fitted",
        "Journeys",
    )
    assert table.rows == (
        Row(("2026-10",), (0, 0, 0, 10, 0, 0, 0, 10)),
        Row(("2026-11",), (0, 10, 10, 0, None, 0, None, 15)),
    )
    assert table.total == Row(("All months",), (0, 10, 10, 10, None, 0, None, 20))
    assert ("2026-11", "Only catch-alls fitted", None) in table.points()
    assert ("2026-10", "Journeys", 10) in table.points()


def test_consultation_to_referral_ratio_by_month(engine: Engine) -> None:
    add(
        engine,
        Journey(OCT, offers=[("gp", "consultation")], times=20),
        Journey(OCT, offers=[("hv", "referral")], times=9),
        Journey(NOV, offers=[("gp", "consultation"), ("hv", "referral")], times=12),
        Journey(NOV, offers=[("hv", "referral")], times=2),
        Journey(DEC, offers=[("gp", "consultation")], times=3),
        Journey(DEC, offers=[("hv", "referral"), ("web", "signposting")], times=10),
    )
    table = referrals(engine, Period())
    assert table.rows == (
        Row(("2026-10",), (20, 10, "2.0")),
        # 12 consultations hidden beside December's 3, so the total cannot give the 3 away;
        # no ratio beside a hidden count
        Row(("2026-11",), (None, 15, None)),
        Row(("2026-12",), (None, 10, None)),
    )
    assert table.total == Row(("All months",), (35, 35, "1.0"))
    assert referrals(engine, Period.parse("2026-10", "2026-10")).rows == (
        Row(("2026-10",), (20, 10, "2.0")),
    )


def test_journeys_ending_at_urgent_help(engine: Engine) -> None:
    add(
        engine,
        Journey(OCT, disposition="emergency", times=20),
        Journey(NOV, disposition="emergency", times=9),
        Journey(NOV, disposition="same-day", times=3),
        Journey(NOV, offers=[("hv", "referral")], times=30),
    )
    table = urgent(engine, Period())
    assert table.columns == ("emergency", "same-day", "All urgent")
    # November's 3 is suppressed; then every count that, with a total, would give it away.
    assert table.rows == (
        Row(("2026-10",), (None, 0, None)),
        Row(("2026-11",), (None, None, None)),
    )
    assert table.total == Row(("All months",), (None, None, 30))
    october = urgent(engine, Period.parse("2026-10", "2026-10"))
    assert october.columns == ("emergency", "All urgent")
    assert october.rows == (Row(("2026-10",), (20, 20)),)
    assert october.total == Row(("All months",), (20, 20))


def feedback_records(engine: Engine) -> None:
    add(
        engine,
        Journey(OCT, helped="yes", times=10),
        Journey(OCT, helped="partly", text="The list was long", times=10),
        Journey(NOV, helped="yes", text="Found the hub", times=9),
        Journey(NOV, helped="no", text="Nothing near me", times=2),
    )


def test_feedback_by_month(engine: Engine) -> None:
    feedback_records(engine)
    table = feedback(engine, Period())
    assert table.columns == ("Yes", "No", "Partly", "Total")
    assert table.rows == (
        Row(("2026-10",), (None, 0, None, 20)),
        Row(("2026-11",), (None, None, 0, 10)),
    )
    assert table.total == Row(("All months",), (20, None, None, 30))
    # 31 journeys: too few for anyone's words to be shown
    assert table.texts == ()
    assert f"fewer than {TEXTS_FROM} journeys" in table.notes[0]


def test_feedback_texts_are_shown_when_the_period_is_busy(engine: Engine) -> None:
    feedback_records(engine)
    add(engine, Journey(NOV, offers=[("hv", "referral")], times=TEXTS_FROM - 31))
    table = feedback(engine, Period())
    assert table.texts == (
        *["Found the hub"] * 9,
        *["Nothing near me"] * 2,
        *["The list was long"] * 10,
    )
    assert "alphabetical order" in table.notes[0]
    # November alone has fewer journeys than that
    november = feedback(engine, Period.parse("2026-11", "2026-11"))
    assert november.texts == ()


def test_every_report_runs_on_an_empty_database(engine: Engine) -> None:
    for report in REPORTS.values():
        table = report.build(engine, Period())
        assert table.name == report.name
        assert table.rows == ()
        assert "(no records in this period)" in table.as_text()
