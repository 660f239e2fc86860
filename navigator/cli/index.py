"""`navigator index`: build the search index for the current `services.yaml`, or say it is
up to date. One process builds at a time (a file lock under the state folder); the web app
then opens the index instead of building it."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from navigator.search.live import LiveIndex, SearchUnavailable
from navigator.settings import Settings


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "index",
        help="build the search index",
        description="Build the search index for services.yaml under the state folder "
        "(NAVIGATOR_STATE_DIR, default var/), unless it is already up to date.",
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    live = LiveIndex.for_settings(settings)
    before = live.store.current()
    started = time.perf_counter()
    try:
        generation = live.start()
    except SearchUnavailable as error:
        print(f"navigator index: {error}; run 'navigator check'.", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    with generation.searcher() as searcher:
        count = searcher.doc_count()
    where = live.store.root / generation.name
    if before == generation.name:
        print(f"The search index is up to date: {count} services in {where}.")
    else:
        print(f"Built the search index: {count} services in {where} ({seconds:.2f} s).")
    return 0
