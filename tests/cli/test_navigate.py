"""`navigator navigate`: the next question or the result, as text or JSON."""

from __future__ import annotations

import json

import pytest

from navigator.cli import main
from navigator.cli.navigate import parse_answers
from tests.conftest import GOOD

CONTENT = ["--content", str(GOOD / "services.yaml"), str(GOOD / "pathways")]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["navigate", "early-years", *args, *CONTENT])
    out, err = capsys.readouterr()
    return code, out, err


def test_first_question_is_the_red_flags(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["type"] == "question" and data["question_id"] == "red_flags"
    assert data["options"][-1] == {
        "id": "none",
        "label": "None of these",
        "hint": None,
        "exclusive": True,
    }


def test_answers_lead_to_a_result(capsys: pytest.CaptureFixture[str]) -> None:
    answers = [
        "red_flags=none", "audience=practitioner", "stage=postnatal", "age=25",
        "concerns=bonding,low-mood", "need=persistent", "postcode=bd3 8aa",
    ]  # fmt: skip
    code, out, _ = run(capsys, "--json", *[f"--answer={a}" for a in answers])
    data = json.loads(out)
    assert code == 0 and data["type"] == "result"
    assert data["answers"]["concerns"] == ["bonding", "low-mood"]
    assert data["answers"]["postcode"] == "BD3 8AA"
    assert [n["service_id"] for n in data["near_misses"]] == ["infant-mh", "infant-mh"]
    assert data["near_misses"][0]["failed"]["criterion"] == "age"
    code, text, _ = run(capsys, *[f"--answer={a}" for a in answers])
    assert "Not shown, and why" in text and "outside its age range (0–24 months)" in text


def test_text_question_says_how_to_answer(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-a", "red_flags=none", "-a", "audience=family")
    assert code == 0
    assert out.startswith("stage: Is the baby born yet?")
    assert "Answer with --answer stage=VALUE" in out


def test_unknown_pathway_and_bad_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["navigate", "nope", *CONTENT]) == 2
    assert "No pathway 'nope'" in capsys.readouterr().err
    code, _, err = run(capsys, "--answer", "stage")
    assert code == 2 and "ID=VALUE" in err


def test_parse_answers_splits_multi_select() -> None:
    assert parse_answers(["a=x", "b=y,z", "c= BD3 8AA "]) == {
        "a": "x",
        "b": ["y", "z"],
        "c": "BD3 8AA",
    }
