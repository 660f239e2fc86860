"""`navigator geo-build [--source DIR] [--out FILE]`: rebuild the compact postcode lookup.

Reads the postcode coordinates (`*.csv`) and boundaries (`*.geojsonl`) in `--source` (default
`data/geo`) and writes the lookup that `navigator postcode` and the web app use (default
`navigator/geo/data/postcodes.tsv.gz`). Run it after changing anything in `data/geo` or the
area rules in `navigator/geo/areas.py`, then commit the rebuilt file; a test fails until then.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "geo-build",
        help="rebuild the postcode lookup from data/geo",
        description="Place every postcode in the source data against the area boundaries and "
        "write the compact lookup that ships with the navigator.",
    )
    command.add_argument(
        "--source",
        type=Path,
        default=None,
        help="folder of postcode CSVs and boundaries (default: data/geo)",
    )
    command.add_argument(
        "--out",
        type=Path,
        default=None,
        help="lookup file to write (default: navigator/geo/data/postcodes.tsv.gz)",
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: building needs shapely and numpy, which other commands should not load.
    from navigator.geo.boundary import BoundaryError
    from navigator.geo.build import BuildError, build

    try:
        report = build(args.source, args.out)
    except (BuildError, BoundaryError) as error:
        print(f"navigator geo-build: {error}", file=sys.stderr)
        return 1
    print(
        f"Placed {report.located} of {report.postcodes} postcodes "
        f"({report.postcodes - report.located} have no coordinates) in "
        f"{report.placements} distinct placements; wrote {report.path} ({report.size:,} bytes)."
    )
    return 0
