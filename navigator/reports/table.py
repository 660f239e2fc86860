"""A report as a typed table: the row heads, the counted columns, the rows and the totals, every
count already suppressed and rounded (`suppression.py`), and notes that say how to read it."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from navigator.reports.suppression import Grid, Protected, Shown, protect, words

Value = int | str | None
"""A published value: a count (int), suppressed (None, written `*`), or words (a ratio, `–`)."""


@dataclass(frozen=True)
class Row:
    labels: tuple[str, ...]
    """What the row is about, one for each of the table's `heads` (a month, a concern, …)."""
    values: tuple[Value, ...]
    """One for each of the table's `columns`."""


@dataclass(frozen=True)
class Table:
    """A report's table as it may be published."""

    name: str
    title: str
    heads: tuple[str, ...]
    """The names of the label columns (`Month`; `Concern`, `Age band`, `Area`)."""
    columns: tuple[str, ...]
    """The names of the value columns."""
    rows: tuple[Row, ...]
    total: Row | None = None
    """The totals row, if the report has one (computed from the raw counts)."""
    notes: tuple[str, ...] = ()
    """How to read it: what a cell counts, what `*` means."""
    texts: tuple[str, ...] = ()
    """Free texts shown with the table (feedback), already scrubbed."""
    over_time: bool = False
    """True when the rows are months (the table can be drawn as a chart over time)."""
    chart: tuple[str, ...] = ()
    """The columns a chart over time draws (counts only)."""

    @property
    def header(self) -> tuple[str, ...]:
        return (*self.heads, *self.columns)

    def lines(self) -> list[tuple[str, ...]]:
        """Every row as text, the totals last: what the text, CSV and HTML show."""
        every = [*self.rows, *([self.total] if self.total else [])]
        return [(*row.labels, *(cell_words(v) for v in row.values)) for row in every]

    def points(self) -> list[tuple[str, str, int | None]]:
        """(month, column, count or None if suppressed) for each charted column of each row:
        what a chart over time draws."""
        if not self.over_time:
            return []
        found: list[tuple[str, str, int | None]] = []
        for row in self.rows:
            for name, value in zip(self.columns, row.values, strict=True):
                if name in self.chart and not isinstance(value, str):
                    found.append((row.labels[0], name, value))
        return found

    def as_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.header)
        writer.writerows(self.lines())
        return out.getvalue()

    def as_text(self) -> str:
        """The table with aligned columns (counts to the right), its notes and texts below."""
        body = [self.header, *self.lines()]
        widths = [max(len(line[i]) for line in body) for i in range(len(self.header))]
        labels = len(self.heads)

        def line(cells: Sequence[str]) -> str:
            return "  ".join(
                cell.ljust(widths[i]) if i < labels else cell.rjust(widths[i])
                for i, cell in enumerate(cells)
            ).rstrip()

        out = [self.title, "", line(body[0]), "  ".join("-" * w for w in widths)]
        out += [line(cells) for cells in body[1:]]
        if not self.rows:
            out.append("(no records in this period)")
        if self.notes:
            out += ["", *self.notes]
        if self.texts:
            out += ["", "What people wrote:", *(f"- {text}" for text in self.texts)]
        return "\n".join(out) + "\n"


def cell_words(value: Value) -> str:
    return value if isinstance(value, str) else words(value)


def counted(
    grid: Grid, labels: Sequence[tuple[str, ...]], total_label: tuple[str, ...]
) -> tuple[tuple[Row, ...], Row | None, Protected]:
    """Rows (and the totals row) from a grid of raw counts, protected: the row total, if any,
    becomes the last value of each row."""
    shown = protect(grid)

    def values(cells: tuple[Shown, ...], total: Shown | None, has_total: bool) -> tuple[Value, ...]:
        return (*cells, *((total,) if has_total else ()))

    has_row_totals = shown.row_totals is not None
    rows = tuple(
        Row(
            label,
            values(cells, shown.row_totals[i] if shown.row_totals else None, has_row_totals),
        )
        for i, (label, cells) in enumerate(zip(labels, shown.cells, strict=True))
    )
    total = None
    if shown.column_totals is not None:
        total = Row(total_label, values(shown.column_totals, shown.total, has_row_totals))
    return rows, total, shown


SUPPRESSION_NOTE = (
    "* = suppressed: between 1 and 7, or hidden so that another small count cannot be worked "
    "out from the totals. Other counts are rounded to the nearest 5; totals are rounded from "
    "the true numbers, so they may not equal the sum of the rounded cells."
)
