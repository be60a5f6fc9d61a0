"""Real databases for integration tests: a migrated SQLite file or a fresh PostgreSQL database.

PostgreSQL tests are never skipped silently. If the server is down they fail
with the command that starts it; a developer without PostgreSQL can opt out
explicitly with FC_TEST_POSTGRES=off, which CI refuses.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from data_access.migrate import upgrade

POSTGRES_ADMIN_URL = os.environ.get(
    "FC_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
POSTGRES_ENABLED = os.environ.get("FC_TEST_POSTGRES", "on") != "off"
START_HINT = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"


def database_url(database: str) -> str:
    return make_url(POSTGRES_ADMIN_URL).set(database=database).render_as_string(hide_password=False)


async def admin_execute(statement: str) -> None:
    """Run one statement (CREATE or DROP DATABASE) on the admin database."""
    dsn = make_url(POSTGRES_ADMIN_URL).set(drivername="postgresql")
    try:
        admin = await asyncpg.connect(dsn.render_as_string(hide_password=False), timeout=5)
    except (OSError, asyncpg.PostgresError) as error:
        pytest.fail(
            f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL} ({error}). Start it with "
            f"`{START_HINT}`, or set FC_TEST_POSTGRES=off to leave out the PostgreSQL tests.",
            pytrace=False,
        )
    try:
        await admin.execute(statement)
    finally:
        await admin.close()


@asynccontextmanager
async def scratch_database(prefix: str, template: str | None = None) -> AsyncIterator[str]:
    """A new database, dropped afterwards; a copy of `template` when one is given."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    await admin_execute(f'CREATE DATABASE "{name}"{copy}')
    try:
        yield database_url(name)
    finally:
        await admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class PostgresTemplate:
    """One migrated template database per test session; each test copies it (fast)."""

    def __init__(self) -> None:
        self.name = f"fc_template_{uuid.uuid4().hex[:8]}"
        self._ready = False
        self._lock = asyncio.Lock()

    async def ensure(self) -> None:
        async with self._lock:
            if self._ready:
                return
            await admin_execute(f'CREATE DATABASE "{self.name}"')
            await upgrade(database_url(self.name))
            self._ready = True

    @asynccontextmanager
    async def database(self) -> AsyncIterator[str]:
        await self.ensure()
        async with scratch_database("fc_test", template=self.name) as url:
            yield url

    async def drop(self) -> None:
        if self._ready:
            await admin_execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def empty_postgres_database() -> AbstractAsyncContextManager[str]:
    """A database with no schema at all, for migration tests."""
    return scratch_database("fc_empty")
