"""One broken fragment per finding code (tests/fixtures/broken): `navigator check` reports
exactly the codes marked `# expect: CODE` on exactly those lines, and the right exit status."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from navigator.cli import main
from navigator.content import yaml_file
from navigator.content.finding import CODES, Severity
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken"
EXPECT = re.compile(r"#\s*expect:\s*(.+)$")
Marks = Counter[tuple[Path, int, str]]
LIMITS = {"file-003": 500}
"""Fragments checked with a lower size limit, so that a fragment over it stays small."""


def fragments() -> list[Path]:
    return sorted(p for p in BROKEN.iterdir() if p.suffix == ".yaml" or p.is_dir())


def expected(fragment: Path) -> Marks:
    files = sorted(fragment.rglob("*.yaml")) if fragment.is_dir() else [fragment]
    marks: Marks = Counter()
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            found = EXPECT.search(line)
            if found:
                for code in found.group(1).split(","):
                    marks[(file.resolve(), number, code.strip())] += 1
    return marks


def reported(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, Marks]:
    status = main(["check", *(str(p) for p in paths), "--json"])
    findings = json.loads(capsys.readouterr().out)
    return status, Counter((Path(f["path"]).resolve(), f["line"], f["code"]) for f in findings)


@pytest.mark.parametrize("fragment", fragments(), ids=lambda p: p.stem)
def test_fragment_reports_its_code_on_the_marked_lines(
    fragment: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if fragment.stem in LIMITS:
        monkeypatch.setattr(yaml_file, "MAX_FILE_BYTES", LIMITS[fragment.stem])
    marks = expected(fragment)
    assert marks, f"{fragment.name} has no '# expect:' marks"
    status, found = reported(capsys, fragment)
    assert found == marks
    errors = any(CODES[code].severity is Severity.error for _, _, code in marks)
    assert status == (1 if errors else 0)


def test_every_code_has_a_broken_fragment() -> None:
    marked = {code for fragment in fragments() for _, _, code in expected(fragment)}
    # FILE-001 (a missing file) is tested in test_cli; SYN-001 belongs to the search thesaurus.
    assert set(CODES) - marked == {"FILE-001", "SYN-001"}


def test_good_content_has_no_findings(capsys: pytest.CaptureFixture[str]) -> None:
    status, found = reported(
        capsys, FIXTURES / "good" / "services.yaml", FIXTURES / "good" / "pathways"
    )
    assert (status, found) == (0, Counter())
