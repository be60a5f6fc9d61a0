"""Writing the audit trail, and the two reads the bot needs (the auditor's look, the rate limit).

`record()` returns only once its entries are committed; any failure raises
`AuditUnavailable`, and the caller then discloses nothing (product.md,
"Governance").

Entries form one hash chain however many bot instances write. The database
holds that rule (migration 0006): an entry is accepted only if it follows the
chain head exactly, and accepting it moves the head and fills the person
index. So an append is one INSERT of entries hashed after the head as this
instance last saw it: one round trip, committed on its own, on the path of
every turn that discloses. If another writer moved the head in the meantime
(a second instance, a purge), the database refuses that INSERT and the append
is made again the careful way: lock the head, read it, hash after it, insert,
commit; and for a second after that, while other writers are busy, appends go
straight to the lock. Appends of this instance take turns (an asyncio lock), so
they never race each other.

The search limit is checked in the same INSERT (it inserts nothing when the
user has reached it): the count is read from the same snapshot as the head
the entries follow, so searches sent at once cannot all slip under it.

Nothing here logs an entry's content: only sequence numbers, counts and
exception class names. Database error messages are not passed on either, as
some quote the values of a failing row.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import bindparam, func, insert, select, union_all, update
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
from data_access.engine import for_single_reads, single_statement_write, write_transaction
from data_access.precompiled import Precompiled, precompile

logger = logging.getLogger(__name__)

CONTENDED_SECONDS = 1.0
"""After another writer moved the head under this one, how long not to trust the head last
seen (it is likely stale): append under the lock, or on SQLite after a fresh read."""

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


_READ_HEAD = select(CHAIN_HEAD.c.last_seq, CHAIN_HEAD.c.last_hash).where(CHAIN_HEAD.c.id == 1)


async def lock_chain_head(connection: AsyncConnection) -> tuple[int, str]:
    """The last (seq, hash), holding the chain lock until the transaction ends.

    Must be the first statement of the transaction: on SQLite only a first
    write waits for the write lock and then sees the newest data; a read
    first would pin an older snapshot and fail to upgrade. On PostgreSQL a row
    lock is enough (an UPDATE would leave one more dead version of the row
    every append moves anyway)."""
    if connection.dialect.name == "postgresql":
        statement: Any = _READ_HEAD.with_for_update()
    else:
        statement = (
            update(CHAIN_HEAD)
            .where(CHAIN_HEAD.c.id == 1)
            .values(last_seq=CHAIN_HEAD.c.last_seq)
            .returning(CHAIN_HEAD.c.last_seq, CHAIN_HEAD.c.last_hash)
        )
    return _head_of((await connection.execute(statement)).first())


def _head_of(row: Any) -> tuple[int, str]:
    if row is None:
        raise LookupError("the audit chain head is missing")
    return int(row[0]), str(row[1])


Head = tuple[int, str]
"""The chain's last entry: (seq, hash)."""


FRESH_HEAD_ATTEMPTS = 3
"""On SQLite, appends after a freshly read head before the locked append (see `_append`)."""


