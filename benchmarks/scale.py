"""How cost grows with the directory: load, check, navigate, the result page and search at 40,
400, 2,000 and 50,000 services, absolute and as ratios to the 40-service run.

    python -m benchmarks scale                  # 40, 400, 2,000 and 50,000 services
    python -m benchmarks scale --quick          # 40 and 80 services, few repeats (CI)
    python -m benchmarks.scale --sizes 40,400 --no-search
    python -m benchmarks.scale --record benchmarks/scale-baseline.json   # record a baseline
    python -m benchmarks.scale --runs benchmarks/scale-figures.json      # report recorded runs

Each directory is the shipped content (services.yaml, pathways/, geo/) with the shipped services
copied, as text, under new ids (`<id>-copy-<n>`, former ids dropped) until it holds the size
asked for; the pathway is unchanged, so every shipped scenario still means what it says.
A directory of more than about 800 services is larger than `MAX_FILE_BYTES`, the most a
content file may be (FILE-003): the benchmark lifts that limit in its own process.

Figures, per size:
- load: `load()` of services.yaml and pathways/ (median);
- check: `load()` then `check()`, what `navigator check` does (median);
- load from the cache: `ModelCache.load()` of unchanged files (the content cache, median);
- start-up, cold and warm: the web app's live content to its first good version (load, check),
  with an empty state folder (the cache is written in the background, as the app does) and
  with the cache written (median);
- navigate: `navigate()` to the result of every shipped scenario that ends in one, engine only
  (median and p95, milliseconds);
- result page: GET of those scenarios' result pages on the app (TestClient), content loaded
  (median and p95, milliseconds);
- search: `benchmarks.search.measure` at the size (Whoosh, the whole API page, typo queries,
  p50 and p95, milliseconds): the search benchmark's own synthetic directory.

The largest size (50,000) measures load and search only: the checker, the engine and the app
on it would take the run past an hour on the old code.

The old code's figures are a recorded baseline (`benchmarks/scale-baseline.json`, made by
`--record` on the code before this work; its header says the commit and the command); a run
prints it beside the new figures, with the ratio of each.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
BASELINE = Path(__file__).resolve().parent / "scale-baseline.json"
SIZES = (40, 400, 2_000, 50_000)
QUICK_SIZES = (40, 80)
FULL_LIMIT = 2_000
"""Above this size only load and search are measured."""

COLUMNS = (
    ("load_s", "load content s"),
    ("check_s", "`navigator check` s"),
    ("cached_load_s", "load from the cache s"),
    ("start_cold_s", "start-up, cold s"),
    ("start_warm_s", "start-up, warm s"),
    ("navigate_ms", "navigate ms (p50 / p95)"),
    ("page_ms", "result page ms (p50 / p95)"),
    ("search_ms", "search typo ms (p50 / p95)"),
)


# The directories --------------------------------------------------------------------------------


def services_text(size: int, source: Path = ROOT / "services.yaml") -> str:
    """services.yaml with the shipped services copied under new ids until there are `size`
    (never fewer than the shipped ones). Edited as text, so the copy is the file as written."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("services:"))
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"[a-z_]+:", lines[i])), len(lines)
    )
    heads = [i for i in range(start + 1, end) if lines[i].startswith("  - id: ")]
    blocks = [lines[a:b] for a, b in zip(heads, [*heads[1:], end], strict=True)]
    out = lines[:end]
    for n in range(max(0, size - len(blocks))):
        block = blocks[n % len(blocks)]
        ident = block[0].split(":", 1)[1].strip()
        out.append(f"  - id: {ident}-copy-{n // len(blocks) + 1}\n")
        out.extend(line for line in block[1:] if not line.startswith("    former_ids:"))
    out.extend(lines[end:])
    return "".join(out)


