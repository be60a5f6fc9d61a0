"""Writing the audit trail, and the two reads the bot needs (the auditor's look, the rate limit).

`record()` returns only once its entries are committed; any failure raises
`AuditUnavailable`, and the caller then discloses nothing (product.md,
"Governance"). Entries form one hash chain however many bot instances write:
every append first updates the single row of `audit_chain_head`, which
takes that row's lock on PostgreSQL and the database's write lock on SQLite
(a write as the first statement of a transaction waits for the lock and
reads the newest data), so appends are serialised and each reads the true
tail in O(1). The chain head also lets `verify` notice entries removed from
the end.

Nothing here logs an entry's content: only sequence numbers, counts and
exception class names. Database error messages are not passed on either, as
some quote the values of a failing row.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from data_access.audit.events import (
    AuditAction,
    AuditEvent,
    AuditOutcome,
    AuditUnavailable,
    SearchLimitReached,
)
from data_access.audit.hashing import HashedFields, as_utc, entry_hash, person_ids_json
from data_access.audit.records import (
    CHAIN_HEAD,
    ENTRY,
    ENTRY_COLUMNS,
    ENTRY_PERSON,
    AuditRecord,
    record_from_row,
)
from data_access.engine import for_single_reads, write_transaction

logger = logging.getLogger(__name__)

MAX_RECENT = 500
"""The most entries `recent` returns at once: it serves a card, not an export."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _clean(text: str) -> str:
    """Text every database stores and gives back unchanged: PostgreSQL refuses NUL and neither
    database stores a lone surrogate. Without this a stray character in a search would make
    the search impossible to audit, and so impossible to run."""
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def _optional(text: str | None) -> str | None:
    return None if text is None else _clean(text)


async def lock_chain_head(connection: AsyncConnection) -> tuple[int, str]:
    """The last (seq, hash), holding the chain lock until the transaction ends.

    Must be the first statement of the transaction: on SQLite only a first
    write waits for the write lock and then sees the newest data; a read
    first would pin an older snapshot and fail to upgrade."""
    statement = (
        update(CHAIN_HEAD)
        .where(CHAIN_HEAD.c.id == 1)
        .values(last_seq=CHAIN_HEAD.c.last_seq)
        .returning(CHAIN_HEAD.c.last_seq, CHAIN_HEAD.c.last_hash)
    )
    head = (await connection.execute(statement)).first()
    if head is None:
        raise LookupError("the audit chain head is missing")
    return int(head[0]), str(head[1])


async def append(
    connection: AsyncConnection,
    events: Sequence[AuditEvent],
    moment: dt.datetime,
    head: tuple[int, str],
) -> tuple[int, str]:
    """Write `events` after `head` (from `lock_chain_head`, same transaction); the new head."""
    seq, prev_hash = head
    entries: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    moment = as_utc(moment)
    for event in events:
        seq += 1
        person_ids = tuple(_clean(person_id) for person_id in event.person_ids)
        fields = HashedFields(
            seq=seq,
            time=moment,
            tenant_id=_clean(event.actor.tenant_id),
            user_id=_clean(event.actor.user_id),
            user_name=_clean(event.actor.user_name),
            action=AuditAction(event.action).value,
            outcome=AuditOutcome(event.outcome).value,
            person_ids=person_ids,
            service=_optional(event.service),
            search_text=_optional(event.search_text),
            purpose=_optional(event.purpose),
            case_reference=_optional(event.case_reference),
            conversation_id=_clean(event.conversation_id),
            correlation_id=_clean(event.correlation_id),
            detail=_optional(event.detail),
            prev_hash=prev_hash,
        )
        prev_hash = entry_hash(fields)
        entries.append(
            {
                "seq": seq,
                "recorded_at": moment,
                "tenant_id": fields.tenant_id,
                "user_id": fields.user_id,
                "user_name": fields.user_name,
                "action": fields.action,
                "outcome": fields.outcome,
                "person_ids": person_ids_json(person_ids),
                "service": fields.service,
                "search_text": fields.search_text,
                "purpose": fields.purpose,
                "case_reference": fields.case_reference,
                "conversation_id": fields.conversation_id,
                "correlation_id": fields.correlation_id,
                "detail": fields.detail,
                "prev_hash": fields.prev_hash,
                "hash": prev_hash,
            }
        )
        people += [{"seq": seq, "person_id": person_id} for person_id in sorted(set(person_ids))]
    await connection.execute(insert(ENTRY), entries)
    if people:
        await connection.execute(insert(ENTRY_PERSON), people)
    await connection.execute(
        update(CHAIN_HEAD).where(CHAIN_HEAD.c.id == 1).values(last_seq=seq, last_hash=prev_hash)
    )
    return seq, prev_hash


