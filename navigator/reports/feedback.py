"""Feedback ("Did this help?") by month: yes, no and partly, and what people wrote (already
scrubbed of postcodes, phone numbers, emails and names when it was stored).

The texts are shown only for a period with at least `TEXTS_FROM` journeys: in a quiet period a
text, however scrubbed, could be matched to the one family who used the navigator that week.
They are shown in alphabetical order, with no date or answer beside them, for the same reason."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlmodel import col

from navigator.reports.period import Period
from navigator.reports.sql import month_of, within
from navigator.reports.suppression import Grid
from navigator.reports.table import SUPPRESSION_NOTE, Table, counted
from navigator.store.models import Feedback, JourneyRecord

ANSWERS = ("yes", "no", "partly")
TEXTS_FROM = 100
"""The fewest journeys in a period for its feedback texts to be shown."""


def feedback(engine: Engine, period: Period) -> Table:
    month = month_of(col(Feedback.hour), engine)
    helped = col(Feedback.helped)
    given = within(col(Feedback.hour), period) & helped.in_(ANSWERS)
    with engine.connect() as connection:
        found = connection.execute(
            select(month, helped, func.count(col(Feedback.id))).where(given).group_by(month, helped)
        ).all()
        journeys = connection.execute(
            select(func.count(col(JourneyRecord.id))).where(within(col(JourneyRecord.hour), period))
        ).scalar_one()
        texts: list[str] = []
        if journeys >= TEXTS_FROM:
            texts = list(
                connection.execute(
                    select(col(Feedback.text))
                    .where(given, col(Feedback.text) != "")
                    .order_by(col(Feedback.text))
                ).scalars()
            )
    counts = {(str(m), str(h)): int(n) for m, h, n in found}
    months = sorted({m for m, _ in counts})
    cells = tuple(tuple(counts.get((m, a), 0) for a in ANSWERS) for m in months)
    grid = Grid(
        cells=cells,
        row_totals=tuple(sum(row) for row in cells),
        column_totals=tuple(sum(row[i] for row in cells) for i in range(len(ANSWERS))),
        total=sum(map(sum, cells)),
    )
    rows, total, _ = counted(grid, [(m,) for m in months], ("All months",))
    if journeys >= TEXTS_FROM:
        about_texts = (
            f"What people wrote ({len(texts)} texts) is listed in alphabetical order, with no "
            "date or answer beside it, so that no text can be matched to a family."
        )
    else:
        about_texts = (
            f"What people wrote is not shown: this period has fewer than {TEXTS_FROM} "
            "journeys, so a text could be matched to the family who wrote it. Please choose "
            "a longer period."
        )
    return Table(
        name="feedback",
        title=f"Did this help? Answers by month ({period.words()})",
        heads=("Month",),
        columns=("Yes", "No", "Partly", "Total"),
        rows=rows,
        total=total,
        notes=(about_texts, SUPPRESSION_NOTE),
        texts=tuple(texts),
        over_time=True,
        chart=("Yes", "No", "Partly"),
    )
