"""How long the result pages are, in real Chromium: on a phone (390×844) and printed on A4.

Serves the shipped content with uvicorn in a thread, opens the result page of every shipped
scenario (`pathways/*.scenarios.yaml`) that ends in a result, and prints for each its height in
screens (page height / 844 px), the printed page count (Chromium's own PDF on A4 with 10 mm
margins, after the page's `beforeprint` handlers have run, as a real print does), and how far
down the first way in to a service is (a `tel:`, `mailto:` or web address in a service's card
or in the urgent actions, or the words "through your health visitor" and the like).
Then the median and the largest, for journey results and for urgent results apart.

Run: `python -m benchmarks.pages` (part of `make bench`). Needs /usr/bin/chromium."""

from __future__ import annotations

import re
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import uvicorn
from playwright.sync_api import Page, sync_playwright

from navigator.cli.common import locator
from navigator.content.loader import load
from navigator.engine import Result, navigate
from navigator.settings import Settings
from navigator.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
WIDTH, HEIGHT = 390, 844
MARGIN = "10mm"

TARGET_SCREENS = 3.0
"""A typical (median) journey result is at most 3 screens long at 390×844."""
TARGET_PAGES = 4
"""A typical (median) journey result prints on at most 4 A4 pages."""

FIRST_CONTACT = """() => {
  const within = ["main .app-card", "main .app-actions"];
  const kinds = ["a[href^='tel:']", "a[href^='mailto:']", "a[href^='http']"];
  const links = within.flatMap(w => kinds.map(k => `${w} ${k}`));
  const selector = [...links, "main .app-card .app-through"].join(", ");
  const shown = [...document.querySelectorAll(selector)].filter(a => a.checkVisibility());
  if (!shown.length) return null;
  return shown[0].getBoundingClientRect().top + window.scrollY;
}"""


@dataclass(frozen=True)
class Scenario:
    id: str
    url: str
    urgent: bool


@dataclass(frozen=True)
class Measure:
    scenario: Scenario
    height: int
    pages: int
    first_contact: float | None

    @property
    def screens(self) -> float:
        return self.height / HEIGHT


def scenarios(root: Path = ROOT) -> list[Scenario]:
    """Every shipped scenario that ends in a result, with the address of its result page."""
    bundle = load([root / "services.yaml", root / "pathways"])
    if bundle.directory is None:
        raise SystemExit("the shipped content does not load: run `navigator check`")
    pathways = {p.id: p for p, _ in bundle.pathways}
    lookup = locator()
    found = []
    for file, _ in bundle.scenario_files:
        pathway = pathways[file.pathway]
        for scenario in file.scenarios:
            outcome = navigate(pathway, bundle.directory, scenario.answers, lookup)
            if isinstance(outcome, Result):
                query = urlencode(scenario.answers, doseq=True)
                url = f"/pathways/{pathway.id}/result?{query}"
                found.append(Scenario(scenario.id, url, outcome.urgent))
    return found


def page_count(pdf: bytes) -> int:
    """The pages of a PDF as Chromium writes it: one `/Type /Page` object each."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """The site on `root`'s content, in a thread, for as long as the block runs."""
    with tempfile.TemporaryDirectory() as state:
        settings = Settings(content_root=root, state_dir=Path(state), content_poll_seconds=0)
        port = _free_port()
        config = uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=port, log_level="warning"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)


def measure(page: Page, scenario: Scenario) -> Measure:
    response = page.goto(scenario.url)
    if response is None or response.status != 200:
        raise RuntimeError(f"{scenario.id}: {scenario.url} did not answer 200")
    height = int(page.evaluate("document.documentElement.scrollHeight"))
    first = page.evaluate(FIRST_CONTACT)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = page.pdf(
        format="A4", margin={"top": MARGIN, "bottom": MARGIN, "left": MARGIN, "right": MARGIN}
    )
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    return Measure(scenario, height, page_count(pdf), None if first is None else float(first))


def measure_all(root: Path = ROOT) -> list[Measure]:
    plan = scenarios(root)
    with serving(root) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(
            base_url=base, viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1
        )
        page = context.new_page()
        try:
            return [measure(page, s) for s in plan]
        finally:
            browser.close()


def summary(name: str, measures: list[Measure]) -> str:
    if not measures:
        return f"{name}: none"
    screens = [m.screens for m in measures]
    pages = [m.pages for m in measures]
    contacts = [m.first_contact for m in measures if m.first_contact is not None]
    first = (
        f"; a way in shown in {len(contacts)}, the first at median "
        f"{statistics.median(contacts):.0f} px"
        if contacts
        else "; no way in shown"
    )
    return (
        f"{name} ({len(measures)}): height median {statistics.median(screens):.1f} screens, "
        f"max {max(screens):.1f}; printed median {statistics.median(pages):g} A4 pages, "
        f"max {max(pages)}{first}"
    )


def main() -> None:
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run `make chromium`")
    measures = measure_all()
    print(f"Result pages of the shipped scenarios in Chromium at {WIDTH}×{HEIGHT}; A4 print.")
    print(f"{'scenario':<40}{'height px':>10}{'screens':>9}{'A4 pages':>9}{'way in px':>11}")
    for m in measures:
        contact = "-" if m.first_contact is None else f"{m.first_contact:.0f}"
        print(f"{m.scenario.id:<40}{m.height:>10}{m.screens:>9.1f}{m.pages:>9}{contact:>11}")
    journeys = [m for m in measures if not m.scenario.urgent]
    urgent = [m for m in measures if m.scenario.urgent]
    print(summary("journey results", journeys))
    print(summary("urgent results", urgent))
    if journeys:
        screens = statistics.median(m.screens for m in journeys)
        pages = statistics.median(m.pages for m in journeys)
        met = screens <= TARGET_SCREENS and pages <= TARGET_PAGES
        print(
            f"target: median ≤ {TARGET_SCREENS:g} screens and ≤ {TARGET_PAGES} A4 pages: "
            f"{'met' if met else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
