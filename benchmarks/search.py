"""Search benchmark: relevance on the judged query set, and speed on synthetic directories,
before and after the postings arrays (docs/decisions/search.md), in one run.

    python -m benchmarks.search                 # relevance, then 500, 5,000 and 50,000 services
    python -m benchmarks.search --sizes 500,5000
    python -m benchmarks.search --relevance-only

Relevance: recall@5 and MRR on `tests/fixtures/search/judged-queries.yaml` against the shipped
services.yaml, of Whoosh before (its own matchers and collector, `Scoring.whoosh`) and after
(the generation's postings arrays, `Scoring.arrays`), and of the SQLite FTS5 baseline (same
fields and weights, bm25, the same query interpretation; with and without difflib typo
correction).

Speed: for each size, a directory generated from the shipped services by varying their words
(seeded, so every run measures the same thing) is indexed by each engine in a fresh process,
which then reports build time, start-up time with the index already built, p50/p95 latency of
exact, typo and prefix queries, and its peak memory. The headline is the whole API page:
`GET /api/v1/services?q=...` through the app (middleware, request parsing, search, facets,
highlights, JSON), ASGI in process, before and after. Whoosh ranking alone (ids of the top 10,
as FTS5 gives) is timed too. `measure(n_services)` is what `python -m benchmarks scale` calls.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "tests" / "fixtures" / "search" / "judged-queries.yaml"
SIZES = (500, 5_000, 50_000)

EXACT = [
    "perinatal mental health",
    "health visiting",
    "domestic abuse",
    "breastfeeding support",
    "talking therapies",
    "bereavement",
    "family hubs",
    "mental health crisis",
    "doulas",
    "speech and language",
    "bonding",
    "postpartum psychosis",
    "antenatal course",
    "drug and alcohol",
    "home visits",
    "early help",
    "infant mental health",
    "maternity",
    "peer support",
    "training for practitioners",
]
TYPO = [
    "perinatl mental helth",
    "helth visiting",
    "domestc abuse",
    "breastfeding suport",
    "talkign therapies",
    "bereavment",
    "famly hubs",
    "mentl health crsis",
    "dolua",
    "speach and langauge",
    "bondnig",
    "postpartum psycosis",
    "antenatl course",
    "drug and alcohl",
    "home visitts",
    "erly help",
    "infnat mental health",
    "maternty",
    "peer suport",
    "trainnig for practitioners",
]
PREFIX = [
    "perinatal ment",
    "health vis",
    "domestic ab",
    "breastf",
    "talking thera",
    "bereav",
    "family hu",
    "mental health cri",
    "dou",
    "speech and lan",
    "bond",
    "postpartum psy",
    "antenatal cou",
    "drug and alc",
    "home vis",
    "early he",
    "infant men",
    "matern",
    "peer sup",
    "training for prac",
]
PLACES = [
    "Allerton",
    "Baildon",
    "Bingley",
    "Bowling",
    "Buttershaw",
    "Clayton",
    "Cottingley",
    "Denholme",
    "Eccleshill",
    "Frizinghall",
    "Girlington",
    "Great Horton",
    "Haworth",
    "Heaton",
    "Idle",
    "Ilkley",
    "Keighley",
    "Laisterdyke",
    "Lidget Green",
    "Little Horton",
    "Low Moor",
    "Manningham",
    "Menston",
    "Oakworth",
    "Queensbury",
    "Saltaire",
    "Shipley",
    "Silsden",
    "Steeton",
    "Thackley",
    "Thornton",
    "Tong",
    "Wibsey",
    "Wilsden",
    "Wrose",
    "Wyke",
]


# Relevance ----------------------------------------------------------------------------------


def relevance() -> dict[str, Any]:
    from navigator.content.loader import load
    from navigator.search.baseline import Fts5Index
    from navigator.search.index import Scoring, build_in_memory
    from navigator.search.query import SearchRequest, search
    from navigator.search.relevance import load_judged, score
    from navigator.search.synonyms import load_synonyms

    directory = load([ROOT / "services.yaml"]).directory
    assert directory is not None, "services.yaml does not load: run navigator check"
    synonyms = load_synonyms(ROOT / "synonyms.yaml")
    queries = load_judged(JUDGED)
    whoosh = build_in_memory(directory, synonyms)
    before = dataclasses.replace(whoosh, scoring=Scoring.whoosh)
    fts = Fts5Index(directory, synonyms)
    engines: dict[str, Callable[[str], Sequence[str]]] = {
        "Whoosh before": lambda text: search(before, SearchRequest(text)).ids,
        "Whoosh": lambda text: search(whoosh, SearchRequest(text)).ids,
        "FTS5": lambda text: fts.search_ids(text),
        "FTS5 + difflib": lambda text: fts.search_ids(text, typos=True),
    }
    found: dict[str, Any] = {"queries": len(queries), "engines": {}}
    for name, ranker in engines.items():
        result = score(queries, ranker)
        found["engines"][name] = {
            "recall@5": result.recall,
            "mrr": result.mrr,
            "by_kind": result.by_kind(),
            "misses": [(m.query.text, list(m.ranked[:5])) for m in result.misses()],
        }
    return found


# Synthetic directories ----------------------------------------------------------------------


def synthetic(size: int, seed: int = 2026) -> Any:
    """`size` services made from the shipped active ones: each copy names a place and has
    about one word in six of its texts replaced by another word of the directory."""
    from navigator.content.directory import Directory
    from navigator.content.loader import load
    from navigator.search.analysis import words

    real = load([ROOT / "services.yaml"]).directory
    assert real is not None
    active = [s for s in real.services if s.active]
    rng = random.Random(seed)
    vocabulary = sorted({w for s in active for w in words(f"{s.remit} {s.description}")})

    def vary(text: str) -> str:
        return " ".join(
            rng.choice(vocabulary) if rng.random() < 0.17 else word for word in text.split()
        )

    services = []
    for n in range(size):
        base = active[n % len(active)]
        place = PLACES[(n // len(active)) % len(PLACES)]
        services.append(
            base.model_copy(
                update={
                    "id": f"{base.id}-{n}",
                    "name": f"{base.name} ({place} {n // (len(active) * len(PLACES)) + 1})",
                    "remit": vary(base.remit),
                    "description": vary(base.description),
                    "aliases": [vary(a) for a in base.aliases],
                    "former_ids": [],
                }
            )
        )
    return Directory(
        version=real.version,
        areas=real.areas,
        concerns=real.concerns,
        need_levels=real.need_levels,
        services=services,
    )


# One engine, one size, in a process of its own ------------------------------------------------


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": statistics.median(ordered) * 1000, "p95": p95 * 1000}


def _time_queries(
    run: Callable[[str], object], repeat: int, *, first: bool = False
) -> dict[str, dict[str, float]]:
    """p50 and p95 per kind of query, in milliseconds: wall-clock time, and the CPU time of
    this process (what the query itself costs, whatever else the machine is doing). With
    `first`, also the warm-up pass (`<kind>_first`: caches not yet filled)."""
    found = {}
    for kind, queries in (("exact", EXACT), ("typo", TYPO), ("prefix", PREFIX)):
        warming: list[float] = []
        for text in queries:  # warm caches: the figures are for a running server
            started = time.perf_counter()
            run(text)
            warming.append(time.perf_counter() - started)
        if first:
            found[f"{kind}_first"] = _percentiles(warming)
        wall: list[float] = []
        cpu: list[float] = []
        for _ in range(repeat):
            for text in queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                run(text)
                cpu.append(time.process_time() - started_cpu)
                wall.append(time.perf_counter() - started)
        found[kind] = _percentiles(wall)
        found[f"{kind}_cpu"] = _percentiles(cpu)
    return found


def worker(engine: str, size: int, repeat: int) -> dict[str, Any]:
    """Build, open and query one engine on one synthetic directory; figures as JSON."""
    directory = synthetic(size)
    from navigator.search.synonyms import load_synonyms

    synonyms = load_synonyms(ROOT / "synonyms.yaml")
    baseline_mb = _rss_mb()
    scratch = Path(tempfile.mkdtemp(prefix="navigator-bench-"))
    result: dict[str, Any] = {"engine": engine, "size": size}
    try:
        if engine == "whoosh":
            result |= _whoosh(directory, synonyms, scratch, size, repeat)
        else:
            result |= _fts5(directory, synonyms, scratch, repeat)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # A build with several processes has writers of its own: count the biggest one too.
    writer_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["memory_mb"] = {
        "peak_rss": peak_mb,
        "over_directory": peak_mb - baseline_mb,
        "writer_process": writer_mb,
    }
    return result


class _Locator:
    """No postcode is asked in the benchmark; the real look-up would build in the background
    and take the machine's time."""

    def locate(self, text: str) -> Any:
        raise LookupError(text)


