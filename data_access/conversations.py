"""The conversation's state between turns, kept in the database so any instance can serve
the next turn: the purpose given, a request kept while the purpose is asked for, the
people last offered, and which messages were already answered.

Each method is one short transaction. Upserts use the dialect's own
INSERT ... ON CONFLICT, which SQLite and PostgreSQL both have. Nothing here
logs: the kept request is search text.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, delete, func, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from data_access.engine import for_single_reads, single_statement_write, write_transaction
from data_access.models import ConversationState, HandledActivity
from data_access.precompiled import read_rows

_state = cast(Table, ConversationState.__table__)
_handled = cast(Table, HandledActivity.__table__)

HANDLED_KEEP = dt.timedelta(days=1)
"""Teams re-delivers within seconds; a day of handled ids is plenty."""
PURPOSE_HINTS = 10_000
"""How many conversations' "a purpose was given at" times an instance remembers (see
`ConversationStore.purpose_known`)."""

log = logging.getLogger(__name__)

_STATE_COLUMNS = (
    _state.c.tenant_id,
    _state.c.purpose_text,
    _state.c.case_reference,
    _state.c.purpose_set_at,
    _state.c.pending_text,
    _state.c.pending_at,
    _state.c.choices,
)
_STATE_KEY = and_(
    _state.c.tenant_id == bindparam("tenant_id"),
    _state.c.conversation_id == bindparam("conversation_id"),
    _state.c.user_id == bindparam("user_id"),
)
_READ_STATE = select(*_STATE_COLUMNS).where(_STATE_KEY)
"""Built once (a statement built per call costs more than the look-up)."""

_NOTE_MESSAGE = (
    postgresql.insert(_handled)
    .values(
        activity_id=bindparam("activity_id"),
        conversation_id=bindparam("conversation_id"),
        handled_at=bindparam("handled_at", type_=_handled.c.handled_at.type),
    )
    .on_conflict_do_nothing()
    .returning(_handled.c.activity_id)
    .cte("noted")
)
_ONE_ROW = select(literal(1).label("one")).subquery("one_row")
_OPEN_STATE = select(
    select(func.count()).select_from(_NOTE_MESSAGE).scalar_subquery().label("first_delivery"),
    *_STATE_COLUMNS,
).select_from(_ONE_ROW.outerjoin(_state, _STATE_KEY))
"""PostgreSQL: note the message (nothing if it was noted before) and read the state, in
one statement; `first_delivery` is 1 the first time."""


def _key_parameters(key: ConversationKey) -> dict[str, str]:
    return {
        "tenant_id": key.tenant_id,
        "conversation_id": key.conversation_id,
        "user_id": key.user_id,
    }


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class ConversationKey:
    """One user in one conversation: in a group chat each member has their own purpose."""

    tenant_id: str
    conversation_id: str
    user_id: str


@dataclass(frozen=True, slots=True)
class Purpose:
    title: str
    """The reason as the user chose or typed it (what the audit trail records)."""
    case_reference: str | None
    given_at: dt.datetime


@dataclass(frozen=True, slots=True)
class OfferedPerson:
    """A person the last results list offered, and why they matched."""

    person_id: str
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    purpose: Purpose | None
    pending_text: str | None
    offered: tuple[OfferedPerson, ...]
    search_id: str | None = None
    """Which search offered them (a results card names it to be refreshed)."""


EMPTY = Snapshot(purpose=None, pending_text=None, offered=())


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; every time stored here is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def upsert_insert(connection: AsyncConnection) -> Any:
    """The dialect's INSERT, which has ON CONFLICT on both databases."""
    dialect = connection.dialect.name
    if dialect == "postgresql":
        return postgresql.insert
    if dialect == "sqlite":
        return sqlite.insert
    raise RuntimeError(f"unsupported database: {dialect}")


