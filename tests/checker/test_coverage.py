"""COV-001 agrees with the engine: a combination is a gap exactly when `navigate` would show
only the fallback for it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from itertools import product
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from navigator.checker import check
from navigator.checker.coverage import Coverage, Value
from navigator.content.directory import Directory
from navigator.content.loader import Bundle, load
from navigator.content.pathway import Pathway, Sets
from navigator.engine import Result, navigate
from navigator.engine.flow import SKIP
from tests.conftest import FIXTURES, GOOD


@dataclass(frozen=True)
class Place:
    postcode: str
    known: bool
    covered: bool
    areas: tuple[str, ...]
    near_boundary: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    message: str = ""


class Locator:
    """Puts every postcode in the areas it was made with."""

    def __init__(self, areas: frozenset[str]) -> None:
        self.areas = tuple(sorted(areas))

    def locate(self, text: str) -> Place:
        return Place(text, True, True, self.areas)


def answers_for(pathway: Pathway, values: list[Value]) -> tuple[dict[str, Any], Locator]:
    """The answers a person would give for one combination, written out independently."""
    facts: dict[str, Any] = {
        name: None for name in ("audience", "stage", "age_months", "concerns", "need")
    }
    areas: frozenset[str] = frozenset()
    known = False
    for value in values:
        for name in facts:
            if getattr(value.facts, name) is not None:
                facts[name] = getattr(value.facts, name)
        if value.facts.place_asked:
            areas, known = value.facts.areas, value.facts.place_known
    answers: dict[str, Any] = {"red_flags": ["none"]}
    for question in pathway.questions:
        if question.sets is Sets.audience:
            answers[question.id] = facts["audience"]
        elif question.sets is Sets.stage:
            answers[question.id] = facts["stage"]
        elif question.sets is Sets.age_months and facts["age_months"] is not None:
            answers[question.id] = facts["age_months"]
        elif question.sets is Sets.concerns:
            chosen: list[str] = list(facts["concerns"] or ())
            other = [c.id for c in question.choices[:1]]
            answers[question.id] = chosen or other or SKIP
        elif question.sets is Sets.need:
            answers[question.id] = facts["need"] or SKIP
        elif question.sets is Sets.postcode:
            answers[question.id] = "BD3 9AA" if known else SKIP
    return answers, Locator(areas)


def assert_agrees_with_engine(pathway: Pathway, directory: Directory) -> int:
    coverage = Coverage(pathway, directory)
    gaps = {cell for cell, _ in coverage.gaps()}
    cells = list(product(*(range(len(values)) for _, values in coverage.axes)))
    for cell in cells:
        values = [coverage.axes[d][1][i] for d, i in enumerate(cell)]
        answers, locator = answers_for(pathway, values)
        result = navigate(pathway, directory, answers, locator)
        assert isinstance(result, Result), (cell, result)
        assert result.fallback == (cell in gaps), [v.label for v in values]
    return len(gaps)


def loaded(*paths: Path) -> tuple[Pathway, Directory]:
    bundle = load(list(paths))
    assert bundle.directory is not None
    return bundle.pathways[0][0], bundle.directory


def test_good_content_has_no_gaps_and_agrees_with_the_engine() -> None:
    pathway, directory = loaded(GOOD / "services.yaml", GOOD / "pathways")
    assert assert_agrees_with_engine(pathway, directory) == 0


def test_gaps_are_exactly_where_the_engine_falls_back() -> None:
    pathway, directory = loaded(FIXTURES / "broken" / "cov-001")
    assert assert_agrees_with_engine(pathway, directory) > 0


def test_gaps_are_merged_into_readable_blocks() -> None:
    bundle = load([FIXTURES / "broken" / "cov-001"])
    messages = [f.message for f in check(bundle) if f.code == "COV-001"]
    assert len(messages) == 2
    assert "in pregnancy or after the birth at 12–24 months" in messages[0]
    assert "with concern 'sleep'" in messages[0]
    assert "rule 'refer' offers referral" in messages[0]


def _raw_directory() -> Any:
    return YAML(typ="rt").load((GOOD / "services.yaml").read_text(encoding="utf-8"))


ids = st.sampled_from
eligibility = st.fixed_dictionaries(
    {
        "audience": st.lists(ids(["practitioner", "family"]), min_size=1, unique=True),
        "stages": st.lists(ids(["pregnancy", "postnatal"]), min_size=1, unique=True),
        "concerns": st.one_of(
            st.just("all"), st.lists(ids(["bonding", "low-mood", "sleep"]), min_size=1, unique=True)
        ),
        "need": st.one_of(
            st.just("all"), st.lists(ids(["emerging", "persistent"]), min_size=1, unique=True)
        ),
        "areas": st.one_of(
            st.just("all"),
            st.lists(
                ids(["better-start-bradford", "bradford-district", "nhs-bradford-craven"]),
                min_size=1,
                unique=True,
            ),
        ),
    },
    optional={
        "age_months": st.tuples(st.integers(0, 30), st.integers(1, 12)).map(
            lambda t: {"from": t[0], "to": t[0] + t[1]}
        )
    },
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(eligibility, min_size=5, max_size=5))
def test_random_eligibility_agrees_with_the_engine(rules: list[dict[str, Any]]) -> None:
    raw = _raw_directory()
    routes = [r for s in raw["services"] for r in s.get("routes", []) if r["kind"] != "urgent"]
    for route, rule in zip(routes, rules, strict=True):
        route["eligibility"] = rule
    directory = Directory.model_validate(raw)
    pathway, _ = loaded(GOOD / "services.yaml", GOOD / "pathways")
    assert_agrees_with_engine(pathway, directory)


def test_coverage_of_forty_services_is_fast() -> None:
    raw = _raw_directory()
    template = raw["services"][0]
    for number in range(40):
        service = dict(template)
        service["id"] = f"service-{number}"
        service["former_ids"] = []
        routes = []
        for route in template["routes"]:
            copy = dict(route)
            copy["eligibility"] = dict(route["eligibility"])
            copy["eligibility"]["age_months"] = {"from": number % 30, "to": number % 30 + 6}
            copy["eligibility"]["concerns"] = [["bonding", "low-mood", "sleep"][number % 3]]
            routes.append(copy)
        service["routes"] = routes
        raw["services"].append(service)
    directory = Directory.model_validate(raw)
    pathway, _ = loaded(GOOD / "services.yaml", GOOD / "pathways")
    bundle = Bundle(
        directory=directory, pathways=[(pathway, load([GOOD / "pathways"]).pathways[0][1])]
    )
    started = time.perf_counter()
    check(bundle, date(2026, 11, 1))
    assert time.perf_counter() - started < 2.0