def build(size: int, folder: Path) -> Path:
    """A content root of `size` services: services.yaml, pathways/, geo/, synonyms.yaml."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "services.yaml").write_text(services_text(size), encoding="utf-8")
    shutil.copytree(ROOT / "pathways", folder / "pathways", dirs_exist_ok=True)
    shutil.copytree(ROOT / "geo", folder / "geo", dirs_exist_ok=True)
    if (ROOT / "synonyms.yaml").exists():
        shutil.copy(ROOT / "synonyms.yaml", folder / "synonyms.yaml")
    return folder


def _lift_size_limit() -> None:
    from navigator.content import yaml_file

    yaml_file.MAX_FILE_BYTES = 1_000_000_000


# Timing -----------------------------------------------------------------------------------------


def _timed(
    run: Callable[[], object], repeat: int, budget_s: float = 30.0
) -> tuple[list[float], list[float]]:
    """Seconds per run, wall-clock and CPU time of this process: `repeat` runs, fewer when
    they would take longer than `budget_s`."""
    wall: list[float] = []
    cpu: list[float] = []
    started = time.perf_counter()
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        run()
        cpu.append(time.process_time() - began_cpu)
        wall.append(time.perf_counter() - began)
        if time.perf_counter() - started > budget_s:
            break
    return wall, cpu


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _spread_ms(samples: list[float]) -> list[float]:
    return [statistics.median(samples) * 1000, _p95(samples) * 1000]


def measure(size: int, root: Path, repeat: int, search: bool, search_repeat: int) -> dict[str, Any]:
    """Every figure for one size, in this process (search in its own, as its benchmark does)."""
    from navigator.checker import check
    from navigator.content.loader import load
    from navigator.engine import Result, navigate

    _lift_size_limit()
    paths = [root / "services.yaml", root / "pathways"]
    found: dict[str, Any] = {"size": size}
    cpu: dict[str, Any] = {}
    found["cpu"] = cpu
    # The first load warms imports and any cache, as a running site's reload would be.
    bundle = load(paths)
    assert bundle.directory is not None, bundle.findings[:3]
    wall, used = _timed(lambda: load(paths), repeat)
    found["load_s"], cpu["load_s"] = statistics.median(wall), statistics.median(used)
    if size <= FULL_LIMIT:
        wall, used = _timed(lambda: check(load(paths)), repeat)
        found["check_s"], cpu["check_s"] = statistics.median(wall), statistics.median(used)
        _start_ups(paths, repeat, found, cpu)
        directory = bundle.directory
        pathways = {p.id: p for p, _ in bundle.pathways}
        plan = [
            (pathways[file.pathway], scenario.answers)
            for file, _ in bundle.scenario_files
            for scenario in file.scenarios
        ]
        ending = [
            (pathway, answers)
            for pathway, answers in plan
            if isinstance(navigate(pathway, directory, answers), Result)
        ]
        samples: list[float] = []
        used = []
        for _ in range(repeat):
            for pathway, answers in ending:
                began, began_cpu = time.perf_counter(), time.process_time()
                navigate(pathway, directory, answers)
                used.append(time.process_time() - began_cpu)
                samples.append(time.perf_counter() - began)
        found["navigate_ms"], cpu["navigate_ms"] = _spread_ms(samples), _spread_ms(used)
        found["results"] = len(ending)
        found["page_ms"], cpu["page_ms"] = _pages(root, ending, repeat)
    if search:
        from benchmarks.search import measure as search_measure

        whoosh = search_measure(size, search_repeat)["whoosh"]["api_latency_ms"]
        found["search_ms"] = [whoosh["typo"]["p50"], whoosh["typo"]["p95"]]
        cpu["search_ms"] = [whoosh["typo_cpu"]["p50"], whoosh["typo_cpu"]["p95"]]
    return found


def _start_ups(paths: list[Path], repeat: int, found: dict[str, Any], cpu: dict[str, Any]) -> None:
    """The content cache's load, and the live content's start-up cold and warm."""
    from navigator.content.model_cache import ModelCache

    with tempfile.TemporaryDirectory() as scratch:
        cold: list[list[float]] = [[], []]
        for number in range(repeat):
            cache = ModelCache(Path(scratch) / f"cold-{number}")
            wall, used = _timed(partial(_start, paths, cache), 1)
            cold[0] += wall
            cold[1] += used
            with cache._writing:  # the background write done before the next run
                pass
            assert cache.outcome == "miss"
        found["start_cold_s"], cpu["start_cold_s"] = map(statistics.median, cold)
        cache = ModelCache(Path(scratch) / "warm")
        cache.load(paths)
        wall, used = _timed(lambda: cache.load(paths), repeat)
        assert cache.outcome == "hit"
        found["cached_load_s"], cpu["cached_load_s"] = (
            statistics.median(wall),
            statistics.median(used),
        )
        wall, used = _timed(partial(_start, paths, cache), repeat)
        assert cache.outcome == "hit"
        found["start_warm_s"], cpu["start_warm_s"] = (
            statistics.median(wall),
            statistics.median(used),
        )


def _start(paths: list[Path], cache: Any) -> object:
    from navigator.web.live import LiveContent

    return LiveContent(paths, 0, cache=cache).current()


def _pages(
    root: Path, ending: list[tuple[Any, Any]], repeat: int
) -> tuple[list[float], list[float]]:
    from fastapi.testclient import TestClient

    from navigator.settings import Settings
    from navigator.web.app import create_app

    urls = [
        f"/pathways/{pathway.id}/result?{urlencode(answers, doseq=True)}"
        for pathway, answers in ending
    ]
    with tempfile.TemporaryDirectory() as state:
        settings = Settings(content_root=root, state_dir=Path(state), content_poll_seconds=0)
        with TestClient(create_app(settings)) as client:
            for url in urls:  # warm: the content loads and the search index builds once
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
            samples: list[float] = []
            used: list[float] = []
            for _ in range(repeat):
                for url in urls:
                    began, began_cpu = time.perf_counter(), time.process_time()
                    client.get(url)
                    used.append(time.process_time() - began_cpu)
                    samples.append(time.perf_counter() - began)
    return _spread_ms(samples), _spread_ms(used)


# One size in a process of its own ---------------------------------------------------------------


def run_size(size: int, repeat: int, search: bool, search_repeat: int) -> dict[str, Any]:
    """Build the directory and measure it in a fresh process (no warm caches from another
    size, and a crash at one size does not stop the others)."""
    with tempfile.TemporaryDirectory(prefix="navigator-scale-") as scratch:
        root = build(size, Path(scratch) / "content")
        command = [
            sys.executable, "-m", "benchmarks.scale", "--worker", str(size), str(root),
            "--repeat", str(repeat), "--search-repeat", str(search_repeat),
        ]  # fmt: skip
        if not search:
            command.append("--no-search")
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            return {"size": size, "error": done.stderr.strip().splitlines()[-1:]}
        figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return figures


# The report -------------------------------------------------------------------------------------


def _cell(figures: dict[str, Any], key: str, first: dict[str, Any] | None) -> str:
    value = figures.get(key)
    if value is None:
        return "not measured"
    if isinstance(value, list):
        text = f"{value[0]:.2f} / {value[1]:.2f}"
        main = value[0]
    else:
        text = f"{value:.2f}"
        main = value
    base = first.get(key) if first else None
    if base is not None:
        base_main = base[0] if isinstance(base, list) else base
        text += f" ({main / max(base_main, 1e-9):.1f}×)"
    return text


def cpu_of(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same runs in CPU time (what the work costs, whatever else the machine does)."""
    return [{"size": f["size"], **f["cpu"]} if "cpu" in f else f for f in runs]


