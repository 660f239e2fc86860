"""The map of remits, gaps and overlaps, on content with one known gap and one known overlap
(tests/fixtures/coverage)."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from navigator.checker.coverage_dimensions import BUILDERS, DIMENSIONS
from navigator.checker.coverage_map import WHERE, CoverageMap
from navigator.content.directory import Directory
from navigator.content.loader import load
from navigator.content.pathway import NONE_OF_THESE, RED_FLAGS, Pathway
from navigator.content.vocabulary import Criterion
from navigator.engine.navigate import navigate
from navigator.engine.outcome import AnswerValue, Result
from tests.conftest import FIXTURES

COVERAGE = FIXTURES / "coverage"
AGREEMENT = """
overlaps:
  - services: [{services}]
    concerns: [low-mood]
    reason: Each low mood service has its own waiting list; the complex needs team triages.
    agreed_by: Perinatal commissioning group
    agreed_on: 2026-11-20
"""
FOUR = "mood-a, mood-b, mood-c, complex-team"


def loaded(root: Path) -> tuple[Pathway, Directory]:
    bundle = load([root / "services.yaml", root / "pathways"])
    assert not bundle.findings and bundle.directory is not None
    return bundle.pathways[0][0], bundle.directory


def agreed_copy(tmp_path: Path, services: str) -> Path:
    shutil.copytree(COVERAGE, tmp_path / "content")
    pathway = tmp_path / "content" / "pathways" / "mini.yaml"
    with pathway.open("a", encoding="utf-8") as file:
        file.write(AGREEMENT.format(services=services))
    return tmp_path / "content"


@pytest.fixture
def coverage() -> CoverageMap:
    return CoverageMap(*loaded(COVERAGE))


def keys(cells: object) -> set[tuple[str, ...]]:
    assert isinstance(cells, (list, tuple))
    return {tuple(c.value(d).id for d in DIMENSIONS) for c in cells}


def test_the_dimensions_are_cut_at_every_boundary(coverage: CoverageMap) -> None:
    values = {d.name: [v.id for v in d.values] for d in coverage.dimensions}
    assert values == {
        "audience": ["practitioner"],
        "period": ["pregnancy", "0-11", "12-24"],  # the infant team stops at 12 months
        "concern": ["bonding", "low-mood"],
        "need": ["emerging", "complex"],
        "facts": ["none", "little-english"],
        "place": ["outside", "bradford"],
    }
    assert len(coverage.cells()) == 1 * 3 * 2 * 2 * 2 * 2


def test_every_criterion_is_decided_by_a_dimension(coverage: CoverageMap) -> None:
    # A new eligibility criterion needs a dimension here, or the map would ignore it.
    decided = set().union(*(d.criteria for d in coverage.dimensions))
    assert decided == set(Criterion)
    assert [d.name for d in coverage.dimensions] == list(DIMENSIONS)
    assert len(BUILDERS) == len(DIMENSIONS)


def test_the_known_gap_is_found_exactly(coverage: CoverageMap) -> None:
    p = "practitioner"
    outside = {
        (p, period, concern, need, facts, "outside")
        for period in ("pregnancy", "0-11", "12-24")
        for concern in ("bonding", "low-mood")
        for need in ("emerging", "complex")
        for facts in ("none", "little-english")
    }
    # After the infant team, only the language group, and only for parents with little English.
    after_the_infant_team = {
        (p, "12-24", "bonding", need, "none", "bradford") for need in ("emerging", "complex")
    }
    assert keys(coverage.gaps()) == outside | after_the_infant_team
    assert {c.status for c in coverage.gaps()} == {"catch_all"}


def test_a_cell_lists_what_fits_by_kind(coverage: CoverageMap) -> None:
    [cell] = [
        c
        for c in coverage.cells()
        if keys([c]) == {("practitioner", "0-11", "bonding", "complex", "none", "bradford")}
    ]
    assert cell.status == "specific"
    assert coverage.by_kind(cell.fits) == {
        "consultation": [],
        "referral": ["infant-team"],
        "self_referral": ["gp"],
        "signposting": [],
        "training": [],
    }
    assert cell.rule is not None and cell.rule.id == "refer"


def test_a_named_fact_opens_a_route_only_where_it_holds(coverage: CoverageMap) -> None:
    found = {
        c.value("facts").id: c
        for c in coverage.cells()
        if keys([c])
        & {
            ("practitioner", "12-24", "bonding", "emerging", f, "bradford")
            for f in ("none", "little-english")
        }
    }
    assert coverage.services(found["little-english"].shown) == ["gp", "language-group"]
    assert coverage.services(found["none"].shown) == ["gp"]


def test_the_known_overlap_is_found_exactly(coverage: CoverageMap) -> None:
    [group] = coverage.overlaps()
    assert group.services == ("mood-a", "mood-b", "mood-c", "complex-team")
    assert group.agreement is None
    assert keys(group.cells) == {
        ("practitioner", period, "low-mood", "complex", facts, "bradford")
        for period in ("pregnancy", "0-11", "12-24")
        for facts in ("none", "little-english")
    }


def test_the_limit_of_referral_options_is_a_setting() -> None:
    pathway, directory = loaded(COVERAGE)
    assert CoverageMap(pathway, directory, max_referrals=4).overlaps() == []
    three = CoverageMap(pathway, directory, max_referrals=2).overlaps()
    assert {g.services for g in three} == {
        ("mood-a", "mood-b", "mood-c"),
        ("mood-a", "mood-b", "mood-c", "complex-team"),
    }


def test_an_agreed_overlap_moves_to_agreed(tmp_path: Path) -> None:
    coverage = CoverageMap(*loaded(agreed_copy(tmp_path, FOUR)))
    [group] = coverage.overlaps()
    assert group.agreement is not None
    assert group.agreement.agreed_by == "Perinatal commissioning group"
    counts = coverage.as_json()["counts"]
    assert (counts["overlaps"], counts["agreed"]) == (0, 6)


def test_an_agreement_without_every_service_does_not_explain_the_overlap(tmp_path: Path) -> None:
    # The complex needs team joined after the agreement: the overlap is new again.
    coverage = CoverageMap(*loaded(agreed_copy(tmp_path, "mood-a, mood-b, mood-c")))
    [group] = coverage.overlaps()
    assert group.agreement is None


def test_the_gaps_read_as_ranges(coverage: CoverageMap) -> None:
    bonding = coverage.gaps_by_concern()[("bonding", "complex")]
    assert coverage.where(bonding, WHERE) == [
        "at any stage, outside every named area",
        "after the birth at 12–24 months, except where the parent speaks little English, "
        "in Bradford",
    ]


def test_the_json_has_every_cell_and_the_gaps_and_overlaps(coverage: CoverageMap) -> None:
    data = coverage.as_json()
    assert data["counts"] == {
        "cells": 48,
        "specific": 22,
        "catch_all": 26,
        "fallback": 0,
        "gaps": 26,
        "overlaps": 6,
        "agreed": 0,
    }
    assert data["catch_alls"] == ["gp/self_referral"]
    assert len(data["cells"]) == 48
    assert [(g["concern"], g["need"]) for g in data["gaps"]] == [
        ("bonding", "emerging"),
        ("bonding", "complex"),
        ("low-mood", "emerging"),
        ("low-mood", "complex"),
    ]
    [overlap] = data["overlaps"]
    assert overlap["services"] == ["mood-a", "mood-b", "mood-c", "complex-team"]
    assert overlap["referrals"] == 4 and overlap["agreed"] is None


def test_the_shipped_content_is_mapped_in_about_a_second_at_most() -> None:
    # CPU time, not wall time: the machine is shared. About 0.3 s for 28,080 cells today.
    root = Path(__file__).parent.parent.parent
    pathway, directory = loaded(root)
    started = time.process_time()
    cells = CoverageMap(pathway, directory).cells()
    assert time.process_time() - started < 1.5
    assert len(cells) > 1000


@dataclass(frozen=True)
class FakePlace:
    """A postcode placed exactly in the areas of one of the map's places."""

    areas: tuple[str, ...]
    postcode: str = "BD1 1AA"
    known: bool = True
    covered: bool = True
    near_boundary: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    message: str = ""


@dataclass(frozen=True)
class FakeLocator:
    areas: tuple[str, ...]

    def locate(self, text: str) -> FakePlace:
        return FakePlace(self.areas)


@pytest.mark.parametrize("root", [COVERAGE, FIXTURES / "good"], ids=["coverage", "good"])
def test_every_cell_shows_what_the_engine_shows(root: Path) -> None:
    pathway, directory = loaded(root)
    coverage = CoverageMap(pathway, directory)
    for cell in coverage.cells():
        answers: dict[str, AnswerValue] = {RED_FLAGS: [NONE_OF_THESE]}
        for value in cell.values:
            answers.update(value.answers)
        areas = tuple(sorted(cell.value("place").facts.get("areas", ())))
        result = navigate(pathway, directory, answers, FakeLocator(areas))
        assert isinstance(result, Result), keys([cell])
        shown = {f"{c.service_id}/{c.route}" for c in [*result.cards(), *result.ask_about]}
        if cell.status == "fallback":
            assert result.fallback, keys([cell])
        else:
            assert shown == set(coverage.refs(cell.shown)), keys([cell])
