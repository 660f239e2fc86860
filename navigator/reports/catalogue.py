"""The reports by name: what `navigator report NAME` and `/commission/reports/NAME` show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from navigator.reports.demand import demand
from navigator.reports.feedback import feedback
from navigator.reports.period import Period
from navigator.reports.referrals import referrals
from navigator.reports.table import Table
from navigator.reports.unmet import unmet
from navigator.reports.urgent import urgent


@dataclass(frozen=True)
class Report:
    name: str
    title: str
    summary: str
    build: Callable[[Engine, Period], Table]


REPORTS: dict[str, Report] = {
    report.name: report
    for report in (
        Report(
            "unmet",
            "Unmet need",
            "Near-misses by the criterion that failed, and journeys where only catch-alls "
            "fitted, by concern, age band and area.",
            unmet,
        ),
        Report(
            "demand",
            "Demand by route kind",
            "Journeys shown each kind of route (referral, self-referral, …), by month.",
            demand,
        ),
        Report(
            "referrals",
            "Consultation-to-referral ratio",
            "Journeys offered a consultation and a referral, and their ratio, by month.",
            referrals,
        ),
        Report(
            "urgent",
            "Journeys ending at urgent help",
            "Red-flag journeys by disposition, by month.",
            urgent,
        ),
        Report(
            "feedback",
            "Did this help?",
            "Yes, no and partly by month, and what people wrote when the period is busy enough.",
            feedback,
        ),
    )
}
