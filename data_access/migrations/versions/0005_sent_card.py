"""sent cards: messages with personal data, until the bot replaces them with a notice

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sent_card",
        sa.Column("conversation_id", sa.String(length=512), nullable=False),
        sa.Column("activity_id", sa.String(length=256), nullable=False),
        sa.Column("service_url", sa.String(length=512), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", "activity_id", name=op.f("pk_sent_card")),
    )
    op.create_index(op.f("ix_sent_card_sent_at"), "sent_card", ["sent_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sent_card_sent_at"), table_name="sent_card")
    op.drop_table("sent_card")
