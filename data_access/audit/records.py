"""An entry as read back from the trail, for auditors (Teams, export) and the rate limit.

Holds personal data (search text, purpose, names): for auditors' eyes only,
never for a log.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table

from data_access.audit.events import AuditAction, AuditOutcome
from data_access.audit.hashing import HashedFields, as_utc
from data_access.models import AuditChainHead, AuditEntry, AuditEntryPerson

ENTRY: Table = AuditEntry.__table__  # type: ignore[assignment]
ENTRY_PERSON: Table = AuditEntryPerson.__table__  # type: ignore[assignment]
CHAIN_HEAD: Table = AuditChainHead.__table__  # type: ignore[assignment]

ENTRY_COLUMNS: tuple[Column[Any], ...] = (
    ENTRY.c.seq,
    ENTRY.c.recorded_at,
    ENTRY.c.tenant_id,
    ENTRY.c.user_id,
    ENTRY.c.user_name,
    ENTRY.c.action,
    ENTRY.c.outcome,
    ENTRY.c.person_ids,
    ENTRY.c.service,
    ENTRY.c.search_text,
    ENTRY.c.purpose,
    ENTRY.c.case_reference,
    ENTRY.c.conversation_id,
    ENTRY.c.correlation_id,
    ENTRY.c.detail,
    ENTRY.c.prev_hash,
    ENTRY.c.hash,
)
"""The columns every reader selects, in the order `record_from_row` expects."""


@dataclass(frozen=True, slots=True)
class AuditRecord:
    seq: int
    time: dt.datetime
    """Aware, UTC."""
    tenant_id: str
    user_id: str
    user_name: str
    action: AuditAction
    outcome: AuditOutcome
    person_ids: tuple[str, ...]
    service: str | None
    search_text: str | None
    purpose: str | None
    case_reference: str | None
    conversation_id: str
    correlation_id: str
    detail: str | None
    prev_hash: str
    hash: str

    def hashed_fields(self) -> HashedFields:
        return HashedFields(
            seq=self.seq,
            time=self.time,
            tenant_id=self.tenant_id,
            user_id=self.user_id,
            user_name=self.user_name,
            action=self.action.value,
            outcome=self.outcome.value,
            person_ids=self.person_ids,
            service=self.service,
            search_text=self.search_text,
            purpose=self.purpose,
            case_reference=self.case_reference,
            conversation_id=self.conversation_id,
            correlation_id=self.correlation_id,
            detail=self.detail,
            prev_hash=self.prev_hash,
        )


def record_from_row(row: Sequence[Any]) -> AuditRecord:
    """An `AuditRecord` from a row of `ENTRY_COLUMNS` (extra trailing columns are ignored)."""
    return AuditRecord(
        seq=int(row[0]),
        time=as_utc(row[1]),
        tenant_id=row[2],
        user_id=row[3],
        user_name=row[4],
        action=AuditAction(row[5]),
        outcome=AuditOutcome(row[6]),
        person_ids=tuple(json.loads(row[7])),
        service=row[8],
        search_text=row[9],
        purpose=row[10],
        case_reference=row[11],
        conversation_id=row[12],
        correlation_id=row[13],
        detail=row[14],
        prev_hash=row[15],
        hash=row[16],
    )
