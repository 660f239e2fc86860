"""`navigator coverage [PATHS] [--json] [--max-referrals N]`: the map of remits, gaps and
overlaps, for commissioners (docs/coverage.md).

A report, not a check: exit 0 whatever it finds; 2 when the content cannot be read or loaded,
or holds no pathway.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date

from navigator.checker.coverage_dimensions import DIMENSIONS
from navigator.checker.coverage_map import (
    DEFAULT_MAX_REFERRALS,
    WHERE,
    CoverageMap,
    OverlapGroup,
)
from navigator.cli.common import add_paths, content_paths, load_or_report
from navigator.content.directory import Directory


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "coverage",
        help="map which services fit every combination: gaps and overlaps",
        description="Every combination of who is asking, stage and age, concern, level of "
        "need and place, with the services that fit it; the combinations only catch-alls "
        "serve (gaps) and those with more referral options than MAX (overlaps). Always exits "
        "0 unless the content cannot be read. See docs/coverage.md.",
    )
    add_paths(parser)
    parser.add_argument(
        "--json", action="store_true", help="print the whole map as JSON, and nothing else"
    )
    parser.add_argument(
        "--max-referrals",
        type=_number,
        default=DEFAULT_MAX_REFERRALS,
        metavar="N",
        help=f"an overlap is more than N referral options (default {DEFAULT_MAX_REFERRALS})",
    )
    parser.set_defaults(run=run)


def _number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 0 or more")
    return number


def run(args: argparse.Namespace) -> int:
    bundle = load_or_report(content_paths(args.paths))
    if bundle is None or bundle.directory is None:
        return 2
    directory = bundle.directory
    maps = [CoverageMap(p, directory, args.max_referrals) for p, _ in bundle.pathways]
    if not maps:
        print("No pathway among the paths given: there is nothing to map.", file=sys.stderr)
        return 2
    try:
        if args.json:
            data = {
                "directory_version": directory.version,
                "max_referrals": args.max_referrals,
                "pathways": [m.as_json() for m in maps],
            }
            print(json.dumps(data, ensure_ascii=False))
        else:
            for number, coverage in enumerate(maps):
                if number:
                    print()
                for line in report(coverage, directory):
                    print(line)
        sys.stdout.flush()
    except BrokenPipeError:  # `navigator coverage | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def report(coverage: CoverageMap, directory: Directory) -> Iterator[str]:
    """The map in words: the counts, the catch-alls, the gaps by concern and level of need,
    and the overlaps, unexplained first."""
    cells = coverage.cells()
    pathway = coverage.pathway
    yield (
        f"Coverage of pathway '{pathway.id}' ({pathway.version}) with directory {directory.version}"
    )
    yield ""
    asked = [d for d in coverage.dimensions if [v.id for v in d.values] != ["any"]]
    sizes = " × ".join(_count(len(d.values), *WORDS[d.name]) for d in asked)
    yield f"{_count(len(cells), *COMBINATION)}: {sizes}."
    status = Counter(c.status for c in cells)
    yield (
        f"  {status['specific']:,} with a specific service, {status['catch_all']:,} with "
        f"catch-alls only, {status['fallback']:,} with nothing but the fallback."
    )
    yield "Catch-alls (they take every concern, or are the pathway's fallback): " + ", ".join(
        coverage.refs(coverage.catch_all)
    )
    yield from _gaps(coverage, directory)
    yield from _overlaps(coverage)


def _gaps(coverage: CoverageMap, directory: Directory) -> Iterator[str]:
    groups = coverage.gaps_by_concern()
    total = sum(len(g) for g in groups.values())
    yield ""
    yield (
        f"Gaps: {_count(total, *COMBINATION)} where only catch-alls would work with the "
        "family (by a consultation, referral or self-referral)."
    )
    labels = {c.id: c.label for c in directory.concerns}
    concern = None
    for (concern_id, need), cells in groups.items():
        if concern_id != concern:
            concern = concern_id
            yield f"  {concern_id} ({labels.get(concern_id, concern_id)})"
        known = coverage.pathway.known_gap(concern_id, need, date.today())
        note = f", known: {known.reason.strip()}" if known else ""
        yield f"    at need '{need}' ({len(cells):,}{note}):"
        for phrase in coverage.where(cells, WHERE):
            yield f"      {phrase}"


def _overlaps(coverage: CoverageMap) -> Iterator[str]:
    groups = coverage.overlaps()
    open_ = [g for g in groups if g.agreement is None]
    agreed = [g for g in groups if g.agreement is not None]
    yield ""
    unexplained = _count(sum(len(g.cells) for g in open_), *COMBINATION)
    yield (
        f"Overlaps: more than {_count(coverage.max_referrals, 'referral option')} (not "
        f"counting catch-alls): {unexplained} unexplained in {_count(len(open_), 'group')}, "
        f"{sum(len(g.cells) for g in agreed):,} agreed in {_count(len(agreed), 'group')}."
    )
    for number, group in enumerate(open_, 1):
        yield from _group(coverage, number, group)
    if agreed:
        yield ""
        yield "Agreed overlaps:"
        for number, group in enumerate(agreed, 1):
            yield from _group(coverage, number, group)


def _group(coverage: CoverageMap, number: int, group: OverlapGroup) -> Iterator[str]:
    yield (
        f"  {number}. {len(group.services)} referral options: {', '.join(group.services)} "
        f"({_count(len(group.cells), *COMBINATION)})"
    )
    for phrase in coverage.where(group.cells, DIMENSIONS):
        yield f"       {phrase}"
    if group.agreement is not None:
        agreement = group.agreement
        yield (
            f"       agreed by {agreement.agreed_by} on {agreement.agreed_on.isoformat()} "
            f"({agreement.at.short}): {agreement.reason}"
        )


COMBINATION = ("combination",)
WORDS = {
    "audience": ("audience",),
    "period": ("stage or age", "stages and ages"),
    "concern": ("concern",),
    "need": ("level of need", "levels of need"),
    "facts": ("set of named facts", "sets of named facts"),
    "place": ("place",),
}


def _count(number: int, word: str, plural: str | None = None) -> str:
    """'1 concern', '2,000 concerns'."""
    return f"{number:,} {word if number == 1 else plural or word + 's'}"
