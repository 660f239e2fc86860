"""The hazard log (docs/safety/hazard-log.md) names the tests that prove its controls: every one
must exist, and every hazard must name a test or say which issue will add it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOG = ROOT / "docs" / "safety" / "hazard-log.md"
TEST_REF = re.compile(r"`?(tests/[\w/]+\.py)::(test_\w+)`?")
TODO = re.compile(r"test: TODO \(issue \d+\)")


def _hazards() -> dict[str, str]:
    """Each hazard's id and the text of its section."""
    sections = re.split(r"^### ", LOG.read_text(encoding="utf-8"), flags=re.M)[1:]
    return {s.split(" ", 1)[0]: s for s in sections}


def _test_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_the_log_has_hazards_in_order() -> None:
    ids = list(_hazards())
    assert len(ids) >= 15
    assert ids == [f"H-{n:02d}" for n in range(1, len(ids) + 1)]


def test_every_hazard_has_cause_effect_risk_controls_and_tests() -> None:
    for id, text in _hazards().items():
        for part in ("Cause", "Effect", "Initial risk", "Controls", "Tests", "Residual risk"):
            assert f"**{part}**" in text, f"{id} has no {part}"
        tests_line = text.split("**Tests**", 1)[1].split("- **Residual risk**", 1)[0]
        assert TEST_REF.search(tests_line) or TODO.search(tests_line), f"{id} names no test"


def test_every_named_test_exists() -> None:
    named = TEST_REF.findall(LOG.read_text(encoding="utf-8"))
    assert named
    missing = []
    found: dict[str, set[str]] = {}
    for file, function in named:
        path = ROOT / file
        if not path.is_file():
            missing.append(f"{file} (no such file)")
            continue
        functions = found.setdefault(file, _test_functions(path))
        if function not in functions:
            missing.append(f"{file}::{function}")
    assert missing == []


def test_the_reference_pattern_finds_what_it_should() -> None:
    text = "see `tests/engine/test_navigate.py::test_red_flag_ends_journey` and more"
    assert TEST_REF.findall(text) == [
        ("tests/engine/test_navigate.py", "test_red_flag_ends_journey")
    ]
    assert not TEST_REF.findall("tests/engine/test_navigate.py without a function")