@dataclasses.dataclass(frozen=True)
class _Content:
    """What the app's live content gives the search routes: the version and its directory."""

    generation: Any
    content_hash: str = "bench"

    @property
    def directory(self) -> Any:
        return self.generation.directory

    def current(self) -> _Content:
        return self

    def for_content(self, version: str, directory: Any) -> Any:
        return self.generation


class _Server:
    """An event loop in a thread of its own, serving the app one request at a time from one
    long-lived task, as uvicorn does. (A loop run once per request would also end anyio's
    worker threads after each one, and with them each thread's Whoosh searcher: a new
    searcher per request, which no real server pays.)"""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.requests: asyncio.Queue[tuple[str, Future[int]] | None] | None = None
        self.thread = threading.Thread(
            target=self.loop.run_until_complete, args=(self._serve(),), daemon=True
        )
        self.thread.start()
        self.ready.wait()

    async def _serve(self) -> None:
        from urllib.parse import urlencode

        from benchmarks.web import request

        self.requests = asyncio.Queue()
        self.ready.set()
        while (item := await self.requests.get()) is not None:
            text, done = item
            try:
                done.set_result(await request(self.app, "/api/v1/services", urlencode({"q": text})))
            except BaseException as error:  # to the caller
                done.set_exception(error)

    def get(self, text: str) -> int:
        assert self.requests is not None
        done: Future[int] = Future()
        self.loop.call_soon_threadsafe(self.requests.put_nowait, (text, done))
        status = done.result()
        assert status == 200, (text, status)
        return status


