"""SQLite through aiosqlite in one trip per statement (data_access/sqlite_driver.py):
what SQLAlchemy reads after a statement is all there, errors are SQLAlchemy's, and a
statement is one hand-over to aiosqlite's thread."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

import data_access.engine
from data_access import sqlite_driver
from data_access.engine import create_engine, single_statement_write, write_transaction
from data_access.sqlite_driver import OneTripConnection


@pytest.fixture
async def sqlite(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'driver.sqlite3'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)"))
    yield engine
    await engine.dispose()


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every function handed to an aiosqlite worker thread."""
    handed: list[str] = []
    original = aiosqlite.Connection._execute

    async def counting(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        handed.append(getattr(fn, "__name__", repr(fn)))
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counting)
    return handed


async def test_the_engine_uses_the_one_trip_adapter(sqlite: AsyncEngine) -> None:
    async with sqlite.connect() as connection:
        raw = await connection.get_raw_connection()
        assert isinstance(raw.dbapi_connection, OneTripConnection)


async def test_a_read_is_one_trip(sqlite: AsyncEngine, trips: list[str]) -> None:
    async with sqlite.connect() as connection:
        await connection.execute(text("SELECT 1"))  # the connection's own set-up trips
        trips.clear()
        rows = (await connection.execute(text("SELECT :a, :b"), {"a": 1, "b": "x"})).all()
    assert rows == [(1, "x")]
    # Stock adapter: cursor, execute, fetchall, close, and a rollback of nothing.
    assert trips == ["_run"]


async def test_a_transaction_is_a_trip_per_statement_and_one_to_commit(
    sqlite: AsyncEngine, trips: list[str]
) -> None:
    async with write_transaction(sqlite) as connection:
        await connection.execute(text("INSERT INTO t (name) VALUES ('a')"))
        await connection.execute(text("INSERT INTO t (name) VALUES ('b')"))
    assert trips[-3:] == ["_run", "_run", "commit"]
    assert await names(sqlite) == ["a", "b"]


async def test_a_failed_transaction_leaves_nothing(sqlite: AsyncEngine) -> None:
    async def both() -> None:
        async with write_transaction(sqlite) as connection:
            await connection.execute(text("INSERT INTO t (name) VALUES ('a')"))
            await connection.execute(text("INSERT INTO t (name) VALUES ('a')"))

    with pytest.raises(IntegrityError):
        await both()
    assert await names(sqlite) == []


async def test_single_statement_writes_commit_each_in_its_own_trip(
    sqlite: AsyncEngine, trips: list[str]
) -> None:
    async with sqlite.connect() as connection:
        await connection.execute(text("SELECT 1"))  # open the pool's connection first
    trips.clear()
    async with single_statement_write(sqlite) as connection:
        await connection.execute(text("INSERT INTO t (name) VALUES ('a')"))
        await connection.execute(text("INSERT INTO t (name) VALUES ('b')"))
    assert trips == ["_run", "_run"]  # no commit trip
    assert await names(sqlite) == ["a", "b"]

    async def a_duplicate_after_a_new_one() -> None:
        async with single_statement_write(sqlite) as connection:
            await connection.execute(text("INSERT INTO t (name) VALUES ('c')"))
            await connection.execute(text("INSERT INTO t (name) VALUES ('a')"))

    with pytest.raises(IntegrityError):
        await a_duplicate_after_a_new_one()
    assert await names(sqlite) == ["a", "b", "c"]  # the first had committed on its own
    async with sqlite.connect() as connection:
        # The connection went back to the pool as an ordinary one.
        await connection.execute(text("INSERT INTO t (name) VALUES ('d')"))
        await connection.rollback()
    assert await names(sqlite) == ["a", "b", "c"]


async def names(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        return list((await connection.execute(text("SELECT name FROM t ORDER BY id"))).scalars())


async def test_rows_row_counts_and_new_ids_are_all_there(sqlite: AsyncEngine) -> None:
    async with sqlite.begin() as connection:
        inserted = await connection.execute(text("INSERT INTO t (name) VALUES ('a')"))
        assert inserted.lastrowid == 1
        await connection.execute(
            text("INSERT INTO t (name) VALUES (:name)"), [{"name": "b"}, {"name": "c"}]
        )
        updated = await connection.execute(text("UPDATE t SET name = name || '!' WHERE id > 1"))
        assert updated.rowcount == 2
        nothing = await connection.execute(text("SELECT id, name FROM t WHERE id > 99"))
        assert list(nothing.keys()) == ["id", "name"]
        assert nothing.all() == []
        result = await connection.execute(text("SELECT id, name FROM t ORDER BY id"))
        assert result.fetchone() == (1, "a")
        assert result.fetchmany(1) == [(2, "b!")]
        assert result.fetchall() == [(3, "c!")]


async def test_errors_are_sqlalchemys_and_the_connection_goes_on(sqlite: AsyncEngine) -> None:
    async with sqlite.connect() as connection:
        await connection.execute(text("INSERT INTO t (name) VALUES ('a')"))
        with pytest.raises(IntegrityError):
            await connection.execute(text("INSERT INTO t (name) VALUES ('a')"))
        await connection.rollback()
        with pytest.raises(OperationalError):
            await connection.execute(text("SELECT nothing FROM nowhere"))
        await connection.rollback()
        assert (await connection.execute(text("SELECT count(*) FROM t"))).scalar() == 0


async def test_streaming_still_works(sqlite: AsyncEngine) -> None:
    async with sqlite.begin() as connection:
        await connection.execute(
            text("INSERT INTO t (name) VALUES (:name)"), [{"name": str(n)} for n in range(50)]
        )
        streamed = await connection.stream(text("SELECT name FROM t ORDER BY id"))
        names = [row[0] async for row in streamed]
    assert names == [str(n) for n in range(50)]


async def test_without_aiosqlites_queue_the_stock_adapter_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        patched.delattr(aiosqlite.Connection, "_execute")
        assert sqlite_driver.one_trip_module() is None
    # The stock adapter needs the queue too; what is tested is the engine's choice.
    monkeypatch.setattr(data_access.engine, "one_trip_module", lambda: None)
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'stock.sqlite3'}")
    try:
        async with engine.connect() as connection:
            raw = await connection.get_raw_connection()
            assert not isinstance(raw.dbapi_connection, OneTripConnection)
            assert (await connection.execute(text("SELECT 2"))).scalar() == 2
    finally:
        await engine.dispose()


async def test_each_connection_sets_up_sqlite_as_the_bot_needs(sqlite: AsyncEngine) -> None:
    async with sqlite.connect() as connection:
        settings = {
            pragma: (await connection.exec_driver_sql(f"PRAGMA {pragma}")).scalar()
            for pragma in ("foreign_keys", "journal_mode", "busy_timeout", "mmap_size")
        }
    assert settings == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "busy_timeout": 10000,
        "mmap_size": data_access.engine.SQLITE_MMAP_BYTES,
    }
