"""The fastest way each database offers to insert many rows inside the current transaction.

PostgreSQL: COPY through asyncpg. SQLite (and any other
qmark driver): one executemany per batch, with
values converted by SQLAlchemy's own bind processors so the stored forms are
exactly those the ORM reads back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncConnection


async def bulk_insert(
    connection: AsyncConnection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> None:
    dialect = connection.dialect
    if dialect.name == "postgresql":
        raw = await connection.get_raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        await driver.copy_records_to_table(
            table.name, records=[tuple(row) for row in rows], columns=list(columns)
        )
        return
    if dialect.paramstyle != "qmark":
        await connection.execute(
            table.insert(), [dict(zip(columns, row, strict=True)) for row in rows]
        )
        return
    processors = [table.c[name].type.bind_processor(dialect) for name in columns]
    if any(processors):
        rows = [
            tuple(
                value if process is None or value is None else process(value)
                for process, value in zip(processors, row, strict=True)
            )
            for row in rows
        ]
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in columns)
    marks = ", ".join("?" for _ in columns)
    await connection.exec_driver_sql(
        f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})",  # noqa: S608 - names from our own schema
        [tuple(row) for row in rows],
    )
