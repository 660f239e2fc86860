"""Reports for commissioners from the anonymous journey records: pure functions over a SQLAlchemy
engine that count in SQL and return typed tables with small numbers suppressed (docs/reports.md).
Nothing here knows the web."""

from navigator.reports.catalogue import REPORTS, Report
from navigator.reports.period import BadMonth, Period
from navigator.reports.table import Row, Table

__all__ = ["REPORTS", "BadMonth", "Period", "Report", "Row", "Table"]
