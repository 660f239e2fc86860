"""Anonymous journey records (issue 11) and "Did this help?" feedback.

Revision ID: 0002_journey_records
Revises: 0001_initial
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

revision: str = "0002_journey_records"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "journey_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sqltypes.AutoString(), nullable=False),
        sa.Column("hour", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("pathway_id", sqltypes.AutoString(), nullable=False),
        sa.Column("pathway_version", sqltypes.AutoString(), nullable=False),
        sa.Column("audience", sqltypes.AutoString(), nullable=False),
        sa.Column("stage", sqltypes.AutoString(), nullable=True),
        sa.Column("age_band", sqltypes.AutoString(), nullable=True),
        sa.Column("need", sqltypes.AutoString(), nullable=True),
        sa.Column("disposition", sqltypes.AutoString(), nullable=True),
        sa.Column("catch_all_only", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("journey_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journey_record_age_band"), ["age_band"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_journey_record_disposition"), ["disposition"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_journey_record_hour"), ["hour"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_journey_record_pathway_id"), ["pathway_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_journey_record_ref"), ["ref"], unique=True)

    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("journey_id", sa.Integer(), nullable=True),
        sa.Column("hour", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("helped", sqltypes.AutoString(), nullable=False),
        sa.Column("text", sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(["journey_id"], ["journey_record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_hour"), ["hour"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_journey_id"), ["journey_id"], unique=False)

    op.create_table(
        "journey_area",
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("area", sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["journey_id"], ["journey_record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("journey_id", "area"),
    )
    with op.batch_alter_table("journey_area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journey_area_area"), ["area"], unique=False)

    op.create_table(
        "journey_concern",
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("concern", sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["journey_id"], ["journey_record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("journey_id", "concern"),
    )
    with op.batch_alter_table("journey_concern", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journey_concern_concern"), ["concern"], unique=False)

    op.create_table(
        "journey_fact",
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("fact", sqltypes.AutoString(), nullable=False),
        sa.Column("value", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["journey_id"], ["journey_record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("journey_id", "fact"),
    )
    op.create_table(
        "journey_near_miss",
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("service", sqltypes.AutoString(), nullable=False),
        sa.Column("route", sqltypes.AutoString(), nullable=False),
        sa.Column("criterion", sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["journey_id"], ["journey_record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("journey_id", "service", "route"),
    )
    with op.batch_alter_table("journey_near_miss", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journey_near_miss_criterion"), ["criterion"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_journey_near_miss_service"), ["service"], unique=False)

    op.create_table(
        "journey_offer",
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("service", sqltypes.AutoString(), nullable=False),
        sa.Column("route", sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["journey_id"], ["journey_record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("journey_id", "service", "route"),
    )
    with op.batch_alter_table("journey_offer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journey_offer_service"), ["service"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("journey_offer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journey_offer_service"))

    op.drop_table("journey_offer")
    with op.batch_alter_table("journey_near_miss", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journey_near_miss_service"))
        batch_op.drop_index(batch_op.f("ix_journey_near_miss_criterion"))

    op.drop_table("journey_near_miss")
    op.drop_table("journey_fact")
    with op.batch_alter_table("journey_concern", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journey_concern_concern"))

    op.drop_table("journey_concern")
    with op.batch_alter_table("journey_area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journey_area_area"))

    op.drop_table("journey_area")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_journey_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_hour"))

    op.drop_table("feedback")
    with op.batch_alter_table("journey_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journey_record_ref"))
        batch_op.drop_index(batch_op.f("ix_journey_record_pathway_id"))
        batch_op.drop_index(batch_op.f("ix_journey_record_hour"))
        batch_op.drop_index(batch_op.f("ix_journey_record_disposition"))
        batch_op.drop_index(batch_op.f("ix_journey_record_age_band"))

    op.drop_table("journey_record")
