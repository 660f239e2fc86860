"""`navigator report NAME [--csv] [--from YYYY-MM] [--to YYYY-MM]`: a report on the anonymous
journey records (docs/reports.md), small numbers suppressed, as aligned text or CSV. With no
name, the list of reports."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from navigator.reports import REPORTS, BadMonth, Period
from navigator.settings import Settings
from navigator.store import schema
from navigator.store.store import Store


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "report",
        help="a report on the journey records (unmet need, demand, …), small numbers suppressed",
        description="A report on the anonymous journey records in the database at "
        "NAVIGATOR_DATABASE_URL. Counts of 1 to 7 are shown as *, the rest rounded to the "
        "nearest 5 (docs/reports.md). Without a name, the list of reports.",
    )
    command.add_argument("name", nargs="?", metavar="NAME", help=", ".join(REPORTS))
    command.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    command.add_argument("--from", dest="start", metavar="YYYY-MM", help="the first month")
    command.add_argument("--to", dest="end", metavar="YYYY-MM", help="the last month")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.name:
        width = max(map(len, REPORTS))
        print("Reports (navigator report NAME [--csv] [--from YYYY-MM] [--to YYYY-MM]):")
        for each in REPORTS.values():
            print(f"  {each.name.ljust(width)}  {each.title}: {each.summary}")
        return 0
    report = REPORTS.get(args.name)
    if report is None:
        print(
            f"There is no report '{args.name}'. Please choose one of: {', '.join(REPORTS)}.",
            file=sys.stderr,
        )
        return 2
    try:
        period = Period.parse(args.start, args.end)
    except BadMonth as error:
        print(error, file=sys.stderr)
        return 2
    store = Store(Settings.from_env().database)
    try:
        if not schema.is_current(store.engine):
            print(
                "The database is not at the newest schema: please run 'navigator db upgrade'.",
                file=sys.stderr,
            )
            return 1
        table = report.build(store.engine, period)
    finally:
        store.close()
    sys.stdout.write(table.as_csv() if args.csv else table.as_text())
    return 0
