"""`navigator test [PATHS]`: run every scenario, print failures and coverage.

Exit status: 0 when every scenario passes, 1 when one fails (or coverage is below
`--min-coverage`, or there is no scenario), 2 when the content cannot be tested: a file is
missing or unreadable, or `navigator check` finds errors in it (scenarios are only run on
content the checker accepts, so that a broken reference is reported once, where it is written,
rather than as a failed or crashed scenario).
"""

from __future__ import annotations

import argparse
import sys

from navigator.checker import check
from navigator.cli.common import add_paths, content_paths, load_or_report, locator
from navigator.content.finding import Severity
from navigator.engine.outcome import Outcome
from navigator.engine.scenarios import Failure, coverage_of, run
from navigator.engine.scenarios import plan as plan_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "test",
        help="run the pathway scenarios and print their coverage",
        description="Runs every scenario against the engine; exits 1 if any fails, and 2 "
        "without running any if the content has errors (run 'navigator check' first).",
    )
    add_paths(parser)
    parser.add_argument(
        "--min-coverage",
        type=float,
        default=0.0,
        metavar="PERCENT",
        help="also fail if services, routes or red flags are covered less than this",
    )
    parser.set_defaults(run=run_all)


def run_all(args: argparse.Namespace) -> int:
    bundle = load_or_report(content_paths(args.paths))
    if bundle is None or bundle.directory is None:
        return 2
    errors = [f for f in check(bundle) if f.severity is Severity.error]
    if errors:
        for error in errors:
            print(error, file=sys.stderr)
        print(
            f"The content has {len(errors)} error{'' if len(errors) == 1 else 's'}, so no "
            "scenario was run. Please run 'navigator check' and fix them first.",
            file=sys.stderr,
        )
        return 2
    directory = bundle.directory
    lookup = locator(bundle)
    pathways = {p.id: p for p, _ in bundle.pathways}
    plan, orphans = plan_of(bundle)
    if orphans:
        print(orphans[0])
        return 1
    failures: list[Failure] = []
    outcomes: list[Outcome] = []
    for pathway, scenario in plan:
        outcome, failed = run(scenario, pathway, directory, lookup)
        outcomes.append(outcome)
        failures.extend(failed)
        print(f"{'FAIL' if failed else 'ok  '} {pathway.id}: {scenario.id}: {scenario.title}")
    for failure in failures:
        print(failure)
    cover = coverage_of(outcomes, pathways.values(), directory)
    print("\nScenario coverage:")
    for line in cover.lines():
        print(f"  {line}")
    for kind, missing in cover.missing().items():
        if missing:
            print(f"  {kind} no scenario reaches: {', '.join(missing)}")
    failed_ids = {f.scenario for f in failures}
    print(f"\n{len(plan) - len(failed_ids)} passed, {len(failed_ids)} failed")
    too_low = any(share < args.min_coverage for share in cover.percentages().values())
    return 1 if failures or too_low or not plan else 0
