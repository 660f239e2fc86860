"""Run every benchmark module (`benchmarks/*.py` with a `main()`), in name order."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    folder = Path(__file__).parent
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if not m.name.startswith("_")
    )
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        run = getattr(module, "main", None)
        if callable(run):
            print(f"== benchmarks.{name} ==", flush=True)
            run()
            print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
