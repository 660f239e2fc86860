"""The web app's speed, measured in process: requests go straight to the ASGI app (no
network, no HTTP client), one after another, with the app's lifespan running.

Prints the result page's server time (median, p95) and its throughput as a ratio to the
trivial `/healthz` route of the same app in the same run, so the figure says how much the
engine and the templates cost whatever the machine. Run: `python -m benchmarks.web`."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from navigator.content.loader import load
from navigator.settings import Settings
from navigator.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "good"

RESULT = (
    "/pathways/early-years/result",
    "red_flags=none&audience=practitioner&stage=postnatal&age=5&concerns=bonding"
    "&need=persistent&postcode=BD3+8AA",
)
QUESTION = ("/pathways/early-years/questions/stage", "red_flags=none&audience=practitioner")
HEALTH = ("/healthz", "")

WARM_UP = 30
ROUNDS = 400

ASGIApp = Callable[
    [dict[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
    Awaitable[None],
]


@dataclass(frozen=True)
class Timing:
    name: str
    seconds: list[float]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def p95_ms(self) -> float:
        return statistics.quantiles(self.seconds, n=20)[18] * 1000

    @property
    def per_second(self) -> float:
        return len(self.seconds) / sum(self.seconds)


def content_root() -> Path:
    """The shipped content if it loads cleanly with the result's answers, else the example."""
    bundle = load([ROOT / "services.yaml", ROOT / "pathways"])
    shipped_ok = (
        bundle.directory is not None and not bundle.findings and bundle.pathway("early-years")
    )
    return ROOT if shipped_ok else FIXTURES


async def request(app: ASGIApp, path: str, query: str) -> int:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("bench", 80),
        "state": {},
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def measure(app: ASGIApp, name: str, path: str, query: str) -> Timing:
    for _ in range(WARM_UP):
        assert await request(app, path, query) == 200, (name, path)
    seconds = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        await request(app, path, query)
        seconds.append(time.perf_counter() - start)
    return Timing(name, seconds)


async def run(app: Any) -> list[Timing]:
    inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    started = asyncio.Event()

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "lifespan.startup.complete":
            started.set()

    await inbox.put({"type": "lifespan.startup"})
    lifespan = asyncio.create_task(
        app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, inbox.get, send)
    )
    await started.wait()
    try:
        timings = [
            await measure(app, "result page", *RESULT),
            await measure(app, "question page", *QUESTION),
            await measure(app, "/healthz", *HEALTH),
        ]
    finally:
        await inbox.put({"type": "lifespan.shutdown"})
        await lifespan
    return timings


def main() -> None:
    root = content_root()
    with tempfile.TemporaryDirectory() as state:
        settings = Settings(content_root=root, state_dir=Path(state), content_poll_seconds=0)
        timings = asyncio.run(run(create_app(settings)))
    health = next(t for t in timings if t.name == "/healthz")
    content = "shipped content" if root == ROOT else "example content (tests/fixtures/good)"
    print(f"In process, sequential, {ROUNDS} requests each after {WARM_UP} to warm up; {content}.")
    print(f"{'route':<16}{'median ms':>11}{'p95 ms':>9}{'req/s':>9}{'vs /healthz':>13}")
    for timing in timings:
        ratio = timing.per_second / health.per_second
        print(
            f"{timing.name:<16}{timing.median_ms:>11.2f}{timing.p95_ms:>9.2f}"
            f"{timing.per_second:>9.0f}{ratio:>13.3f}"
        )


if __name__ == "__main__":
    main()
