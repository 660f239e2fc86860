"""`navigator import-oruk SOURCE... [-o services.yaml]`: start a directory from an Open
Referral UK 3.0 feed (saved JSON pages or services, folders of them, or the feed's base URL).

The draft goes to `-o` (or standard output); the report goes to standard error: what the feed
could not say, then what `navigator check` finds in the draft. Exit status 0 when a draft was
made (its findings are for the commissioner to fix), 2 when a source cannot be read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from navigator.checker import check
from navigator.cli.check import summary
from navigator.content.loader import load
from navigator.openreferral.draft import Draft, draft
from navigator.openreferral.reading import FeedError, read


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "import-oruk",
        help="draft a services.yaml from an Open Referral UK 3.0 feed",
        description="Draft a services.yaml from an Open Referral UK 3.0 feed: saved JSON "
        "(a /services page, a nested service, a list), folders of it, or the feed's base URL. "
        "Prints the draft and, on standard error, what the feed could not say and what "
        "`navigator check` finds in the draft.",
    )
    command.add_argument(
        "sources", nargs="+", metavar="FILE_OR_DIR_OR_URL", help="where the feed is"
    )
    command.add_argument(
        "-o", "--output", type=Path, help="write the draft here (default: standard output)"
    )
    command.set_defaults(run=run)


def report(made: Draft, checked_as: Path, output_name: str) -> list[str]:
    """The report on a draft written at `checked_as`: its gaps, then the checker's findings
    (paths shown as `output_name`)."""
    count = f"{made.services} service{'' if made.services == 1 else 's'}"
    lines = [f"Drafted {count}. What the feed could not say:"]
    lines += [f"  {gap}" for gap in made.gaps]
    if made.skipped:
        lines.append("Read but holding no service or organization (left out):")
        lines += [f"  {where}" for where in dict.fromkeys(made.skipped)]
    findings = check(load([checked_as]))
    lines.append("What `navigator check` finds in the draft:")
    lines += [f"  {str(f).replace(str(checked_as), output_name)}" for f in findings]
    lines.append(summary(findings, 1))
    return lines


def run(args: argparse.Namespace) -> int:
    try:
        made = draft(read(args.sources))
    except FeedError as error:
        print(f"navigator import-oruk: {error}", file=sys.stderr)
        return 2
    output: Path | None = args.output
    with tempfile.TemporaryDirectory() as folder:
        target = output or Path(folder) / "services.yaml"
        target.write_text(made.text, encoding="utf-8")
        lines = report(made, target, str(output or "services.yaml"))
    if output is None:
        sys.stdout.write(made.text)
        sys.stdout.flush()
    print("\n".join(lines), file=sys.stderr)
    return 0
