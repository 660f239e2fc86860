"""The tables from before migrations: content load attempts and short-lived server state.

Revision ID: 0001_initial
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

revision: str = "0001_initial"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "content_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sqltypes.AutoString(), nullable=False),
        sa.Column("directory_version", sqltypes.AutoString(), nullable=True),
        sa.Column("pathway_versions", sqltypes.AutoString(), nullable=False),
        sa.Column("loaded_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("findings", sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_content_version_accepted", "content_version", ["accepted"])
    op.create_index("ix_content_version_content_hash", "content_version", ["content_hash"])
    op.create_index("ix_content_version_loaded_at", "content_version", ["loaded_at"])
    op.create_table(
        "server_state",
        sa.Column("id", sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqltypes.AutoString(), nullable=False),
        sa.Column("data", sqltypes.AutoString(), nullable=False),
        sa.Column("expires_at", sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_server_state_expires_at", "server_state", ["expires_at"])
    op.create_index("ix_server_state_kind", "server_state", ["kind"])


def downgrade() -> None:
    op.drop_table("server_state")
    op.drop_table("content_version")
