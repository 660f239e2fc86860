"""Consultation-to-referral ratio by month: the journeys whose result offered a consultation
(advice for the practitioner before, or instead of, a referral), those that offered a referral,
and consultations per referral."""

from __future__ import annotations

from sqlalchemy import Engine, distinct, func, select
from sqlmodel import col

from navigator.content.vocabulary import RouteKind
from navigator.reports.period import Period
from navigator.reports.sql import month_of, within
from navigator.reports.suppression import Grid, ratio
from navigator.reports.table import SUPPRESSION_NOTE, Row, Table, counted
from navigator.store.models import JourneyOffer, JourneyRecord

KINDS = (RouteKind.consultation.value, RouteKind.referral.value)


def referrals(engine: Engine, period: Period) -> Table:
    record = col(JourneyRecord.id)
    month = month_of(col(JourneyRecord.hour), engine)
    route = col(JourneyOffer.route)
    chosen = (
        col(JourneyRecord.disposition).is_(None)
        & within(col(JourneyRecord.hour), period)
        & route.in_(KINDS)
    )
    with engine.connect() as connection:
        base = (
            select()
            .select_from(JourneyRecord)
            .join(JourneyOffer, col(JourneyOffer.journey_id) == record)
        )
        by_month = connection.execute(
            base.add_columns(month, route, func.count(distinct(record)))
            .where(chosen)
            .group_by(month, route)
        ).all()
        totals: dict[str, int] = dict(
            connection.execute(
                base.add_columns(route, func.count(distinct(record))).where(chosen).group_by(route)
            ).all()
        )
    counts = {(str(m), str(k)): int(n) for m, k, n in by_month}
    months = sorted({m for m, _ in counts})
    grid = Grid(
        cells=tuple(tuple(counts.get((m, k), 0) for k in KINDS) for m in months),
        column_totals=tuple(int(totals.get(k, 0)) for k in KINDS),
    )
    rows, total, _ = counted(grid, [(m,) for m in months], ("All months",))

    def with_ratio(row: Row) -> Row:
        consultations, referred = row.values
        assert not isinstance(consultations, str) and not isinstance(referred, str)
        return Row(row.labels, (*row.values, ratio(consultations, referred)))

    return Table(
        name="referrals",
        title=f"Consultation-to-referral ratio by month ({period.words()})",
        heads=("Month",),
        columns=("Offered a consultation", "Offered a referral", "Consultations per referral"),
        rows=tuple(with_ratio(row) for row in rows),
        total=with_ratio(total) if total else None,
        notes=(
            "Each count is of journeys whose result offered at least one service by that "
            "route. The ratio is worked out from the published (rounded) counts, never the "
            "true ones, and is not shown (*) when either count is suppressed; '–' when no "
            "referral was offered.",
            SUPPRESSION_NOTE,
        ),
        over_time=True,
        chart=("Offered a consultation", "Offered a referral"),
    )
