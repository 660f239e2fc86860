"""The index a running navigator searches: opened at start, swapped when content changes."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from navigator.search.index import IndexStore
from navigator.search.live import LiveIndex, SearchUnavailable
from navigator.search.query import SearchRequest, search
from navigator.settings import Settings
from tests.conftest import GOOD


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    root.mkdir()
    shutil.copy(GOOD / "services.yaml", root / "services.yaml")
    (root / "synonyms.yaml").write_text(
        "synonyms:\n  - term: HV\n    means: [health visiting]\n", encoding="utf-8"
    )
    return root


def live(content: Path) -> LiveIndex:
    settings = Settings(content_root=content, state_dir=content.parent / "var")
    index = LiveIndex.for_settings(settings)
    index.poll_seconds = 0.0
    return index


def ids(index: LiveIndex, text: str) -> list[str]:
    return search(index.current(), SearchRequest(text)).ids


def test_start_builds_once_then_opens(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = live(content).start()
    assert (content.parent / "var" / "search" / first.name).is_dir()

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("rebuilt an index that was already there")

    monkeypatch.setattr(IndexStore, "build", no_build)
    again = live(content).start()
    assert again.name == first.name
    assert ids(live(content), "HV") == ["health-visiting"]


def test_an_edit_is_searched_after_a_swap_with_no_gap(content: Path) -> None:
    index = live(content)
    old = index.start()
    services = content / "services.yaml"
    services.write_text(
        services.read_text(encoding="utf-8").replace("Talking Therapies", "Wellbeing Talks"),
        encoding="utf-8",
    )
    during = index.current()  # notices the edit, starts building, answers from the old one
    assert during is old
    index.wait(60)
    assert index.current() is not old
    assert ids(index, "wellbeing talks")[0] == "talking-therapies"


def test_a_swapped_in_generation_searches_its_own_postings(content: Path) -> None:
    index = live(content)
    old = index.start()
    assert ids(index, "talking therapies")[0] == "talking-therapies"  # arrays read and kept
    before = {h.service.id: h.score for h in search(old, SearchRequest("wellbeing talks")).hits}
    services = content / "services.yaml"
    services.write_text(
        services.read_text(encoding="utf-8").replace("Talking Therapies", "Wellbeing Talks"),
        encoding="utf-8",
    )
    assert index.refresh()
    page = search(index.current(), SearchRequest("wellbeing talks"))
    assert page.ids[0] == "talking-therapies"
    assert page.hits[0].highlights["name"] == (
        '<mark class="match">Wellbeing</mark> <mark class="match">Talks</mark>'
    )
    # The new name scores as a name (the old generation's arrays would not have it there).
    assert page.hits[0].score > before.get("talking-therapies", 0.0)


def test_a_save_without_a_change_rebuilds_nothing(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = live(content)
    old = index.start()
    builds: list[object] = []
    monkeypatch.setattr(IndexStore, "build", lambda *args, **kwargs: builds.append(args))
    services = content / "services.yaml"
    services.write_bytes(services.read_bytes())
    later = time.time() + 5
    os.utime(services, (later, later))  # a new time whatever the file system's resolution
    index.current()
    index.wait(60)
    assert builds == []
    assert index.current() is old  # not even reopened


def test_a_broken_edit_keeps_the_last_good_index(content: Path) -> None:
    index = live(content)
    old = index.start()
    (content / "services.yaml").write_text("services: [", encoding="utf-8")
    index.current()
    index.wait(60)
    assert index.current() is old
    assert ids(index, "HV") == ["health-visiting"]


def test_a_thesaurus_edit_needs_no_rebuild(content: Path) -> None:
    index = live(content)
    old = index.start()
    assert ids(index, "TT") == []
    (content / "synonyms.yaml").write_text(
        "synonyms:\n  - term: TT\n    means: [talking therapies]\n", encoding="utf-8"
    )
    index.current()
    index.wait(60)
    assert index.current().name == old.name
    assert ids(index, "TT") == ["talking-therapies"]


def test_no_content_no_search(tmp_path: Path) -> None:
    settings = Settings(content_root=tmp_path, state_dir=tmp_path / "var")
    with pytest.raises(SearchUnavailable):
        LiveIndex.for_settings(settings).start()
