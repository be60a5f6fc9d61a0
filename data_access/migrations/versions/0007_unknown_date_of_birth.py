"""search index: people with no date of birth recorded are filed under 9999-12-30

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

They were filed under 9999-12-31, which is Python's date.max, and asyncpg sends
date.max to PostgreSQL as 'infinity': a search asking for people with no date
recorded (search/service.py) found none of them on PostgreSQL. The index is
rebuilt by every load; this moves the rows already there, so searches are
right from the upgrade on rather than from the next load.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MOVE = "UPDATE person_search_key SET date_of_birth = '{to}' WHERE date_of_birth = '{was}'"


def upgrade() -> None:
    op.execute(_MOVE.format(to="9999-12-30", was="9999-12-31"))


def downgrade() -> None:
    op.execute(_MOVE.format(to="9999-12-31", was="9999-12-30"))
