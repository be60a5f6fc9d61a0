"""Rebuilding the search index (`person_search_key`) inside the nightly load's transaction.

The index is derived data: every key comes from `keys.person_keys` over a
person's name and aliases, so it is thrown away and recomputed from
`person` and `person_alias` on every load, in the same transaction that
replaces them. Readers keep searching the previous index until the load
commits, exactly as they keep reading the previous people.

People are read in chunks by `person_id` (keyset pagination, with the
chunk's aliases by the same id range), so memory stays bounded; a chunk's
keys are written while the next chunk's are worked out. Restricted people
get no keys at all: search never returns them, and a key that cannot lead
to them is one less way for a bug to show them. A person whose date of
birth is not recorded is filed under `UNKNOWN_DATE_OF_BIRTH` (see
models.PersonSearchKey for why not NULL).

A million people give about fourteen million keys, and each nightly load
pays for them, so how they reach the table matters more than anything else
here. Inserting them row by row into the primary key's B-tree, in person
order (random order for the index), makes nearly every row a cache miss.
Each database gets the cheapest path that keeps readers working:

- SQLite: one row per person (its keys as a JSON array) goes into a
  temporary table, then a single `INSERT ... SELECT ... ORDER BY` expands
  them with json_each and lets SQLite sort them (an external merge sort)
  and append to the B-tree in key order (sorting with helper threads).
  `DELETE` of the old keys is SQLite's truncate optimisation (pages are
  freed without reading rows), and WAL readers keep the old pages until
  the commit.
- PostgreSQL: a `DELETE` and fourteen million index insertions (plus their
  WAL) took about two minutes at a million people, and left the table
  twice its size until VACUUM. Instead the keys are copied into a new
  table created in this transaction, with `COPY ... FREEZE` (no per-row
  visibility work later, and the visibility map is set, so look-ups are
  index-only from the first search without waiting for VACUUM); the primary
  key is then built in one sort, the table analysed, and swapped in for the
  old one (its grants copied). Readers use the old table, untouched, for the
  whole build. Only the swap takes the ACCESS EXCLUSIVE lock, held from the
  swap until the load commits (the load's ANALYZE, a second or two): a
  search in that window waits, then sees the new index. The lock is asked
  for with a short lock_timeout and retried, so a long reader cannot make
  every new search queue behind the load for long.

Working out the keys in worker processes was measured and left out: at a
million people on two cores, one or two workers cut the reading-and-keys
phase from 25 s to 16-18 s of a 38 s PostgreSQL rebuild, which does not pay
for a process pool in every load (start-up time, another way for the
nightly load to fail, and memory per worker for the name caches).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, Text, bindparam, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from data_access.loader.bulk import bulk_insert
from data_access.models import Base, Person, PersonAlias, PersonSearchKey
from data_access.search.keys import person_keys

UNKNOWN_DATE_OF_BIRTH = dt.date(9999, 12, 30)
"""Where a person without a recorded date of birth is filed: after every real
date, so no date look-up (exact, near or partial dates are all in the past)
meets them, while every name look-up does, and a look-up of people with no
date recorded asks for this date.

