"""conversation state and handled activities: the bot's state shared by its instances

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "conversation_state",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("conversation_id", sa.String(length=512), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("purpose_code", sa.String(length=64), nullable=True),
        sa.Column("purpose_text", sa.Text(), nullable=True),
        sa.Column("case_reference", sa.String(length=100), nullable=True),
        sa.Column("purpose_set_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pending_text", sa.Text(), nullable=True),
        sa.Column("pending_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("choices", sa.Text(), nullable=True),
        sa.Column("choices_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id", "conversation_id", "user_id", name=op.f("pk_conversation_state")
        ),
    )
    op.create_index(
        "ix_conversation_state_updated_at", "conversation_state", ["updated_at"], unique=False
    )
    op.create_table(
        "handled_activity",
        sa.Column("activity_id", sa.String(length=256), nullable=False),
        sa.Column("conversation_id", sa.String(length=512), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("activity_id", "conversation_id", name=op.f("pk_handled_activity")),
    )
    op.create_index(
        op.f("ix_handled_activity_handled_at"), "handled_activity", ["handled_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_handled_activity_handled_at"), table_name="handled_activity")
    op.drop_table("handled_activity")
    op.drop_index("ix_conversation_state_updated_at", table_name="conversation_state")
    op.drop_table("conversation_state")
