"""The conversation's state between turns, in the database (SQLite and PostgreSQL): what
one instance writes, another reads."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Callable

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.conversations import ConversationKey, ConversationStore, OfferedPerson
from tests.support.fakes import Clock

KEY = ConversationKey("tenant-1", "a:conversation", "user-1")
TTL = dt.timedelta(hours=8)


StoreFactory = Callable[[Clock], ConversationStore]


@pytest.fixture
async def store(engine: AsyncEngine) -> AsyncIterator[StoreFactory]:
    """Makes stores (one per bot instance) on the test's database, and closes them: a
    store may be forgetting old message ids in the background (the clock is on the
    minute)."""
    made: list[ConversationStore] = []

    def make(clock: Clock) -> ConversationStore:
        made.append(ConversationStore(engine, purpose_ttl=TTL, clock=clock))
        return made[-1]

    yield make
    for conversations in made:
        await conversations.close()


async def test_a_new_conversation_has_no_state(store: StoreFactory) -> None:
    snapshot = await store(Clock()).get(KEY)
    assert snapshot.purpose is None
    assert snapshot.pending_text is None
    assert snapshot.offered == ()


async def test_a_kept_request_is_handed_back_once_with_the_purpose(store: StoreFactory) -> None:
    clock = Clock()
    one, other = store(clock), store(clock)  # two instances of the bot
    await one.keep_pending(KEY, "find jayden smith 12/03/2016")
    assert (await other.get(KEY)).pending_text == "find jayden smith 12/03/2016"

    purpose, pending = await other.set_purpose(KEY, "Strategy discussion", "CR-9")
    assert pending == "find jayden smith 12/03/2016"
    assert purpose.title == "Strategy discussion"
    assert purpose.case_reference == "CR-9"
    again, pending_again = await one.set_purpose(KEY, "Strategy discussion", None)
    assert pending_again is None
    snapshot = await one.get(KEY)
    assert snapshot.purpose == again
    assert snapshot.pending_text is None


async def test_the_purpose_and_a_kept_request_expire(store: StoreFactory) -> None:
    clock = Clock()
    conversations = store(clock)
    await conversations.set_purpose(KEY, "Strategy discussion", None)
    await conversations.keep_pending(KEY, "jayden smith")
    clock.advance(hours=7, minutes=59)
    assert (await conversations.get(KEY)).purpose is not None
    clock.advance(minutes=2)
    snapshot = await conversations.get(KEY)
    assert snapshot.purpose is None
    assert snapshot.pending_text is None
    _, pending = await conversations.set_purpose(KEY, "Strategy discussion", None)
    assert pending is None  # an expired request is not run


async def test_each_user_of_a_group_chat_has_their_own_purpose(store: StoreFactory) -> None:
    conversations = store(Clock())
    other_user = ConversationKey(KEY.tenant_id, KEY.conversation_id, "user-2")
    await conversations.set_purpose(KEY, "Strategy discussion", None)
    assert (await conversations.get(other_user)).purpose is None


async def test_offered_people_are_kept_with_their_search(store: StoreFactory) -> None:
    conversations = store(Clock())
    offered = (
        OfferedPerson("P1", "possible", "same name; different date of birth"),
        OfferedPerson("P2", "possible", "Bob is a short form of Robert"),
    )
    await conversations.offer(KEY, offered, "search-1")
    snapshot = await conversations.get(KEY)
    assert snapshot.offered == offered
    assert snapshot.search_id == "search-1"
    await conversations.offer(KEY, offered[:1], "search-2")
    assert (await conversations.get(KEY)).offered == offered[:1]


async def test_a_message_delivered_again_is_seen_as_such_even_at_once(store: StoreFactory) -> None:
    conversations = store(Clock())
    answers = await asyncio.gather(
        *(conversations.first_delivery("activity-1", KEY.conversation_id) for _ in range(5))
    )
    assert sorted(answers) == [False, False, False, False, True]
    assert await conversations.first_delivery("activity-2", KEY.conversation_id)
    assert await conversations.first_delivery("activity-1", "another-conversation")


async def test_opening_a_turn_notes_the_message_and_reads_the_state(store: StoreFactory) -> None:
    clock = Clock()
    conversations, other_instance = store(clock), store(clock)
    first, snapshot = await conversations.open(KEY, "activity-1")
    assert first
    assert snapshot.purpose is None
    await conversations.set_purpose(KEY, "Strategy discussion", "CR-9")
    await conversations.keep_pending(KEY, "smith")

    answers = await asyncio.gather(
        *(other_instance.open(KEY, "activity-2") for _ in range(4)),
        conversations.first_delivery("activity-2", KEY.conversation_id),
    )

    firsts = [answer[0] for answer in answers[:4]] + [answers[4]]
    assert sorted(firsts) == [False, False, False, False, True]
    for _, state in answers[:4]:
        assert state.purpose is not None
        assert state.purpose.case_reference == "CR-9"
        assert state.pending_text == "smith"
    again, _ = await conversations.open(KEY, "activity-1")
    assert not again
    unnamed, state = await conversations.open(KEY, None)  # no id: cannot be a re-delivery
    assert unnamed
    assert state.pending_text == "smith"


async def test_expired_state_is_deleted_not_just_ignored(
    engine: AsyncEngine, store: StoreFactory
) -> None:
    clock = Clock()
    conversations = store(clock)
    other = ConversationKey(KEY.tenant_id, "a:other", KEY.user_id)
    await conversations.keep_pending(KEY, "find jayden smith 12/03/2016")
    await conversations.first_delivery("activity-1", KEY.conversation_id)
    clock.advance(hours=9)
    await conversations.keep_pending(other, "smith")  # recent: kept
    assert await conversations.forget_expired() == 1
    async with engine.connect() as connection:
        texts = (
            await connection.execute(text("SELECT pending_text FROM conversation_state"))
        ).all()
    assert [row[0] for row in texts] == ["smith"]
    clock.advance(days=2)
    await conversations.forget_expired()
    assert await conversations.first_delivery("activity-1", KEY.conversation_id)  # forgotten


async def test_old_message_ids_are_forgotten_in_the_background_and_close_waits_for_it(
    engine: AsyncEngine, store: StoreFactory
) -> None:
    clock = Clock()  # on the minute: each delivery now and then forgets old ids
    conversations = store(clock)
    assert await conversations.first_delivery("activity-1", KEY.conversation_id)
    await conversations.close()
    clock.advance(days=2)
    assert await conversations.first_delivery("activity-2", KEY.conversation_id)
    await conversations.close()  # returns once the forgetting has finished
    async with engine.connect() as connection:
        kept = (await connection.execute(text("SELECT activity_id FROM handled_activity"))).all()
    assert [row[0] for row in kept] == ["activity-2"]


async def test_an_instance_knows_a_purpose_it_has_seen_until_it_expires(
    store: StoreFactory,
) -> None:
    clock = Clock()
    one, other = store(clock), store(clock)  # two instances of the bot
    assert not one.purpose_known(KEY)
    await one.set_purpose(KEY, "Strategy discussion", None)
    assert one.purpose_known(KEY)
    assert not other.purpose_known(KEY)  # only a hint: nothing is read for it
    first, snapshot = await other.open(KEY, "m-1")
    assert first
    assert snapshot.purpose is not None
    assert other.purpose_known(KEY)
    assert not other.purpose_known(ConversationKey("tenant-1", "a:conversation", "user-2"))

    clock.advance(hours=7, minutes=59)
    assert one.purpose_known(KEY)
    clock.advance(minutes=2)
    assert not one.purpose_known(KEY)

    await one.set_purpose(KEY, "Strategy discussion", None)
    await other.forget(KEY)
    assert not other.purpose_known(KEY)
    assert (await one.get(KEY)).purpose is None
    assert not one.purpose_known(KEY)  # what the store says wins
