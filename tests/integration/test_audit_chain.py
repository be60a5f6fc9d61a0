"""Verifying the chain and purging it, on real SQLite and PostgreSQL: every kind of tampering
is named by its first bad entry, and a purge keeps the chain verifiable."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.audit.events import AuditAction
from data_access.audit.hashing import GENESIS_HASH, entry_hash
from data_access.audit.purge import purge_older_than
from data_access.audit.store import AuditLog
from data_access.audit.verify import verify_chain
from tests.integration.test_audit_support import (
    ANN,
    BOB,
    Clock,
    entries,
    presented,
    scalar,
    search,
    tamper,
    viewed,
)


async def six_entries(engine: AsyncEngine) -> AuditLog:
    """seq 1 search, 2 results [P1, P2], 3 person P1, 4 search, 5 results [P3], 6 service P3."""
    log = AuditLog(engine, clock=Clock())
    await log.record(search(), presented("P1", "P2"))
    await log.record(viewed("P1"))
    await log.record(search(actor=BOB, text="olivia brown"), presented("P3", actor=BOB))
    await log.record(viewed("P3", "housing", actor=BOB))
    return log


async def test_an_intact_chain_verifies(engine: AsyncEngine) -> None:
    await six_entries(engine)

    report = await verify_chain(engine)

    assert report.ok
    assert (report.entries_checked, report.first_seq, report.last_seq) == (6, 1, 6)
    assert report.head_hash == (await entries(engine))[-1].hash
    assert report.summary().startswith("audit trail intact: 6 entries checked (seq 1..6)")


async def test_an_empty_trail_verifies(engine: AsyncEngine) -> None:
    report = await verify_chain(engine)

    assert report.ok
    assert (report.entries_checked, report.first_seq, report.head_hash) == (0, None, GENESIS_HASH)


async def test_an_edited_entry_is_named(engine: AsyncEngine) -> None:
    await six_entries(engine)
    await tamper(engine, "UPDATE audit_entry SET search_text = 'nothing' WHERE seq = 4")

    report = await verify_chain(engine)

    assert not report.ok
    assert report.first_bad_seq == 4
    assert report.entries_checked == 3
    assert "does not match its hash" in (report.reason or "")


async def test_an_edited_and_rehashed_entry_breaks_the_next_link(engine: AsyncEngine) -> None:
    """Anyone can compute SHA-256: an edit hidden by a new hash shows at the next entry."""
    await six_entries(engine)
    edited = (await entries(engine))[3]
    forged = entry_hash(replace(edited.hashed_fields(), search_text="nothing"))
    await tamper(
        engine,
        f"UPDATE audit_entry SET search_text = 'nothing', hash = '{forged}' WHERE seq = 4",  # noqa: S608
    )

    report = await verify_chain(engine)

    assert (report.ok, report.first_bad_seq) == (False, 5)
    assert "prev_hash" in (report.reason or "")


async def test_a_deleted_entry_is_named(engine: AsyncEngine) -> None:
    await six_entries(engine)
    await tamper(engine, "DELETE FROM audit_entry WHERE seq = 4")

    report = await verify_chain(engine)

    assert (report.ok, report.first_bad_seq) == (False, 4)
    assert "missing" in (report.reason or "")


@pytest.mark.parametrize("seq", [1, 2])
async def test_an_unreadable_entry_is_named(engine: AsyncEngine, seq: int) -> None:
    await six_entries(engine)
    await tamper(engine, f"UPDATE audit_entry SET person_ids = 'P1, P2' WHERE seq = {seq}")  # noqa: S608

    report = await verify_chain(engine)

    assert (report.ok, report.first_bad_seq) == (False, seq)
    assert "cannot be read" in (report.reason or "")


async def test_a_swapped_pair_is_named(engine: AsyncEngine) -> None:
    """Entries 3 and 4 exchange places: each keeps its own hash and prev_hash but sits at
    the other's seq."""
    await six_entries(engine)
    columns = (
        "recorded_at, tenant_id, user_id, user_name, action, outcome, person_ids, service, "
        "search_text, purpose, case_reference, conversation_id, correlation_id, detail, "
        "prev_hash, hash"
    )
    await tamper(
        engine,
        f"CREATE TABLE swap AS SELECT seq, {columns} FROM audit_entry WHERE seq IN (3, 4)",  # noqa: S608
        *(
            f"UPDATE audit_entry SET ({columns}) = "  # noqa: S608
            f"(SELECT {columns} FROM swap WHERE swap.seq = {other}) WHERE seq = {seq}"
            for seq, other in ((3, 4), (4, 3))
        ),
        "DROP TABLE swap",
    )
    swapped = await entries(engine)
    assert (swapped[2].action, swapped[3].action) == (AuditAction.SEARCH, AuditAction.PERSON_VIEWED)

    report = await verify_chain(engine)

    assert (report.ok, report.first_bad_seq) == (False, 3)


async def test_entries_removed_from_the_end_are_noticed(engine: AsyncEngine) -> None:
    await six_entries(engine)
    await tamper(
        engine,
        "DELETE FROM audit_entry_person WHERE seq >= 5",
        "DELETE FROM audit_entry WHERE seq >= 5",
    )

    report = await verify_chain(engine)

    assert (report.ok, report.first_bad_seq) == (False, 5)
    assert "end" in (report.reason or "")


async def test_entries_removed_from_the_start_without_a_purge_are_noticed(
    engine: AsyncEngine,
) -> None:
    await six_entries(engine)
    await tamper(
        engine,
        "DELETE FROM audit_entry_person WHERE seq <= 2",
        "DELETE FROM audit_entry WHERE seq <= 2",
    )

    report = await verify_chain(engine)

    assert (report.ok, report.first_bad_seq) == (False, 1)
    assert "without a recorded purge" in (report.reason or "")


