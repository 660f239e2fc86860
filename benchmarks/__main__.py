"""Run every benchmark module (`benchmarks/*.py` with a `main()`), in name order, or only the
ones named: `python -m benchmarks web`. One that fails is reported and the others still run.
Options after the names go to the benchmarks named: `python -m benchmarks scale --quick`."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import traceback
from pathlib import Path


def main(argv: list[str]) -> int:
    folder = Path(__file__).parent
    found = sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if not m.name.startswith("_")
    )
    cut = next((i for i, a in enumerate(argv) if a.startswith("-")), len(argv))
    asked, flags = argv[:cut], argv[cut:] if cut else []
    names = [n for n in found if not asked or n in asked]
    failed = []
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        run = getattr(module, "main", None)
        if not callable(run):
            continue
        print(f"== benchmarks.{name} ==", flush=True)
        try:
            # A benchmark's main() may parse sys.argv: give it only the options after its name.
            sys.argv = [f"benchmarks.{name}", *flags]
            run()
        except Exception:
            traceback.print_exc()
            failed.append(name)
        print(flush=True)
    if failed:
        print(f"Failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
