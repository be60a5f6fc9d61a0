"""`familycontext data demo`: synthetic data, always through the real loader.

The demo population is written as an interchange folder and loaded by the
same code as a council's nightly extract, so the demo exercises (and
proves) the production path.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from data_access.demo import write_interchange
from data_access.engine import DatabaseLike, create_engine
from data_access.loader import LoadResult, SchemaNotReady, load_folder
from data_access.models import Person


class DemoLoadFailed(Exception):
    """The generator wrote something the loader rejects: a bug in the generator."""


async def has_people(database: DatabaseLike) -> bool:
    engine = create_engine(database)
    try:
        async with engine.connect() as connection:
            found = await connection.execute(select(Person.person_id).limit(1))
            return found.first() is not None
    finally:
        await engine.dispose()


async def load_demo(database: DatabaseLike, *, people: int, seed: int) -> LoadResult:
    with tempfile.TemporaryDirectory(prefix="familycontext-demo-") as folder:
        write_interchange(Path(folder), people=people, seed=seed)
        engine = create_engine(database)
        try:
            result = await load_folder(engine, Path(folder))
        finally:
            await engine.dispose()
    if not result.ok:
        raise DemoLoadFailed("\n".join(result.problem_lines()[:20]))
    return result


async def run_demo(database: DatabaseLike, *, people: int, seed: int, out: Path | None) -> int:
    started = time.perf_counter()
    if out is not None:
        counts = write_interchange(out, people=people, seed=seed)
        total = sum(counts.values())
        print(f"wrote {total} rows to {out} in {time.perf_counter() - started:.1f} s")
        return 0
    try:
        result = await load_demo(database, people=people, seed=seed)
    except SchemaNotReady as error:
        print(f"familycontext: {error}", file=sys.stderr)
        return 2
    total = sum(result.rows.values())
    print(
        f"loaded {people} synthetic people ({total} rows, seed {seed}) "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0