Not date.max (9999-12-31, used before migration 0007): asyncpg sends date.max
to PostgreSQL as 'infinity', which is not the date stored, so on PostgreSQL
that look-up found nobody."""

PEOPLE_PER_CHUNK = 5000
SORTER_THREADS = 2
LOCK_TIMEOUT_MS = 500
LOCK_ATTEMPTS = 60
LOCK_RETRY_PAUSE_S = 1.0

_person = Person.__table__
_alias = PersonAlias.__table__
_index = Base.metadata.tables[PersonSearchKey.__tablename__]
_INDEX = _index.name
_NEXT = f"{_INDEX}_next"
_STAGING = f"{_INDEX}_staging"
_PK_COLUMNS = tuple(column.name for column in _index.primary_key.columns)
_PK_NAME = str(_index.primary_key.name)
_LOCK_NOT_AVAILABLE = "55P03"


class SearchIndexBusy(Exception):
    """The old search index stayed in use too long for the load to swap in the new one."""


def _people_query(after: str | None) -> Any:
    people = select(
        _person.c.person_id, _person.c.first_name, _person.c.last_name, _person.c.date_of_birth
    ).where(_person.c.restricted.is_(False))
    if after is not None:
        people = people.where(_person.c.person_id > after)
    return people.order_by(_person.c.person_id).limit(PEOPLE_PER_CHUNK)


# The aliases of a chunk by the range of its person ids (an index range scan),
# not by joining: PostgreSQL would hash-join, reading every alias per chunk.
_ALIASES = select(_alias.c.person_id, _alias.c.first_name, _alias.c.last_name).where(
    _alias.c.person_id.between(bindparam("first"), bindparam("last"))
)

# (person_id, date of birth as filed, keys) for each person of a chunk.
PersonKeys = tuple[str, dt.date, set[str]]
Chunk = tuple[Sequence[Any], dict[str, list[tuple[str | None, str | None]]]]


async def _read_chunk(connection: AsyncConnection, after: str | None) -> Chunk | None:
    """The next people (not restricted) after `after`, and their aliases."""
    people = (await connection.execute(_people_query(after))).all()
    if not people:
        return None
    aliases: dict[str, list[tuple[str | None, str | None]]] = {}
    found = await connection.execute(
        _ALIASES, {"first": people[0].person_id, "last": people[-1].person_id}
    )
    for person_id, first, last in found:
        aliases.setdefault(person_id, []).append((first, last))
    return people, aliases


def _keys_of_chunk(chunk: Chunk) -> list[PersonKeys]:
    people, aliases = chunk
    return [
        (
            person_id,
            born or UNKNOWN_DATE_OF_BIRTH,
            person_keys(first, last, aliases.get(person_id, ())),
        )
        for person_id, first, last, born in people
    ]


async def _each_chunk(
    connection: AsyncConnection, write: Callable[[list[PersonKeys]], Coroutine[Any, Any, None]]
) -> int:
    """Compute every person's keys and hand them to `write`, chunk by chunk; the key count.

    A chunk's keys are worked out while the previous chunk's write is in
    flight (the connection runs one statement at a time, so the next read
    waits for that write).
    """
    total = 0
    pending: asyncio.Task[None] | None = None
    try:
        chunk = await _read_chunk(connection, None)
        while chunk is not None:
            people = _keys_of_chunk(chunk)
            total += sum(len(keys) for _, _, keys in people)
            if pending is not None:
                await pending
                pending = None
            following = await _read_chunk(connection, people[-1][0])
            pending = asyncio.create_task(write(people))
            await asyncio.sleep(0)  # let the write start before the next chunk is worked out
            chunk = following
        if pending is not None:
            await pending
            pending = None
    finally:
        if pending is not None:
            pending.cancel()
            with contextlib.suppress(BaseException):
                await pending
    return total


async def rebuild_search_index(connection: AsyncConnection) -> int:
    """Replace every key with keys recomputed from person and person_alias; the number of keys.

    Runs inside the caller's transaction (the load's) and leaves it open.
    """
    if connection.dialect.name == "postgresql":
        return await _rebuild_postgresql(connection)
    return await _rebuild_sorted(connection)


# --- SQLite (and any other database): stage, then insert in key order --------


async def _rebuild_sorted(connection: AsyncConnection) -> int:
    staging = Table(
        _STAGING,
        MetaData(),
        Column("person_id", String(64)),
        Column("date_of_birth", String(10)),
        Column("keys", Text()),
        prefixes=["TEMPORARY"],
    )
    await connection.execute(_index.delete())
    await connection.run_sync(lambda sync: staging.create(sync))

    async def write(people: list[PersonKeys]) -> None:
        # Keys are letters, digits and ":|~" (normalise.py), so they need no
        # JSON escaping. The date is stored as SQLAlchemy stores a Date.
        rows = [
            (person_id, born.isoformat(), '["' + '","'.join(keys) + '"]')
            for person_id, born, keys in people
            if keys  # a name with no letters at all has none
        ]
        await bulk_insert(connection, staging, ("person_id", "date_of_birth", "keys"), rows)

    total = await _each_chunk(connection, write)
    assert _PK_COLUMNS == ("key", "date_of_birth", "person_id")
    threads = (await connection.exec_driver_sql("PRAGMA threads")).scalar()
    # Helper threads sort the runs of the external merge sort in the background.
    await connection.exec_driver_sql(f"PRAGMA threads = {SORTER_THREADS}")
    await connection.exec_driver_sql(
        f"INSERT INTO {_INDEX} (key, date_of_birth, person_id) "  # noqa: S608 - our own names
        "SELECT k.value, s.date_of_birth, s.person_id "
        f"FROM {_STAGING} AS s, json_each(s.keys) AS k "
        "ORDER BY 1, 2, 3"  # the primary key's order (json_each has a column named key too)
    )
    await connection.exec_driver_sql(f"PRAGMA threads = {int(threads or 0)}")
    await connection.run_sync(lambda sync: staging.drop(sync))
    return total


# --- PostgreSQL: build a new table, then swap it in ---------------------------


def _copy_field(value: str) -> str:
    """A value in COPY's text format (person ids come from the extract)."""
    if any(ch in value for ch in "\\\t\n\r"):
        return (
            value.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return value


async def _rebuild_postgresql(connection: AsyncConnection) -> int:
    await connection.exec_driver_sql(f"DROP TABLE IF EXISTS {_NEXT}")
    # LIKE copies columns, types, collations, NOT NULL and defaults from the
    # migrated table, so the migrations stay the one definition of it.
    await connection.exec_driver_sql(
        f"CREATE TABLE {_NEXT} (LIKE {_INDEX} INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
        "INCLUDING STORAGE INCLUDING COMMENTS)"
    )
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection
    assert driver is not None

    async def write(people: list[PersonKeys]) -> None:
        lines: list[str] = []
        for person_id, born, keys in people:
            tail = f"\t{born.isoformat()}\t{_copy_field(person_id)}\n"
            lines.extend(key + tail for key in keys)
        await driver.copy_to_table(
            _NEXT,
            source=memoryview("".join(lines).encode()),  # bytes would be read as a path
            columns=["key", "date_of_birth", "person_id"],
            format="text",
            freeze=True,
        )

    total = await _each_chunk(connection, write)
    await connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    await connection.exec_driver_sql(
        f"ALTER TABLE {_NEXT} ADD CONSTRAINT {_PK_NAME}_next PRIMARY KEY ({', '.join(_PK_COLUMNS)})"
    )
    await connection.exec_driver_sql("RESET maintenance_work_mem")
    await connection.exec_driver_sql(f"ANALYZE {_NEXT}")
    await _copy_grants(connection)
    await _lock_old_index(connection)
    await connection.exec_driver_sql(f"DROP TABLE {_INDEX}")
    await connection.exec_driver_sql(f"ALTER TABLE {_NEXT} RENAME TO {_INDEX}")
    await connection.exec_driver_sql(
        f"ALTER TABLE {_INDEX} RENAME CONSTRAINT {_PK_NAME}_next TO {_PK_NAME}"
    )
    return total


async def _copy_grants(connection: AsyncConnection) -> None:
    """What others were allowed to do with the old table (a read-only bot role, say)."""
    grants = await connection.execute(
        text(
            "SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' "
            "ELSE quote_ident(pg_get_userbyid(a.grantee)) END, "
            "a.privilege_type, a.is_grantable "
            "FROM pg_class AS c, aclexplode(c.relacl) AS a "
            "WHERE c.oid = to_regclass(:table) AND a.grantee <> c.relowner"
        ),
        {"table": _INDEX},
    )
    for grantee, privilege, grantable in grants.all():
        option = " WITH GRANT OPTION" if grantable else ""
        await connection.exec_driver_sql(f"GRANT {privilege} ON {_NEXT} TO {grantee}{option}")


async def _lock_old_index(connection: AsyncConnection) -> None:
    """Take the old table for the swap without making searches queue behind us for long.

    While a lock request waits, every later reader waits behind it; so each
    attempt gives up after LOCK_TIMEOUT_MS (letting the queue drain) and is
    retried after a pause.
    """
    for _ in range(LOCK_ATTEMPTS):
        savepoint = await connection.begin_nested()
        try:
            await connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_MS}ms'")
            await connection.exec_driver_sql(f"LOCK TABLE {_INDEX} IN ACCESS EXCLUSIVE MODE")
        except DBAPIError as error:
            await savepoint.rollback()
            if getattr(error.orig, "sqlstate", None) != _LOCK_NOT_AVAILABLE:
                raise
            await asyncio.sleep(LOCK_RETRY_PAUSE_S)
            continue
        await savepoint.commit()
        await connection.exec_driver_sql("SET LOCAL lock_timeout = DEFAULT")
        return
    raise SearchIndexBusy(
        f"{_INDEX} stayed in use for {LOCK_ATTEMPTS} attempts to swap in the new search index"
    )
