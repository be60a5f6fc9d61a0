"""The list of sent cards with personal data (SQLite and PostgreSQL): notes are queued by a
turn and written together, later, by a background writer, by `flush` or by `close`."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.models import SentCard
from data_access.sent_cards import SentCardRef, SentCards
from tests.support.fakes import NOW, Clock

SERVICE_URL = "https://smba.trafficmanager.net/uk/"


def ref(activity_id: str, conversation_id: str = "a:conversation-1") -> SentCardRef:
    return SentCardRef(conversation_id, activity_id, SERVICE_URL, "msteams", "tenant-1")


def as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands a stored time back without its zone (it was stored in UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


async def stored(engine: AsyncEngine) -> dict[str, dt.datetime]:
    """Each stored message's activity id, with when it was sent."""
    async with engine.connect() as connection:
        rows = (await connection.execute(select(SentCard.activity_id, SentCard.sent_at))).all()
    return {activity_id: as_utc(sent_at) for activity_id, sent_at in rows}


async def wait_for(condition: Callable[[], Awaitable[bool]], seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.01)):
        if await condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"still not so after {seconds} seconds")


async def rename_table(engine: AsyncEngine, old: str, new: str) -> None:
    async with engine.begin() as connection:
        await connection.execute(text(f"ALTER TABLE {old} RENAME TO {new}"))


@asynccontextmanager
async def table_away(engine: AsyncEngine) -> AsyncIterator[None]:
    """Writes to sent_card fail inside the block (the table is renamed away and back)."""
    await rename_table(engine, "sent_card", "sent_card_away")
    try:
        yield
    finally:
        await rename_table(engine, "sent_card_away", "sent_card")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def cards(engine: AsyncEngine, clock: Clock) -> AsyncIterator[SentCards]:
    """A list whose background writer waits long enough never to write during a test."""
    cards = SentCards(engine, clock, note_every=60)
    yield cards
    await cards.close()


@pytest.fixture
def inserts(engine: AsyncEngine) -> list[str]:
    """Every INSERT the engine sends to the database."""
    sent: list[str] = []

    def record(*args: Any) -> None:
        statement: str = args[2]
        if statement.lstrip().upper().startswith("INSERT"):
            sent.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    return sent


async def test_a_note_is_only_queued(engine: AsyncEngine, cards: SentCards) -> None:
    cards.note(ref("activity-1"))
    await asyncio.sleep(0.05)

    assert await stored(engine) == {}


async def test_flush_writes_every_queued_note_in_one_statement(
    engine: AsyncEngine, cards: SentCards, clock: Clock, inserts: list[str]
) -> None:
    for number in range(3):
        cards.note(ref(f"activity-{number}"))
        clock.advance(seconds=1)

    assert await cards.flush() == 3

    assert await stored(engine) == {
        "activity-0": NOW,
        "activity-1": NOW + dt.timedelta(seconds=1),
        "activity-2": NOW + dt.timedelta(seconds=2),
    }
    assert len(inserts) == 1
    assert await cards.flush() == 0  # nothing left queued
    assert len(inserts) == 1


async def test_a_message_noted_twice_keeps_its_first_time(
    engine: AsyncEngine, cards: SentCards, clock: Clock
) -> None:
    cards.note(ref("activity-1"))
    clock.advance(minutes=5)
    cards.note(ref("activity-1"))  # changed again before the notes were written

    assert await cards.flush() == 1
    clock.advance(minutes=5)
    await cards.remember(ref("activity-1"))  # and again, once it was written

    assert await stored(engine) == {"activity-1": NOW}


async def test_the_same_activity_in_two_conversations_is_two_messages(
    engine: AsyncEngine, cards: SentCards
) -> None:
    cards.note(ref("activity-1", "a:conversation-1"))
    cards.note(ref("activity-1", "a:conversation-2"))

    assert await cards.flush() == 2


async def test_remember_writes_at_once(engine: AsyncEngine, cards: SentCards) -> None:
    await cards.remember(ref("activity-1"))

    assert await stored(engine) == {"activity-1": NOW}