def table(title: str, runs: list[dict[str, Any]]) -> list[str]:
    """One table: a row per size, each figure with its ratio to the smallest size."""
    lines = [title, "", "| services | " + " | ".join(name for _, name in COLUMNS) + " |"]
    lines.append("| ---: |" + " ---: |" * len(COLUMNS))
    first = runs[0] if runs else None
    for figures in runs:
        if "error" in figures:
            lines.append(f"| {figures['size']:,} | failed: {figures['error']} |")
            continue
        cells = [_cell(figures, key, first) for key, _ in COLUMNS]
        lines.append(f"| {figures['size']:,} | " + " | ".join(cells) + " |")
    return lines


def against(baseline: list[dict[str, Any]], runs: list[dict[str, Any]]) -> list[str]:
    """New over old for each figure both runs have: below 1 is faster."""
    old = {f["size"]: f for f in baseline}
    lines = ["New code over old (ratio of the medians; below 1 is faster):", ""]
    lines.append("| services | " + " | ".join(name for _, name in COLUMNS) + " |")
    lines.append("| ---: |" + " ---: |" * len(COLUMNS))
    for figures in runs:
        before = old.get(figures["size"])
        if before is None or "error" in figures:
            continue
        cells = []
        for key, _ in COLUMNS:
            new, was = figures.get(key), before.get(key)
            if new is None or was is None:
                cells.append("-")
                continue
            new_main = new[0] if isinstance(new, list) else new
            was_main = was[0] if isinstance(was, list) else was
            cells.append(f"{new_main / max(was_main, 1e-9):.3f}")
        lines.append(f"| {figures['size']:,} | " + " | ".join(cells) + " |")
    return lines


