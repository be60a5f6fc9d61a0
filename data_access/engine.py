"""Creating the database engine the same way for the bot, the CLI and tests.

SQLite needs a few connection settings to behave like a server database:
foreign keys are off by default, and WAL lets the bot keep reading while a
nightly load writes.

A `Database` may carry a password provider, called for every new connection:
Azure Database for PostgreSQL accepts a short-lived Entra ID access token as
the password, so a fixed password never has to be stored.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

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


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
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
    else:
        kwargs.setdefault("pool_pre_ping", True)
    engine = create_async_engine(url, **kwargs)
    if is_sqlite(url):
        event.listen(engine.sync_engine, "connect", _on_sqlite_connect)
    return engine
