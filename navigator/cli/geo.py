"""`navigator geo-build [--postcodes FILE] [--out FILE]`: build the postcode lookup from the
content.

Reads the areas in `services.yaml` (with the boundary files they name, beside it) and the
postcode coordinates (`--postcodes`, default the setting `postcodes_file`, else `data/geo`),
places every postcode, and writes the lookup into the state folder under a key that hashes
what it was built from (`<state_dir>/geo/<key>.tsv.gz`), where `navigator postcode`, search
and the web app find it. The web app also builds it at start-up, and again in the background
when the areas change; this command is for building ahead, or for seeing why a build fails.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from navigator.settings import Settings


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "geo-build",
        help="build the postcode lookup from the content's areas",
        description="Place every postcode in the coordinates file against the areas the "
        "content declares, and write the lookup into the state folder.",
    )
    command.add_argument(
        "services",
        nargs="?",
        type=Path,
        default=None,
        metavar="SERVICES",
        help="the services.yaml whose areas to build (default: the content's)",
    )
    command.add_argument(
        "--postcodes",
        type=Path,
        default=None,
        help="postcode coordinates: a CSV (NSPL/ONSPD columns pcds, lat, long) or a folder of "
        "them (default: data/geo)",
    )
    command.add_argument(
        "--out",
        type=Path,
        default=None,
        help="write the lookup here instead of the state folder",
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: building needs shapely and numpy, which other commands should not load.
    from navigator.cli.common import load_or_report
    from navigator.geo.areas import AreaRules
    from navigator.geo.build import BuildError, build, lookup_key
    from navigator.geo.store import LiveLookup

    settings = Settings.from_env()
    if args.services is not None:
        settings = replace(settings, services_file=args.services)
    if args.postcodes is not None:
        settings = replace(settings, postcodes_file=args.postcodes)
    bundle = load_or_report([settings.services_path])
    if bundle is None or bundle.directory is None:
        return 1
    rules = AreaRules.from_directory(bundle.directory)
    root = settings.services_path.parent
    live = LiveLookup.for_settings(settings)
    example = bundle.directory.site.example_postcode
    key = lookup_key(rules, root, settings.postcodes_path, example)[:24]
    out = args.out or live.root / f"{key}.tsv.gz"
    try:
        report = build(rules, root, settings.postcodes_path, out, example)
    except BuildError as error:
        print(f"navigator geo-build: {error}", file=sys.stderr)
        return 1
    print(
        f"Placed {report.located} of {report.postcodes} postcodes "
        f"({report.postcodes - report.located} have no coordinates) in "
        f"{report.placements} distinct placements; wrote {report.path} ({report.size:,} bytes)."
    )
    return 0