class ConversationStore:
    def __init__(
        self,
        engine: AsyncEngine,
        *,
        purpose_ttl: dt.timedelta,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._engine = engine
        self._reads = for_single_reads(engine)
        self._purpose_ttl = purpose_ttl
        self._clock = clock
        self._forgetting: asyncio.Task[None] | None = None
        self._purposes_given: OrderedDict[ConversationKey, dt.datetime] = OrderedDict()
        """When the purpose this instance last saw in each conversation was given."""

    def purpose_known(self, key: ConversationKey) -> bool:
        """Whether this instance last saw a purpose in this conversation that has not
        expired yet: a hint, without a round trip, that the next search may start before
        the state is read (dialogs/conversation.py). The database stays the only record:
        the state read with the turn decides, and another instance's change is seen there.
        Conversation keys and times only, no personal data, at most PURPOSE_HINTS."""
        given_at = self._purposes_given.get(key)
        return given_at is not None and self._clock() - given_at < self._purpose_ttl

    def _note_purpose(self, key: ConversationKey, purpose: Purpose | None) -> None:
        if purpose is None:
            self._purposes_given.pop(key, None)
            return
        self._purposes_given[key] = purpose.given_at
        self._purposes_given.move_to_end(key)
        while len(self._purposes_given) > PURPOSE_HINTS:
            self._purposes_given.popitem(last=False)

    async def get(self, key: ConversationKey) -> Snapshot:
        """The state, with an expired purpose (and the request kept with it) left out."""
        async with self._reads.connect() as connection:
            row = (await connection.execute(_READ_STATE, _key_parameters(key))).first()
        snapshot = self._snapshot(row)
        self._note_purpose(key, snapshot.purpose)
        return snapshot

    async def open(self, key: ConversationKey, activity_id: str | None) -> tuple[bool, Snapshot]:
        """A message's turn begins: whether it is seen for the first time (False for
        Teams' re-deliveries; True without an id), and the state.

        On PostgreSQL one statement notes the message and reads the state (one round
        trip, one commit); on SQLite the two run at once."""
        if not activity_id:
            return True, await self.get(key)
        if self._engine.dialect.name != "postgresql":
            return await asyncio.gather(
                self.first_delivery(activity_id, key.conversation_id), self.get(key)
            )
        now = self._clock()
        parameters = {
            **_key_parameters(key),
            "activity_id": activity_id,
            "handled_at": now,
        }
        async with self._reads.connect() as connection:
            (row,) = await read_rows(connection, _OPEN_STATE, parameters)
        self._now_and_then_forget_handled(now)
        snapshot = self._snapshot(row if row.tenant_id else None)
        self._note_purpose(key, snapshot.purpose)
        return bool(row.first_delivery), snapshot

    def _snapshot(self, row: Any) -> Snapshot:
        if row is None:
            return EMPTY
        now = self._clock()
        purpose = None
        given_at = _aware(row.purpose_set_at)
        if row.purpose_text and given_at is not None and now - given_at < self._purpose_ttl:
            purpose = Purpose(row.purpose_text, row.case_reference, given_at)
        pending_at = _aware(row.pending_at)
        pending = row.pending_text
        if pending_at is None or now - pending_at >= self._purpose_ttl:
            pending = None
        search_id, offered = _offered_from_json(row.choices)
        return Snapshot(purpose, pending, offered, search_id)

    async def set_purpose(
        self, key: ConversationKey, title: str, case_reference: str | None
    ) -> tuple[Purpose, str | None]:
        """Record the purpose; return it with the request kept while it was asked for (the
        kept request is cleared in the same transaction, so it is answered once)."""
        now = self._clock()
        async with write_transaction(self._engine) as connection:
            # FOR UPDATE (PostgreSQL): a second press of the same button waits here and
            # then finds the kept request gone, so it is answered once. SQLite writers
            # already take turns (write_transaction).
            row = (
                await connection.execute(
                    select(_state.c.pending_text, _state.c.pending_at)
                    .where(_STATE_KEY)
                    .with_for_update(),
                    _key_parameters(key),
                )
            ).first()
            pending: str | None = None
            if row is not None and row.pending_text:
                pending_at = _aware(row.pending_at)
                if pending_at is not None and now - pending_at < self._purpose_ttl:
                    pending = row.pending_text
            await self._upsert(
                connection,
                key,
                purpose_code=None,
                purpose_text=title,
                case_reference=case_reference,
                purpose_set_at=now,
                pending_text=None,
                pending_at=None,
            )
        given = Purpose(title, case_reference, now)
        self._note_purpose(key, given)
        return given, pending

    async def keep_pending(self, key: ConversationKey, text: str) -> None:
        """Keep a request until a purpose is given (replacing any earlier one)."""
        async with single_statement_write(self._engine) as connection:
            await self._upsert(connection, key, pending_text=text, pending_at=self._clock())

    async def offer(
        self, key: ConversationKey, offered: tuple[OfferedPerson, ...], search_id: str
    ) -> None:
        people = [[o.person_id, o.label, o.reason] for o in offered]
        payload = json.dumps({"search": search_id, "people": people}, separators=(",", ":"))
        async with single_statement_write(self._engine) as connection:
            await self._upsert(connection, key, choices=payload, choices_at=self._clock())

    async def first_delivery(self, activity_id: str, conversation_id: str) -> bool:
        """True the first time a message is seen; False for Teams' re-deliveries."""
        now = self._clock()
        async with single_statement_write(self._engine) as connection:
            insert = upsert_insert(connection)
            result = await connection.execute(
                insert(_handled)
                .values(activity_id=activity_id, conversation_id=conversation_id, handled_at=now)
                .on_conflict_do_nothing()
            )
        self._now_and_then_forget_handled(now)
        return bool(result.rowcount)

    def _now_and_then_forget_handled(self, now: dt.datetime) -> None:
        """Once a minute or so, in the background, forget old ids (cheap: indexed by time)."""
        if now.second != 0 or (self._forgetting is not None and not self._forgetting.done()):
            return

        async def forget() -> None:
            try:
                async with single_statement_write(self._engine) as connection:
                    await connection.execute(
                        delete(_handled).where(_handled.c.handled_at < now - HANDLED_KEEP)
                    )
            except Exception as error:  # the next minute tries again
                log.warning("could not forget old message ids: %s", type(error).__name__)

        self._forgetting = asyncio.get_running_loop().create_task(forget())

    async def close(self) -> None:
        """At shutdown: let a background forgetting under way finish, so that its
        connection goes back to the pool before the engine is disposed."""
        if self._forgetting is not None:
            await self._forgetting

    async def forget_expired(self) -> int:
        """Delete the state of conversations idle for longer than a purpose lasts: their
        reason, any kept request (search text) and the people last offered are all
        expired, and are never read again. Also old ids of handled messages."""
        now = self._clock()
        async with single_statement_write(self._engine) as connection:
            result = await connection.execute(
                delete(_state).where(_state.c.updated_at < now - self._purpose_ttl)
            )
        async with single_statement_write(self._engine) as connection:
            await connection.execute(
                delete(_handled).where(_handled.c.handled_at < now - HANDLED_KEEP)
            )
        return int(result.rowcount or 0)

    async def forget(self, key: ConversationKey) -> None:
        self._note_purpose(key, None)
        async with write_transaction(self._engine) as connection:
            await connection.execute(delete(_state).where(_STATE_KEY), _key_parameters(key))

    async def _upsert(
        self, connection: AsyncConnection, key: ConversationKey, **values: Any
    ) -> None:
        values["updated_at"] = self._clock()
        insert = upsert_insert(connection)
        statement = insert(_state).values(
            tenant_id=key.tenant_id,
            conversation_id=key.conversation_id,
            user_id=key.user_id,
            **values,
        )
        await connection.execute(
            statement.on_conflict_do_update(
                index_elements=[_state.c.tenant_id, _state.c.conversation_id, _state.c.user_id],
                set_=values,
            )
        )


def _offered_from_json(raw: str | None) -> tuple[str | None, tuple[OfferedPerson, ...]]:
    if not raw:
        return None, ()
    try:
        stored = json.loads(raw)
        people = tuple(
            OfferedPerson(str(p), str(label), str(reason)) for p, label, reason in stored["people"]
        )
        return str(stored["search"]), people
    except (ValueError, TypeError, KeyError):
        return None, ()
