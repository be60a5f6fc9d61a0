"""Migrations create exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from data_access.engine import create_engine
from data_access.migrate import current_revision, head_revision, upgrade
from data_access.models import COMMON_MODEL_TABLES, Base
from tests.conftest import BACKENDS
from tests.support.databases import empty_postgres_database


@pytest.fixture(params=BACKENDS)
async def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}"
    else:
        async with empty_postgres_database() as url:
            yield url


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def test_upgrade_creates_the_schema_and_is_idempotent(empty_url: str) -> None:
    assert await current_revision(empty_url) is None

    await upgrade(empty_url)
    await upgrade(empty_url)  # a second run changes nothing and does not fail

    assert await current_revision(empty_url) == head_revision()
    engine = create_engine(empty_url)
    try:
        async with engine.connect() as connection:
            tables = await connection.run_sync(_tables)
            differences = await connection.run_sync(_differences)
    finally:
        await engine.dispose()
    assert {table.name for table in COMMON_MODEL_TABLES} <= tables
    assert differences == []
