"""Loading an interchange folder: all of it, or none of it.

The whole load is one transaction: the previous data is deleted, every file
is streamed in batches, and the transaction commits only if no error was
found. Readers keep seeing the previous data until then (MVCC on PostgreSQL,
WAL on SQLite).

Uniqueness and references are checked against what the transaction has
already inserted, one query per batch, rather than against sets kept in
memory, so memory stays bounded whatever the size of the extract. Rows with
errors are not inserted; references to a person or source that was itself
rejected are not reported again, so one bad row gives one error.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Select, Table, any_, bindparam, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from data_access.interchange import (
    ADULT_SOCIAL_CARE_INVOLVEMENT,
    DATA_SOURCE,
    PERSON,
    PERSON_ALIAS,
    RELATIONSHIP,
    REQUIRED_FILES,
    TABLES,
    Kind,
    TableSpec,
)
from data_access.loader.bulk import bulk_insert
from data_access.loader.csv_reader import CsvRecords
from data_access.loader.report import NO_COLUMN, Report, TooManyErrors
from data_access.loader.values import Dropped, Invalid, converter_for
from data_access.migrate import current_revision_of, head_revision
from data_access.models import Base

BATCH_SIZE = 5000
_YIELD_EVERY = 250
FILE_ORDER = {spec.file_name: index for index, spec in enumerate(TABLES)}
_PG_LOAD_LOCK = 7_190_247  # any constant: serialises concurrent loads on PostgreSQL


# Where the columns that row checks read sit in a row (every service file has
# source_id second, after person_id).
_SOURCE_ID = 1
_COVERAGE_START = DATA_SOURCE.index("coverage_start")
_COVERAGE_END = DATA_SOURCE.index("coverage_end")
_DATE_OF_BIRTH = PERSON.index("date_of_birth")
_CMS_ID = PERSON.index("cms_id")
_ASC_START = ADULT_SOCIAL_CARE_INVOLVEMENT.index("last_involvement_start")
_ASC_LATEST = ADULT_SOCIAL_CARE_INVOLVEMENT.index("most_recent_interaction")
assert all(spec.index("source_id") == _SOURCE_ID for spec in TABLES if spec.service)


class SchemaNotReady(Exception):
    """The database has not been migrated to the schema this code expects."""


@dataclass
class LoadResult:
    report: Report
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.report.ok

    def problem_lines(self) -> list[str]:
        return self.report.lines(FILE_ORDER)


@dataclass(slots=True)
class _Row:
    line: int
    values: list[Any]


@dataclass
class _State:
    """What a load has learnt so far that later files are checked against."""

    today: dt.date
    sources: dict[str, str] = field(default_factory=dict)  # source_id -> service
    rejected_people: set[str] = field(default_factory=set)
    rejected_sources: set[str] = field(default_factory=set)
    people_unverifiable: bool = False


async def load_folder(
    engine: AsyncEngine,
    folder: Path,
    *,
    today: dt.date | None = None,
    batch_size: int = BATCH_SIZE,
    max_errors: int = 100,
) -> LoadResult:
    """Replace the common-model data with the extract in `folder`, or change nothing."""
    report = Report(max_errors=max_errors)
    result = LoadResult(report)
    state = _State(today=today or dt.date.today())
    try:
        files = _check_folder(folder, report)
    except TooManyErrors:
        return result
    if not report.ok:
        return result

    async with engine.connect() as connection:
        transaction = await connection.begin()
        try:
            await _check_schema(connection)
            if connection.dialect.name == "postgresql":
                await connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOAD_LOCK}
                )
            for spec in reversed(TABLES):
                await connection.execute(_table(spec).delete())
            for spec in TABLES:
                path = files.get(spec.file_name)
                if path is not None:
                    result.rows[spec.table] = await _load_file(
                        connection, path, spec, state, report, batch_size
                    )
            if report.ok:
                # Imported here: search.index uses this package's bulk_insert.
                from data_access.search.index import rebuild_search_index

                result.rows["person_search_key"] = await rebuild_search_index(connection)
                await _analyse(connection)
        except TooManyErrors:
            pass
        except BaseException:
            await transaction.rollback()
            raise
        if report.ok:
            await transaction.commit()
        else:
            await transaction.rollback()
            result.rows = {}
    return result


def _check_folder(folder: Path, report: Report) -> dict[str, Path]:
    if not folder.is_dir():
        report.error(folder.name or str(folder), 0, NO_COLUMN, "not a folder")
        return {}
    known = {spec.file_name for spec in TABLES}
    files: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name in known and path.is_file():
            files[path.name] = path
        elif path.suffix.lower() == ".csv":
            report.warning(path.name, 0, NO_COLUMN, "not a file of the interchange format, ignored")
    for name in sorted(REQUIRED_FILES - files.keys(), key=FILE_ORDER.__getitem__):
        report.error(name, 0, NO_COLUMN, "required file is missing")
    return files


async def _check_schema(connection: AsyncConnection) -> None:
    current = await connection.run_sync(current_revision_of)
    if current != head_revision():
        raise SchemaNotReady(
            "the database schema is not up to date: run `familycontext db upgrade` first"
        )


def _table(spec: TableSpec) -> Table:
    return Base.metadata.tables[spec.table]


async def _analyse(connection: AsyncConnection) -> None:
    """Fresh planner statistics: a nightly load changes every table completely."""
    if connection.dialect.name == "postgresql":
        names = ", ".join(spec.table for spec in TABLES)
        await connection.execute(text(f"ANALYZE {names}"))
    elif connection.dialect.name == "sqlite":
        await connection.execute(text("ANALYZE"))


RowCheck = Callable[[TableSpec, _Row, _State, Report], bool]


async def _load_file(
    connection: AsyncConnection,
    path: Path,
    spec: TableSpec,
    state: _State,
    report: Report,
    batch_size: int,
) -> int:
    """Validate and insert one file, batch by batch.

    The database works on one batch (reference checks, insert) while the
    next is parsed: `pending` is at most one flush in flight, awaited before
    the next starts, so checks still see every earlier batch.
    """
    name = spec.file_name
    converters = [converter_for(column) for column in spec.columns]
    columns = list(enumerate(zip(spec.columns, converters, strict=True)))
    row_check = _ROW_CHECKS.get(spec.table)
    records = CsvRecords(path, spec, report)
    batch: list[_Row] = []
    inserted = 0
    pending: asyncio.Task[int] | None = None
    try:
        for count, (line, positions, cells) in enumerate(records, start=1):
            values: list[Any] = [None] * len(spec.columns)
            ok = True
            for index, (column, convert) in columns:
                cell = cells[positions[index]].strip()
                if not cell:
                    if column.required:
                        report.error(name, line, column.name, "required, but empty")
                        ok = False
                    values[index] = column.default
                    continue
                try:
                    values[index] = convert(cell)
                except Dropped as warning:
                    report.warning(name, line, column.name, str(warning))
                except Invalid as error:
                    report.error(name, line, column.name, str(error))
                    ok = False
                    values[index] = cell if column.kind is Kind.ID else None
            row = _Row(line, values)
            if ok and row_check is not None:
                ok = row_check(spec, row, state, report)
            if ok and spec.service is not None:
                ok = _check_source(spec, row, state, report)
            if ok:
                batch.append(row)
            else:
                _remember_rejected(spec, row, state)
            if len(batch) >= batch_size:
                if pending is not None:
                    inserted += await pending
                pending = asyncio.create_task(_flush(connection, spec, batch, state, report))
                batch = []
            if count % _YIELD_EVERY == 0:
                await asyncio.sleep(0)  # let the flush in flight move on
        if pending is not None:
            inserted += await pending
            pending = None
        if batch:
            inserted += await _flush(connection, spec, batch, state, report)
    finally:
        if pending is not None:
            pending.cancel()
            with contextlib.suppress(BaseException):
                await pending
    if spec is PERSON and not records.header_ok:
        state.people_unverifiable = True
    return inserted


def _remember_rejected(spec: TableSpec, row: _Row, state: _State) -> None:
    key = row.values[0]
    if spec is PERSON and isinstance(key, str):
        state.rejected_people.add(key)
    elif spec is DATA_SOURCE and isinstance(key, str):
        state.rejected_sources.add(key)


def _check_source(spec: TableSpec, row: _Row, state: _State, report: Report) -> bool:
    source_id = row.values[_SOURCE_ID]
    service = state.sources.get(source_id)
    if service is None:
        if source_id not in state.rejected_sources:
            report.error(
                spec.file_name,
                row.line,
                "source_id",
                "unknown data source (not in data_source.csv)",
            )
        return False
    if spec.service is not None and service != spec.service.value:
        report.error(
            spec.file_name,
            row.line,
            "source_id",
            f"data source {source_id} is a {service} feed, not {spec.service.value}",
        )
        return False
    return True


def _check_data_source(spec: TableSpec, row: _Row, state: _State, report: Report) -> bool:
    source_id, service = row.values[0], row.values[1]
    if source_id in state.sources:
        report.error(spec.file_name, row.line, "source_id", "duplicate source_id")
        return False
    start, end = row.values[_COVERAGE_START], row.values[_COVERAGE_END]
    if start > end:
        report.error(spec.file_name, row.line, "coverage_end", "before coverage_start")
        return False
    state.sources[source_id] = service
    return True


def _check_person(spec: TableSpec, row: _Row, state: _State, report: Report) -> bool:
    born = row.values[_DATE_OF_BIRTH]
    if born is not None and born > state.today:
        report.error(spec.file_name, row.line, "date_of_birth", "in the future")
        return False
    return True


def _check_alias(spec: TableSpec, row: _Row, state: _State, report: Report) -> bool:
    first, last = row.values[1], row.values[2]
    if first is None and last is None:
        report.error(spec.file_name, row.line, NO_COLUMN, "needs a first_name or a last_name")
        return False
    return True


def _check_relationship(spec: TableSpec, row: _Row, state: _State, report: Report) -> bool:
    if row.values[0] == row.values[1]:
        report.error(spec.file_name, row.line, "related_person_id", "the same person as person_id")
        return False
    return True


def _check_adult_social_care(spec: TableSpec, row: _Row, state: _State, report: Report) -> bool:
    start, latest = row.values[_ASC_START], row.values[_ASC_LATEST]
    if start is not None and start > state.today:
        report.error(spec.file_name, row.line, "last_involvement_start", "in the future")
        return False
    if start is not None and latest is not None and latest < start:
        report.warning(
            spec.file_name,
            row.line,
            "most_recent_interaction",
            "before last_involvement_start; loaded as given",
        )
    return True


_ROW_CHECKS: dict[str, RowCheck] = {
    DATA_SOURCE.table: _check_data_source,
    PERSON.table: _check_person,
    PERSON_ALIAS.table: _check_alias,
    RELATIONSHIP.table: _check_relationship,
    ADULT_SOCIAL_CARE_INVOLVEMENT.table: _check_adult_social_care,
}


@functools.cache
def _existing_query(table: Table, column: str, dialect: str) -> Select[str]:
    """Built once per column: compiling a fresh IN query per batch costs more than running it.

    PostgreSQL gets the batch as one array parameter (`= ANY`), which is far
    cheaper than thousands of separate parameters.
    """
    if dialect == "postgresql":
        wanted = bindparam("wanted", type_=postgresql.ARRAY(table.c[column].type))
        return select(table.c[column]).where(table.c[column] == any_(wanted))
    return select(table.c[column]).where(table.c[column].in_(bindparam("wanted", expanding=True)))


async def _existing(
    connection: AsyncConnection, table: Table, column: str, wanted: Iterable[str]
) -> set[str]:
    values = list(set(wanted))
    if not values:
        return set()
    query = _existing_query(table, column, connection.dialect.name)
    found = await connection.execute(query, {"wanted": values})
    return set(found.scalars())


async def _flush(
    connection: AsyncConnection,
    spec: TableSpec,
    batch: Sequence[_Row],
    state: _State,
    report: Report,
) -> int:
    if spec is PERSON:
        good = await _unique_people(connection, spec, batch, state, report)
    else:
        good = await _known_people(connection, spec, batch, state, report)
    if good:
        await bulk_insert(connection, _table(spec), spec.column_names, [r.values for r in good])
    return len(good)


async def _unique_people(
    connection: AsyncConnection,
    spec: TableSpec,
    batch: Sequence[_Row],
    state: _State,
    report: Report,
) -> list[_Row]:
    person = _table(spec)
    taken_ids = await _existing(connection, person, "person_id", (r.values[0] for r in batch))
    taken_cms = await _existing(
        connection, person, "cms_id", (r.values[_CMS_ID] for r in batch if r.values[_CMS_ID])
    )
    good: list[_Row] = []
    first_line: dict[tuple[str, str], int] = {}
    for row in batch:
        ok = True
        for column, value, taken in (
            ("person_id", row.values[0], taken_ids),
            ("cms_id", row.values[_CMS_ID], taken_cms),
        ):
            if value is None:
                continue
            earlier = first_line.setdefault((column, value), row.line)
            if value in taken or earlier != row.line:
                where = f" (line {earlier})" if earlier != row.line else " (on an earlier line)"
                report.error(spec.file_name, row.line, column, f"duplicate {column}{where}")
                ok = False
        if ok:
            good.append(row)
        else:
            state.rejected_people.add(row.values[0])
    return good


async def _known_people(
    connection: AsyncConnection,
    spec: TableSpec,
    batch: Sequence[_Row],
    state: _State,
    report: Report,
) -> list[_Row]:
    ref_indexes = [i for i, column in enumerate(spec.columns) if column.kind is Kind.PERSON_REF]
    if state.people_unverifiable:
        return []  # person.csv could not be read: the load fails, and nothing here can be checked
    if not ref_indexes:
        return list(batch)
    person = _table(PERSON)
    known = await _existing(
        connection, person, "person_id", (row.values[i] for row in batch for i in ref_indexes)
    )
    good: list[_Row] = []
    for row in batch:
        ok = True
        for i in ref_indexes:
            value = row.values[i]
            if value not in known:
                ok = False
                if value not in state.rejected_people:
                    report.error(
                        spec.file_name,
                        row.line,
                        spec.columns[i].name,
                        "unknown person (not in person.csv)",
                    )
        if ok:
            good.append(row)
    return good
