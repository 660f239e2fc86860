"""Journeys ending at urgent help, by month and by the red flag's disposition (a red-flag journey
records only its disposition)."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlmodel import col

from navigator.reports.period import Period
from navigator.reports.sql import month_of, within
from navigator.reports.suppression import Grid
from navigator.reports.table import SUPPRESSION_NOTE, Table, counted
from navigator.store.models import JourneyRecord

TOTAL = "All urgent"


def urgent(engine: Engine, period: Period) -> Table:
    month = month_of(col(JourneyRecord.hour), engine)
    disposition = col(JourneyRecord.disposition)
    with engine.connect() as connection:
        found = connection.execute(
            select(month, disposition, func.count(col(JourneyRecord.id)))
            .where(disposition.is_not(None), within(col(JourneyRecord.hour), period))
            .group_by(month, disposition)
        ).all()
    counts = {(str(m), str(d)): int(n) for m, d, n in found}
    months = sorted({m for m, _ in counts})
    dispositions = sorted({d for _, d in counts})
    cells = tuple(tuple(counts.get((m, d), 0) for d in dispositions) for m in months)
    # Each journey has one disposition and one month: the totals are the sums of the raw counts.
    grid = Grid(
        cells=cells,
        row_totals=tuple(sum(row) for row in cells),
        column_totals=tuple(sum(row[i] for row in cells) for i in range(len(dispositions))),
        total=sum(map(sum, cells)),
    )
    rows, total, _ = counted(grid, [(m,) for m in months], ("All months",))
    return Table(
        name="urgent",
        title=f"Journeys ending at urgent help, by disposition and month ({period.words()})",
        heads=("Month",),
        columns=(*dispositions, TOTAL),
        rows=rows,
        total=total,
        notes=(
            "Each cell counts journeys in which a red flag was answered, by the urgent "
            "disposition it led to (the pathway's disposition id).",
            SUPPRESSION_NOTE,
        ),
        over_time=True,
        chart=(*dispositions, TOTAL),
    )
