"""The live lookup: built from the content into the state folder, keyed by what it is built
from, and rebuilt in the background when the areas change (the last good one keeps serving)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from navigator.geo.store import LiveLookup, LookupUnavailable

SERVICES = """\
version: 2026.1.1
areas:
  - {{id: everywhere, name: Everywhere, kind: country, postcodes: all}}
  - {{id: centre, name: the centre, kind: local_authority, within: everywhere,
     postcodes: [{centre}]}}
concerns: [{{id: worry, label: A worry}}]
need_levels: [{{id: some, label: Some}}]
services: []
"""

POSTCODES = "pcds,lat,long\nLS1 1AA,53.79,-1.54\nLS2 7AA,53.80,-1.55\n"


def _write(folder: Path, centre: str, when: int) -> None:
    path = folder / "services.yaml"
    path.write_text(SERVICES.format(centre=centre))
    os.utime(path, ns=(when, when))  # a different time: the change is seen whatever the clock


@pytest.fixture
def live(tmp_path: Path) -> LiveLookup:
    (tmp_path / "postcodes.csv").write_text(POSTCODES)
    _write(tmp_path, "LS1", 1_000_000_000)
    return LiveLookup(
        tmp_path / "services.yaml",
        tmp_path / "postcodes.csv",
        tmp_path / "state" / "geo",
        poll_seconds=0,
    )


def test_built_into_the_state_folder_under_its_key(live: LiveLookup) -> None:
    lookup = live.start()
    assert lookup.locate("LS1 1AA").areas == ("everywhere", "centre")
    assert lookup.locate("LS2 7AA").areas == ("everywhere",)
    assert [p.name for p in live.root.glob("*.tsv.gz")] == [f"{lookup.name}.tsv.gz"]
    again = LiveLookup(live.services_path, live.postcodes, live.root).start()
    assert again.name == lookup.name  # loaded, not rebuilt: same key


def test_an_edit_to_an_area_rebuilds_without_a_pause(live: LiveLookup) -> None:
    old = live.start()
    _write(live.services_path.parent, "LS2", 2_000_000_000)
    during = live.current()  # starts the rebuild; the old lookup answers meanwhile
    assert during is old
    live.wait(30)
    new = live.current()
    assert new is not old and new.name != old.name
    assert live.locate("LS2 7AA").areas == ("everywhere", "centre")
    assert len(list(live.root.glob("*.tsv.gz"))) == 2


def test_a_broken_edit_keeps_the_last_good_lookup(live: LiveLookup) -> None:
    old = live.start()
    live.services_path.write_text("areas: [not: valid")
    os.utime(live.services_path, ns=(3_000_000_000, 3_000_000_000))
    live.current()
    live.wait(30)
    assert live.current() is old
    assert live.locate("LS1 1AA").areas == ("everywhere", "centre")


def test_no_lookup_at_all_is_said_plainly(tmp_path: Path) -> None:
    missing = LiveLookup(tmp_path / "services.yaml", tmp_path / "none.csv", tmp_path / "geo")
    with pytest.raises(LookupUnavailable, match="navigator geo-build"):
        missing.start()
