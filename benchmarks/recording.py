"""What recording a journey costs (docs/decisions/records.md): the part before the result page
is sent (the record's values from the result, and whether this browser's journey was already
recorded) and the write after it, on SQLite in a temporary folder, for journeys that differ.

Run: `python -m benchmarks recording`."""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, datetime
from itertools import product
from pathlib import Path

from navigator.content.loader import load
from navigator.engine import Result, navigate
from navigator.engine.outcome import AnswerValue
from navigator.store.records import Records
from navigator.store.store import Store
from navigator.web.recording import journey_of

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "good"


def _ms(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def measure(rounds: int = 3) -> tuple[list[float], list[float]]:
    """Seconds before the page and seconds of the write, one of each per distinct journey."""
    bundle = load([FIXTURES / "services.yaml", FIXTURES / "pathways"])
    assert bundle.directory is not None
    pathway, directory = bundle.pathways[0][0], bundle.directory
    before: list[float] = []
    after: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'n.db'}")
        store.upgrade()
        records = Records(store.engine)
        answers_list: list[dict[str, AnswerValue]] = [
            {
                "red_flags": ["none"], "audience": "practitioner", "stage": "postnatal",
                "age": age, "concerns": [concern], "need": need, "postcode": "unknown",
            }
            for _ in range(rounds)
            for age, concern, need in product(
                range(0, 36, 3), ("bonding", "low-mood", "sleep"), ("emerging", "persistent")
            )
        ]  # fmt: skip
        for number, answers in enumerate(answers_list):
            result = navigate(pathway, directory, answers)
            assert isinstance(result, Result)
            start = time.perf_counter()
            journey = journey_of(pathway, directory, result, answers, None, datetime.now(UTC))
            once = records.seen_key(journey, f"browser-{number}")
            first = records.seen(once)
            middle = time.perf_counter()
            if first is None:
                records.add(journey, once=once, ref=records.new_ref())
            end = time.perf_counter()
            before.append(middle - start)
            after.append(end - middle)
        store.close()
    return before, after


def main() -> None:
    before, after = measure()
    print(f"Recording {len(before)} journeys on SQLite:")
    print(f"  before the page is sent (values + already recorded?): {_ms(before)}")
    print(f"  the write, after the page is sent:                    {_ms(after)}")


if __name__ == "__main__":
    main()
