"""`navigator postcode POSTCODE [--json]`: which areas a postcode is in.

Exit status 0 for any well-formed UK postcode, found or not (the message says which); 2, with
the reason on standard error, for text that is not a UK postcode.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from navigator.cli.common import postcode_lookup
from navigator.geo import InvalidPostcode, parse_postcode


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "postcode",
        help="say which areas a postcode is in",
        description="Say which of the content's areas a postcode is in, and whether it is "
        "near enough an edge to need confirming.",
    )
    command.add_argument("postcode", nargs="+", metavar="POSTCODE", help="a UK postcode")
    command.add_argument(
        "--json",
        action="store_true",
        help="print postcode, known, areas, near_boundary, hints and message as JSON",
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # `navigator postcode BD3 8AA` arrives as two words: they are one postcode.
    text = " ".join(args.postcode)
    try:
        parse_postcode(text)
    except InvalidPostcode as error:
        print(f"navigator postcode: {error}", file=sys.stderr)
        return 2
    lookup = postcode_lookup()
    if lookup is None:
        return 1
    location = lookup.locate(text)
    if args.json:
        print(json.dumps(location.as_json(), ensure_ascii=False))
        return 0
    print(location.message)
    if location.areas:
        print("Areas: " + ", ".join(location.areas))
    if location.near_boundary:
        print("Near the edge of: " + ", ".join(location.near_boundary))
    for hint in location.hints:
        print(f"Likely, but decided by GP registration: {hint}")
    return 0
