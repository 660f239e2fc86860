"""The database's schema, moved forward only by the Alembic migrations in
`navigator/store/migrations/versions/` (docs/decisions/records.md).

`upgrade(engine)` brings any database to the newest schema: a new one gets every table; one
made before migrations existed (tables created directly, no `alembic_version`) is first stamped
as the first revision, whose tables it already has."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock
from sqlalchemy import Engine, inspect, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
FIRST = "0001_initial"
"""The revision whose tables a database made before migrations already has."""


def config() -> Config:
    settings = Config()
    settings.set_main_option("script_location", str(MIGRATIONS))
    return settings


def heads() -> tuple[str, ...]:
    """The newest revisions the code knows."""
    return tuple(ScriptDirectory(str(MIGRATIONS)).get_heads())


def current(engine: Engine) -> tuple[str, ...]:
    """The revisions the database is at (empty for a database with no schema yet)."""
    with engine.connect() as connection:
        return tuple(MigrationContext.configure(connection).get_current_heads())


def upgrade(engine: Engine) -> tuple[str, ...]:
    """Bring the database to the newest schema; the revisions it is at afterwards."""
    settings = config()
    # Several workers may start at once: one upgrades, the others wait and find nothing to do.
    with _one_at_a_time(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        settings.attributes["connection"] = connection
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables and "content_version" in tables:
            command.stamp(settings, FIRST)
        command.upgrade(settings, "heads")
    return current(engine)


LOCK_KEY = 7_461_203_911
"""PostgreSQL advisory lock held while the schema is upgraded (any number unique to us)."""


def _one_at_a_time(engine: Engine) -> FileLock | nullcontext[None]:
    """A file lock beside a SQLite database (PostgreSQL has its advisory lock instead)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return nullcontext()
    return FileLock(f"{database}.lock")


def is_current(engine: Engine) -> bool:
    """True if the database is at the newest schema."""
    return set(current(engine)) == set(heads())
