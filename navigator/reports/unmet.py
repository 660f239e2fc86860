"""Unmet need: for each concern × age band × area, the journeys, those where only catch-all
services fitted, and those with a near-miss (a service that nearly fitted) by the criterion that
failed. Red-flag journeys are left out: they end at urgent help (`urgent.py`)."""

from __future__ import annotations

from sqlalchemy import Engine, case, distinct, func, select, true
from sqlalchemy.orm import outerjoin
from sqlmodel import col

from navigator.reports.period import Period
from navigator.reports.sql import within
from navigator.reports.suppression import Grid
from navigator.reports.table import SUPPRESSION_NOTE, Table, counted
from navigator.store.models import JourneyArea, JourneyConcern, JourneyNearMiss, JourneyRecord

NO_CONCERN = "(none named)"
NO_AGE = "(not given)"
NO_AREA = "(no area)"

Key = tuple[str | None, str | None, str | None]


def unmet(engine: Engine, period: Period) -> Table:
    record = col(JourneyRecord.id)
    keys = (col(JourneyConcern.concern), col(JourneyRecord.age_band), col(JourneyArea.area))
    criterion = col(JourneyNearMiss.criterion)
    catch_all = func.count(distinct(case((col(JourneyRecord.catch_all_only) == true(), record))))

    joined = outerjoin(
        outerjoin(JourneyRecord, JourneyConcern, col(JourneyConcern.journey_id) == record),
        JourneyArea,
        col(JourneyArea.journey_id) == record,
    )

    results = col(JourneyRecord.disposition).is_(None) & within(col(JourneyRecord.hour), period)
    misses = col(JourneyNearMiss.journey_id) == record
    with engine.connect() as connection:
        journeys = connection.execute(
            select(*keys, func.count(distinct(record)), catch_all)
            .select_from(joined)
            .where(results)
            .group_by(*keys)
        ).all()
        near = connection.execute(
            select(*keys, criterion, func.count(distinct(record)))
            .select_from(joined)
            .join(JourneyNearMiss, misses)
            .where(results)
            .group_by(*keys, criterion)
        ).all()
        overall = connection.execute(
            select(func.count(record), catch_all).select_from(JourneyRecord).where(results)
        ).one()
        by_criterion = connection.execute(
            select(criterion, func.count(distinct(record)))
            .select_from(JourneyRecord)
            .join(JourneyNearMiss, misses)
            .where(results)
            .group_by(criterion)
        ).all()

    criteria = sorted(str(c) for c, _ in by_criterion)
    rows: dict[Key, list[int]] = {}
    for concern, age, area, count, only in journeys:
        rows[(concern, age, area)] = [int(count), int(only), *(0 for _ in criteria)]
    for concern, age, area, failed, count in near:
        rows[(concern, age, area)][2 + criteria.index(str(failed))] = int(count)
    order = sorted(rows, key=_labels)
    misses_total = dict(by_criterion)
    grid = Grid(
        cells=tuple(tuple(rows[key]) for key in order),
        column_totals=(int(overall[0]), int(overall[1]), *(int(misses_total[c]) for c in criteria)),
    )
    table_rows, total, _ = counted(grid, [_labels(key) for key in order], ("All", "", ""))
    return Table(
        name="unmet",
        title=f"Unmet need by concern, age band and area ({period.words()})",
        heads=("Concern", "Age band", "Area"),
        columns=("Journeys", "Only catch-alls fitted", *(f"Near miss: {c}" for c in criteria)),
        rows=table_rows,
        total=total,
        notes=(
            "Each cell counts journeys. 'Only catch-alls fitted': no service but a catch-all "
            "fitted the family. 'Near miss: age' (and so on): a service nearly fitted, and "
            "that criterion failed.",
            "A journey with several concerns or areas is counted in the row of each, so the "
            "'All' row counts journeys, not the sum of the rows. Journeys that ended at "
            "urgent help are in the 'urgent' report instead.",
            SUPPRESSION_NOTE,
        ),
    )


def _labels(key: Key) -> tuple[str, str, str]:
    concern, age, area = key
    return (concern or NO_CONCERN, age or NO_AGE, area or NO_AREA)
