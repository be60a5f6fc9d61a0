"""The retention purge: delete the oldest entries and record that it did.

The purge removes a prefix of the chain, never entries from the middle: it
deletes every entry before the first one recorded at or after the cut-off,
so a clock that stepped back on one instance can delay a deletion but
cannot leave a hole that `verify` would report. The deletion and the
`AUDIT_PURGED` entry that records it (cut-off, count, and the seq and hash
of the last entry removed, which `verify` matches against the oldest entry
left) are one transaction, under the chain lock.

Ordinary deletes are refused by the triggers; the purge is let through by
holding the one row of `audit_purge_guard` inside its transaction, and the
row is gone again before the commit. In production only the owner role may
write that table (docs/audit.md).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.audit.events import AuditAction, AuditActor, AuditEvent
from data_access.audit.hashing import as_utc, iso_utc
from data_access.audit.records import ENTRY, ENTRY_PERSON
from data_access.audit.store import append, lock_chain_head, utc_now
from data_access.models import AuditPurgeGuard

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 2555
"""Seven years, unless the council's retention schedule says otherwise."""

_GUARD: Table = AuditPurgeGuard.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class PurgeResult:
    cutoff: dt.datetime
    purged: int
    through_seq: int
    """The newest entry removed (or, when none was, the one before the oldest kept)."""
    through_hash: str
    recorded_seq: int
    """The `AUDIT_PURGED` entry that records this run."""


async def purge_older_than(
    engine: AsyncEngine,
    days: int,
    actor: AuditActor,
    *,
    clock: Callable[[], dt.datetime] = utc_now,
    conversation_id: str = "cli",
) -> PurgeResult:
    """Delete entries recorded more than `days` days ago; record the run in the trail."""
    if days < 1:
        raise ValueError("the retention period must be at least one day")
    now = as_utc(clock())
    cutoff = now - dt.timedelta(days=days)
    async with engine.begin() as connection:
        head = await lock_chain_head(connection)
        first_kept = (
            await connection.execute(
                select(ENTRY.c.seq)
                .where(ENTRY.c.recorded_at >= cutoff)
                .order_by(ENTRY.c.seq)
                .limit(1)
            )
        ).scalar_one_or_none()
        if first_kept is None:
            through_seq, through_hash = head
        else:
            through_seq = int(first_kept) - 1
            through_hash = (
                await connection.execute(select(ENTRY.c.prev_hash).where(ENTRY.c.seq == first_kept))
            ).scalar_one()
        purged = (
            await connection.execute(
                select(func.count()).select_from(ENTRY).where(ENTRY.c.seq <= through_seq)
            )
        ).scalar_one()
        if purged:
            await connection.execute(insert(_GUARD).values(id=1))
            await connection.execute(delete(ENTRY_PERSON).where(ENTRY_PERSON.c.seq <= through_seq))
            await connection.execute(delete(ENTRY).where(ENTRY.c.seq <= through_seq))
            await connection.execute(delete(_GUARD))
        detail = {
            "older_than_days": days,
            "cutoff": iso_utc(cutoff),
            "purged": purged,
            "through_seq": through_seq,
            "through_hash": through_hash,
        }
        event = AuditEvent(
            action=AuditAction.AUDIT_PURGED,
            actor=actor,
            conversation_id=conversation_id,
            correlation_id=str(uuid.uuid4()),
            detail=json.dumps(detail, sort_keys=True),
        )
        recorded_seq, _ = await append(connection, [event], now, head)
    logger.info("audit purge removed %d entries through seq %d", purged, through_seq)
    return PurgeResult(cutoff, purged, through_seq, through_hash, recorded_seq)