def unavailable(what: str, error: Exception) -> AuditUnavailable:
    """The exception to raise, and one log line naming only the kind of failure."""
    kind = type(error).__name__
    cause = getattr(error, "orig", None)
    if cause is not None:
        kind = f"{kind} ({type(cause).__name__})"
    logger.warning("audit trail unavailable: %s failed: %s", what, kind)
    return AuditUnavailable(f"the audit trail is unavailable ({what} failed: {kind})")


class AuditLog:
    """The audit trail of one database, shared by every conversation of this instance."""

    def __init__(
        self,
        engine: AsyncEngine,
        clock: Callable[[], dt.datetime] = utc_now,
        *,
        search_limit: int | None = None,
        search_window: dt.timedelta = dt.timedelta(hours=1),
    ) -> None:
        self._engine = engine
        self._reads = for_single_reads(engine)
        self._clock = clock
        self._search_limit = search_limit
        self._search_window = search_window

    async def record(self, *events: AuditEvent) -> None:
        """Commit `events` as consecutive entries, in order, in one transaction.

        Returns only after the commit. Raises AuditUnavailable if anything
        fails, and then none of the events was recorded.

        With a search limit, a search among `events` is also where the limit is
        enforced: under the chain's lock, so searches sent at once cannot all slip
        under it. If the user has reached it, only the search is recorded, as
        refused, and SearchLimitReached is raised after the commit."""
        if not events:
            return
        refused = False
        try:
            async with write_transaction(self._engine) as connection:
                head = await lock_chain_head(connection)
                now = self._clock()
                search = self._limited_search(events)
                if search is not None and await self._over_limit(connection, search, now):
                    events = (replace(search, outcome=AuditOutcome.REFUSED_RATE_LIMIT),)
                    refused = True
                last, _ = await append(connection, events, now, head)
        except Exception as error:
            # From None: the chained database error could quote the values of the entry.
            raise unavailable("record", error) from None
        logger.debug("audit entries %d..%d committed", head[0] + 1, last)
        if refused:
            raise SearchLimitReached()

    def _limited_search(self, events: Sequence[AuditEvent]) -> AuditEvent | None:
        if self._search_limit is None:
            return None
        for event in events:
            if event.action is AuditAction.SEARCH and event.outcome is AuditOutcome.DISCLOSED:
                return event
        return None

    async def _over_limit(
        self, connection: AsyncConnection, search: AuditEvent, now: dt.datetime
    ) -> bool:
        assert self._search_limit is not None
        made = (
            await connection.execute(
                self._count_statement(search.actor.user_id, now - self._search_window)
            )
        ).scalar_one()
        return int(made) >= self._search_limit

    async def recent(
        self,
        user_id: str | None = None,
        person_id: str | None = None,
        limit: int = 20,
        *,
        user_ids: Sequence[str] | None = None,
    ) -> list[AuditRecord]:
        """The newest entries first: by a user, about a person, by any of `user_ids` (a team
        manager's team; empty means nobody), or any combination (or none) of these."""
        limit = max(1, min(limit, MAX_RECENT))
        if user_ids is not None and not user_ids:
            return []
        statement = select(*ENTRY_COLUMNS)
        if person_id is not None:
            statement = (
                statement.join(ENTRY_PERSON, ENTRY_PERSON.c.seq == ENTRY.c.seq)
                .where(ENTRY_PERSON.c.person_id == person_id)
                .order_by(ENTRY_PERSON.c.seq.desc())
            )
        else:
            statement = statement.order_by(ENTRY.c.seq.desc())
        if user_id is not None:
            statement = statement.where(ENTRY.c.user_id == user_id)
        if user_ids is not None:
            statement = statement.where(ENTRY.c.user_id.in_(sorted(set(user_ids))))
        try:
            async with self._reads.connect() as connection:
                rows = (await connection.execute(statement.limit(limit))).all()
        except Exception as error:
            raise unavailable("recent", error) from None
        return [record_from_row(row) for row in rows]

    @staticmethod
    def _count_statement(user_id: str, since: dt.datetime) -> Any:
        return (
            select(func.count())
            .select_from(ENTRY)
            .where(
                ENTRY.c.user_id == user_id,
                ENTRY.c.action == AuditAction.SEARCH.value,
                ENTRY.c.recorded_at >= as_utc(since),
                ENTRY.c.outcome != AuditOutcome.REFUSED_RATE_LIMIT.value,
            )
        )

    async def count_searches(self, user_id: str, since: dt.datetime) -> int:
        """Searches the user ran at or after `since` (naive means UTC), for the rate limit.

        Searches the rate limit itself refused are not counted, so a user who
        keeps trying is let back in as the window moves on. One range scan of
        the (user_id, action, recorded_at, outcome) index."""
        statement = self._count_statement(user_id, since)
        try:
            async with self._reads.connect() as connection:
                return int((await connection.execute(statement)).scalar_one())
        except Exception as error:
            raise unavailable("count_searches", error) from None