def _commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout.strip() or "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks scale", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="40 and 80 services, few repeats")
    parser.add_argument("--sizes", help="comma-separated sizes (default 40,400,2000,50000)")
    parser.add_argument("--repeat", type=int, default=0, help="timed passes per figure")
    parser.add_argument("--search-repeat", type=int, default=0)
    parser.add_argument("--no-search", action="store_true", help="leave search out")
    parser.add_argument("--record", type=Path, help="write these figures as a baseline")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--runs", type=Path, help="report these recorded figures, measure none")
    parser.add_argument("--worker", nargs=2, metavar=("SIZE", "ROOT"), help=argparse.SUPPRESS)
    args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    if args.worker:
        size, root = int(args.worker[0]), Path(args.worker[1])
        figures = measure(size, root, args.repeat or 3, not args.no_search, args.search_repeat)
        print(json.dumps(figures))
        return 0
    sizes = (
        [int(s) for s in args.sizes.split(",") if s]
        if args.sizes
        else list(QUICK_SIZES if args.quick else SIZES)
    )
    repeat = args.repeat or (2 if args.quick else 5)
    search_repeat = args.search_repeat or (1 if args.quick else 3)
    load_before = os.getloadavg()[0]
    runs: list[dict[str, Any]] = []
    commit = _commit()
    if args.runs:
        recorded = json.loads(args.runs.read_text(encoding="utf-8"))
        runs, commit, sizes = recorded["runs"], recorded["commit"], []
    for size in sizes:
        started = time.perf_counter()
        runs.append(run_size(size, repeat, not args.no_search, search_repeat))
        print(f"({size:,} services measured in {time.perf_counter() - started:.0f} s)", flush=True)
    command = "python -m benchmarks " + " ".join(
        ["scale", *(sys.argv[1:] if argv is None else argv)]
    )
    if args.record:
        recorded = {"commit": _commit(), "command": command.strip(), "runs": runs}
        args.record.write_text(json.dumps(recorded, indent=2) + "\n", encoding="utf-8")
    print()
    if args.baseline.exists() and not args.record:
        baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
        old = f"Old code (recorded at {baseline['commit']}: {baseline['command']})"
        new = f"New code ({commit})"
        for measure_by, pick in (("wall-clock", list), ("CPU time", cpu_of)):
            print("\n".join(table(f"{old}, {measure_by}:", pick(baseline["runs"]))))
            print()
            print("\n".join(table(f"{new}, {measure_by}:", pick(runs))))
            print()
            print("\n".join(against(pick(baseline["runs"]), pick(runs))))
            print()
    else:
        print("\n".join(table(f"This code ({commit}), wall-clock:", runs)))
        print()
        print("\n".join(table(f"This code ({commit}), CPU time:", cpu_of(runs))))
    if args.runs:
        return 0
    print(
        f"\nPython {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
        f"{load_before:.1f} at the start and {os.getloadavg()[0]:.1f} at the end."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
