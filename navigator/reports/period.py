"""The period a report covers: from one month to another (either end open), as `YYYY-MM`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class BadMonth(ValueError):
    """A month that is not `YYYY-MM`; the message says what to write."""


def parse_month(text: str) -> date:
    """'2026-11' → 1 November 2026; `BadMonth` for anything else."""
    found = MONTH.match(text.strip())
    if found is None or not 1 <= int(found[2]) <= 12 or int(found[1]) < 1:
        shown = text if len(text) <= 20 else text[:19] + "…"
        raise BadMonth(f"'{shown}' is not a month: please write it as YYYY-MM, like 2026-11.")
    return date(int(found[1]), int(found[2]), 1)


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """From the first day of `start` to the end of `end` (None: no limit)."""

    start: date | None = None
    end: date | None = None

    @classmethod
    def parse(cls, start: str | None, end: str | None) -> Period:
        """From `YYYY-MM` texts (empty or None: open); `BadMonth` if either is not a month or
        the period ends before it starts."""
        period = cls(parse_month(start) if start else None, parse_month(end) if end else None)
        if period.start and period.end and period.end < period.start:
            raise BadMonth(
                f"The period ends ({period.end:%Y-%m}) before it starts ({period.start:%Y-%m}): "
                "please give the earlier month first."
            )
        return period

    @property
    def since(self) -> datetime | None:
        """The first instant in the period (UTC), if it has a start."""
        return (
            None
            if self.start is None
            else datetime(self.start.year, self.start.month, 1, tzinfo=UTC)
        )

    @property
    def before(self) -> datetime | None:
        """The first instant after the period (UTC), if it has an end."""
        if self.end is None:
            return None
        after = next_month(self.end)
        return datetime(after.year, after.month, 1, tzinfo=UTC)

    def words(self) -> str:
        """'from 2026-01 to 2026-11', 'all records', …"""
        if self.start and self.end:
            return f"from {self.start:%Y-%m} to {self.end:%Y-%m}"
        if self.start:
            return f"from {self.start:%Y-%m}"
        if self.end:
            return f"up to {self.end:%Y-%m}"
        return "all records"
