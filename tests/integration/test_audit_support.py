"""Helpers shared by the audit tests (this module holds no tests): events, a settable
clock, and tampering with the trail behind the triggers' back, as an attacker with
the owner's rights could."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.audit.events import AuditAction, AuditActor, AuditEvent, AuditOutcome
from data_access.audit.records import ENTRY, ENTRY_COLUMNS, AuditRecord, record_from_row

ANN = AuditActor(tenant_id="tenant-1", user_id="11111111-aaaa", user_name="Ann Social-Worker")
BOB = AuditActor(tenant_id="tenant-1", user_id="22222222-bbbb", user_name="Bob Manager")
START = dt.datetime(2025, 3, 10, 9, 0, 0, 123456, tzinfo=dt.UTC)
"""Well before any real clock reading, so entries the code under test timestamps itself
(an export, a purge) come after every entry a test wrote."""

_SQLITE_TRIGGERS = (
    "audit_entry_no_update",
    "audit_entry_no_delete",
    "audit_entry_follows_head",
    "audit_entry_indexes_people",
    "audit_entry_person_no_update",
    "audit_entry_person_no_delete",
    "audit_entry_person_as_entry",
    "audit_chain_head_forward_only",
    "audit_chain_head_no_delete",
    "audit_chain_head_single",
)
_TABLES = ("audit_entry", "audit_entry_person", "audit_chain_head")

_turns = itertools.count(1)


class Clock:
    """A clock the test moves; each reading is also kept."""

    def __init__(self, now: dt.datetime = START) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def search(
    actor: AuditActor = ANN, text: str = "jayden smith 12/03/2016", **fields: Any
) -> AuditEvent:
    return AuditEvent(
        action=AuditAction.SEARCH,
        actor=actor,
        conversation_id=fields.pop("conversation_id", "conv-1"),
        correlation_id=fields.pop("correlation_id", f"turn-{next(_turns)}"),
        search_text=text,
        purpose=fields.pop("purpose", "Child and family assessment (section 17)"),
        case_reference=fields.pop("case_reference", "CASE-42"),
        **fields,
    )


def presented(*person_ids: str, actor: AuditActor = ANN, **fields: Any) -> AuditEvent:
    return AuditEvent(
        action=AuditAction.RESULTS_PRESENTED,
        actor=actor,
        conversation_id=fields.pop("conversation_id", "conv-1"),
        correlation_id=fields.pop("correlation_id", f"turn-{next(_turns)}"),
        person_ids=person_ids,
        purpose=fields.pop("purpose", "Child and family assessment (section 17)"),
        case_reference=fields.pop("case_reference", "CASE-42"),
        **fields,
    )


def viewed(
    person_id: str,
    service: str | None = None,
    actor: AuditActor = ANN,
    outcome: AuditOutcome = AuditOutcome.DISCLOSED,
) -> AuditEvent:
    return AuditEvent(
        action=AuditAction.SERVICE_VIEWED if service else AuditAction.PERSON_VIEWED,
        actor=actor,
        conversation_id="conv-1",
        correlation_id=f"turn-{next(_turns)}",
        person_ids=(person_id,),
        service=service,
        purpose="Strategy discussion",
        outcome=outcome,
    )


async def entries(engine: AsyncEngine) -> list[AuditRecord]:
    async with engine.connect() as connection:
        rows = (await connection.execute(select(*ENTRY_COLUMNS).order_by(ENTRY.c.seq))).all()
    return [record_from_row(row) for row in rows]


async def scalar(engine: AsyncEngine, sql: str) -> Any:
    async with engine.connect() as connection:
        return (await connection.execute(text(sql))).scalar()


async def tamper(engine: AsyncEngine, *statements: str) -> None:
    """Run `statements` with the append-only triggers out of the way (dropped on SQLite,
    disabled for the duration on PostgreSQL, as the owner or a superuser could)."""
    postgres = engine.dialect.name == "postgresql"
    async with engine.begin() as connection:
        if postgres:
            for table in _TABLES:
                await connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        else:
            for trigger in _SQLITE_TRIGGERS:
                await connection.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
        for statement in statements:
            await connection.execute(text(statement))
        if postgres:
            for table in _TABLES:
                await connection.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
