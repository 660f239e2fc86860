"""Demand by route kind, by month: the journeys whose result showed at least one service by each
kind of route (from the offers recorded), the journeys where only catch-alls fitted, and all
journeys that reached a result."""

from __future__ import annotations

from sqlalchemy import Engine, case, distinct, func, select, true
from sqlmodel import col

from navigator.content.vocabulary import ROUTE_NAMES, RouteKind
from navigator.reports.period import Period
from navigator.reports.sql import month_of, within
from navigator.reports.suppression import Grid
from navigator.reports.table import SUPPRESSION_NOTE, Table, counted
from navigator.store.models import JourneyOffer, JourneyRecord

CATCH_ALL = "Only catch-alls fitted"
JOURNEYS = "Journeys"


def demand(engine: Engine, period: Period) -> Table:
    record = col(JourneyRecord.id)
    month = month_of(col(JourneyRecord.hour), engine)
    route = col(JourneyOffer.route)
    catch_all = func.count(distinct(case((col(JourneyRecord.catch_all_only) == true(), record))))
    results = col(JourneyRecord.disposition).is_(None) & within(col(JourneyRecord.hour), period)
    offers = col(JourneyOffer.journey_id) == record
    with engine.connect() as connection:
        by_route = connection.execute(
            select(month, route, func.count(distinct(record)))
            .select_from(JourneyRecord)
            .join(JourneyOffer, offers)
            .where(results)
            .group_by(month, route)
        ).all()
        by_month = connection.execute(
            select(month, func.count(record), catch_all)
            .select_from(JourneyRecord)
            .where(results)
            .group_by(month)
        ).all()
        route_totals = dict(
            connection.execute(
                select(route, func.count(distinct(record)))
                .select_from(JourneyRecord)
                .join(JourneyOffer, offers)
                .where(results)
                .group_by(route)
            ).all()
        )
        overall = connection.execute(
            select(func.count(record), catch_all).select_from(JourneyRecord).where(results)
        ).one()

    known = [kind.value for kind in RouteKind]
    kinds = known + sorted(str(k) for k in route_totals if k not in known)
    months = sorted(str(m) for m, *_ in by_month)
    counts = {(str(m), str(k)): int(n) for m, k, n in by_route}
    monthly = {str(m): (int(n), int(c)) for m, n, c in by_month}
    grid = Grid(
        cells=tuple((*(counts.get((m, k), 0) for k in kinds), monthly[m][1]) for m in months),
        row_totals=tuple(monthly[m][0] for m in months),
        column_totals=(*(int(route_totals.get(k, 0)) for k in kinds), int(overall[1])),
        total=int(overall[0]),
    )
    rows, total, _ = counted(grid, [(m,) for m in months], ("All months",))
    names = [ROUTE_NAMES[RouteKind(k)] if k in known else k for k in kinds]
    return Table(
        name="demand",
        title=f"Demand by route kind, by month ({period.words()})",
        heads=("Month",),
        columns=(*names, CATCH_ALL, JOURNEYS),
        rows=rows,
        total=total,
        notes=(
            "Each cell counts journeys whose result showed at least one service by that kind "
            "of route. A result shows several kinds, so 'Journeys' (every journey that reached "
            "a result) is not the sum of the row. Journeys that ended at urgent help are in "
            "the 'urgent' report.",
            SUPPRESSION_NOTE,
        ),
        over_time=True,
        chart=(JOURNEYS, "Referral", "Self-referral", "Consultation", CATCH_ALL),
    )