async def test_the_background_writer_writes_the_notes_after_a_while(
    engine: AsyncEngine, clock: Clock
) -> None:
    cards = SentCards(engine, clock, note_every=0.05)
    try:
        cards.note(ref("activity-1"))
        cards.note(ref("activity-2"))
        assert await stored(engine) == {}

        await wait_for(lambda: stored_count(engine, 2))
        cards.note(ref("activity-3"))  # after a write: a new writer for the next ones
        await wait_for(lambda: stored_count(engine, 3))
    finally:
        await cards.close()

    assert set(await stored(engine)) == {"activity-1", "activity-2", "activity-3"}


async def stored_count(engine: AsyncEngine, count: int) -> bool:
    return len(await stored(engine)) == count


async def test_close_writes_what_is_left(engine: AsyncEngine, clock: Clock) -> None:
    cards = SentCards(engine, clock, note_every=60)
    cards.note(ref("activity-1"))
    cards.note(ref("activity-2"))

    await cards.close()

    assert set(await stored(engine)) == {"activity-1", "activity-2"}
    assert await cards.flush() == 0


async def test_close_with_nothing_noted_is_harmless(engine: AsyncEngine, clock: Clock) -> None:
    cards = SentCards(engine, clock)

    await cards.close()
    await cards.close()

    assert await stored(engine) == {}


async def test_due_gives_the_oldest_messages_first_and_forget_removes_one(
    engine: AsyncEngine, cards: SentCards, clock: Clock
) -> None:
    for number in range(3):
        cards.note(ref(f"activity-{number}"))
        clock.advance(hours=1)
    await cards.flush()
    # Now: activity-0 is 3 hours old, activity-1 is 2, activity-2 is 1.

    assert await cards.due(dt.timedelta(hours=1, minutes=30)) == [
        ref("activity-0"),
        ref("activity-1"),
    ]
    assert await cards.due(dt.timedelta(minutes=30), limit=1) == [ref("activity-0")]
    assert await cards.due(dt.timedelta(hours=4)) == []

    await cards.forget(ref("activity-0"))

    assert await cards.due(dt.timedelta(minutes=30)) == [ref("activity-1"), ref("activity-2")]
    assert set(await stored(engine)) == {"activity-1", "activity-2"}


async def test_forgetting_a_message_not_listed_is_harmless(
    engine: AsyncEngine, cards: SentCards
) -> None:
    await cards.remember(ref("activity-1"))

    await cards.forget(ref("activity-2"))
    await cards.forget(ref("activity-1", "a:conversation-2"))

    assert set(await stored(engine)) == {"activity-1"}


async def test_a_failed_flush_keeps_the_notes_for_a_later_one(
    engine: AsyncEngine, cards: SentCards, clock: Clock
) -> None:
    cards.note(ref("activity-1"))
    async with table_away(engine):
        with pytest.raises(Exception, match="sent_card"):
            await cards.flush()
        clock.advance(minutes=5)
        cards.note(ref("activity-1"))  # noted again while the database was failing
        cards.note(ref("activity-2"))

    assert await cards.flush() == 2
    assert await stored(engine) == {
        "activity-1": NOW,
        "activity-2": NOW + dt.timedelta(minutes=5),
    }


async def test_a_message_noted_while_its_write_fails_keeps_its_first_time(
    engine: AsyncEngine, cards: SentCards, clock: Clock
) -> None:
    cards.note(ref("activity-1"))

    def meanwhile(*_: object) -> None:  # while the write is on its way to the database
        clock.advance(minutes=5)
        cards.note(ref("activity-1"))
        cards.note(ref("activity-2"))

    async with table_away(engine):
        event.listen(engine.sync_engine, "before_cursor_execute", meanwhile)
        try:
            with pytest.raises(Exception, match="sent_card"):
                await cards.flush()
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", meanwhile)

    assert await cards.flush() == 2
    assert await stored(engine) == {
        "activity-1": NOW,
        "activity-2": NOW + dt.timedelta(minutes=5),
    }


async def test_a_failed_background_write_is_logged_and_kept(
    engine: AsyncEngine, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    cards = SentCards(engine, clock, note_every=0.01)
    async with table_away(engine):
        with caplog.at_level(logging.WARNING, logger="data_access.sent_cards"):
            cards.note(ref("activity-1"))
            await wait_for(lambda: logged(caplog, "could not note sent cards"))

    await cards.close()

    assert await stored(engine) == {"activity-1": NOW}


async def logged(caplog: pytest.LogCaptureFixture, message: str) -> bool:
    return any(message in record.getMessage() for record in caplog.records)
