"""The cache of loaded content: used for the same bytes and code only, rebuilt when a byte,
the code's version or the file itself is wrong, and what it gives checks exactly as a fresh
load does (every finding, with its position, on every broken fixture)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from navigator.checker import check
from navigator.content import model_cache, yaml_file
from navigator.content.loader import Bundle, load
from navigator.content.model_cache import FILE_NAME, ModelCache
from navigator.engine import navigate
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
TODAY = date.today()


@pytest.fixture
def content(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(ROOT / "services.yaml", folder / "services.yaml")
    shutil.copytree(ROOT / "pathways", folder / "pathways")
    return [folder / "services.yaml", folder / "pathways"]


def _findings(bundle: Bundle) -> list[str]:
    """What `navigator check` prints for `bundle`, line by line."""
    return [
        f"{f.path}:{f.line}:{f.col}: {f.code} {f.severity.value}: {f.message} {f.hint}"
        for f in check(bundle, today=TODAY)
    ]


def test_unchanged_files_come_from_the_cache(tmp_path: Path, content: list[Path]) -> None:
    cache = ModelCache(tmp_path / "state")
    first = cache.load(content)
    assert cache.outcome == "miss" and (tmp_path / "state" / FILE_NAME).exists()
    again = cache.load(content)
    assert cache.outcome == "hit"
    assert again is not first and again.directory == first.directory
    assert [p for p, _ in again.pathways] == [p for p, _ in first.pathways]
    assert again.directory is not None and first.directory is not None
    service = again.directory.services[0]
    assert service.at == first.directory.services[0].at  # positions kept
    pathway = again.pathways[0][0]
    for file, _ in again.scenario_files:
        for scenario in file.scenarios:
            if file.pathway == pathway.id:
                assert navigate(pathway, again.directory, scenario.answers) == navigate(
                    pathway, first.directory, scenario.answers
                )


def test_one_changed_byte_is_loaded_afresh(tmp_path: Path, content: list[Path]) -> None:
    cache = ModelCache(tmp_path / "state")
    cache.load(content)
    services = content[0]
    text = services.read_bytes()
    name = b"name: "
    at = text.index(name) + len(name)
    services.write_bytes(text[:at] + text[at : at + 1].swapcase() + text[at + 1 :])
    changed = cache.load(content)
    assert cache.outcome == "miss"
    assert changed.directory is not None
    assert changed.directory == load(content).directory
    cache.load(content)
    assert cache.outcome == "hit"


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path, content: list[Path]) -> None:
    cache = ModelCache(tmp_path / "state")
    fresh = cache.load(content)
    stored = cache.path.read_bytes()
    cache.path.write_bytes(stored[: len(stored) // 2])  # the right key, half a pickle
    again = cache.load(content)
    assert cache.outcome == "unreadable" and again.directory == fresh.directory
    assert cache.path.read_bytes() == stored  # written again
    cache.load(content)
    assert cache.outcome == "hit"


def test_another_code_version_is_not_used(
    tmp_path: Path, content: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ModelCache(tmp_path / "state")
    cache.load(content)
    monkeypatch.setattr(model_cache, "FORMAT", model_cache.FORMAT + 1)
    cache.load(content)
    assert cache.outcome == "miss"
    cache.load(content)
    assert cache.outcome == "hit"
    monkeypatch.setattr(yaml_file, "MAX_FILE_BYTES", 500)
    limited = cache.load(content)
    assert cache.outcome == "miss"
    assert any(f.code == "FILE-003" for f in limited.findings)


def test_a_cache_left_by_a_failed_write_is_never_half_read(
    tmp_path: Path, content: list[Path]
) -> None:
    cache = ModelCache(tmp_path / "state")
    cache.load(content, wait=True)
    leftovers = [p for p in cache.path.parent.iterdir() if p.name != FILE_NAME]
    assert leftovers == []


@pytest.mark.parametrize(
    "fragment",
    sorted(p for p in (FIXTURES / "broken").iterdir() if p.suffix == ".yaml" or p.is_dir()),
    ids=lambda p: p.stem,
)
def test_broken_fixtures_report_the_same_findings_from_the_cache(
    fragment: Path, tmp_path: Path
) -> None:
    cache = ModelCache(tmp_path / "state")
    fresh = _findings(cache.load([fragment]))
    assert cache.outcome == "miss"
    cached = _findings(cache.load([fragment]))
    assert cache.outcome == "hit"
    assert cached == fresh and fresh == _findings(load([fragment]))


def test_files_named_from_another_folder_are_loaded_afresh(
    tmp_path: Path, content: list[Path]
) -> None:
    cache = ModelCache(tmp_path / "state")
    folder = content[0].parent
    named = cache.load(content, folder)
    assert cache.outcome == "miss"
    assert named.directory is not None and named.directory.at.path == "services.yaml"
    whole = cache.load(content)
    assert cache.outcome == "miss"
    assert whole.directory is not None and whole.directory.at.path == str(content[0])
    again = cache.load(content, folder)
    assert cache.outcome == "miss"  # the cache keeps one version: the last one loaded
    assert again.directory is not None and again.directory.at.path == "services.yaml"
    cache.load(content, folder)
    assert cache.outcome == "hit"
