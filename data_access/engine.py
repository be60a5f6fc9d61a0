"""Creating the database engine the same way for the bot, the CLI and tests.

SQLite needs a few connection settings to behave like a server database:
foreign keys are off by default, and WAL lets the bot keep reading while a
nightly load writes.

A `Database` may carry a password provider, called for every new connection:
Azure Database for PostgreSQL accepts a short-lived Entra ID access token as
the password, so a fixed password never has to be stored.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from data_access.sqlite_driver import OneTripConnection, one_trip_module

PasswordProvider = Callable[[], Awaitable[str]]


@dataclass(frozen=True)
class Database:
    """Where the data is, and (optionally) how to get a password for each new connection."""

    url: str
    password: PasswordProvider | None = None


DatabaseLike = str | Database
"""A URL alone, or a `Database`: every function that opens the database takes either."""


def database_url(database: DatabaseLike) -> str:
    return database.url if isinstance(database, Database) else database


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for a server or in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


SQLITE_MMAP_BYTES = 2_000_000_000
"""How much of a SQLite file each connection reads through a memory map: 2 GB, more
than a city of a million people fills (1.1 GB with its search index), and under the
most SQLite is usually built to allow (SQLITE_MAX_MMAP_SIZE, 0x7fff0000), above which
it would quietly map less.

A search reads a few hundred index entries scattered over the file, and SQLite's own
page cache (2 MB a connection) keeps few of them between searches: each page it
lacks is a read() from the operating system's cache. Mapped, the same page is read
in place. At 1,000,000 people it cut the bot's search p95 from 4.7-5.6 ms to
3.0-4.2 ms (benchmarks/search_speed.py requests, cold, two samples); the mapped pages
are the operating system's file cache, shared by every connection and worker, not
memory of each process."""


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def create_engine(database: DatabaseLike, **kwargs: Any) -> AsyncEngine:
    """An async engine for any supported URL (SQLite via aiosqlite, PostgreSQL via asyncpg)."""
    url = database_url(database)
    if isinstance(database, Database) and database.password is not None:
        if make_url(url).get_backend_name() != "postgresql":
            raise ValueError("a password provider is only supported for PostgreSQL")
        # asyncpg calls (and awaits) a callable password for each new connection.
        kwargs.setdefault("connect_args", {})["password"] = database.password
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Every use of a connection ends its own transaction (commit, or the rollback of
        # leaving `connect()` or `begin()`, which SQLAlchemy runs to completion even when
        # the task is cancelled; nothing here takes SQLite's raw connection), so the
        # pool's rollback on check-in has nothing to undo; through aiosqlite it is one
        # more trip to the driver's thread on every write.
        kwargs.setdefault("pool_reset_on_return", None)
    elif is_sqlite(url):
        # An in-memory database lives in one connection: there is no pool to size.
        kwargs.pop("pool_size", None)
        kwargs.pop("max_overflow", None)
    else:
        # No ping before each use: it is a round trip on every look-up, the largest single
        # cost of a turn. A connection the server dropped fails its next use instead (that
        # turn says "temporarily unavailable", the pool replaces it); recycling connections
        # every half hour keeps that rare.
        kwargs.setdefault("pool_pre_ping", False)
        kwargs.setdefault("pool_recycle", 1800)
    # Statement parameters are search text and personal data: keep them out of every
    # exception message, and so out of every log and error report.
    kwargs.setdefault("hide_parameters", True)
    if is_sqlite(url) and "module" not in kwargs:
        # One trip to aiosqlite's thread per statement instead of four (sqlite_driver.py).
        module = one_trip_module()
        if module is not None:
            kwargs["module"] = module
    engine = create_async_engine(url, **kwargs)
    if is_sqlite(url):
        event.listen(engine.sync_engine, "connect", _on_sqlite_connect)
    return engine


_WRITE_LOCKS: weakref.WeakKeyDictionary[Any, asyncio.Lock] = weakref.WeakKeyDictionary()
_AUTOCOMMIT_ATTRIBUTE = "_familycontext_autocommit"


def for_single_reads(engine: AsyncEngine) -> AsyncEngine:
    """The engine for look-ups of one statement (or statements that need not agree): on
    PostgreSQL without BEGIN and ROLLBACK around them (two round trips of three); a
    single statement is consistent on its own. SQLite gains nothing from it.

    One per engine, kept on the engine itself (a cache elsewhere would keep the engine
    alive: the option engine refers to it): making it costs more than a round trip."""
    if engine.dialect.name != "postgresql":
        return engine
    found: AsyncEngine | None = getattr(engine.sync_engine, _AUTOCOMMIT_ATTRIBUTE, None)
    if found is None:
        found = engine.execution_options(isolation_level="AUTOCOMMIT")
        setattr(engine.sync_engine, _AUTOCOMMIT_ATTRIBUTE, found)
    return found


@asynccontextmanager
async def single_statement_write(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """For writes of one statement each: each commits on its own, in one round trip on
    PostgreSQL (no BEGIN and COMMIT) and in one trip to aiosqlite's thread on SQLite,
    where this process's writers take turns (see `write_transaction`)."""
    if engine.dialect.name == "postgresql":
        async with for_single_reads(engine).connect() as connection:
            yield connection
        return
    async with _write_lock(engine), engine.connect() as connection:
        adapted = _adapted(connection)
        if not isinstance(adapted, OneTripConnection):  # the stock adapter: one transaction
            yield connection
            await connection.commit()
            return
        # The lock is held for the statement's trip only, not for a second one to commit:
        # at sixteen busy users, each trip waits its turn in the event loop.
        adapted.commit_each_statement = True
        try:
            yield connection
        finally:
            adapted.commit_each_statement = False
        await connection.commit()  # nothing is open: costs no trip


def _adapted(connection: AsyncConnection) -> Any:
    """The DBAPI connection (SQLAlchemy's adapter) under `connection`, already checked out:
    no trip to a greenlet, unlike `get_raw_connection()`."""
    return connection.sync_connection.connection.dbapi_connection  # type: ignore[union-attr]


def _write_lock(engine: AsyncEngine) -> asyncio.Lock:
    lock = _WRITE_LOCKS.get(engine.sync_engine)
    if lock is None:
        lock = _WRITE_LOCKS.setdefault(engine.sync_engine, asyncio.Lock())
    return lock


@asynccontextmanager
async def write_transaction(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A short write transaction, committed on leaving.

    SQLite allows one writer at a time, and a writer that finds the database
    locked sleeps in growing steps before it tries again: under sixteen
    concurrent turns that costs hundreds of milliseconds a turn. Writers of
    this process wait their turn on an asyncio lock instead, so only another
    process (a nightly load, a second instance) can make one wait. PostgreSQL
    needs no such thing.
    """
    if engine.dialect.name != "sqlite":
        async with engine.begin() as connection:
            yield connection
        return
    async with _write_lock(engine), engine.begin() as connection:
        yield connection
