"""COV-002, a specialist need met only by catch-alls: for a concern at the specialist level of
need, the only services that would work with the family (a consultation, a referral or a
self-referral) are catch-alls (a route that takes every concern, or a route of the
pathway's `fallback`): the GP, health visiting, Family Hubs. COV-001 counts those as coverage,
and for most worries they are the right first step; for a specialist need they are not.

The specialist level is the last of `need_levels` (they go from least to most), when there are
at least three: the scale then runs from universal through targeted to specialist, as
Bradford's Continuum of Need does ("high or complex need (specialist)"). With one or two levels
the highest is not a specialist one, and the check says nothing.

A warning, one per concern, at the concern's definition in services.yaml, with the ages and
places. It looks only where the pathway's own catch-alls work (the areas its `fallback` routes
name, when they name any): outside them the navigator offers national services only, and
`navigator coverage` maps those places too.

Also REF-001 for a pathway's `overlaps` that name a service or a concern that does not exist.
"""

from __future__ import annotations

from datetime import date

from navigator.checker.coverage_map import WHERE, CoverageMap
from navigator.checker.references import service_problem
from navigator.checker.scope import Scope, either, quoted
from navigator.content.directory import Directory
from navigator.content.finding import Finding, finding, spelt
from navigator.content.pathway import Pathway
from navigator.content.vocabulary import ALL
from navigator.engine.result import resolve

SPECIALIST_SCALE = 3
"""The fewest levels of need for the highest to be a specialist one."""


def check_specialist(scope: Scope) -> list[Finding]:
    directory = scope.directory
    if directory is None:
        return []
    found: list[Finding] = []
    for pathway in scope.pathways():
        found += _overlap_references(scope, pathway, directory)
        found += _known_gap_references(scope, pathway, directory)
        if len(directory.need_levels) >= SPECIALIST_SCALE:
            found += _specialist(CoverageMap(pathway, directory), scope.today)
    return found


def _specialist(coverage: CoverageMap, today: date) -> list[Finding]:
    directory = coverage.directory
    highest = directory.need_levels[-1]
    home = _home(coverage.pathway, directory)
    by_concern: dict[str, list[int]] = {}
    cells = coverage.gaps()
    for number, cell in enumerate(cells):
        place = cell.value("place").facts.get("areas")
        in_home = home is None or place is None or bool(place & home)
        if cell.status == "catch_all" and cell.value("need").id == highest.id and in_home:
            by_concern.setdefault(cell.value("concern").id, []).append(number)
    found = []
    for concern in directory.concerns:
        numbers = by_concern.get(concern.id)
        if not numbers or coverage.pathway.known_gap(concern.id, highest.id, today):
            continue
        chosen = [cells[n] for n in numbers]
        where = "; ".join(coverage.where(chosen, WHERE))
        shown = 0
        for cell in chosen:
            shown |= cell.shown & coverage.direct & coverage.catch_all
        found.append(
            finding(
                "COV-002",
                concern.at,
                f"no specialist service for '{concern.id}' at the specialist level of need "
                f"('{highest.id}'), {where}: only catch-alls would work with the family there "
                f"({quoted(coverage.services(shown))}, whose routes take every concern or are "
                f"the pathway's fallback).",
                either(
                    f"add a route that takes '{concern.id}' at need '{highest.id}' for these "
                    "ages and places to a specialist service in services.yaml",
                    "add the service that does this work to the directory",
                    "record the gap under the pathway's `known_gaps` with the reason, so "
                    "commissioners see it",
                ),
            )
        )
    return found


def _home(pathway: Pathway, directory: Directory) -> set[str] | None:
    """The areas the pathway's fallback routes name, and every area within them; None when
    they name none (then everywhere is home)."""
    named: set[str] = set()
    for ref in pathway.fallback:
        found = resolve(ref, directory)
        if found is not None and found[1].eligibility.areas != ALL:
            named.update(found[1].eligibility.areas)
    if not named:
        return None
    return {a.id for a in directory.areas if named & set(directory.ancestors(a.id))}


def _known_gap_references(scope: Scope, pathway: Pathway, directory: Directory) -> list[Finding]:
    found: list[Finding] = []
    vocabularies = {
        "concern": [c.id for c in directory.concerns],
        "need": [n.id for n in directory.need_levels],
    }
    for number, gap in enumerate(pathway.known_gaps, 1):
        for field, ids in vocabularies.items():
            id = getattr(gap, field)
            if id not in ids:
                found.append(
                    finding(
                        "REF-001",
                        gap.field_at(field),
                        f"known gap {number} names {field} '{id}', which is not in the directory.",
                        spelt(id, ids) + either(f"correct the {field} id", "remove the gap"),
                    )
                )
    return found


def _overlap_references(scope: Scope, pathway: Pathway, directory: Directory) -> list[Finding]:
    found: list[Finding] = []
    concerns = [c.id for c in directory.concerns]
    for number, overlap in enumerate(pathway.overlaps, 1):
        for index, id in enumerate(overlap.services):
            problem = service_problem(directory, id)
            if problem:
                found.append(
                    finding(
                        "REF-001",
                        scope.at(overlap, "services", index),
                        f"agreed overlap {number} names service '{id}', {problem}",
                        spelt(id, [s.id for s in directory.services])
                        + either("correct the service id", "remove it from the overlap"),
                    )
                )
        if overlap.concerns == ALL:
            continue
        for index, id in enumerate(overlap.concerns):
            if id not in concerns:
                found.append(
                    finding(
                        "REF-001",
                        scope.at(overlap, "concerns", index),
                        f"agreed overlap {number} names concern '{id}', which is not in the "
                        "directory's `concerns`.",
                        spelt(id, concerns)
                        + either("correct the concern id", "remove it from the overlap"),
                    )
                )
    return found
