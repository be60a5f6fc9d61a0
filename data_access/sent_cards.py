"""Where the bot's cards with personal data are, so that they can be replaced by the
"expired" notice once they are older than the council allows (FC_CARD_MAX_AGE_HOURS).

A card seen again is refreshed for its viewer (Universal Actions), but the message
itself stays in the chat's history as it was sent; this list is how the bot finds
it again to overwrite it. It holds where the message is, never what it said.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.conversations import upsert_insert, utc_now
from data_access.engine import for_single_reads, single_statement_write
from data_access.models import SentCard

_sent = cast(Table, SentCard.__table__)


@dataclass(frozen=True, slots=True)
class SentCardRef:
    conversation_id: str
    activity_id: str
    service_url: str
    channel_id: str
    tenant_id: str


class SentCards:
    def __init__(self, engine: AsyncEngine, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self._engine = engine
        self._clock = clock

    async def remember(self, ref: SentCardRef) -> None:
        """Note a message that shows personal data. A message noted before keeps its first
        time: what it showed first has been in the chat since then."""
        async with single_statement_write(self._engine) as connection:
            insert = upsert_insert(connection)
            await connection.execute(
                insert(_sent)
                .values(
                    conversation_id=ref.conversation_id,
                    activity_id=ref.activity_id,
                    service_url=ref.service_url,
                    channel_id=ref.channel_id,
                    tenant_id=ref.tenant_id,
                    sent_at=self._clock(),
                )
                .on_conflict_do_nothing()
            )

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
