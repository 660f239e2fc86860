"""The `navigator` command. Each sub-command lives in a module of its own that registers it."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS = (
    "navigator.cli.check",
    "navigator.cli.translations",
    "navigator.cli.navigate",
    "navigator.cli.scenarios",
    "navigator.cli.coverage",
    "navigator.cli.postcode",
    "navigator.cli.geo",
    "navigator.cli.serve",
    "navigator.cli.search",
    "navigator.cli.index",
    "navigator.cli.oruk",
    "navigator.cli.db",
    "navigator.cli.report",
    "navigator.cli.commissioner",
)
"""Modules that each define `register(subparsers)`; their order is the order of the help."""


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="navigator",
        description="An early years mental health navigator: the content (services.yaml, "
        "pathways/) says for which place and ages.",
    )
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
