"""Alembic's environment: runs the migrations on the connection `navigator.store.schema` hands
it (there is no alembic.ini; the database URL comes from the navigator's settings)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import navigator.store.models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run the migrations through `navigator db upgrade`")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
