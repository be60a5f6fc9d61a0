"""audit trail: the database moves the chain head and fills the person index as entries arrive

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22

An entry is accepted only if it follows the chain head exactly (its seq is the
head's plus one and its prev_hash is the head's hash); accepting it moves the
head to it, and its person ids (from the entry's own `person_ids`, which the
hash covers) go into `audit_entry_person`. So an append is one INSERT, and the
database itself refuses a fork of the chain, whoever writes.

A row of the person index can only say what its entry says, in place of 0004's
"only after the head", which the index rows written by the entry's own trigger
no longer meet: on PostgreSQL only that trigger may write them; on SQLite a
row for a person its entry does not name is refused.

On PostgreSQL the head row is locked (FOR UPDATE) before it is compared, so
concurrent appends take turns, and the loser of a race is refused instead of
forking the chain (data_access/audit/store.py then retries under the lock).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_POSTGRESQL_UP = (
    "DROP TRIGGER audit_entry_after_head ON audit_entry",
    "DROP TRIGGER audit_entry_person_after_head ON audit_entry_person",
    """
    CREATE FUNCTION audit_entry_follow_head() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        head_seq bigint;
        head_hash text;
    BEGIN
        SELECT last_seq, last_hash INTO head_seq, head_hash
            FROM audit_chain_head WHERE id = 1 FOR UPDATE;
        IF NEW.seq IS DISTINCT FROM head_seq + 1 OR NEW.prev_hash IS DISTINCT FROM head_hash THEN
            RAISE EXCEPTION 'the audit trail is append-only: entry % does not follow the head (%)',
                NEW.seq, head_seq;
        END IF;
        UPDATE audit_chain_head SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1;
        RETURN NEW;
    END;
    $$
    """,
    """
    CREATE FUNCTION audit_entry_index_people() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO audit_entry_person (seq, person_id)
            SELECT DISTINCT added.seq, listed
            FROM added, jsonb_array_elements_text(added.person_ids::jsonb) AS listed;
        RETURN NULL;
    END;
    $$
    """,
    """
    CREATE FUNCTION audit_entry_person_as_entry() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        -- Only the trigger of the entry itself (one level down) writes its index rows.
        IF pg_trigger_depth() < 2 THEN
            RAISE EXCEPTION 'the audit trail is append-only: person index rows come from entries';
        END IF;
        RETURN NULL;
    END;
    $$
    """,
    "CREATE TRIGGER audit_entry_follows_head BEFORE INSERT ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_entry_follow_head()",
    "CREATE TRIGGER audit_entry_indexes_people AFTER INSERT ON audit_entry "
    "REFERENCING NEW TABLE AS added "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_index_people()",
    "CREATE TRIGGER audit_entry_person_as_entry BEFORE INSERT ON audit_entry_person "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_person_as_entry()",
)

_POSTGRESQL_DOWN = (
    "DROP TRIGGER audit_entry_follows_head ON audit_entry",
    "DROP TRIGGER audit_entry_indexes_people ON audit_entry",
    "DROP TRIGGER audit_entry_person_as_entry ON audit_entry_person",
    "DROP FUNCTION audit_entry_follow_head()",
    "DROP FUNCTION audit_entry_index_people()",
    "DROP FUNCTION audit_entry_person_as_entry()",
    "CREATE TRIGGER audit_entry_after_head BEFORE INSERT ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_after_head()",
    "CREATE TRIGGER audit_entry_person_after_head BEFORE INSERT ON audit_entry_person "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_after_head()",
)

_SQLITE_UP = (
    "DROP TRIGGER audit_entry_after_head",
    "DROP TRIGGER audit_entry_person_after_head",
    """
    CREATE TRIGGER audit_entry_follows_head BEFORE INSERT ON audit_entry
    BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only: an entry must follow the head')
        WHERE NEW.seq IS NOT (SELECT last_seq + 1 FROM audit_chain_head WHERE id = 1)
           OR NEW.prev_hash IS NOT (SELECT last_hash FROM audit_chain_head WHERE id = 1);
        UPDATE audit_chain_head SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1;
    END
    """,
    """
    CREATE TRIGGER audit_entry_indexes_people AFTER INSERT ON audit_entry
    BEGIN
        INSERT INTO audit_entry_person (seq, person_id)
            SELECT DISTINCT NEW.seq, listed.value FROM json_each(NEW.person_ids) AS listed;
    END
    """,
    """
    CREATE TRIGGER audit_entry_person_as_entry BEFORE INSERT ON audit_entry_person
    WHEN NOT EXISTS (
        SELECT 1 FROM audit_entry AS entry, json_each(entry.person_ids) AS listed
        WHERE entry.seq = NEW.seq AND listed.value = NEW.person_id
    )
    BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only: an entry does not name that person');
    END
    """,
)

_SQLITE_DOWN = (
    "DROP TRIGGER audit_entry_follows_head",
    "DROP TRIGGER audit_entry_indexes_people",
    "DROP TRIGGER audit_entry_person_as_entry",
    """
    CREATE TRIGGER audit_entry_after_head BEFORE INSERT ON audit_entry
    WHEN NEW.seq <= (SELECT last_seq FROM audit_chain_head WHERE id = 1)
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: audit_entry seq is not after the head'); END
    """,
    """
    CREATE TRIGGER audit_entry_person_after_head BEFORE INSERT ON audit_entry_person
    WHEN NEW.seq <= (SELECT last_seq FROM audit_chain_head WHERE id = 1)
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: audit_entry_person seq is not after the head'); END
    """,
)


def _run(statements: Sequence[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    _run(_POSTGRESQL_UP if postgres else _SQLITE_UP)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    _run(_POSTGRESQL_DOWN if postgres else _SQLITE_DOWN)
