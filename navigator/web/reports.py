"""The commissioner's reports: `/commission/reports` lists them; `/commission/reports/NAME` shows
one as a table (with a chart over time where the rows are months) for a period chosen in a GET
form; `/commission/reports/NAME.csv` downloads it. Every count is suppressed as the report
published it (navigator/reports/, docs/reports.md). Sign-in for every `/commission/` path is put
in one place by the workbench, not here."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from navigator.pictures.picture import Picture
from navigator.pictures.time_series import time_series_picture
from navigator.reports import REPORTS, BadMonth, Period, Report, Table
from navigator.web.deps import StoreDep
from navigator.web.rendering import render

router = APIRouter(include_in_schema=False)

From = Annotated[str, Query(alias="from", description="The first month, YYYY-MM.")]
To = Annotated[str, Query(alias="to", description="The last month, YYYY-MM.")]


def _report(name: str) -> Report:
    report = REPORTS.get(name)
    if report is None:
        raise HTTPException(404, f"There is no report '{name}'.")
    return report


@router.get("/commission/reports")
def reports(request: Request) -> Response:
    return render(request, "commission/reports.html", {"reports": list(REPORTS.values())})


@router.get("/commission/reports/{name}.csv")
def report_csv(name: str, store: StoreDep, start: From = "", end: To = "") -> Response:
    """The table as CSV, for a spreadsheet: the same suppressed counts as the page."""
    report = _report(name)
    try:
        period = Period.parse(start, end)
    except BadMonth as error:
        raise HTTPException(400, str(error)) from None
    table = report.build(store.engine, period)
    filename = "-".join([name, *(m for m in (start, end) if m)]) + ".csv"
    return Response(
        table.as_csv(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/commission/reports/{name}")
def report_page(
    name: str, request: Request, store: StoreDep, start: From = "", end: To = ""
) -> Response:
    """One report for the period in the form (`from`, `to`: YYYY-MM, either may be empty)."""
    report = _report(name)
    errors: list[tuple[str, str]] = []
    try:
        period = Period.parse(start, end)
    except BadMonth as error:
        period = Period()
        errors.append(("from" if _bad(start) else "to", str(error)))
    table = report.build(store.engine, period) if not errors else None
    context = {
        "report": report,
        "table": table,
        "chart": _chart(table) if table else None,
        "start": start,
        "end": end,
        "errors": errors,
        "csv": _csv_link(name, start, end) if not errors else None,
    }
    return render(request, "commission/report.html", context, status_code=400 if errors else 200)


def _bad(month: str) -> bool:
    try:
        Period.parse(month, None)
    except BadMonth:
        return True
    return False


def _csv_link(name: str, start: str, end: str) -> str:
    from urllib.parse import urlencode

    query = urlencode({k: v for k, v in (("from", start), ("to", end)) if v})
    return f"/commission/reports/{name}.csv" + (f"?{query}" if query else "")


def _chart(table: Table) -> Picture | None:
    """The table drawn over time, if its rows are months and it has any."""
    if not table.over_time or not table.rows:
        return None
    return time_series_picture(table.points(), title=table.title, id=f"chart-{table.name}")
