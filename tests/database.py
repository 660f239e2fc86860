"""Real databases for the tests: SQLite in a temporary folder, and PostgreSQL when
`scripts/with-postgres` has started a server (`make test` does; CI runs `make test`).

Each PostgreSQL test gets a database of its own, created empty and dropped afterwards. Without
a server the PostgreSQL cases are skipped, unless `NAVIGATOR_TEST_POSTGRES_REQUIRED` is set
(as `scripts/with-postgres` sets it), when a missing server fails them."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

KINDS = ("sqlite", "postgresql")


@contextmanager
def database_url(kind: str, folder: Path) -> Iterator[str]:
    """The URL of a new, empty database of this kind, deleted afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'navigator.db'}"
        return
    server = os.environ.get("NAVIGATOR_TEST_POSTGRES_URL", "")
    if not server:
        if os.environ.get("NAVIGATOR_TEST_POSTGRES_REQUIRED"):
            pytest.fail("NAVIGATOR_TEST_POSTGRES_URL is not set: no PostgreSQL server to test on")
        pytest.skip("no PostgreSQL server (run the tests through scripts/with-postgres)")
    name = f"navigator_test_{secrets.token_hex(6)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
