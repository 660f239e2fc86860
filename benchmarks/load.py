"""Serving many at once: `navigator serve --workers N` on loopback, driven by 200 concurrent
connections for a bounded time against the result page, search and `/healthz`, one target
after another. Reports, for each, the requests, errors, p50 and p99 latency and the
throughput, and the result/healthz throughput ratio.

Run: `python -m benchmarks load` (defaults: 2 workers, 200 connections, 10 s a target), or
`python -m benchmarks.load --workers 1 --connections 200 --seconds 10`. Traffic goes only to
127.0.0.1, to a server this command starts and stops itself."""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]

RESULT = (
    "/pathways/early-years/result?red_flags=none&audience=practitioner&stage=postnatal&age=6"
    "&concerns=bonding&need=emerging&postcode=BD3+8AA"
)
SEARCH = "/search?q=low+mood+after+birth"
HEALTH = "/healthz"
TARGETS = {"result": RESULT, "search": SEARCH, "healthz": HEALTH}


@dataclass
class Load:
    """What one target got: latencies of the good answers (seconds), errors, duration."""

    name: str
    latencies: list[float]
    errors: int
    seconds: float

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        ordered = sorted(self.latencies) or [0.0]
        p50 = statistics.median(ordered) * 1000
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
        return (
            f"{self.name:8} {len(self.latencies):7d} ok {self.errors:5d} errors  "
            f"p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  {self.throughput:7.1f} req/s"
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start(workers: int, state: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`navigator serve` on a free loopback port with the shipped content; waits until it
    answers `/healthz` (at most 60 s)."""
    port = _free_port()
    env = {
        **os.environ,
        "NAVIGATOR_CONTENT_ROOT": str(ROOT),
        "NAVIGATOR_STATE_DIR": str(state),
        "NAVIGATOR_CONTENT_POLL_SECONDS": "0",
    }
    script = Path(sys.executable).parent / "navigator"  # the console script beside python
    command = [str(script), "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("navigator serve stopped before it answered")
        try:
            if httpx.get(base + HEALTH, timeout=1).status_code == 200:
                # Every worker opens the index on its first search: warm them all up.
                for _ in range(4 * workers):
                    httpx.get(base + SEARCH, timeout=30)
                    httpx.get(base + RESULT, timeout=30)
                return server, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise RuntimeError("navigator serve did not answer within 60 s")


async def drive(base: str, name: str, path: str, connections: int, seconds: float) -> Load:
    """`connections` clients, each sending `path` again as soon as the last answer came, until
    `seconds` have passed."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        start_at = time.monotonic()
        stop_at = start_at + seconds

        async def one() -> None:
            nonlocal errors
            while time.monotonic() < stop_at:
                began = time.monotonic()
                try:
                    answer = await client.get(path)
                    if answer.status_code == 200:
                        latencies.append(time.monotonic() - began)
                    else:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1

        await asyncio.gather(*(one() for _ in range(connections)))
        took = time.monotonic() - start_at
    return Load(name, latencies, errors, took)


def run(workers: int, connections: int, seconds: float) -> dict[str, Load]:
    with tempfile.TemporaryDirectory(prefix="navigator-load-") as state:
        server, base = start(workers, Path(state))
        try:
            return {
                name: asyncio.run(drive(base, name, path, connections, seconds))
                for name, path in TARGETS.items()
            }
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    found = run(args.workers, args.connections, args.seconds)
    print(
        f"{args.workers} worker(s), {args.connections} connections, "
        f"{args.seconds:g} s a target, on 127.0.0.1"
    )
    for load in found.values():
        print(load.line())
    ratio = found["result"].throughput / max(found["healthz"].throughput, 1e-9)
    print(f"result/healthz throughput: {ratio:.2f}")


if __name__ == "__main__":
    main()
