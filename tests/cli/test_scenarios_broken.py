"""`navigator test` never crashes on content that `navigator check` rejects: it says to run
`navigator check` first and exits 2, on every broken fragment of tests/fixtures/broken, alone
and completed with the good example content (so that the engine could be reached)."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.cli import main
from navigator.content import yaml_file
from tests.checker.test_broken import LIMITS, fragments
from tests.conftest import GOOD


def completed(fragment: Path) -> list[Path]:
    """The fragment with the good content it lacks: the directory, or the pathways."""
    files = sorted(fragment.rglob("*.yaml")) if fragment.is_dir() else [fragment]
    texts = [f.read_text(encoding="utf-8") for f in files]
    has_directory = any(t.startswith("services:") or "\nservices:" in t for t in texts)
    has_pathway = any(t.startswith("questions:") or "\nquestions:" in t for t in texts)
    extra = [] if has_directory else [GOOD / "services.yaml"]
    extra += [] if has_pathway else [GOOD / "pathways"]
    return [*extra, fragment]


@pytest.mark.parametrize("alone", [True, False], ids=["alone", "completed"])
@pytest.mark.parametrize("fragment", fragments(), ids=lambda p: p.stem)
def test_broken_content_is_not_tested_and_says_run_check_first(
    fragment: Path,
    alone: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if fragment.stem in LIMITS:
        monkeypatch.setattr(yaml_file, "MAX_FILE_BYTES", LIMITS[fragment.stem])
    paths = [str(p) for p in ([fragment] if alone else completed(fragment))]
    rejected = main(["check", *paths, "--json"]) != 0
    capsys.readouterr()
    status = main(["test", *paths])
    out, err = capsys.readouterr()
    if not rejected:
        # Warnings alone (a review date passed) do not stop the scenarios from running.
        assert "Please run 'navigator check'" not in err
        assert "passed" in out
        return
    assert status == 2
    assert "Please run 'navigator check'" in err
    assert "passed" not in out, "no scenario is run on broken content"


def test_the_good_content_is_still_tested(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(GOOD / "services.yaml"), str(GOOD / "pathways")]) == 0
    assert "1 passed, 0 failed" in capsys.readouterr().out
