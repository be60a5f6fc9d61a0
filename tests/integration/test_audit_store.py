"""The audit store on real SQLite and PostgreSQL: what `record()` commits, what it refuses,
what the database refuses, and one chain under many concurrent writers."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.audit.events import (
    AuditAction,
    AuditEvent,
    AuditOutcome,
    AuditUnavailable,
    SearchLimitReached,
)
from data_access.audit.hashing import GENESIS_HASH, entry_hash
from data_access.audit.store import AuditLog
from data_access.audit.verify import verify_chain
from data_access.engine import create_engine
from data_access.migrate import upgrade
from tests.integration.test_audit_support import (
    ANN,
    BOB,
    START,
    Clock,
    entries,
    presented,
    scalar,
    search,
    viewed,
)
from tests.support.databases import PostgresTemplate


async def test_record_commits_chained_entries_in_order(engine: AsyncEngine) -> None:
    log = AuditLog(engine, clock=Clock())

    await log.record(search(case_reference="CASE-7"))
    await log.record(viewed("P1"), viewed("P1", "police"))

    written = await entries(engine)
    assert [(e.seq, e.action) for e in written] == [
        (1, AuditAction.SEARCH),
        (2, AuditAction.PERSON_VIEWED),
        (3, AuditAction.SERVICE_VIEWED),
    ]
    assert written[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(written):
        assert after.prev_hash == before.hash
    for entry in written:
        assert entry.hash == entry_hash(entry.hashed_fields())
        assert entry.time == START
    first = written[0]
    assert (first.tenant_id, first.user_id, first.user_name) == (
        "tenant-1",
        "11111111-aaaa",
        "Ann Social-Worker",
    )
    assert first.search_text == "jayden smith 12/03/2016"
    assert first.purpose == "Child and family assessment (section 17)"
    assert first.case_reference == "CASE-7"
    assert first.conversation_id == "conv-1"
    assert written[2].service == "police"
    assert written[2].person_ids == ("P1",)
    assert await scalar(engine, "SELECT last_seq FROM audit_chain_head") == 3
    assert await scalar(engine, "SELECT last_hash FROM audit_chain_head") == written[2].hash


async def test_a_search_and_its_results_are_one_transaction_in_order(engine: AsyncEngine) -> None:
    log = AuditLog(engine)

    await log.record(
        search(correlation_id="turn-x"), presented("P2", "P1", correlation_id="turn-x")
    )

    written = await entries(engine)
    assert [e.action for e in written] == [AuditAction.SEARCH, AuditAction.RESULTS_PRESENTED]
    assert written[1].person_ids == ("P2", "P1")  # as presented, best first
    assert {e.correlation_id for e in written} == {"turn-x"}
    assert written[0].time == written[1].time


async def test_a_restricted_person_reached_by_id_is_recorded_as_an_attempt(
    engine: AsyncEngine,
) -> None:
    await AuditLog(engine).record(viewed("P5", outcome=AuditOutcome.REFUSED_RESTRICTED))

    (entry,) = await entries(engine)
    assert entry.outcome is AuditOutcome.REFUSED_RESTRICTED
    assert entry.person_ids == ("P5",)


async def test_stored_text_is_what_was_hashed(engine: AsyncEngine) -> None:
    """A NUL or a lone surrogate would make the entry unstorable (and so the search
    impossible): they are replaced before hashing, and the chain still verifies."""
    await AuditLog(engine).record(search(text="jay\x00den \ud800smith"), presented("P\u00e9"))

    written = await entries(engine)
    assert written[0].search_text == "jay\ufffdden ?smith"
    assert written[1].person_ids == ("P\u00e9",)
    assert (await verify_chain(engine)).ok


async def test_a_failure_midway_records_nothing(engine: AsyncEngine) -> None:
    log = AuditLog(engine)
    await log.record(search())
    drop = "DROP TABLE audit_entry_person"
    if engine.dialect.name == "postgresql":
        drop += " CASCADE"
    async with engine.begin() as connection:
        await connection.execute(text(drop))

    with pytest.raises(AuditUnavailable) as raised:
        await log.record(search(text="amelia hartley"), presented("P1"))

    assert raised.value.__cause__ is None  # the database error may quote the entry's values
    assert "amelia" not in str(raised.value)
    assert [e.seq for e in await entries(engine)] == [1]
    assert await scalar(engine, "SELECT last_seq FROM audit_chain_head") == 1


async def test_an_invalid_event_records_nothing(engine: AsyncEngine) -> None:
    log = AuditLog(engine)
    bad = AuditEvent(action="peeked", actor=ANN, conversation_id="c", correlation_id="t")  # type: ignore[arg-type]

    with pytest.raises(AuditUnavailable):
        await log.record(search(), bad)

    assert await entries(engine) == []


async def test_a_failing_clock_records_nothing(engine: AsyncEngine) -> None:
    def broken() -> dt.datetime:
        raise RuntimeError("clock")

    with pytest.raises(AuditUnavailable):
        await AuditLog(engine, clock=broken).record(search())
    assert await entries(engine) == []


async def test_a_database_without_the_schema_is_unavailable(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'not-upgraded.sqlite3'}")
    log = AuditLog(engine)
    try:
        with pytest.raises(AuditUnavailable):
            await log.record(search())
        with pytest.raises(AuditUnavailable):
            await log.recent()
        with pytest.raises(AuditUnavailable):
            await log.count_searches("u", START)
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_a_stopped_postgres_is_unavailable() -> None:
    engine = create_engine("postgresql+asyncpg://postgres@127.0.0.1:1/test")
    try:
        with pytest.raises(AuditUnavailable):
            await AuditLog(engine).record(search())
    finally:
        await engine.dispose()


async def test_nothing_personal_is_logged(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="data_access.audit")
    log = AuditLog(engine)
    await log.record(search(text="zoe oconnor"), presented("P2"))
    async with engine.begin() as connection:
        await connection.execute(text("DROP TABLE audit_chain_head"))
    with pytest.raises(AuditUnavailable):
        await log.record(search(text="zoe oconnor"))

    logged = caplog.text
    assert "audit entries 1..2 committed" in logged
    assert "audit trail unavailable" in logged
    for personal in ("zoe", "Ann", "P2", "section 17", "CASE-42", "11111111"):
        assert personal not in logged


# --- what the database itself refuses ---------------------------------------------


async def _refused(engine: AsyncEngine, sql: str) -> str:
    with pytest.raises(DBAPIError) as raised:
        async with engine.begin() as connection:
            await connection.execute(text(sql))
    return str(raised.value.orig)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_entry SET search_text = 'nothing to see' WHERE seq = 1",
        "UPDATE audit_entry SET seq = 10 WHERE seq = 2",
        "DELETE FROM audit_entry WHERE seq = 1",
        "DELETE FROM audit_entry",
        "UPDATE audit_entry_person SET person_id = 'P9'",
        "DELETE FROM audit_entry_person",
        "INSERT INTO audit_entry_person (seq, person_id) VALUES (2, 'P9')",
    ],
)
async def test_the_database_refuses_changes_to_entries(engine: AsyncEngine, sql: str) -> None:
    await AuditLog(engine).record(search(), presented("P1"))

    message = await _refused(engine, sql)

    assert "append-only" in message
    assert len(await entries(engine)) == 2
    assert (await verify_chain(engine)).ok


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_chain_head SET last_seq = 0",
        "DELETE FROM audit_chain_head",
    ],
)
async def test_the_chain_head_only_moves_forward(engine: AsyncEngine, sql: str) -> None:
    await AuditLog(engine).record(search())

    assert "only moves forward" in await _refused(engine, sql)


async def test_entries_are_only_added_after_the_head(engine: AsyncEngine) -> None:
    """Also stops SQLite's INSERT OR REPLACE, whose implicit delete fires no trigger."""
    await AuditLog(engine).record(search(), search())
    (first, _) = await entries(engine)
    copy = (
        "INSERT INTO audit_entry (seq, recorded_at, tenant_id, user_id, user_name, action, "
        "outcome, person_ids, conversation_id, correlation_id, prev_hash, hash) "
        "SELECT {seq}, recorded_at, tenant_id, user_id, 'Mallory', action, outcome, "
        "person_ids, conversation_id, correlation_id, prev_hash, hash FROM audit_entry "
        "WHERE seq = 1"
    )
    # seq 0 is behind the head; seq 3 comes next, but this prev_hash is not the head's hash.
    statements = [copy.format(seq=0), copy.format(seq=3)]
    if engine.dialect.name == "sqlite":
        statements.append(copy.format(seq=1).replace("INSERT", "INSERT OR REPLACE", 1))

    for sql in statements:
        assert "append-only" in await _refused(engine, sql)
    assert (await entries(engine))[0] == first


