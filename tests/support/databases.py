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
from contextlib import asynccontextmanager

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from data_access.migrate import upgrade

POSTGRES_ADMIN_URL = os.environ.get(
    "FC_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
POSTGRES_ENABLED = os.environ.get("FC_TEST_POSTGRES", "on") != "off"
START_HINT = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class PostgresTemplate:
    """One migrated template database per test session; each test copies it (fast)."""

    def __init__(self) -> None:
        self.name = f"fc_template_{uuid.uuid4().hex[:8]}"
        self._ready = False
        self._lock = asyncio.Lock()

    async def _admin(self) -> asyncpg.Connection:
        try:
            return await asyncpg.connect(_dsn(POSTGRES_ADMIN_URL), timeout=5)
        except (OSError, asyncpg.PostgresError) as error:
            pytest.fail(
                f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL} ({error}). Start it with "
                f"`{START_HINT}`, or set FC_TEST_POSTGRES=off to leave out the PostgreSQL tests.",
                pytrace=False,
            )

    async def ensure(self) -> None:
        async with self._lock:
            if self._ready:
                return
            admin = await self._admin()
            try:
                await admin.execute(f'CREATE DATABASE "{self.name}"')
            finally:
                await admin.close()
            await upgrade(self.url(self.name))
            self._ready = True

    def url(self, database: str) -> str:
        return (
            make_url(POSTGRES_ADMIN_URL)
            .set(database=database)
            .render_as_string(hide_password=False)
        )

    @asynccontextmanager
    async def database(self) -> AsyncIterator[str]:
        await self.ensure()
        name = f"fc_test_{uuid.uuid4().hex[:12]}"
        admin = await self._admin()
        try:
            await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"')
        finally:
            await admin.close()
        try:
            yield self.url(name)
        finally:
            admin = await self._admin()
            try:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            finally:
                await admin.close()

    async def drop(self) -> None:
        if not self._ready:
            return
        admin = await self._admin()
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        finally:
            await admin.close()


@asynccontextmanager
async def empty_postgres_database() -> AsyncIterator[str]:
    """A database with no schema at all, for migration tests."""
    template = PostgresTemplate()
    name = f"fc_empty_{uuid.uuid4().hex[:12]}"
    admin = await template._admin()
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield template.url(name)
    finally:
        admin = await template._admin()
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()
