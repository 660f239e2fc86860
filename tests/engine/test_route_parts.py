"""The parts a result keeps per content version (`RouteParts`) make the same result, again and
again, as building every card and near-miss from scratch; a result's lists are its own; and a
directory that is no longer used is freed, its parts with it."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from navigator.content.loader import Bundle, load
from navigator.engine import Result, navigate
from navigator.engine.route_index import route_index

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped() -> Bundle:
    bundle = load([ROOT / "services.yaml", ROOT / "pathways"])
    assert bundle.directory is not None and not bundle.findings
    return bundle


def test_repeated_results_match_a_fresh_build(shipped: Bundle) -> None:
    directory = shipped.directory
    assert directory is not None
    pathways = {p.id: p for p, _ in shipped.pathways}
    shown = 0
    for file, _ in shipped.scenario_files:
        for scenario in file.scenarios:
            pathway = pathways[file.pathway]
            fresh = navigate(pathway, directory, scenario.answers, scan=True)
            for _ in range(2):  # the second time, every part comes from the index's parts
                again = navigate(pathway, directory, scenario.answers)
                assert again == fresh
            if isinstance(fresh, Result):
                shown += len(fresh.cards()) + len(fresh.near_misses)
    assert shown > 100


def test_a_result_s_lists_are_its_own(shipped: Bundle) -> None:
    directory = shipped.directory
    assert directory is not None
    pathways = {p.id: p for p, _ in shipped.pathways}
    file = shipped.scenario_files[0][0]
    for scenario in file.scenarios:
        pathway = pathways[file.pathway]
        first = navigate(pathway, directory, scenario.answers)
        if not isinstance(first, Result) or not first.cards():
            continue
        fresh = navigate(pathway, directory, scenario.answers, scan=True)
        for card in first.cards():
            card.why.clear()
            card.languages.append("xx")
            card.contact["phone"] = "changed"
        assert navigate(pathway, directory, scenario.answers) == fresh
        return
    pytest.fail("no scenario of the first file ends in a result with cards")


def test_a_directory_no_longer_used_is_freed() -> None:
    bundle = load([ROOT / "services.yaml", ROOT / "pathways"])
    directory = bundle.directory
    assert directory is not None
    pathway = bundle.pathways[0][0]
    file = next(f for f, _ in bundle.scenario_files if f.pathway == pathway.id)
    for scenario in file.scenarios:
        navigate(pathway, directory, scenario.answers)
    assert route_index(directory).parts is route_index(directory).parts
    gone = weakref.ref(directory)
    del directory, bundle
    gc.collect()
    assert gone() is None
