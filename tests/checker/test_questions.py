"""VAL-001 for a question's shape, and the KEY-002 and ID-001 findings about questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checker.content import codes, pathway_findings

CASES = {
    "a choice the stage fact cannot take": (
        """
        - id: a
          text: Born yet?
          kind: single
          sets: stage
          choices: [{id: pregnancy, label: No}, {id: born, label: Yes}]
          next: [{goto: routine}]
        """,
        "VAL-001",
        "whose answers are 'pregnancy' and 'postnatal', but it offers 'born'",
    ),
    "concerns asked as a single question": (
        """
        - id: a
          text: Worry?
          kind: single
          sets: concerns
          choices: [{id: sleep, label: Sleep}]
          next: [{goto: routine}]
        """,
        "VAL-001",
        "sets concerns, which needs a multi question, but it is single",
    ),
    "a single question with nothing to choose": (
        """
        - id: a
          text: Worry?
          kind: single
          next: [{goto: routine}]
        """,
        "VAL-001",
        "is a single question with no choices",
    ),
    "min on a question that is not about months": (
        """
        - id: a
          text: Worry?
          kind: single
          min: 3
          choices: [{id: yes, label: Yes}]
          next: [{goto: routine}]
        """,
        "VAL-001",
        "is not a months question, so `min` has no effect",
    ),
    "a gp_area question without its area": (
        """
        - id: a
          text: Registered with a Bradford GP?
          kind: single
          sets: gp_area
          choices: [{id: yes, label: Yes}, {id: no, label: No}]
          next: [{goto: routine}]
        """,
        "KEY-002",
        "sets `gp_area` but does not say which area",
    ),
    "a gp_area question without a yes": (
        """
        - id: a
          text: Registered with a Bradford GP?
          kind: single
          sets: gp_area
          area: nhs-bradford-craven
          choices: [{id: si, label: Yes}, {id: no, label: No}]
          next: [{goto: routine}]
        """,
        "VAL-001",
        "has no choice 'yes'",
    ),
    "a question called red_flags": (
        """
        - id: red_flags
          text: Anything urgent?
          kind: single
          choices: [{id: yes, label: Yes}]
          next: [{goto: routine}]
        """,
        "ID-001",
        "is reserved: it is the id of the red flag question",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_question_shapes(case: str, tmp_path: Path) -> None:
    questions, code, words = CASES[case]
    start = "red_flags" if "red_flags" in questions else "a"
    found = [f for f in pathway_findings(tmp_path, questions, start) if f.code != "REF-001"]
    assert codes(found) == [code]
    assert words in found[0].message


def test_two_questions_setting_one_fact(tmp_path: Path) -> None:
    found = pathway_findings(
        tmp_path,
        """
        - id: a
          text: Born yet?
          kind: single
          sets: stage
          choices: [{id: pregnancy, label: No}, {id: postnatal, label: Yes}]
          next: [{goto: b}]
        - id: b
          text: Really?
          kind: single
          sets: stage
          choices: [{id: pregnancy, label: No}, {id: postnatal, label: Yes}]
          next: [{goto: routine}]
        """,
    )
    assert codes(found) == ["VAL-001"]
    assert "questions 'a' and 'b' both set stage" in found[0].message
