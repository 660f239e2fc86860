"""What the reports' queries share: the month of an hour in either database's SQL, and the
period as a condition."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, Engine, and_, func, literal_column, true
from sqlalchemy.orm import Mapped

from navigator.reports.period import Period


def month_of(column: Mapped[datetime], engine: Engine) -> ColumnElement[str]:
    """`YYYY-MM` of a timestamp column in UTC, counted in SQL (the format inline, not a
    parameter, so PostgreSQL sees the same expression in SELECT and GROUP BY). PostgreSQL keeps
    the hour `with time zone`, so it is first put in UTC, whatever the session's zone; SQLite
    keeps it as UTC text."""
    if engine.dialect.name == "postgresql":
        utc = func.timezone(literal_column("'UTC'"), column)
        return func.to_char(utc, literal_column("'YYYY-MM'"))
    return func.strftime(literal_column("'%Y-%m'"), column)


def within(column: Mapped[datetime], period: Period) -> ColumnElement[bool]:
    """The condition that a timestamp column is in the period."""
    conditions: list[ColumnElement[bool]] = []
    if period.since is not None:
        conditions.append(column >= period.since)
    if period.before is not None:
        conditions.append(column < period.before)
    return and_(true(), *conditions)
