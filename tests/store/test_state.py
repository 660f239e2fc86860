"""Short-lived server-side state: random ids, expiry, purge, deletion."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from navigator.store import StateStore, Store

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def states(tmp_path: Path, minutes: int = 60) -> StateStore:
    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    store.upgrade()
    return StateStore(store.engine, timedelta(minutes=minutes))


def test_state_is_kept_under_a_random_id_until_it_expires(tmp_path: Path) -> None:
    kept = states(tmp_path)
    key = kept.create("journey", {"answers": {"stage": "postnatal"}}, now=T0)
    assert len(key) >= 40 and key != kept.create("journey", {}, now=T0)
    assert kept.load(key, "journey", now=T0 + timedelta(minutes=59)) == {
        "answers": {"stage": "postnatal"}
    }
    assert kept.load(key, "session", now=T0) is None  # another kind never reads it
    assert kept.load(key, "journey", now=T0 + timedelta(minutes=60)) is None
    assert kept.load(key, "journey", now=T0) is None  # purged, not just hidden


def test_saving_again_renews_the_lifetime(tmp_path: Path) -> None:
    kept = states(tmp_path)
    key = kept.create("journey", {"n": 1}, now=T0)
    kept.save(key, "journey", {"n": 2}, now=T0 + timedelta(minutes=50))
    assert kept.load(key, "journey", now=T0 + timedelta(minutes=100)) == {"n": 2}


def test_delete_and_purge(tmp_path: Path) -> None:
    kept = states(tmp_path)
    old = kept.create("journey", {}, now=T0)
    new = kept.create("journey", {}, now=T0 + timedelta(minutes=30))
    assert kept.purge(now=T0 + timedelta(minutes=61)) == 1
    assert kept.load(new, "journey", now=T0 + timedelta(minutes=61)) == {}
    kept.delete(new)
    assert kept.load(new, "journey", now=T0 + timedelta(minutes=61)) is None
    assert kept.load(old, "journey", now=T0) is None
