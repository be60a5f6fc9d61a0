"""Statements compiled once for a dialect and run as driver SQL, for the few on every turn.

SQLAlchemy compiles a statement once and caches it, but every execution still
walks the statement to build its cache key and runs each bind parameter's
type processing: for the audit append (40 parameters) that came to about 1 ms
of a 2 ms append, more than the database took. A `Precompiled` statement
keeps the dialect's SQL text and the order and processing of its parameters,
and runs through `exec_driver_sql`: the same text and values the driver would
have been given, without the walk. Only for statements built once from
bind parameters (no values baked in); everything else uses SQLAlchemy as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy.engine import CursorResult, Dialect, Row
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.compiler import SQLCompiler


@dataclass(frozen=True, slots=True)
class Precompiled:
    sql: str
    names: tuple[str, ...]
    """The bind parameters in the order the driver takes them (repeated where the SQL
    repeats one)."""
    constants: Mapping[str, Any]
    """Values the statement itself fixed (a literal compared against), by name."""
    processors: Mapping[str, Callable[[Any], Any]]

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        out = []
        for name in self.names:
            value = values[name] if name in values else self.constants[name]
            processor = self.processors.get(name)
            out.append(value if processor is None else processor(value))
        return tuple(out)

    async def execute(
        self, connection: AsyncConnection, values: Mapping[str, Any]
    ) -> CursorResult[Any]:
        return await connection.exec_driver_sql(self.sql, self.parameters(values))


_COMPILED: dict[tuple[int, str], tuple[Executable, Precompiled]] = {}


async def read_rows(
    connection: AsyncConnection, statement: Executable, values: Mapping[str, Any]
) -> Sequence[Row[Any]]:
    """The rows of a statement built once (kept for the life of the process), run as
    driver SQL on PostgreSQL: asyncpg hands back dates, times and booleans as Python
    values already, so SQLAlchemy's result processing has nothing to add. On SQLite
    (dates come back as text to be converted) it runs the usual way."""
    if connection.dialect.name != "postgresql":
        return (await connection.execute(statement, values)).all()
    key = (id(statement), connection.dialect.name)
    found = _COMPILED.get(key)
    if found is None:
        # The statement is kept with it, so its id cannot be reused by another.
        compiled = precompile(cast(ClauseElement, statement), connection.dialect)
        found = _COMPILED[key] = (statement, compiled)
    return (await found[1].execute(connection, values)).all()


def precompile(statement: ClauseElement, dialect: Dialect) -> Precompiled:
    compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
    names = compiled.positiontup
    if names is None:
        raise ValueError(f"{dialect.name}: precompiled statements need a positional paramstyle")
    processors: dict[str, Callable[[Any], Any]] = {}
    constants: dict[str, Any] = {}
    for name, bind in compiled.binds.items():
        processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            processors[name] = processor
        if bind.value is not None:
            constants[name] = bind.value
    return Precompiled(compiled.string, tuple(names), constants, processors)