def _api(generation: Any, scratch: Path) -> Callable[[str], object]:
    """`GET /api/v1/services?q=...` of an app that searches `generation`: ASGI in process,
    through every middleware, the dependencies, the endpoint's worker thread and the JSON.
    The app's live content and live index are stand-ins that give `generation` (not FastAPI's
    `dependency_overrides`, with which it analyses every dependency again on each request)."""
    from navigator.settings import Settings
    from navigator.web.app import create_app

    settings = Settings(content_root=ROOT, state_dir=scratch / "state", content_poll_seconds=0)
    app = create_app(settings, locator=_Locator())
    app.state.live = app.state.search_index = _Content(generation)
    return _Server(app).get


def _whoosh(directory: Any, synonyms: Any, scratch: Path, size: int, repeat: int) -> dict[str, Any]:
    from navigator.search.compose import compose
    from navigator.search.evaluate import tally
    from navigator.search.index import IndexStore, Scoring, open_generation
    from navigator.search.interpret import interpret
    from navigator.search.postings import Postings
    from navigator.search.schema import TEXT_FIELDS

    store = IndexStore(scratch)
    # From-scratch builds of big directories use both cores (one segment each).
    procs = 2 if size >= 20_000 and (os.cpu_count() or 1) >= 2 else 1
    started = time.perf_counter()
    store.build("bench", directory, procs=procs)
    built = time.perf_counter() - started
    started = time.perf_counter()
    generation = open_generation(store.open("bench"), directory, synonyms, "bench")
    opened = time.perf_counter() - started
    before = dataclasses.replace(generation, scoring=Scoring.whoosh)
    # What a running server does after a swap, in the background: on arrays of its own here,
    # so that the first pass below still reads each term on first use.
    ahead = Postings(generation.index.doc_count_all(), generation.norms, generation.facets)
    started = time.perf_counter()
    with generation.index.reader() as reader:
        warmed = ahead.warm(reader, TEXT_FIELDS)
    warm_s = time.perf_counter() - started
    del ahead

    def ranking(text: str) -> list[str]:
        query = compose(
            interpret(text, generation.vocabulary, generation.synonyms), generation.lexicon
        )
        assert generation.postings is not None
        with generation.searcher() as searcher:
            found = tally(searcher, generation.postings, query, 10, allow=None, sortedby=None)
            return [hit["id"] for hit in found.results]

    # After first, on a fresh generation: its first pass reads each term's postings.
    api = _time_queries(_api(generation, scratch), repeat, first=True)
    return {
        "build_s": built,
        "build_procs": procs,
        "startup_s": opened,
        "warm_s": warm_s,
        "warm_terms": warmed,
        "vocabulary": len(generation.vocabulary),
        "api_latency_ms": api,
        "latency_ms": _time_queries(ranking, repeat),
        "api_before_latency_ms": _time_queries(_api(before, scratch), repeat),
    }


