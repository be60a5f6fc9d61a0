"""Where the bot's cards with personal data are, so that they can be replaced by the
"expired" notice once they are older than the council allows (FC_CARD_MAX_AGE_HOURS).

A card seen again is refreshed for its viewer (Universal Actions), but the message
itself stays in the chat's history as it was sent; this list is how the bot finds
it again to overwrite it. It holds where the message is, never what it said.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.conversations import upsert_insert, utc_now
from data_access.engine import for_single_reads, single_statement_write
from data_access.models import SentCard

_sent = cast(Table, SentCard.__table__)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SentCardRef:
    conversation_id: str
    activity_id: str
    service_url: str
    channel_id: str
    tenant_id: str


NOTE_EVERY_SECONDS = 1.0
"""How long a sent card waits, at most, to be noted in the database."""

MAX_WAITING = 10_000
"""Notes held while the database cannot be written (the oldest are dropped beyond this)."""


class SentCards:
    """The list of sent messages that show personal data.

    `note` is what a turn calls: it only queues the message, and a background task
    writes what has queued once a second, many in one statement (a turn's reply
    waits for no write, and the database takes one commit a second, not one a turn).
    Nothing is lost to a note arriving late: a card is overwritten only once it is
    hours old. `flush` writes what is queued at once; the sweeper and `close` call it.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        clock: Callable[[], dt.datetime] = utc_now,
        *,
        note_every: float = NOTE_EVERY_SECONDS,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self._note_every = note_every
        self._waiting: dict[tuple[str, str], dict[str, object]] = {}
        self._writer: asyncio.Task[None] | None = None

    def note(self, ref: SentCardRef) -> None:
        """Queue a message that shows personal data. A message noted before keeps its
        first time: what it showed first has been in the chat since then."""
        self._waiting.setdefault(
            (ref.conversation_id, ref.activity_id),
            {
                "conversation_id": ref.conversation_id,
                "activity_id": ref.activity_id,
                "service_url": ref.service_url,
                "channel_id": ref.channel_id,
                "tenant_id": ref.tenant_id,
                "sent_at": self._clock(),
            },
        )
        while len(self._waiting) > MAX_WAITING:
            del self._waiting[next(iter(self._waiting))]
        if self._writer is None or self._writer.done():
            self._writer = asyncio.get_running_loop().create_task(self._write_in_a_while())

    async def remember(self, ref: SentCardRef) -> None:
        """Note a message and write it now."""
        self.note(ref)
        await self.flush()

    async def flush(self) -> int:
        """Write every queued note (in one statement); how many. On failure they stay queued."""
        if not self._waiting:
            return 0
        rows = list(self._waiting.values())
        self._waiting.clear()
        try:
            async with single_statement_write(self._engine) as connection:
                insert = upsert_insert(connection)
                await connection.execute(insert(_sent).values(rows).on_conflict_do_nothing())
        except BaseException:
            # Queued again, ahead of anything noted since (the oldest go first if the queue
            # is trimmed), and with their first times (a message noted again meanwhile).
            restored = {(str(r["conversation_id"]), str(r["activity_id"])): r for r in rows}
            later = {k: v for k, v in self._waiting.items() if k not in restored}
            self._waiting = {**restored, **later}
            raise
        return len(rows)

    async def close(self) -> None:
        """Stop the background writer and write what is left (at shutdown)."""
        if self._writer is not None:
            self._writer.cancel()
            await asyncio.gather(self._writer, return_exceptions=True)
            self._writer = None
        await self.flush()

    async def _write_in_a_while(self) -> None:
        await asyncio.sleep(self._note_every)
        try:
            await self.flush()
        except Exception as error:  # kept queued; the next note or sweep tries again
            log.warning("could not note sent cards: %s", type(error).__name__)

    async def due(self, older_than: dt.timedelta, limit: int = 200) -> list[SentCardRef]:
        """The oldest messages sent longer ago than `older_than`."""
        cutoff = self._clock() - older_than
        statement = (
            select(
                _sent.c.conversation_id,
                _sent.c.activity_id,
                _sent.c.service_url,
                _sent.c.channel_id,
                _sent.c.tenant_id,
            )
            .where(_sent.c.sent_at < cutoff)
            .order_by(_sent.c.sent_at)
            .limit(limit)
        )
        async with for_single_reads(self._engine).connect() as connection:
            rows = (await connection.execute(statement)).all()
        return [SentCardRef(*row) for row in rows]

    async def forget(self, ref: SentCardRef) -> None:
        async with single_statement_write(self._engine) as connection:
            await connection.execute(
                delete(_sent).where(
                    _sent.c.conversation_id == ref.conversation_id,
                    _sent.c.activity_id == ref.activity_id,
                )
            )