@pytest.mark.postgres
async def test_postgres_refuses_truncate(postgres_template: PostgresTemplate) -> None:
    async with postgres_template.database() as url:
        engine = create_engine(url)
        try:
            await AuditLog(engine).record(search(), presented("P1"))
            for table in ("audit_entry", "audit_entry_person", "audit_chain_head"):
                assert "refused" in await _refused(engine, f"TRUNCATE {table} CASCADE")
            assert len(await entries(engine)) == 2
        finally:
            await engine.dispose()


# --- many writers, one chain ------------------------------------------------------------


async def test_concurrent_writers_keep_one_chain(db_url: str) -> None:
    """16 writers, each pair (search, results) from one call. Four engines stand for four
    bot instances, each with its own pool and connections."""
    writers, rounds = 16, 6
    engines = [create_engine(db_url) for _ in range(4)]

    async def writer(number: int) -> None:
        log = AuditLog(engines[number % len(engines)])
        for round_ in range(rounds):
            turn = f"w{number}-r{round_}"
            await log.record(
                search(correlation_id=turn), presented(f"P{number}", correlation_id=turn)
            )

    try:
        await asyncio.gather(*(writer(number) for number in range(writers)))
        written = await entries(engines[0])
        report = await verify_chain(engines[0])
    finally:
        for engine in engines:
            await engine.dispose()

    assert [e.seq for e in written] == list(range(1, 2 * writers * rounds + 1))
    assert report.ok, report
    assert report.entries_checked == 2 * writers * rounds
    for first, second in zip(written[::2], written[1::2], strict=True):
        assert first.correlation_id == second.correlation_id
        assert (first.action, second.action) == (
            AuditAction.SEARCH,
            AuditAction.RESULTS_PRESENTED,
        )


