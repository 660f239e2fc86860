"""The route index gives the same results as testing every route: over every shipped scenario
and the exhaustive walk of the shipped pathway, on the shipped directory and on one made of
copies of its services (so many routes share each concern, audience, stage and age)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.scale import services_text
from navigator.content.directory import Directory
from navigator.content.loader import Bundle, load
from navigator.content.pathway import Pathway
from navigator.content.vocabulary import RouteKind, Stage
from navigator.engine import Result, navigate
from navigator.engine.explore import answers_for
from navigator.engine.facts import Facts
from navigator.engine.outcome import AnswerValue, Outcome
from navigator.engine.route_index import RouteIndex, route_index
from navigator.geo.lookup import PostcodeLookup

ROOT = Path(__file__).resolve().parents[2]
POSTCODES = ("BD3 8AA", "BD5 0AA", "BD1 4AJ", "BD9 9ZZ", "M1 1AE")


@pytest.fixture(scope="module")
def shipped() -> Bundle:
    bundle = load([ROOT / "services.yaml", ROOT / "pathways"])
    assert bundle.directory is not None and not bundle.findings
    return bundle


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> Directory:
    folder = tmp_path_factory.mktemp("copied")
    (folder / "services.yaml").write_text(services_text(120), encoding="utf-8")
    directory = load([folder / "services.yaml"]).directory
    assert directory is not None and len(directory.services) == 120
    return directory


def _walk(pathway: Pathway, directory: Directory) -> Iterator[dict[str, AnswerValue]]:
    """Every answer set of the exhaustive walk that ends in a result (as `explore` walks)."""
    stack: list[dict[str, AnswerValue]] = [{}]
    locator = PostcodeLookup.default()
    while stack:
        answers = stack.pop()
        outcome: Outcome = navigate(pathway, directory, answers, locator)
        if isinstance(outcome, Result):
            yield answers
            continue
        if outcome.error or outcome.question_id in answers:
            continue
        for value in answers_for(outcome, directory, POSTCODES):
            stack.append({**outcome.answers, outcome.question_id: value})


def _same(pathway: Pathway, directory: Directory, answers: dict[str, AnswerValue]) -> None:
    locator = PostcodeLookup.default()
    indexed = navigate(pathway, directory, answers, locator)
    scanned = navigate(pathway, directory, answers, locator, scan=True)
    assert indexed == scanned, answers


def test_every_shipped_scenario_is_the_same(shipped: Bundle) -> None:
    assert shipped.directory is not None
    pathways = {p.id: p for p, _ in shipped.pathways}
    count = 0
    for file, _ in shipped.scenario_files:
        for scenario in file.scenarios:
            _same(pathways[file.pathway], shipped.directory, dict(scenario.answers))
            count += 1
    assert count > 20


@pytest.mark.parametrize("which", ["shipped", "copied"])
def test_the_exhaustive_walk_is_the_same(shipped: Bundle, copied: Directory, which: str) -> None:
    pathway = shipped.pathways[0][0]
    directory = shipped.directory if which == "shipped" else copied
    assert directory is not None
    results = 0
    for answers in _walk(pathway, directory):
        _same(pathway, directory, answers)
        results += 1
    assert results > 1_000


def test_the_index_leaves_out_routes_that_cannot_show(shipped: Bundle) -> None:
    directory = shipped.directory
    assert directory is not None
    index = RouteIndex(directory)
    facts = Facts(
        audience=None, stage=Stage.postnatal, age_months=3, concerns=("low-mood",), need=None
    )
    found = list(index.each(index.candidates(facts, frozenset())))
    assert 0 < len(found) < len(index.routes)
    # Every route that names its concerns and is kept names low mood.
    for _, _, route in found:
        concerns = route.eligibility.concerns
        assert concerns == "all" or "low-mood" in concerns
    # In the directory's order, and never an urgent route.
    assert [p for p, _, _ in found] == sorted(p for p, _, _ in found)
    assert all(route.kind is not RouteKind.urgent for _, _, route in found)


def test_one_index_per_directory(shipped: Bundle) -> None:
    directory = shipped.directory
    assert directory is not None
    assert route_index(directory) is route_index(directory)
    other = directory.model_copy(update={"services": directory.services[:5]})
    assert route_index(other) is not route_index(directory)
    assert len({p for p, _, _ in route_index(other).routes}) <= 5
