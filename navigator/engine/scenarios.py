"""Scenarios: given answers, expect a question or a result. Run by `navigator test` and in CI,
against the same engine the site uses, with the coverage they reach."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from navigator.content.directory import Directory
from navigator.content.loader import Bundle
from navigator.content.pathway import Pathway, Scenario
from navigator.engine.facts import Locator
from navigator.engine.navigate import navigate
from navigator.engine.outcome import Ask, Outcome, Result


@dataclass(frozen=True)
class Failure:
    """One expectation a scenario did not meet."""

    scenario: str
    at: str
    what: str
    expected: str
    actual: str

    def __str__(self) -> str:
        return (
            f"{self.at}: scenario '{self.scenario}': {self.what}\n"
            f"    expected: {self.expected}\n    actual:   {self.actual}"
        )


@dataclass
class Coverage:
    """What the scenarios reach, against what there is to reach."""

    services: set[str] = field(default_factory=set)
    routes: set[str] = field(default_factory=set)
    red_flags: set[str] = field(default_factory=set)
    all_services: set[str] = field(default_factory=set)
    all_routes: set[str] = field(default_factory=set)
    all_red_flags: set[str] = field(default_factory=set)

    def _kinds(self) -> dict[str, tuple[set[str], set[str]]]:
        """For each kind of thing, what the scenarios reach and all there is."""
        return {
            "services": (self.services, self.all_services),
            "routes": (self.routes, self.all_routes),
            "red flags": (self.red_flags, self.all_red_flags),
        }

    def percentages(self) -> dict[str, int]:
        """The share of each kind reached, in whole per cent, as `lines` prints it."""
        return {
            name: round(_percent(reached, total))
            for name, (reached, total) in self._kinds().items()
        }

    def lines(self) -> list[str]:
        return [
            f"{name}: {len(reached & total)}/{len(total)} ({_percent(reached, total):.0f}%)"
            for name, (reached, total) in self._kinds().items()
        ]

    def missing(self) -> dict[str, list[str]]:
        return {name: sorted(total - reached) for name, (reached, total) in self._kinds().items()}


def _percent(reached: set[str], total: set[str]) -> float:
    return 100.0 * len(reached & total) / len(total) if total else 100.0


def run(
    scenario: Scenario, pathway: Pathway, directory: Directory, locator: Locator | None
) -> tuple[Outcome, list[Failure]]:
    """Run one scenario; the outcome and every expectation it failed."""
    outcome = navigate(pathway, directory, scenario.answers, locator)
    return outcome, list(_failures(scenario, outcome))


def _failures(scenario: Scenario, outcome: Outcome) -> Iterable[Failure]:
    expect = scenario.expect

    def fail(what: str, field_name: str, expected: object, actual: object) -> Failure:
        return Failure(
            scenario.id, expect.field_at(field_name).short, what, str(expected), str(actual)
        )

    if isinstance(outcome, Ask):
        shown = f"the question '{outcome.question_id}'" + (
            f" with the error '{outcome.error}'" if outcome.error else ""
        )
        if expect.asks is None:
            yield fail("the journey did not reach a result", "asks", "a result", shown)
        elif expect.asks != outcome.question_id:
            yield fail("a different question came next", "asks", expect.asks, outcome.question_id)
        return
    if expect.asks is not None:
        yield fail("a result came instead of a question", "asks", expect.asks, outcome.disposition)
    if expect.disposition is not None and expect.disposition != outcome.disposition:
        yield fail(
            "a different disposition", "disposition", expect.disposition, outcome.disposition
        )
    offered = _offered(outcome)
    for ref in expect.includes:
        if ref not in offered:
            yield fail(f"'{ref}' was not offered", "includes", ref, ", ".join(sorted(offered)))
    for ref in expect.excludes:
        hits = [o for o in offered if o == ref or o.split("/")[0] == ref]
        if hits:
            yield fail(f"'{ref}' was offered", "excludes", f"no {ref}", ", ".join(hits))
    near = {f"{n.service_id}/{n.route}" for n in outcome.near_misses}
    for ref in expect.near_misses:
        if ref not in near:
            yield fail(f"'{ref}' was not a near-miss", "near_misses", ref, ", ".join(sorted(near)))
    if expect.consult_first is not None and expect.consult_first != outcome.consult_first:
        yield fail(
            "'consult first' differs", "consult_first", expect.consult_first, outcome.consult_first
        )


def plan(bundle: Bundle) -> tuple[list[tuple[Pathway, Scenario]], list[str]]:
    """Every scenario of the bundle with its pathway (those in the pathway files, then those in
    scenario files), and the scenario files whose pathway is not there (as messages)."""
    pathways = {p.id: p for p, _ in bundle.pathways}
    found: list[tuple[Pathway, Scenario]] = [(p, s) for p in pathways.values() for s in p.scenarios]
    orphans = []
    for file, source in bundle.scenario_files:
        pathway = pathways.get(file.pathway)
        if pathway is None:
            orphans.append(f"{source.path}: no pathway '{file.pathway}' for these scenarios")
            continue
        found.extend((pathway, s) for s in file.scenarios)
    return found, orphans


def _offered(result: Result) -> set[str]:
    return {f"{c.service_id}/{c.route}" for c in [*result.cards(), *result.ask_about]}


def coverage_of(
    outcomes: Iterable[Outcome], pathways: Iterable[Pathway], directory: Directory
) -> Coverage:
    """The share of services, routes and red flags that some scenario reaches."""
    cover = Coverage()
    for service in directory.services:
        if not service.active:
            continue
        cover.all_services.add(service.id)
        cover.all_routes.update(f"{service.id}/{r.kind.value}" for r in service.routes)
    for pathway in pathways:
        cover.all_red_flags.update(f.id for f in pathway.red_flags)
    for outcome in outcomes:
        if not isinstance(outcome, Result):
            continue
        offered = _offered(outcome)
        cover.routes.update(offered)
        cover.services.update(o.split("/")[0] for o in offered)
        cover.red_flags.update(outcome.red_flags)
    return cover


__all__ = ["Coverage", "Failure", "coverage_of", "plan", "run"]