async def test_a_trail_emptied_behind_the_head_is_noticed(engine: AsyncEngine) -> None:
    await six_entries(engine)
    await tamper(engine, "DELETE FROM audit_entry_person", "DELETE FROM audit_entry")

    report = await verify_chain(engine)

    assert (report.ok, report.first_bad_seq) == (False, 6)


async def test_a_person_hidden_from_the_index_is_noticed(engine: AsyncEngine) -> None:
    """Otherwise `export --person P2` could be made to miss entry 2."""
    await six_entries(engine)
    await tamper(engine, "DELETE FROM audit_entry_person WHERE seq = 2 AND person_id = 'P2'")

    report = await verify_chain(engine)

    assert (report.ok, report.first_bad_seq) == (False, 2)
    assert "person index" in (report.reason or "")


# --- the retention purge ------------------------------------------------------------


async def test_purge_deletes_old_entries_records_itself_and_the_chain_verifies(
    engine: AsyncEngine,
) -> None:
    clock = Clock()
    log = AuditLog(engine, clock=clock)
    await log.record(search(), presented("P1", "P2"))  # 1, 2
    await log.record(viewed("P1"))  # 3
    clock.advance(days=200)
    await log.record(search(actor=BOB), presented("P3", actor=BOB))  # 4, 5
    clock.advance(days=200)
    purge_entry_hash_before = (await entries(engine))[2].hash

    result = await purge_older_than(engine, 365, ANN, clock=clock)

    assert (result.purged, result.through_seq, result.recorded_seq) == (3, 3, 6)
    assert result.through_hash == purge_entry_hash_before
    assert result.cutoff == clock.now - dt.timedelta(days=365)
    remaining = await entries(engine)
    assert [e.seq for e in remaining] == [4, 5, 6]
    purge = remaining[-1]
    assert purge.action is AuditAction.AUDIT_PURGED
    assert (purge.user_id, purge.time) == (ANN.user_id, clock.now)
    detail = json.loads(purge.detail or "")
    assert detail == {
        "older_than_days": 365,
        "cutoff": detail["cutoff"],
        "purged": 3,
        "through_seq": 3,
        "through_hash": purge_entry_hash_before,
    }
    assert await scalar(engine, "SELECT count(*) FROM audit_entry_person WHERE seq <= 3") == 0
    assert await scalar(engine, "SELECT count(*) FROM audit_purge_guard") == 0
    report = await verify_chain(engine)
    assert report.ok, report
    assert (report.entries_checked, report.first_seq, report.last_seq) == (3, 4, 6)

    with pytest.raises(DBAPIError, match="append-only"):
        async with engine.begin() as connection:
            await connection.execute(text("DELETE FROM audit_entry WHERE seq = 4"))


async def test_purge_with_nothing_old_still_records_its_run(engine: AsyncEngine) -> None:
    await six_entries(engine)

    result = await purge_older_than(engine, 30, ANN, clock=Clock())
    again = await purge_older_than(engine, 30, ANN, clock=Clock())

    assert (result.purged, result.recorded_seq, again.purged, again.recorded_seq) == (0, 7, 0, 8)
    assert len(await entries(engine)) == 8
    assert (await verify_chain(engine)).ok


async def test_purging_everything_leaves_its_own_entry_and_a_verifiable_chain(
    engine: AsyncEngine,
) -> None:
    clock = Clock()
    await six_entries(engine)
    clock.advance(days=40)
    first = await purge_older_than(engine, 30, ANN, clock=clock)
    clock.advance(days=40)
    second = await purge_older_than(engine, 30, ANN, clock=clock)

    assert (first.purged, first.recorded_seq) == (6, 7)
    assert (second.purged, second.through_seq, second.recorded_seq) == (1, 7, 8)
    assert [e.seq for e in await entries(engine)] == [8]
    report = await verify_chain(engine)
    assert report.ok, report
    assert (report.first_seq, report.last_seq) == (8, 8)


async def test_purge_removes_only_a_prefix_when_clocks_disagree(engine: AsyncEngine) -> None:
    """Entry 2 carries a recent time (another instance's clock), entry 3 an old one again:
    the purge stops at entry 2 rather than leave a hole at 3... and deletes 3 later."""
    clock = Clock()
    log = AuditLog(engine, clock=clock)
    await log.record(search())  # 1: old
    clock.advance(days=100)
    await log.record(search())  # 2: recent
    clock.advance(days=-100)
    await log.record(search())  # 3: old again
    clock.advance(days=100)

    result = await purge_older_than(engine, 50, ANN, clock=clock)

    assert (result.purged, result.through_seq) == (1, 1)
    assert [e.seq for e in await entries(engine)] == [2, 3, 4]
    assert (await verify_chain(engine)).ok


async def test_after_a_purge_deleting_the_oldest_entry_is_still_noticed(
    engine: AsyncEngine,
) -> None:
    clock = Clock()
    log = AuditLog(engine, clock=clock)
    await log.record(search(), search())  # 1, 2
    clock.advance(days=10)
    await log.record(search(), search())  # 3, 4
    await purge_older_than(engine, 5, ANN, clock=clock)  # removes 1, 2; records 5
    await tamper(engine, "DELETE FROM audit_entry WHERE seq = 3")

    report = await verify_chain(engine)

    assert (report.ok, report.first_bad_seq) == (False, 3)


async def test_purge_refuses_a_period_under_a_day(engine: AsyncEngine) -> None:
    with pytest.raises(ValueError, match="at least one day"):
        await purge_older_than(engine, 0, ANN)
