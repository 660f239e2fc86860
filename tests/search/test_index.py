"""The on-disk lifecycle: generations named by content hash, built once under a lock."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from navigator.content.directory import Directory
from navigator.search import index as index_module
from navigator.search.index import IndexStore, content_hash
from tests.conftest import GOOD
from tests.search.conftest import directory_from


def test_the_hash_follows_the_content() -> None:
    assert content_hash(b"a") == content_hash(b"a")
    assert content_hash(b"a") != content_hash(b"b")


def test_a_build_makes_a_complete_generation_current(tmp_path: Path, directory: Directory) -> None:
    store = IndexStore(tmp_path)
    assert store.current() is None
    store.build("one", directory)
    assert store.current() == "one"
    with store.open("one").searcher() as searcher:
        assert searcher.doc_count() == 4  # the decommissioned service folds into its successor
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".") and p.is_dir()]


def test_building_what_is_there_changes_nothing(tmp_path: Path, directory: Directory) -> None:
    store = IndexStore(tmp_path)
    store.build("one", directory)
    inode = (tmp_path / "one").stat().st_ino
    store.build("one", directory)
    assert (tmp_path / "one").stat().st_ino == inode


def test_the_previous_generation_is_kept_older_ones_go(
    tmp_path: Path, directory: Directory
) -> None:
    store = IndexStore(tmp_path)
    for name in ("one", "two", "three"):
        store.build(name, directory)
    assert store.current() == "three"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["three", "two"]


def test_a_failed_build_leaves_the_current_generation(
    tmp_path: Path, directory: Directory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = IndexStore(tmp_path)
    store.build("one", directory)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(index_module, "_write", broken)
    with pytest.raises(RuntimeError):
        store.build("two", directory)
    assert store.current() == "one"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["one"]


def _build(root: str, name: str) -> None:
    IndexStore(Path(root)).build(name, directory_from(GOOD / "services.yaml"))


def test_processes_building_at_once_make_one_generation(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_build, args=(str(tmp_path), "same")) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    store = IndexStore(tmp_path)
    assert store.current() == "same"
    assert [p.name for p in tmp_path.iterdir() if p.is_dir()] == ["same"]