async def test_an_instance_appends_after_another_moved_the_head(
    engine: AsyncEngine, db_url: str
) -> None:
    """Each instance appends after the head it last saw, in one statement; when another
    instance has moved it, the database refuses that and the append is made under the lock."""
    other = create_engine(db_url)
    try:
        mine, theirs = AuditLog(engine), AuditLog(other)
        await mine.record(search())
        await theirs.record(search(), presented("P1"))
        await mine.record(viewed("P1"))
        await mine.record(viewed("P1", "police"))
        await theirs.record(viewed("P1"))
    finally:
        await other.dispose()

    assert [e.seq for e in await entries(engine)] == [1, 2, 3, 4, 5, 6]
    assert await scalar(engine, "SELECT last_seq FROM audit_chain_head") == 6
    assert (await verify_chain(engine)).ok


async def test_on_sqlite_a_moved_head_is_read_afresh_not_locked(tmp_path: Path) -> None:
    """Several processes on one SQLite file: after a refusal the append reads the head and
    appends after it, each statement committed on its own; no transaction holds SQLite's
    write lock across statements (the other processes would sleep in its busy handler).
    PostgreSQL appends under the head's row lock instead (the test above)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'audit.sqlite3'}"
    await upgrade(url)
    engine, other = create_engine(url), create_engine(url)
    statements: list[str] = []

    def seen(*args: object) -> None:
        statements.append(str(args[2]).split()[0])

    try:
        mine, theirs = AuditLog(engine), AuditLog(other)
        await mine.record(search())
        await theirs.record(search(), presented("P1"))
        event.listen(engine.sync_engine, "before_cursor_execute", seen)
        await mine.record(viewed("P1"))
        await mine.record(viewed("P1", "police"))
        event.remove(engine.sync_engine, "before_cursor_execute", seen)
        assert [e.seq for e in await entries(engine)] == [1, 2, 3, 4, 5]
        assert (await verify_chain(engine)).ok
    finally:
        await engine.dispose()
        await other.dispose()

    # Refused after the stale head; then, while the head is contended, each append reads
    # it first. Never the UPDATE of the head that opens the locked append.
    assert statements == ["INSERT", "SELECT", "INSERT", "SELECT", "INSERT"]


async def test_an_append_after_the_first_is_one_statement(engine: AsyncEngine) -> None:
    """The turn's cost: once the head is known, search limit included, one INSERT."""
    log = AuditLog(engine, search_limit=10)
    await log.record(search())
    statements: list[str] = []

    def seen(*args: object) -> None:
        statements.append(str(args[2]).split()[0])

    event.listen(engine.sync_engine, "before_cursor_execute", seen)
    try:
        await log.record(search(), presented("P1", "P2"))
        await log.record(viewed("P1"))
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", seen)

    assert statements == ["INSERT", "INSERT"]
    assert [e.seq for e in await entries(engine)] == [1, 2, 3, 4]
    assert (await verify_chain(engine)).ok


async def test_the_search_limit_counts_another_instances_searches(
    engine: AsyncEngine, db_url: str
) -> None:
    other = create_engine(db_url)
    clock = Clock()
    try:
        mine = AuditLog(engine, clock, search_limit=2)
        theirs = AuditLog(other, clock, search_limit=2)
        await mine.record(search())
        await theirs.record(search())
        with pytest.raises(SearchLimitReached):
            await mine.record(search(), presented("P1"))
    finally:
        await other.dispose()

    written = await entries(engine)
    assert [(e.action, e.outcome) for e in written][-1] == (
        AuditAction.SEARCH,
        AuditOutcome.REFUSED_RATE_LIMIT,
    )
    assert len(written) == 3
    assert (await verify_chain(engine)).ok


