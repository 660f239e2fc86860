"""How long each report takes on many journey records (issue 11).

    python -m benchmarks.reports                     # 50,000 journeys in a new SQLite file
    python -m benchmarks.reports --journeys 5000 --url postgresql+psycopg://...

Fills an empty database (at the newest schema) with made-up journeys over twelve months, seeded
so every run is alike: 1 to 3 concerns, 1 to 2 areas, 2 to 5 offers, some near-misses, some
catch-all only, 3 % red flags, a third with feedback. Then times each report for all records
(the best of three runs) and prints the figures."""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert

from navigator.reports import REPORTS, Period
from navigator.store.models import (
    Feedback,
    JourneyArea,
    JourneyConcern,
    JourneyNearMiss,
    JourneyOffer,
    JourneyRecord,
)
from navigator.store.store import Store

CONCERNS = ("low-mood", "anxiety", "bonding", "sleep", "feeding", "crying", "trauma")
AGES = ("pregnancy", "0–5 months", "6–11 months", "12–23 months", "24–36 months")
AREAS = tuple(f"ward-{n}" for n in range(30))
ROUTES = ("referral", "self_referral", "consultation", "signposting", "training")
CRITERIA = ("age", "area", "need", "concern", "stage")
START = datetime(2026, 1, 1, tzinfo=UTC)


def fill(engine: Engine, journeys: int, seed: int = 11) -> None:
    """`journeys` made-up records and their rows, inserted in bulk."""
    rng = random.Random(seed)
    rows: dict[Any, list[dict[str, Any]]] = {
        table: []
        for table in (JourneyRecord, JourneyConcern, JourneyArea, JourneyOffer, JourneyNearMiss)
    }
    feedback: list[dict[str, Any]] = []
    for number in range(1, journeys + 1):
        hour = START + timedelta(hours=rng.randrange(365 * 24))
        red = rng.random() < 0.03
        rows[JourneyRecord].append(
            {
                "id": number,
                "ref": f"bench-{number}",
                "hour": hour,
                "pathway_id": "early-years",
                "pathway_version": "1",
                "audience": rng.choice(("family", "practitioner")),
                "age_band": None if red else rng.choice(AGES),
                "disposition": "emergency" if red else None,
                "catch_all_only": not red and rng.random() < 0.1,
            }
        )
        if red:
            continue
        for concern in rng.sample(CONCERNS, rng.randint(1, 3)):
            rows[JourneyConcern].append({"journey_id": number, "concern": concern})
        for area in rng.sample(AREAS, rng.randint(1, 2)):
            rows[JourneyArea].append({"journey_id": number, "area": area})
        for offer in rng.sample(range(40), rng.randint(2, 5)):
            route = ROUTES[offer % len(ROUTES)]
            rows[JourneyOffer].append(
                {"journey_id": number, "service": f"s{offer}", "route": route}
            )
        for miss in rng.sample(range(40), rng.choice((0, 0, 1, 2))):
            rows[JourneyNearMiss].append(
                {
                    "journey_id": number,
                    "service": f"s{miss}",
                    "route": "referral",
                    "criterion": rng.choice(CRITERIA),
                }
            )
        if rng.random() < 0.33:
            feedback.append(
                {
                    "journey_id": number,
                    "hour": hour,
                    "helped": rng.choice(("yes", "no", "partly")),
                    "text": rng.choice(("", "", "Helpful, thank you", "Too many services")),
                }
            )
    with engine.begin() as connection:
        for table, values in rows.items():
            if values:
                connection.execute(insert(table), values)
        if feedback:
            connection.execute(insert(Feedback), feedback)


def timings(engine: Engine, runs: int = 3) -> dict[str, tuple[float, int]]:
    """Each report's best time of `runs` (seconds) and its number of rows."""
    found: dict[str, tuple[float, int]] = {}
    for name, report in REPORTS.items():
        best, rows = float("inf"), 0
        for _ in range(runs):
            began = time.perf_counter()
            table = report.build(engine, Period())
            best = min(best, time.perf_counter() - began)
            rows = len(table.rows)
        found[name] = (best, rows)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reports")
    parser.add_argument("--journeys", type=int, default=50_000)
    parser.add_argument("--url", help="an empty database (default: a new SQLite file)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(args.url or f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            store.upgrade()
            began = time.perf_counter()
            fill(store.engine, args.journeys)
            print(
                f"{args.journeys} journeys inserted in {time.perf_counter() - began:.1f} s "
                f"({store.engine.dialect.name})"
            )
            for name, (seconds, rows) in timings(store.engine).items():
                print(f"{name}: {seconds * 1000:.0f} ms, {rows} rows")
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
