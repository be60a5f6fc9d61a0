"""SQLite through aiosqlite in one trip to its thread per statement.

aiosqlite runs every call on one worker thread per connection, and SQLAlchemy's
adapter makes a call of each DBAPI step: create a cursor, execute, fetch the rows,
close the cursor. Each is a hand-over to the thread and back to the event loop
(`call_soon_threadsafe`), four per statement; on a lookup turn these hand-overs,
not SQLite, were most of the database's share. This adapter runs the whole
statement (cursor, execute, fetch, close) as one function on that thread, and
keeps what SQLAlchemy reads afterwards (description, rows, row count, last row id).

It relies on `aiosqlite.Connection._execute(fn, *args)`, the queue every public
aiosqlite call goes through (0.17 to 0.22 at least). Should a later aiosqlite drop
it, `one_trip_module()` returns None and the engine uses SQLAlchemy's own adapter:
slower, never wrong. Server-side cursors (streaming) keep SQLAlchemy's adapter.
"""

from __future__ import annotations

import collections
import sqlite3
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT

_Outcome = tuple[Any, Sequence[Any], int, int | None]


def _run(
    aio_connection: Any, operation: str, parameters: Any, commit: bool, many: bool = False
) -> _Outcome:
    """On aiosqlite's thread: the whole statement, start to finish (and its commit, when
    each statement commits on its own). `many`: `parameters` is a sequence of sets."""
    connection: sqlite3.Connection = aio_connection._conn
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else ()
        if commit and connection.in_transaction:
            connection.commit()
        return description, rows, cursor.rowcount, cursor.lastrowid
    except BaseException:
        if commit and connection.in_transaction:
            connection.rollback()
        raise
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A cursor that holds no aiosqlite cursor: each execute is one trip to the thread."""

    __slots__ = ("_arraysize", "_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: Any) -> None:
        # Deliberately not the base __init__: that opens an aiosqlite cursor (a trip).
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None
        self._arraysize = 1

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid  # type: ignore[return-value]

    @property
    def arraysize(self) -> int:
        return self._arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._arraysize = value

    async def _async_soft_close(self) -> None:
        """Nothing to close: the rows are already here."""

    def close(self) -> None:
        self._rows.clear()

    async def _execute_async(self, operation: Any, parameters: Any) -> Any:
        async with self._adapt_connection._execute_mutex:
            outcome = await self._connection._execute(
                _run, self._connection, operation, parameters, self._commits()
            )
        self._take(outcome)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> Any:
        async with self._adapt_connection._execute_mutex:
            outcome = await self._connection._execute(
                _run, self._connection, operation, seq_of_parameters, self._commits(), True
            )
        self._take(outcome)

    def _commits(self) -> bool:
        # Only OneTripConnection makes these cursors.
        return cast(OneTripConnection, self._adapt_connection).commit_each_statement

    def _take(self, outcome: _Outcome) -> None:
        self._description, rows, self._rowcount, self._lastrowid = outcome
        self._rows = collections.deque(rows)


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """Commit and rollback cost no trip when SQLite has no transaction open (after a
    read, whose transaction ends with the statement, or a statement committed on its
    own); `commit_each_statement` makes each statement commit in its own trip, as a
    PostgreSQL connection in autocommit mode does (engine.single_statement_write)."""

    __slots__ = ("commit_each_statement",)
    _cursor_cls = OneTripCursor

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        self.commit_each_statement = False

    def _open_transaction(self) -> bool:
        # sqlite3_get_autocommit: safe from any thread, and the connection's thread is
        # idle here (SQLAlchemy awaits each statement before it commits).
        raw: sqlite3.Connection | None = self._connection._connection
        return raw is not None and raw.in_transaction

    def commit(self) -> None:
        if self._open_transaction():
            super().commit()

    def rollback(self) -> None:
        if self._open_transaction():
            super().rollback()


class OneTripModule(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module SQLAlchemy's aiosqlite dialect is given (`module=`)."""

    def connect(self, *args: Any, **kwargs: Any) -> OneTripConnection:
        stock = super().connect(*args, **kwargs)
        return OneTripConnection(self, stock._connection)


def one_trip_module() -> OneTripModule | None:
    """The module for `create_async_engine(module=...)`, or None if this aiosqlite lacks
    the queue it relies on."""
    import aiosqlite

    if not callable(getattr(aiosqlite.Connection, "_execute", None)):
        return None
    return OneTripModule(aiosqlite, sqlite3)
