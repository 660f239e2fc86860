"""`navigator search QUERY [--json] [filters]`: search the directory as the web page and the
API do (the same request building, the same index, the same results).

Opens the search index under the state folder, building it first if `services.yaml` has
changed since it was last built. Exit status: 0 with results or none, 2 for a parameter that
cannot be understood or content that does not load.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from navigator.content.vocabulary import Audience, RouteKind, Stage
from navigator.search.live import LiveIndex, SearchUnavailable
from navigator.search.query import SearchPage, search
from navigator.search.request import BadSearch, Parameters, build_request
from navigator.settings import Settings


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "search",
        help="search the directory of services",
        description="Search services by name, former name, remit and more, with typos, "
        "abbreviations (synonyms.yaml) and filters, as the web page's search does.",
    )
    command.add_argument("query", nargs="*", help="what to look for (nothing lists every service)")
    command.add_argument(
        "--json", action="store_true", help="print the API's JSON, and nothing else"
    )
    command.add_argument("--audience", default="", choices=[a.value for a in Audience])
    command.add_argument(
        "--route",
        action="append",
        default=[],
        choices=[r.value for r in RouteKind],
        help="a kind of route; repeat for any of several",
    )
    command.add_argument("--stage", default="", choices=[s.value for s in Stage])
    command.add_argument("--age-months", default="", metavar="N", help="the baby's age in months")
    command.add_argument("--postcode", default="", help="where the family lives")
    command.add_argument(
        "--ring", action="append", default=[], help="a ring the content declares (repeatable)"
    )
    command.add_argument("--page", default="1", metavar="N")
    command.add_argument("--per-page", default="", metavar="N")
    command.set_defaults(run=run)


def parameters(args: argparse.Namespace) -> Parameters:
    return Parameters(
        q=" ".join(args.query),
        audience=args.audience,
        routes=tuple(args.route),
        stage=args.stage,
        age_months=args.age_months,
        postcode=args.postcode,
        rings=tuple(args.ring),
        page=args.page,
        per_page=args.per_page,
    )


def run(args: argparse.Namespace) -> int:
    from navigator.cli.common import locator as postcode_locator

    try:
        generation = LiveIndex.for_settings(Settings.from_env()).start()
    except SearchUnavailable as error:
        print(f"navigator search: {error}; run 'navigator check'.", file=sys.stderr)
        return 2
    given = parameters(args)
    locator = postcode_locator() if given.postcode else None
    try:
        request, notes = build_request(given, generation.directory, locator)
    except BadSearch as error:
        print(f"navigator search: {error}", file=sys.stderr)
        return 2
    page = search(generation, request, notes)
    if args.json:
        print(json.dumps(page.as_json(), indent=2, ensure_ascii=False))
    else:
        print(text(page))
    return 0


def text(page: SearchPage) -> str:
    """Results for a terminal: one service a paragraph."""
    lines: list[str] = []
    if page.did_you_mean:
        lines.append(f"Did you mean: {page.did_you_mean}?")
    lines += page.notes
    start = (page.page - 1) * page.per_page
    for n, hit in enumerate(page.hits, start + 1):
        service = hit.service
        lines.append(f"{n}. {service.name} [{service.id}]")
        if hit.former_name:
            lines.append(f"   Formerly or also: {hit.former_name}")
        lines.append(f"   {service.remit}")
        lines.append(f"   Routes: {', '.join(r.kind.value for r in service.routes) or 'none'}")
    shown = f"{start + 1}–{start + len(page.hits)}" if page.hits else "0"
    lines.append(f"{shown} of {page.total} services (page {page.page} of {page.pages}).")
    return "\n".join(lines)
