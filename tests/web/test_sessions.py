"""Commissioners' sessions: their lifetime (absolute and idle), on a real database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from navigator.commission import Accounts, SignedIn
from navigator.settings import Settings
from navigator.store.store import Store
from navigator.web.commission.sessions import Sessions
from tests.web.conftest import QUICK_HASHER

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def sessions(database: str) -> Iterator[tuple[Sessions, SignedIn]]:
    store = Store(database)
    store.upgrade()
    accounts = Accounts(store.engine, hasher=QUICK_HASHER)
    account = accounts.add("c@example.org", "rivers of aire and wharfe")
    settings = Settings(session_hours=8, session_idle_minutes=30)
    yield Sessions(store.engine, settings, accounts), SignedIn(account.id or 0, account.email)
    store.close()


def test_a_session_ends_after_the_idle_time(sessions: tuple[Sessions, SignedIn]) -> None:
    found, who = sessions
    session = found.start(who, NOW)
    assert found.find(session.key, NOW + timedelta(minutes=29)) is not None
    # each request renews it…
    assert found.find(session.key, NOW + timedelta(minutes=55)) is not None
    # …but 30 minutes with none ends it, on the server
    assert found.find(session.key, NOW + timedelta(minutes=86)) is None
    assert found.states.load(session.key, "session", NOW + timedelta(minutes=10)) is None


def test_a_busy_session_still_ends_after_its_hours(sessions: tuple[Sessions, SignedIn]) -> None:
    found, who = sessions
    session = found.start(who, NOW)
    moment = NOW
    while moment < NOW + timedelta(hours=7, minutes=30):
        moment += timedelta(minutes=20)
        assert found.find(session.key, moment) is not None
    assert found.find(session.key, NOW + timedelta(hours=8, minutes=1)) is None


def test_each_session_has_its_own_random_id_and_csrf_token(
    sessions: tuple[Sessions, SignedIn],
) -> None:
    found, who = sessions
    one, two = found.start(who, NOW), found.start(who, NOW)
    assert one.key != two.key and one.csrf != two.csrf
    found.end(one.key)
    assert found.find(one.key, NOW) is None and found.find(two.key, NOW) is not None
    assert found.find("", NOW) is None and found.find(None, NOW) is None
