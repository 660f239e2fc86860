"""`navigator check [PATHS...] [--json]`: check content files and say what is wrong, where,
and what to do about it.

Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors, 2 when a
file is missing or cannot be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from navigator.checker import check
from navigator.content.finding import Finding, Severity, has_errors
from navigator.content.loader import content_files, load
from navigator.settings import Settings


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "check",
        help="check services.yaml and the pathways for mistakes",
        description="Check content files: YAML, keys, ids, references, ages, the question flow, "
        "red flags, coverage, review dates, contact details and scenarios.",
    )
    command.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders to check (default: services.yaml and pathways/ here, "
        "or NAVIGATOR_CONTENT_ROOT)",
    )
    command.add_argument(
        "--json", action="store_true", help="print the findings as a JSON list, and nothing else"
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths: Sequence[Path] = args.paths or Settings.from_env().content_paths
    bundle = load(paths)
    findings = check(bundle)
    try:
        if args.json:
            print(json.dumps([f.as_json() for f in findings], indent=2, ensure_ascii=False))
        else:
            for item in findings:
                print(item)
            print(summary(findings, len(content_files(paths)[0])))
        sys.stdout.flush()
    except BrokenPipeError:  # `navigator check | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if bundle.unreadable:
        return 2
    return 1 if has_errors(findings) else 0


def summary(findings: list[Finding], files: int) -> str:
    """'2 errors, 1 warning in 3 files'."""
    errors = sum(1 for f in findings if f.severity is Severity.error)
    warnings = len(findings) - errors
    checked = _count(files, "file")
    if not findings:
        return f"No problems found in {checked}."
    return f"{_count(errors, 'error')}, {_count(warnings, 'warning')} in {checked}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"
