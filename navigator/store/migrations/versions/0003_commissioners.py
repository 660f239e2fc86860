"""Commissioners' accounts for the workbench's sign-in (issue 11).

Revision ID: 0003_commissioners
Revises: 0002_journey_records
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

revision: str = "0003_commissioners"
down_revision: str | Sequence[str] | None = "0002_journey_records"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "commissioner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sqltypes.AutoString(), nullable=False),
        sa.Column("password_hash", sqltypes.AutoString(), nullable=False),
        sa.Column("totp_secret", sqltypes.AutoString(), nullable=False),
        sa.Column("totp_last_step", sa.Integer(), nullable=True),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_sign_in_at", sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("commissioner", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commissioner_email"), ["email"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("commissioner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commissioner_email"))
    op.drop_table("commissioner")
