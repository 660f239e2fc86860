"""Positions inside fields: a finding points at the very key or list item to change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from navigator.checker.scope import Scope, either, quoted
from navigator.content.loader import Bundle


def test_positions_inside_a_condition_and_a_list(good_bundle: Bundle) -> None:
    scope = Scope.of(good_bundle, date(2026, 11, 1))
    pathway = next(scope.pathways())
    stage = pathway.question("stage")
    assert stage is not None and stage.next[0].when is not None
    condition = stage.next[0].when
    key = scope.at(condition, "equals", "stage", key=True)
    value = scope.at(condition, "equals", "stage")
    lines = Path(key.path).read_text(encoding="utf-8").splitlines()
    assert lines[key.line - 1][key.col - 1 :].startswith("stage: postnatal")
    assert lines[value.line - 1][value.col - 1 :].startswith("postnatal")
    assert scope.directory is not None
    eligibility = scope.directory.services[0].routes[0].eligibility
    second = scope.at(eligibility, "concerns", 1)
    source = Path(second.path).read_text(encoding="utf-8").splitlines()
    assert source[second.line - 1][second.col - 1 :].startswith("low-mood")


def test_hints_and_lists_read_as_sentences() -> None:
    assert either("fix A", "fix B") == "Please either fix A, or fix B."
    assert either("fix A") == "Please fix A."
    assert quoted(["a", "b", "c"]) == "'a', 'b' and 'c'"
    assert quoted([str(n) for n in range(10)], limit=2) == "'0', '1' and 8 more"
