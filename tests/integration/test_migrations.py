"""Migrations create exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection

from data_access.engine import create_engine
from data_access.migrate import current_revision, head_revision, upgrade
from data_access.models import COMMON_MODEL_TABLES, Base, PersonSearchKey
from data_access.search.index import UNKNOWN_DATE_OF_BIRTH
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


async def test_0007_moves_people_with_no_date_of_birth_to_the_new_filing_date(
    empty_url: str,
) -> None:
    await upgrade(empty_url, "0006")
    engine = create_engine(empty_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO person_search_key (key, date_of_birth, person_id) VALUES "
                    "('l:evans', '9999-12-31', 'P8'), ('l:evans', '2010-01-01', 'P9')"
                )
            )
        await upgrade(empty_url)
        async with engine.connect() as connection:
            rows = (
                await connection.execute(
                    select(PersonSearchKey.person_id, PersonSearchKey.date_of_birth).order_by(
                        PersonSearchKey.person_id
                    )
                )
            ).all()
    finally:
        await engine.dispose()
    assert [tuple(row) for row in rows] == [
        ("P8", UNKNOWN_DATE_OF_BIRTH),
        ("P9", dt.date(2010, 1, 1)),
    ]
