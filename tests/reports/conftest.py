"""The report tests: an empty database at the newest schema, SQLite then PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from navigator.store.store import Store


@pytest.fixture
def engine(database: str) -> Iterator[Engine]:
    store = Store(database)
    store.upgrade()
    try:
        yield store.engine
    finally:
        store.close()
