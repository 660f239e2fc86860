"""What several commands share: reading content paths and finding the postcode look-up."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from navigator.content.finding import Finding
from navigator.content.loader import Bundle, load
from navigator.engine.facts import Locator
from navigator.geo.lookup import PostcodeLookup
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


def locator(bundle: Bundle | None = None) -> Locator | None:
    """The postcode look-up built from the areas of `bundle`'s services.yaml (default: the
    content of the settings), from the state folder, built there first if need be."""
    found: Locator | None = postcode_lookup(bundle)
    return found


def postcode_lookup(bundle: Bundle | None = None) -> PostcodeLookup | None:
    """`locator`, as the lookup itself; None (and the reason on standard error) if there is
    none."""
    from dataclasses import replace

    from navigator.geo.store import LiveLookup, LookupUnavailable

    settings = Settings.from_env()
    source = bundle.directory_source if bundle is not None else None
    if source is not None:
        settings = replace(settings, services_file=Path(source.path))
    try:
        return LiveLookup.for_settings(settings).start()
    except LookupUnavailable as error:
        print(f"No postcode look-up: {error}.", file=sys.stderr)
        return None
