"""Journey records and feedback in the store, and their purge, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from navigator.cli import main
from navigator.store.models import Feedback, JourneyConcern, JourneyOffer, JourneyRecord
from navigator.store.records import Journey, Records, hour_of, months_before
from navigator.store.state import StateStore
from navigator.store.store import Store

NOW = datetime(2026, 12, 1, 12, 34, 56, tzinfo=UTC)


def journey(hour: datetime = NOW, concern: str = "bonding") -> Journey:
    return Journey(
        hour=hour,
        pathway_id="early-years",
        pathway_version="1.0",
        disposition="routine",
        audience="family",
        stage="postnatal",
        age_band="6-11",
        need="persistent",
        concerns=(concern,),
        areas=("bradford-district",),
        facts=(("little-english", True),),
        offers=(("family-hub", "self_referral"),),
        near_misses=(("parent-infant-team", "referral", "need"),),
    )


@pytest.fixture
def store(database: str) -> Iterator[Store]:
    kept = Store(database)
    kept.upgrade()
    yield kept
    kept.close()


def count(store: Store, table: type) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def test_a_journey_is_kept_to_the_hour_with_its_rows(store: Store) -> None:
    records = Records(store.engine)
    ref = records.add(journey())
    found = records.find(ref)
    assert found is not None and len(ref) >= 20
    assert found.hour.replace(tzinfo=UTC) == datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert (found.audience, found.stage, found.age_band, found.need) == (
        "family", "postnatal", "6-11", "persistent",
    )  # fmt: skip
    assert count(store, JourneyConcern) == 1 and count(store, JourneyOffer) == 1


def test_the_same_journey_in_the_same_browser_is_kept_once(store: Store) -> None:
    records = Records(store.engine, timedelta(minutes=60))
    once = records.seen_key(journey(), "a-browser")
    first = records.add(journey(), once=once, now=NOW)
    assert records.add(journey(), once=once, now=NOW + timedelta(minutes=5)) == first
    other = records.seen_key(journey(), "another-browser")
    assert records.add(journey(), once=other, now=NOW) != first
    changed = records.seen_key(journey(concern="anxiety"), "a-browser")
    assert changed != once
    assert records.add(journey(), once=once, now=NOW + timedelta(minutes=61)) != first
    assert records.count() == 3


def test_feedback_is_scrubbed_and_linked_to_the_record(store: Store) -> None:
    records = Records(store.engine)
    ref = records.add(journey())
    given = records.feedback(ref, "partly", "Mrs Khan at BD3 8AA, ring 07700 900123. " * 20)
    assert given is not None and given.journey_id == records.find(ref).id  # type: ignore[union-attr]
    assert len(given.text) <= 500
    assert "Khan" not in given.text and "BD3" not in given.text and "07700" not in given.text
    again = records.feedback(ref, "yes", "")
    assert again is not None and again.id == given.id and again.helped == "yes"
    assert count(store, Feedback) == 1
    assert records.feedback("no-such-ref", "yes") is None
    with pytest.raises(ValueError):
        records.feedback(ref, "maybe")


def test_purge_deletes_old_records_and_feedback_and_keeps_new_ones(store: Store) -> None:
    records = Records(store.engine)
    old = records.add(journey(hour=months_before(NOW, 25)))
    edge = records.add(journey(hour=months_before(NOW, 24) + timedelta(hours=1)))
    new = records.add(journey(hour=NOW - timedelta(days=1)))
    for ref in (old, edge, new):
        records.feedback(ref, "yes", "Thank you", now=NOW - timedelta(days=1))
    states = StateStore(store.engine, timedelta(minutes=60))
    alive = states.create("journey", {}, now=NOW)
    states.create("journey", {}, now=NOW - timedelta(hours=2))  # expired an hour ago
    done = records.purge(24, now=NOW)
    assert (done.records, done.feedback, done.states) == (1, 1, 1)
    assert records.find(old) is None
    assert records.find(edge) is not None and records.find(new) is not None
    assert count(store, Feedback) == 2 and count(store, JourneyConcern) == 2
    assert states.load(alive, "journey", now=NOW) == {}
    assert records.purge(24, now=NOW) == type(done)(0, 0, 0)


def test_navigator_db_purge_prints_its_counts(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", database)
    monkeypatch.setenv("NAVIGATOR_RETENTION_MONTHS", "6")
    assert main(["db", "purge"]) == 1  # no schema yet: says so rather than failing
    assert main(["db", "upgrade"]) == 0
    store = Store(database)
    records = Records(store.engine)
    now = datetime.now(UTC)
    records.add(journey(hour=now - timedelta(days=400)))
    kept = records.add(journey(hour=now))
    capsys.readouterr()
    assert main(["db", "purge"]) == 0
    said = capsys.readouterr().out
    assert "Deleted 1 journey records" in said and "(6 months)" in said
    assert records.count() == 1 and records.find(kept) is not None
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM journey_area")).scalar_one() == 1
    store.close()


def test_the_hour_and_months_arithmetic() -> None:
    assert hour_of(NOW) == datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert months_before(NOW, 24) == datetime(2024, 12, 1, 12, 34, 56, tzinfo=UTC)
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2024, 3, 31, tzinfo=UTC), 1) == datetime(2024, 2, 29, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 13) == datetime(
        2024, 12, 15, tzinfo=UTC
    )
    assert isinstance(JourneyRecord.__tablename__, str)
