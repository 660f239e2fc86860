"""`navigator check`: the text and JSON output, the exit status, and where paths come from."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from navigator.cli import main
from tests.conftest import GOOD

LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+-\d{3}) (error|warning): "
)


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["check", *args])
    return status, capsys.readouterr().out


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the good content to break."""
    shutil.copy(GOOD / "services.yaml", tmp_path / "services.yaml")
    shutil.copytree(GOOD / "pathways", tmp_path / "pathways")
    return tmp_path


def replace(path: Path, old: str, new: str) -> int:
    """Replace the first `old` with `new` in `path`; the line number where it was."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_good_content_exits_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = check(capsys, str(GOOD / "services.yaml"), str(GOOD / "pathways"))
    assert status == 0
    assert out == "No problems found in 2 files.\n"


@pytest.mark.parametrize("line", [2, 9, 20, 60])
def test_a_yaml_error_at_line_n_is_reported_at_line_n(
    line: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (GOOD / "services.yaml").read_text(encoding="utf-8").splitlines()
    indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
    lines[line - 1] = indent + "note: Ring us: any time"
    (tmp_path / "services.yaml").write_text("\n".join(lines), encoding="utf-8")
    status, out = check(capsys, str(tmp_path / "services.yaml"), "--json")
    [found] = json.loads(out)
    assert (found["code"], found["line"], status) == ("YAML-001", line, 1)


def test_yaml_error_mid_document_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "services.yaml"
    shutil.copy(GOOD / "services.yaml", path)
    line = replace(path, "remit: Therapy for anxiety and low mood.", "remit: Therapy: anxiety")
    status, out = check(capsys, str(path))
    assert status == 1
    assert out.startswith(f"{path}:{line}:")
    assert "YAML-001 error" in out.splitlines()[0]


def test_each_finding_is_a_located_line_then_what_to_do(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = replace(
        content / "services.yaml", "  - id: talking-therapies", "  - id: health-visiting"
    )
    status, out = check(capsys, str(content / "services.yaml"), str(content / "pathways"))
    lines = out.splitlines()
    assert status == 1
    head = LINE.match(lines[0])
    assert head is not None
    assert (head["path"], int(head["line"]), head["code"]) == (
        str(content / "services.yaml"),
        line,
        "ID-001",
    )
    assert "'health-visiting'" in lines[0]
    assert lines[1].startswith("    Please either ")
    assert re.fullmatch(r"\d+ errors?, \d+ warnings? in 2 files", lines[-1])


def test_unknown_service_reference_has_did_you_mean(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pathway = content / "pathways" / "early-years.yaml"
    line = replace(
        pathway,
        "{service: health-visiting, route: self_referral}",
        "{service: health-visitng, route: self_referral}",
    )
    status, out = check(capsys, str(content / "services.yaml"), str(content / "pathways"), "--json")
    [found] = json.loads(out)
    assert status == 1
    assert (found["code"], found["line"]) == ("REF-001", line)
    assert "Did you mean 'health-visiting'?" in found["hint"]


def test_json_is_a_list_of_findings_and_nothing_else(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(
        content / "services.yaml",
        "last_reviewed: 2026-06-01\n    review_by: 2027-06-01",
        "last_reviewed: 2019-06-01\n    review_by: 2020-06-01",
    )
    status, out = check(capsys, str(content / "services.yaml"), str(content / "pathways"), "--json")
    findings = json.loads(out)
    assert status == 0  # a passed review date is a warning
    assert [set(f) for f in findings] == [
        {"code", "severity", "path", "line", "col", "message", "hint"}
    ]
    assert findings[0]["severity"] == "warning" and findings[0]["code"] == "REV-001"


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = check(capsys, str(tmp_path / "services.yaml"), "--json")
    [found] = json.loads(out)
    assert (status, found["code"]) == (2, "FILE-001")


def test_missing_beats_errors(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replace(content / "services.yaml", "ring: core", "ring: inner")
    status, _ = check(capsys, str(content / "services.yaml"), str(content / "nowhere.yaml"))
    assert status == 2


def test_paths_default_to_the_current_folder(
    content: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(content)
    monkeypatch.delenv("NAVIGATOR_CONTENT_ROOT", raising=False)
    assert check(capsys) == (0, "No problems found in 2 files.\n")
    (content / "services.yaml").unlink()
    status, out = check(capsys)
    assert status == 2 and "FILE-001" in out


def test_paths_can_come_from_settings(
    content: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    monkeypatch.setenv("NAVIGATOR_CONTENT_ROOT", str(content))
    status, out = check(capsys)
    assert (status, out) == (0, "No problems found in 2 files.\n")
