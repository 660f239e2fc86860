"""FLOW-002: answers with nowhere to go, found by walking every answer the way the engine does."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.checker import routing
from tests.checker.content import codes, pathway_findings


def test_a_multi_select_without_otherwise_names_the_answers_that_fall_through(
    tmp_path: Path,
) -> None:
    found = pathway_findings(
        tmp_path,
        """
        - id: a
          text: Which?
          kind: multi
          choices: [{id: x, label: X}, {id: y, label: Y}, {id: z, label: Z}]
          next:
            - when: {includes: {a: x}}
              goto: routine
        """,
    )
    [flow] = found
    assert flow.code == "FLOW-002"
    assert "no branch for the answer (any answer without 'x'), so" in flow.message


def test_a_skipped_optional_question_must_be_routed(tmp_path: Path) -> None:
    found = pathway_findings(
        tmp_path,
        """
        - id: a
          text: Which?
          kind: single
          optional: true
          choices: [{id: x, label: X}, {id: y, label: Y}]
          next:
            - when: {in: {a: [x, y]}}
              goto: routine
        """,
    )
    assert codes(found) == ["FLOW-002"]
    assert "'unknown' (skipped)" in found[0].message


def test_branches_that_cover_every_earlier_answer_together_are_fine(tmp_path: Path) -> None:
    found = pathway_findings(
        tmp_path,
        """
        - id: a
          text: Born yet?
          kind: single
          choices: [{id: pregnancy, label: No}, {id: postnatal, label: Yes}]
          next:
            - goto: b
        - id: b
          text: Worried?
          kind: single
          choices: [{id: yes, label: Yes}, {id: no, label: No}]
          next:
            - when: {equals: {a: pregnancy}}
              goto: routine
            - when: {equals: {a: postnatal}}
              goto: routine
        """,
    )
    assert found == []


def test_an_answer_that_falls_through_only_after_some_answers_says_which(tmp_path: Path) -> None:
    found = pathway_findings(
        tmp_path,
        """
        - id: a
          text: Born yet?
          kind: single
          choices: [{id: pregnancy, label: No}, {id: postnatal, label: Yes}]
          next:
            - goto: b
        - id: b
          text: Worried?
          kind: single
          choices: [{id: yes, label: Yes}, {id: no, label: No}]
          next:
            - when: {equals: {b: yes}}
              goto: routine
            - when: {equals: {a: postnatal}}
              goto: routine
        """,
    )
    [flow] = found
    assert "the answer 'no' (for example after a = 'pregnancy')" in flow.message


def test_ages_that_no_branch_takes_are_named_as_ranges(tmp_path: Path) -> None:
    found = pathway_findings(
        tmp_path,
        """
        - id: a
          text: Age?
          kind: months
          min: 0
          max: 36
          next:
            - when: {age_months: {from: 6, to: 12}}
              goto: routine
            - when: {age_months: {from: 24}}
              goto: routine
        """,
    )
    [flow] = found
    assert "the answer 0–5 months or 12–23 months, so" in flow.message


def test_a_flow_too_large_to_walk_is_reported_where_it_may_fall_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(routing, "MAX_STATES", 1)
    found = pathway_findings(
        tmp_path,
        """
        - id: a
          text: Which?
          kind: single
          choices: [{id: x, label: X}, {id: y, label: Y}]
          next:
            - goto: b
        - id: b
          text: Which?
          kind: single
          choices: [{id: x, label: X}, {id: y, label: Y}]
          next:
            - when: {equals: {a: x}}
              goto: routine
        """,
    )
    assert codes(found) == ["FLOW-002"]
    assert "too large to check every answer" in found[0].message


def test_a_question_whose_branches_read_only_earlier_answers(tmp_path: Path) -> None:
    found = pathway_findings(
        tmp_path,
        """
        - id: a
          text: Which?
          kind: single
          choices: [{id: x, label: X}, {id: y, label: Y}]
          next:
            - goto: b
        - id: b
          text: Anything else?
          kind: single
          choices: [{id: yes, label: Yes}, {id: no, label: No}]
          next:
            - when: {equals: {a: x}}
              goto: routine
        """,
    )
    [flow] = found
    assert "question 'b' has no branch for any answer (for example after a = 'y')" in flow.message