def hashed_rows(
    events: Sequence[AuditEvent], moment: dt.datetime, head: Head
) -> tuple[list[dict[str, Any]], Head]:
    """`events` as rows of `audit_entry` following `head`, hashed; and the head after them."""
    seq, prev_hash = head
    rows: list[dict[str, Any]] = []
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
        rows.append(
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
    return rows, (seq, prev_hash)


async def append(
    connection: AsyncConnection,
    events: Sequence[AuditEvent],
    moment: dt.datetime,
    head: Head,
) -> Head:
    """Write `events` after `head` (from `lock_chain_head`, same transaction); the new head.

    One INSERT: the database moves the head and fills the person index (migration 0006)."""
    rows, new_head = hashed_rows(events, moment, head)
    await connection.execute(_insert(len(rows)), _parameters(rows))
    return new_head


# Statements are built once per shape and run with parameters: building a SQLAlchemy
# statement costs more than running it (a turn's whole audit append is one statement).

_ENTRY_TYPES = {column.name: column.type for column in ENTRY.columns}


def _parameters(rows: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    flat = {
        f"e{index}_{name}": value for index, row in enumerate(rows) for name, value in row.items()
    }
    flat.update(more)
    return flat


def _row_binds(index: int) -> dict[str, Any]:
    return {name: bindparam(f"e{index}_{name}", type_=kind) for name, kind in _ENTRY_TYPES.items()}


_SEARCHES_SINCE = (
    ENTRY.c.user_id == bindparam("count_user_id"),
    ENTRY.c.action == AuditAction.SEARCH.value,
    ENTRY.c.recorded_at >= bindparam("count_since", type_=ENTRY.c.recorded_at.type),
    ENTRY.c.outcome != AuditOutcome.REFUSED_RATE_LIMIT.value,
)
"""A user's searches since a time, not counting those the limit refused: a range scan
of the (user_id, action, recorded_at, outcome) index."""

_COUNT_SEARCHES = select(func.count()).select_from(ENTRY).where(*_SEARCHES_SINCE)

_SEARCHES_UP_TO_LIMIT = select(func.count()).select_from(
    select(ENTRY.c.seq).where(*_SEARCHES_SINCE).limit(bindparam("limit")).subquery()
)
"""The same count, stopping at the limit: whether it is reached is all the check needs,
so it reads at most `limit` index entries however busy the user."""


@functools.cache
def _insert(count: int) -> Any:
    return insert(ENTRY).values([_row_binds(index) for index in range(count)])


@functools.cache
def _insert_under_limit(count: int) -> Any:
    """INSERT of `count` entries that inserts none of them if the user has reached the limit
    (parameters `count_user_id`, `count_since`, `limit`)."""
    selects = [
        select(*(bind.label(name) for name, bind in _row_binds(index).items()))
        for index in range(count)
    ]
    entries = (selects[0] if count == 1 else union_all(*selects)).subquery("new_entries")
    # The count once for all the entries (a condition on each of them would count again
    # for each), and the entries in chain order, which the database insists on.
    allowed = _SEARCHES_UP_TO_LIMIT.scalar_subquery() < bindparam("limit")
    source = select(*(entries.c[name] for name in _ENTRY_TYPES)).where(allowed)
    return insert(ENTRY).from_select(list(_ENTRY_TYPES), source.order_by(entries.c.seq))


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
        self._head: Head | None = None
        """The chain head after this instance's last append: where the next one goes,
        unless another writer has moved it since."""
        self._appending = asyncio.Lock()
        self._statements: dict[tuple[str, int], Precompiled] = {}
        self._refused_at = -math.inf
        """When (time.monotonic) the database last refused an append after a stale head."""

    async def record(self, *events: AuditEvent) -> None:
        """Commit `events` as consecutive entries, in order, in one transaction.

        Returns only after the commit. Raises AuditUnavailable if anything
        fails, and then none of the events was recorded.

        With a search limit, a search among `events` is also where the limit is
        enforced, in the statement (or under the lock) that appends it: if the
        user has reached it, only the search is recorded, as refused, and
        SearchLimitReached is raised after the commit."""
        if not events:
            return
        search = self._limited_search(events)
        try:
            async with self._appending:
                refused = await self._append(events, search)
        except Exception as error:
            # From None: the chained database error could quote the values of the entry.
            raise unavailable("record", error) from None
        if self._head is not None:
            last = self._head[0]
            logger.debug(
                "audit entries %d..%d committed", last - (1 if refused else len(events)) + 1, last
            )
        if refused:
            raise SearchLimitReached()

    async def _append(self, events: Sequence[AuditEvent], search: AuditEvent | None) -> bool:
        """Append after the head as last seen, or else under the lock; whether the search
        was refused. Keeps the new head.

        While other writers are busy too (a refusal in the last CONTENDED_SECONDS), the
        head seen last is likely stale: go straight to the lock rather than pay for a
        statement the database would refuse."""
        now = self._clock()
        head = self._head
        self._head = None  # until the database has confirmed the next one
        contended = time.monotonic() - self._refused_at < CONTENDED_SECONDS
        if head is not None and not contended:
            try:
                refused, self._head = await self._append_after(head, events, search, now)
                return refused
            except Exception as error:
                # Usually another writer moved the head: the database refused a fork.
                self._refused_at = time.monotonic()
                logger.debug("audit append retried under the lock: %s", type(error).__name__)
        if self._engine.dialect.name == "sqlite":
            # Several processes on one SQLite file (FC_WORKERS): the locked append holds
            # SQLite's write lock across four trips to the driver's thread, and the other
            # processes' writers sleep in SQLite's busy handler (1, 2, 5, 10 ms...) until it
            # ends. Reading the head first and appending after it holds the lock for one
            # statement only; the head moves between the two now and then.
            for _ in range(FRESH_HEAD_ATTEMPTS):
                try:
                    head = await self._read_head()
                    refused, self._head = await self._append_after(head, events, search, now)
                    return refused
                except Exception as error:
                    logger.debug(
                        "audit append after a fresh head refused: %s", type(error).__name__
                    )
        refused, self._head = await self._append_locked(events, search, now)
        return refused

    async def _read_head(self) -> Head:
        async with self._engine.connect() as connection:
            return _head_of((await connection.execute(_READ_HEAD)).first())

    async def _append_after(
        self,
        head: Head,
        events: Sequence[AuditEvent],
        search: AuditEvent | None,
        now: dt.datetime,
    ) -> tuple[bool, Head]:
        """One statement (committed on its own on PostgreSQL), refused by the database
        unless `head` is still the chain's head."""
        rows, new_head = hashed_rows(events, now, head)
        async with single_statement_write(self._engine) as connection:
            if search is None:
                await self._precompiled(_insert, len(rows)).execute(connection, _parameters(rows))
                return False, new_head
            limit = self._limit_parameters(search, now)
            inserted = await self._precompiled(_insert_under_limit, len(rows)).execute(
                connection, _parameters(rows, **limit)
            )
            if inserted.rowcount == len(rows):
                return False, new_head
            refused = (replace(search, outcome=AuditOutcome.REFUSED_RATE_LIMIT),)
            rows, new_head = hashed_rows(refused, now, head)
            await self._precompiled(_insert, 1).execute(connection, _parameters(rows))
            return True, new_head

    def _precompiled(self, build: Callable[[int], Any], count: int) -> Precompiled:
        key = (build.__name__, count)
        found = self._statements.get(key)
        if found is None:
            found = self._statements[key] = precompile(build(count), self._engine.dialect)
        return found

    async def _append_locked(
        self, events: Sequence[AuditEvent], search: AuditEvent | None, now: dt.datetime
    ) -> tuple[bool, Head]:
        refused = False
        async with write_transaction(self._engine) as connection:
            head = await lock_chain_head(connection)
            if search is not None and await self._over_limit(connection, search, now):
                events = (replace(search, outcome=AuditOutcome.REFUSED_RATE_LIMIT),)
                refused = True
            return refused, await append(connection, events, now, head)

    def _limited_search(self, events: Sequence[AuditEvent]) -> AuditEvent | None:
        if self._search_limit is None:
            return None
        for event in events:
            if event.action is AuditAction.SEARCH and event.outcome is AuditOutcome.DISCLOSED:
                return event
        return None

    def _limit_parameters(self, search: AuditEvent, now: dt.datetime) -> dict[str, Any]:
        return {
            "count_user_id": _clean(search.actor.user_id),
            "count_since": as_utc(now - self._search_window),
            "limit": self._search_limit or 0,
        }

    async def _over_limit(
        self, connection: AsyncConnection, search: AuditEvent, now: dt.datetime
    ) -> bool:
        assert self._search_limit is not None
        parameters = self._limit_parameters(search, now)
        made = (await connection.execute(_SEARCHES_UP_TO_LIMIT, parameters)).scalar_one()
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

    async def count_searches(self, user_id: str, since: dt.datetime) -> int:
        """Searches the user ran at or after `since` (naive means UTC), for the rate limit.

        Searches the rate limit itself refused are not counted, so a user who
        keeps trying is let back in as the window moves on. One range scan of
        the (user_id, action, recorded_at, outcome) index."""
        parameters = {"count_user_id": user_id, "count_since": as_utc(since)}
        try:
            async with self._reads.connect() as connection:
                return int((await connection.execute(_COUNT_SEARCHES, parameters)).scalar_one())
        except Exception as error:
            raise unavailable("count_searches", error) from None
