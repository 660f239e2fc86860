"""Reading a content file safely: an alias bomb, a huge file or a deep nest is a finding in
well under a second with bounded memory, and parser errors are placed where the mistake is."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from navigator.checker import check
from navigator.content import yaml_file
from navigator.content.finding import Finding
from navigator.content.loader import load
from tests.conftest import FIXTURES, GOOD

BOMB = FIXTURES / "broken" / "yaml-002.yaml"

MEASURE = textwrap.dedent(
    """
    import json, resource, sys, time, tracemalloc
    from pathlib import Path
    from navigator.checker import check
    from navigator.content.loader import load

    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    start = time.process_time()
    findings = check(load([Path(p) for p in sys.argv[1:]]))
    seconds = time.process_time() - start  # CPU time: a busy machine does not fail it
    _, peak = tracemalloc.get_traced_memory()
    print(json.dumps({
        "codes": [f.code for f in findings],
        "seconds": seconds,
        "peak_mb": peak / 1e6,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3,
        "rss_growth_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base_rss) / 1e3,
    }))
    """
)


def measured(*paths: Path) -> dict[str, float | list[str]]:
    """Check `paths` in a fresh interpreter: the findings' codes, the time and the memory."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *(str(p) for p in paths)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, float | list[str]] = json.loads(done.stdout)
    return result


def test_an_alias_bomb_is_refused_in_under_2_s_and_200_mb() -> None:
    found = measured(BOMB)
    assert found["codes"] == ["YAML-002"]
    assert isinstance(found["seconds"], float) and found["seconds"] < 2
    assert isinstance(found["peak_mb"], float) and found["peak_mb"] < 200
    # What reading the file added to the process's peak (the interpreter and the navigator's
    # libraries, loaded before, are the same whatever the file).
    assert isinstance(found["rss_growth_mb"], float) and found["rss_growth_mb"] < 200


def findings_of(tmp_path: Path, text: str | bytes, name: str = "services.yaml") -> list[Finding]:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return check(load([path]))


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


@pytest.mark.parametrize(
    ("text", "line", "col", "shown"),
    [
        ("a: &base [x]\nb: *base\n", 1, 4, "'&base'"),
        ("version: 1\nname: &Co Smith\n", 2, 7, "'&Co'"),
        ("a: {x: 1}\nb:\n  <<: *a\n", 3, 7, "'*a'"),
    ],
    ids=["anchor", "anchor-in-text", "merge-key"],
)
def test_anchors_and_aliases_are_refused_where_written(
    tmp_path: Path, text: str, line: int, col: int, shown: str
) -> None:
    found = only(findings_of(tmp_path, text))
    assert (found.code, found.line, found.col) == ("YAML-002", line, col)
    assert shown in found.message
    assert "in quotes" in found.hint


def test_an_asterisk_in_quoted_text_is_just_text(tmp_path: Path) -> None:
    text = (GOOD / "services.yaml").read_text(encoding="utf-8")
    edited = text.replace(
        "description: A small team for babies and their parents.",
        'description: "*New* a small team & its partners"',
    )
    assert edited != text
    assert findings_of(tmp_path, edited) == []


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "services.yaml"
    line = "# " + "x" * 97 + "\n"
    path.write_text(line * (yaml_file.MAX_FILE_BYTES // len(line) + 1), encoding="utf-8")
    assert path.stat().st_size > yaml_file.MAX_FILE_BYTES
    found = only(check(load([path])))
    assert (found.code, found.line, found.col) == ("FILE-003", 1, 1)
    assert "larger than 2 MB" in found.message


def test_a_file_at_the_size_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (GOOD / "services.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(yaml_file, "MAX_FILE_BYTES", len(text.encode()))
    assert findings_of(tmp_path, text) == []
    monkeypatch.setattr(yaml_file, "MAX_FILE_BYTES", len(text.encode()) - 1)
    assert only(findings_of(tmp_path, text)).code == "FILE-003"


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    found = only(findings_of(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert found.code == "YAML-001"
    assert f"nested more than {yaml_file.MAX_DEPTH} levels" in found.message


def test_a_byte_that_is_not_utf8_is_placed_on_its_line_and_column(tmp_path: Path) -> None:
    text = (GOOD / "services.yaml").read_bytes()
    broken = text.replace(b"A small team for", b"A small caf\xe9 for")
    line = broken[: broken.index(b"\xe9")].count(b"\n") + 1
    found = only(findings_of(tmp_path, broken))
    assert found.code == "FILE-001"
    assert (found.line, found.col) == (line, len("    description: A small caf") + 1)
    assert "0xE9" in found.message and "UTF-8" in found.hint


def test_a_control_character_is_placed(tmp_path: Path) -> None:
    found = only(findings_of(tmp_path, "version: 1\nname: Sm\x00ith\n"))
    assert (found.code, found.line, found.col) == ("YAML-001", 2, 9)
    assert "U+0000" in found.message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("version: 1\nname Health Visiting\nring: core\n", 2, "has no ':' after its key"),
        ("version: 1\nname: Health: Visiting\n", 2, "where no new key can start"),
        ("version: 1\n\tname: x\n", 2, "a tab character"),
        ("version: 1\nname: x\nname: y\n", 3, "the key 'name' is written a second time"),
        ("version: 1\nareas: [a, b\nname: x\n", 2, "the '[' opened here is not closed"),
        ('version: 1\nname: "open\n', 2, "a quote opened here is never closed"),
        ('version: 1\nname: "a\\q"\n', 2, "a backslash inside double quotes"),
        ("version: 1\n---\nname: x\n", 2, "a second document starts here"),
        ("version: 1\nname: @x\n", 2, "cannot start with '@'"),
    ],
    ids=["colon", "colon-in-text", "tab", "twice", "bracket", "quote", "escape", "two", "at"],
)
def test_parser_errors_are_said_in_words_on_the_line_to_change(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    found = only(findings_of(tmp_path, text))
    assert (found.code, found.line) == ("YAML-001", line)
    assert words in found.message
    assert found.hint.startswith("Please either ") and ", or" in found.hint


def test_a_missing_colon_gets_the_line_written_with_one(tmp_path: Path) -> None:
    found = only(findings_of(tmp_path, "version: 1\nname Health Visiting\nring: core\n"))
    assert "(`name: Health Visiting`)" in found.hint


def test_the_docs_state_the_limits_the_loader_applies() -> None:
    docs = Path(__file__).parent.parent.parent / "docs"
    size = f"{yaml_file.MAX_FILE_BYTES / 1_000_000:g} MB"
    for name in ("checker.md", "content.md"):
        text = (docs / name).read_text(encoding="utf-8")
        assert size in text and str(yaml_file.MAX_DEPTH) in text, name