# --- reading back -------------------------------------------------------------------


async def test_recent_newest_first_by_user_and_by_person(engine: AsyncEngine) -> None:
    log = AuditLog(engine)
    await log.record(search(), presented("P1", "P10"))
    await log.record(viewed("P10"))
    await log.record(search(actor=BOB), presented("P1", actor=BOB))
    await log.record(viewed("P1", "school", actor=BOB))

    assert [r.seq for r in await log.recent()] == [6, 5, 4, 3, 2, 1]
    assert [r.seq for r in await log.recent(limit=2)] == [6, 5]
    assert [r.seq for r in await log.recent(user_id=ANN.user_id)] == [3, 2, 1]
    assert [r.seq for r in await log.recent(person_id="P1")] == [6, 5, 2]
    assert [r.seq for r in await log.recent(person_id="P10")] == [3, 2]
    assert [r.seq for r in await log.recent(user_id=BOB.user_id, person_id="P1")] == [6, 5]
    assert await log.recent(person_id="P") == []
    assert [r.seq for r in await log.recent(user_ids=[BOB.user_id, "someone-else"])] == [6, 5, 4]
    assert [r.seq for r in await log.recent(user_ids=[ANN.user_id], person_id="P1")] == [2]
    assert await log.recent(user_ids=[]) == []
    (latest,) = await log.recent(limit=1)
    assert latest.action is AuditAction.SERVICE_VIEWED
    assert latest.service == "school"


async def test_count_searches_counts_searches_run_since(engine: AsyncEngine) -> None:
    clock = Clock()
    log = AuditLog(engine, clock=clock)
    await log.record(search(), presented("P1"))
    clock.advance(minutes=30)
    await log.record(search(), presented("P2"))
    await log.record(search(actor=BOB))
    await log.record(search(outcome=AuditOutcome.REFUSED_RATE_LIMIT))
    clock.advance(minutes=30)
    await log.record(search())

    assert await log.count_searches(ANN.user_id, START) == 3
    assert await log.count_searches(ANN.user_id, START + dt.timedelta(minutes=1)) == 2
    assert await log.count_searches(ANN.user_id, START + dt.timedelta(minutes=30)) == 2
    assert await log.count_searches(ANN.user_id, START + dt.timedelta(hours=2)) == 0
    assert await log.count_searches(BOB.user_id, START) == 1
    # The same moment, given in another zone or naive (UTC), counts the same.
    in_paris = (START + dt.timedelta(minutes=1)).astimezone(dt.timezone(dt.timedelta(hours=1)))
    assert await log.count_searches(ANN.user_id, in_paris) == 2
    naive = (START + dt.timedelta(minutes=1)).replace(tzinfo=None)
    assert await log.count_searches(ANN.user_id, naive) == 2


async def test_the_person_index_lists_each_id_once(engine: AsyncEngine) -> None:
    await AuditLog(engine).record(presented("P1", "P2", "P1"))

    async with engine.connect() as connection:
        rows = (
            await connection.execute(
                text("SELECT seq, person_id FROM audit_entry_person ORDER BY person_id")
            )
        ).all()
    assert [tuple(row) for row in rows] == [(1, "P1"), (1, "P2")]
    stored = await scalar(engine, "SELECT person_ids FROM audit_entry")
    assert json.loads(stored) == ["P1", "P2", "P1"]
    assert (await verify_chain(engine)).ok


async def test_the_search_limit_holds_for_searches_recorded_at_once(
    engine: AsyncEngine, db_url: str
) -> None:
    """Several instances recording searches of one user at once: exactly the limit gets
    through, the rest are recorded as refused, and the chain stays whole."""
    clock = Clock()
    engines = [create_engine(db_url) for _ in range(4)]
    logs = [
        AuditLog(e, clock, search_limit=3, search_window=dt.timedelta(hours=1)) for e in engines
    ]

    async def attempt(number: int) -> bool:
        try:
            await logs[number % len(logs)].record(search(), presented("P1", "P2"))
        except SearchLimitReached:
            return False
        return True

    try:
        results = await asyncio.gather(*(attempt(n) for n in range(10)))
    finally:
        for each in engines:
            await each.dispose()
    assert results.count(True) == 3
    outcomes = [r.outcome for r in await entries(engine) if r.action is AuditAction.SEARCH]
    assert outcomes.count(AuditOutcome.DISCLOSED) == 3
    assert outcomes.count(AuditOutcome.REFUSED_RATE_LIMIT) == 7
    assert (await verify_chain(engine)).ok
    clock.advance(hours=2)  # the window moves on
    await AuditLog(engine, clock, search_limit=3).record(search())
