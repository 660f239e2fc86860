"""The route index gives the same results as testing every route: over every shipped scenario,
the whole exhaustive walk of the example pathway (tests/fixtures/good), and the first results of
the walk of the shipped pathway (more than 20,000 in all: too many for a unit test) on the
shipped directory and on one made of copies of its services (so that many routes share each
concern, audience, stage and age)."""

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


def _walk(pathway: Pathway, directory: Directory, limit: int) -> Iterator[dict[str, AnswerValue]]:
    """The answer sets of the exhaustive walk that end in a result (as `explore` walks, depth
    first), the first `limit` of them."""
    stack: list[dict[str, AnswerValue]] = [{}]
    locator = PostcodeLookup.default()
    found = 0
    while stack and found < limit:
        answers = stack.pop()
        outcome: Outcome = navigate(pathway, directory, answers, locator)
        if isinstance(outcome, Result):
            found += 1
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


def test_the_whole_walk_of_the_example_pathway_is_the_same(
    pathway: Pathway, directory: Directory
) -> None:
    results = 0
    for answers in _walk(pathway, directory, 100_000):
        _same(pathway, directory, answers)
        results += 1
    assert results > 700  # the whole walk (tests/engine/test_explore.py counts it)


@pytest.mark.parametrize(("which", "limit"), [("shipped", 1_500), ("copied", 250)])
def test_the_walk_of_the_shipped_pathway_is_the_same(
    shipped: Bundle, copied: Directory, which: str, limit: int
) -> None:
    pathway = shipped.pathways[0][0]
    directory = shipped.directory if which == "shipped" else copied
    assert directory is not None
    results = 0
    for answers in _walk(pathway, directory, limit):
        _same(pathway, directory, answers)
        results += 1
    assert results == limit


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