def _fts5(directory: Any, synonyms: Any, scratch: Path, repeat: int) -> dict[str, Any]:
    from navigator.search.baseline import Fts5Index

    path = str(scratch / "fts5.db")
    started = time.perf_counter()
    Fts5Index(directory, synonyms, path).close()
    built = time.perf_counter() - started
    os.remove(path)
    Fts5Index(directory, synonyms, path).close()
    # Start-up with an existing database: connect and read the vocabulary (for difflib).
    started = time.perf_counter()
    index = Fts5Index.open(path, synonyms)
    opened = time.perf_counter() - started
    latency = _time_queries(lambda text: index.search_ids(text), repeat)
    with_typos = _time_queries(lambda text: index.search_ids(text, typos=True), repeat)
    index.close()
    return {
        "build_s": built,
        "startup_s": opened,
        "latency_ms": latency,
        "difflib_latency_ms": with_typos,
    }


# Orchestration and report ---------------------------------------------------------------------


def _engines(size: int, repeat: int) -> dict[str, Any]:
    figures = {}
    for engine in ("whoosh", "fts5"):
        command = [sys.executable, "-m", "benchmarks.search", "--worker", engine, str(size)]
        command += ["--repeat", str(repeat)]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
        figures[engine] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _repeat(size: int) -> int:
    return 5 if size <= 5_000 else 2


def measure(n_services: int, repeat: int | None = None) -> dict[str, Any]:
    """Search at `n_services` synthetic services, each engine in a fresh process. Under
    `summary[kind]` (`typo`, `exact`, `prefix`): `{"p50": ms, "p95": ms}` of the whole API page
    before (Whoosh's collector) and after (postings arrays), wall-clock and `_cpu`, the first
    pass on a fresh index, and FTS5's ranking; every figure under `whoosh` and `fts5`."""
    figures = _engines(n_services, repeat or _repeat(n_services))
    whoosh = figures["whoosh"]
    summary = {
        kind: {
            "before": whoosh["api_before_latency_ms"][kind],
            "after": whoosh["api_latency_ms"][kind],
            "before_cpu": whoosh["api_before_latency_ms"][f"{kind}_cpu"],
            "after_cpu": whoosh["api_latency_ms"][f"{kind}_cpu"],
            "after_first_pass": whoosh["api_latency_ms"][f"{kind}_first"],
            "fts5_ids": figures["fts5"]["latency_ms"][kind],
        }
        for kind in ("typo", "exact", "prefix")
    }
    return {"services": n_services, "summary": summary, **figures}


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def report_relevance(found: dict[str, Any]) -> list[str]:
    lines = [
        f"Relevance: {found['queries']} judged queries on the shipped services.yaml",
        "",
        _row("engine", "recall@5", "MRR"),
        _row("---", "---:", "---:"),
    ]
    for name, figures in found["engines"].items():
        lines.append(_row(name, f"{figures['recall@5']:.3f}", f"{figures['mrr']:.3f}"))
    lines += ["", "By kind of query (recall@5 / MRR):", ""]
    engines = found["engines"]
    names = ("Whoosh before", "Whoosh", "FTS5")
    lines += [_row("kind", *names), _row("---", "---", "---", "---")]
    for kind in engines["Whoosh"]["by_kind"]:
        cells = [engines[n]["by_kind"][kind] for n in names]
        lines.append(_row(kind, *(f"{c[0]:.2f} / {c[1]:.2f}" for c in cells)))
    same = engines["Whoosh before"]["misses"] == engines["Whoosh"]["misses"]
    lines += ["", f"Whoosh before and after miss the same queries, ranked the same: {same}"]
    return lines


TARGETS = {5_000: 10.0, 50_000: 50.0}
"""Issue 15: p95 of the whole API page on typo queries, ms."""


def report_api(all_sizes: dict[int, dict[str, Any]]) -> list[str]:
    """The headline: the whole API page through the app, before and after."""
    lines = [
        "The whole API page (GET /api/v1/services?q=..., through the app), milliseconds,",
        "p50 / p95 wall-clock (CPU time of the process). Before: Whoosh's matchers and",
        "collector; after: the postings arrays. First pass: after, each query's first run on a",
        "fresh index (postings not yet read). Target: typo p95 <= 10 ms at 5,000, <= 50 at 50,000.",
        "",
        _row("services", "query", "before", "after", "after, first pass", "p95 target"),
        _row("---:", "---", "---", "---", "---", "---"),
    ]
    for size, figures in all_sizes.items():
        w = figures["whoosh"]
        for kind in ("typo", "exact", "prefix"):
            first = w["api_latency_ms"][f"{kind}_first"]
            target = TARGETS.get(size) if kind == "typo" else None
            met = ""
            if target is not None:
                p95 = w["api_latency_ms"][kind]["p95"]
                met = f"{target:.0f} ({'met' if p95 <= target else 'missed'})"
            lines.append(
                _row(
                    f"{size:,}",
                    kind,
                    _cell(w, "api_before_latency_ms", kind),
                    _cell(w, "api_latency_ms", kind),
                    f"{first['p50']:.1f} / {first['p95']:.1f}",
                    met,
                )
            )
    return lines


