"""What several commands share: reading content paths and finding the postcode look-up."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from navigator.content.finding import Finding
from navigator.content.loader import Bundle, load
from navigator.engine.facts import Locator
from navigator.settings import Settings


def content_paths(given: Sequence[str] | None) -> list[Path]:
    """The paths given, or the content paths from settings (services.yaml and pathways/)."""
    if given:
        return [Path(p) for p in given]
    return list(Settings.from_env().content_paths)


def add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="content files or folders (default: services.yaml and pathways/ here)",
    )


def load_or_report(paths: Sequence[Path]) -> Bundle | None:
    """Load content; print what stops it being used and return None if anything does."""
    bundle = load(paths)
    problems: list[Finding] = [*bundle.unreadable, *bundle.findings]
    if problems or bundle.directory is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        if bundle.directory is None and not problems:
            print("No services.yaml among the paths given.", file=sys.stderr)
        print("Please run 'navigator check' and fix the errors first.", file=sys.stderr)
        return None
    return bundle


def locator() -> Locator | None:
    """The shipped postcode look-up."""
    from navigator.geo.lookup import PostcodeLookup

    found: Locator = PostcodeLookup.default()
    return found
