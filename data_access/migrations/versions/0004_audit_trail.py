"""audit trail: hash-chained entries, their person index, the chain head, append-only triggers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

The triggers make the trail append-only for every role, the owner included:
UPDATE, DELETE (and TRUNCATE on PostgreSQL) of entries are refused, the chain
head only moves forward, and an entry can only be added after the head (which
also stops SQLite's INSERT OR REPLACE, whose implicit delete fires no trigger).
The retention purge alone deletes, inside a transaction that holds the row of
`audit_purge_guard` (data_access/audit/purge.py). Database privileges are the
other half (docs/audit.md): the application role cannot write the guard.

A later migration that rebuilds one of these tables on SQLite (batch mode
copies the table and drops the old one) drops its triggers with it and must
create them again.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS_HASH = "0" * 64
"""The prev_hash of the first entry ever written (data_access/audit/hashing.py)."""

_POSTGRESQL = (
    """
    CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_purge_guard) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
    END;
    $$
    """,
    """
    CREATE FUNCTION audit_append_after_head() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.seq <= (SELECT last_seq FROM audit_chain_head WHERE id = 1) THEN
            RAISE EXCEPTION 'the audit trail is append-only: % seq % is not after the head',
                TG_TABLE_NAME, NEW.seq;
        END IF;
        RETURN NEW;
    END;
    $$
    """,
    """
    CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            IF NEW.id = OLD.id AND NEW.last_seq >= OLD.last_seq THEN
                RETURN NEW;
            END IF;
        END IF;
        RAISE EXCEPTION 'the audit chain head only moves forward: % refused', TG_OP;
    END;
    $$
    """,
    "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
    "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()",
    "CREATE TRIGGER audit_entry_after_head BEFORE INSERT ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_after_head()",
    "CREATE TRIGGER audit_entry_person_append_only BEFORE UPDATE OR DELETE ON audit_entry_person "
    "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
    "CREATE TRIGGER audit_entry_person_no_truncate BEFORE TRUNCATE ON audit_entry_person "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()",
    "CREATE TRIGGER audit_entry_person_after_head BEFORE INSERT ON audit_entry_person "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_after_head()",
    "CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE OR DELETE ON audit_chain_head "
    "FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()",
    "CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only()",
)

_SQLITE = (
    """
    CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: UPDATE on audit_entry refused'); END
    """,
    """
    CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
    WHEN NOT EXISTS (SELECT 1 FROM audit_purge_guard)
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: DELETE on audit_entry refused'); END
    """,
    """
    CREATE TRIGGER audit_entry_after_head BEFORE INSERT ON audit_entry
    WHEN NEW.seq <= (SELECT last_seq FROM audit_chain_head WHERE id = 1)
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: audit_entry seq is not after the head'); END
    """,
    """
    CREATE TRIGGER audit_entry_person_no_update BEFORE UPDATE ON audit_entry_person
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: UPDATE on audit_entry_person refused'); END
    """,
    """
    CREATE TRIGGER audit_entry_person_no_delete BEFORE DELETE ON audit_entry_person
    WHEN NOT EXISTS (SELECT 1 FROM audit_purge_guard)
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: DELETE on audit_entry_person refused'); END
    """,
    """
    CREATE TRIGGER audit_entry_person_after_head BEFORE INSERT ON audit_entry_person
    WHEN NEW.seq <= (SELECT last_seq FROM audit_chain_head WHERE id = 1)
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: audit_entry_person seq is not after the head'); END
    """,
    """
    CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE ON audit_chain_head
    WHEN NEW.id <> OLD.id OR NEW.last_seq < OLD.last_seq
    BEGIN SELECT RAISE(ABORT, 'the audit chain head only moves forward: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
    BEGIN SELECT RAISE(ABORT, 'the audit chain head only moves forward: DELETE refused'); END
    """,
    """
    CREATE TRIGGER audit_chain_head_single BEFORE INSERT ON audit_chain_head
    WHEN EXISTS (SELECT 1 FROM audit_chain_head)
    BEGIN SELECT RAISE(ABORT, 'the audit chain head only moves forward: INSERT refused'); END
    """,
)


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("user_name", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("person_ids", sa.Text(), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("case_reference", sa.String(length=100), nullable=True),
        sa.Column("conversation_id", sa.String(length=512), nullable=False),
        sa.Column("correlation_id", sa.String(length=256), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "action IN ('search', 'results_presented', 'person_viewed', 'service_viewed', "
            "'audit_viewed', 'audit_purged')",
            name=op.f("ck_audit_entry_action"),
        ),
        sa.CheckConstraint(
            "outcome IN ('disclosed', 'refused_restricted', 'refused_rate_limit')",
            name=op.f("ck_audit_entry_outcome"),
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_entry")),
    )
    op.create_index(
        "ix_audit_entry_user_id_action_recorded_at_outcome",
        "audit_entry",
        ["user_id", "action", "recorded_at", "outcome"],
        unique=False,
    )
    op.create_index("ix_audit_entry_user_id_seq", "audit_entry", ["user_id", "seq"], unique=False)
    op.create_index("ix_audit_entry_recorded_at", "audit_entry", ["recorded_at"], unique=False)
    op.create_table(
        "audit_entry_person",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["seq"], ["audit_entry.seq"], name=op.f("fk_audit_entry_person_seq_audit_entry")
        ),
        sa.PrimaryKeyConstraint("seq", "person_id", name=op.f("pk_audit_entry_person")),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_audit_entry_person_person_id_seq",
        "audit_entry_person",
        ["person_id", "seq"],
        unique=False,
    )
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_chain_head_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    op.create_table(
        "audit_purge_guard",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_purge_guard_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_purge_guard")),
    )
    op.execute(
        sa.text(
            "INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, :genesis)"
        ).bindparams(genesis=GENESIS_HASH)
    )
    for statement in _POSTGRESQL if op.get_bind().dialect.name == "postgresql" else _SQLITE:
        op.execute(statement)


def downgrade() -> None:
    # Dropping a table drops its indexes and triggers with it.
    for table in ("audit_entry_person", "audit_entry", "audit_chain_head", "audit_purge_guard"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        for function in (
            "audit_refuse_change",
            "audit_append_after_head",
            "audit_head_forward_only",
        ):
            op.execute(f"DROP FUNCTION {function}()")