def _cell(figures: dict[str, Any], key: str, kind: str) -> str:
    wall, cpu = figures[key][kind], figures[key][f"{kind}_cpu"]
    return f"{wall['p50']:.1f} / {wall['p95']:.1f} ({cpu['p50']:.1f} / {cpu['p95']:.1f})"


def report_speed(all_sizes: dict[int, dict[str, Any]]) -> list[str]:
    lines = [
        "Ranking alone, milliseconds, p50 / p95: wall-clock (CPU time of the search process).",
        "Whoosh ranking (after): the top 10 ids, as FTS5 gives. Ratio: Whoosh ranking p95 over",
        "FTS5 p95, by CPU time.",
        "",
        _row("services", "query", "Whoosh ranking", "FTS5", "FTS5 + difflib", "ratio"),
        _row("---:", "---", "---", "---", "---", "---:"),
    ]
    cell = _cell

    for size, figures in all_sizes.items():
        w, f = figures["whoosh"], figures["fts5"]
        for kind in ("exact", "typo", "prefix"):
            ratio = w["latency_ms"][f"{kind}_cpu"]["p95"] / max(
                f["latency_ms"][f"{kind}_cpu"]["p95"], 1e-3
            )
            lines.append(
                _row(
                    f"{size:,}",
                    kind,
                    cell(w, "latency_ms", kind),
                    cell(f, "latency_ms", kind),
                    cell(f, "difflib_latency_ms", kind),
                    f"{ratio:.2f}×",
                )
            )
    lines += [
        "",
        _row(
            "services",
            "Whoosh build s",
            "FTS5 build s",
            "Whoosh start-up s",
            "Whoosh read-ahead s (terms)",
            "FTS5 start-up s",
            "Whoosh peak MB (over directory)",
            "FTS5 peak MB (over directory)",
        ),
        _row("---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"),
    ]
    for size, figures in all_sizes.items():
        w, f = figures["whoosh"], figures["fts5"]
        procs = f" ({w['build_procs']} processes)" if w["build_procs"] > 1 else ""
        writer = w["memory_mb"].get("writer_process", 0.0)
        writers = f", + {writer:.0f} per writer process" if w["build_procs"] > 1 else ""
        memory = w["memory_mb"]
        lines.append(
            _row(
                f"{size:,}",
                f"{w['build_s']:.1f}{procs}",
                f"{f['build_s']:.2f}",
                f"{w['startup_s']:.2f}",
                f"{w['warm_s']:.2f} ({w['warm_terms']:,})",
                f"{f['startup_s']:.2f}",
                f"{memory['peak_rss']:.0f} ({memory['over_directory']:.0f}{writers})",
                f"{f['memory_mb']['peak_rss']:.0f} ({f['memory_mb']['over_directory']:.0f})",
            )
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search", description=__doc__)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--repeat", type=int, default=0, help="timed passes per query set")
    parser.add_argument("--relevance-only", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--worker", nargs=2, metavar=("ENGINE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args([] if argv is None else list(argv))
    if args.worker:
        engine, size = args.worker[0], int(args.worker[1])
        print(json.dumps(worker(engine, size, args.repeat or 3)))
        return 0
    load_before = os.getloadavg()[0]
    found: dict[str, Any] = {"relevance": relevance()}
    print("\n".join(report_relevance(found["relevance"])))
    if not args.relevance_only:
        speed: dict[int, dict[str, Any]] = {}
        for size in (int(s) for s in args.sizes.split(",") if s):
            started = time.perf_counter()
            speed[size] = measure(size, args.repeat or None)
            print(f"\n({size:,} services measured in {time.perf_counter() - started:.0f} s)")
        found["speed"] = speed
        print()
        print("\n".join(report_api(speed)))
        print()
        print("\n".join(report_speed(speed)))
    found["load_average"] = [load_before, os.getloadavg()[0]]
    print(
        f"\nPython {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
        f"{load_before:.1f} at the start and {os.getloadavg()[0]:.1f} at the end; "
        "python -m benchmarks.search"
    )
    if args.json:
        args.json.write_text(json.dumps(found, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
