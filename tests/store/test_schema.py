"""The schema moves only through the migrations, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from sqlmodel import SQLModel

from navigator.store import schema
from navigator.store.models import ContentVersion, ServerState
from navigator.store.store import Store


def test_a_new_database_gets_every_table_at_the_newest_revision(database: str) -> None:
    store = Store(database)
    assert not schema.is_current(store.engine)
    assert set(store.upgrade()) == set(schema.heads())
    tables = set(inspect(store.engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert schema.is_current(store.engine)
    store.close()


def test_upgrading_twice_changes_nothing(database: str) -> None:
    store = Store(database)
    first = store.upgrade()
    assert store.upgrade() == first
    store.close()


def test_the_migrations_build_exactly_the_tables_the_code_declares(database: str) -> None:
    store = Store(database)
    store.upgrade()
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []
    store.close()


def test_a_database_from_before_migrations_is_stamped_then_upgraded(database: str) -> None:
    engine = create_engine(database)
    tables = [SQLModel.metadata.tables[t.__tablename__] for t in (ContentVersion, ServerState)]
    SQLModel.metadata.create_all(engine, tables=tables)
    engine.dispose()
    store = Store(database)
    assert set(store.upgrade()) == set(schema.heads())
    assert "journey_record" in inspect(store.engine).get_table_names()
    store.close()
