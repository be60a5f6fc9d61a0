"""`familycontext data load DIR`: the nightly load, with its report on stderr."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from data_access.engine import DatabaseLike, create_engine
from data_access.loader import SchemaNotReady, load_folder

SEARCH_INDEX = "person_search_key"


async def run_load(database: DatabaseLike, folder: Path) -> int:
    engine = create_engine(database)
    started = time.perf_counter()
    try:
        result = await load_folder(engine, folder)
    except SchemaNotReady as error:
        print(f"familycontext: {error}", file=sys.stderr)
        return 2
    finally:
        await engine.dispose()
    for line in result.problem_lines():
        print(line, file=sys.stderr)
    if not result.ok:
        count = result.report.error_count
        print(
            f"load rejected: {count} error{'s' if count != 1 else ''}; the database is unchanged",
            file=sys.stderr,
        )
        return 1
    # The extract's rows; the search index is derived from them, and said apart.
    loaded = {table: n for table, n in result.rows.items() if table != SEARCH_INDEX}
    summary = ", ".join(f"{table} {count}" for table, count in loaded.items())
    keys = result.rows.get(SEARCH_INDEX)
    index = f"; search index rebuilt: {keys} keys" if keys is not None else ""
    elapsed = time.perf_counter() - started
    print(f"loaded {sum(loaded.values())} rows in {elapsed:.1f} s ({summary}){index}")
    return 0
