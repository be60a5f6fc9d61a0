"""Person search latency at 100,000 and 1,000,000 people, on SQLite and PostgreSQL.

The demo population is written once per size with `familycontext data demo
--out`, loaded into each database by `familycontext data load` (the real
loader, which builds the search index), and searched in this process through
`PersonSearch`, the code the bot and `familycontext search` use: parse,
retrieval, SQL, scoring. Each query is timed end to end. People are sampled
with a fixed seed; each is searched by name and date of birth as recorded
("Jayden Smith 12/03/2016"), then by name only. Every database is measured in
turn, five times over (--rounds) in alternating order, and each figure is the
median of the rounds: the machine's speed drifts during a run, and one pass would
compare the sizes at different speeds.

Goals (issue 3) at 1,000,000 people: p95 <= 25 ms with a date of birth and
<= 150 ms by name only; 1,000,000 no more than 1.5 times slower than
100,000. They are for the search as the bot and `familycontext search` run it
(it stops at a confident match among the people born on or near the date
typed); the full search, which lists every runner-up and which the bot falls
back to when nobody there is a confident match, is measured on the same
requests too ("every runner-up").

PostgreSQL's figures depend on the server's `shared_buffers`, which the run prints:
with the default 128 MB the million-person search index (660 MB) does not fit, and
pages copied in from the operating system's cache, not the search, set the slowest
requests' time. The administrator's guide asks for at least 1 GB; to measure that
here, `ALTER SYSTEM SET shared_buffers = '2GB'` and restart the server.

    python benchmarks/search_speed.py [--sizes 100000,1000000]
        [--backends sqlite,postgresql] [--queries 2000] [--rounds 5] [--work DIR]

With --work the extracts and SQLite files are kept there and, when present,
reused (PostgreSQL databases fc_bench_search_<size> likewise), so a second
run skips generating and loading.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import FAMILYCONTEXT, POSTGRES_ADMIN_DSN, fresh_postgres_database, run_measured
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.engine import create_engine
from data_access.migrate import current_revision, head_revision
from data_access.models import Person
from data_access.search.service import PersonSearch

WARM_UP = 100


@dataclass(frozen=True)
class Latency:
    p50: float
    p95: float
    p99: float
    mean: float
    candidates_p95: int


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def postgres_url(name: str) -> str:
    base = POSTGRES_ADMIN_DSN.rsplit("/", 1)[0]
    return f"{base.replace('postgresql://', 'postgresql+asyncpg://', 1)}/{name}"


async def loaded(url: str) -> bool:
    """Whether `url` is a migrated database that already holds people (for --work)."""
    try:
        if await current_revision(url) != head_revision():
            return False
    except (OSError, SQLAlchemyError):  # no such database yet
        return False
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            found = await connection.execute(select(Person.person_id).limit(1))
            return found.first() is not None
    finally:
        await engine.dispose()


def prepare(size: int, backend: str, work: Path, reuse: bool) -> tuple[str, float | None]:
    """A database holding the demo population of `size`: its URL and how long loading took."""
    extract = work / f"extract-{size}"
    if not (reuse and extract.is_dir()):
        shutil.rmtree(extract, ignore_errors=True)
        run_measured(
            [*FAMILYCONTEXT, "data", "demo", "--people", str(size), "--out", str(extract)], {}
        )
    if backend == "sqlite":
        path = work / f"search-{size}.sqlite3"
        url = f"sqlite+aiosqlite:///{path}"
        if reuse and asyncio.run(loaded(url)):
            return url, None
        for stale in work.glob(f"{path.name}*"):
            stale.unlink()
    else:
        url = postgres_url(f"fc_bench_search_{size}")
        if reuse and asyncio.run(loaded(url)):
            return url, None
        url = asyncio.run(fresh_postgres_database(f"fc_bench_search_{size}"))
    env = {"FC_DATABASE_URL": url}
    run_measured([*FAMILYCONTEXT, "db", "upgrade"], env)
    load = run_measured([*FAMILYCONTEXT, "data", "load", str(extract)], env)
    return url, load.seconds


async def sampled(engine: AsyncEngine, queries: int, seed: int) -> list[Any]:
    """`queries` people with a date of birth, drawn with a fixed seed."""
    async with engine.connect() as connection:
        people = (
            await connection.execute(
                select(Person.first_name, Person.last_name, Person.date_of_birth)
                .where(Person.restricted.is_(False), Person.date_of_birth.is_not(None))
                .order_by(Person.person_id)
            )
        ).all()
    return random.Random(seed).sample(people, min(queries, len(people)))


FORMS: dict[str, Callable[[Any], str]] = {
    "with date of birth": lambda p: f"{p[0]} {p[1]} {p[2]:%d/%m/%Y}",
    "name only": lambda p: f"{p[0]} {p[1]}",
}
# The search as the bot and `familycontext search` run it, then the full search (every
# runner-up listed), which the bot falls back to when nobody born on or near the date
# typed is a confident match: see data_access/search/service.py.
RUNS = [
    *((label, form, True) for label, form in FORMS.items()),
    ("with date of birth, every runner-up", FORMS["with date of birth"], False),
]


async def measure_once(search: PersonSearch, sample: list[Any]) -> dict[str, Latency]:
    """Each query form over the sample, one request at a time, after a warm-up."""
    out: dict[str, Latency] = {}
    for label, form, settle in RUNS:
        for person in sample[:WARM_UP]:
            await search.search_people(form(person), settle_for_confident=settle)
        times: list[float] = []
        considered: list[float] = []
        for person in sample:
            started = time.perf_counter()
            found = await search.search_people(form(person), settle_for_confident=settle)
            times.append((time.perf_counter() - started) * 1000)
            considered.append(float(found.outcome.considered))
        times.sort()
        considered.sort()
        out[label] = Latency(
            percentile(times, 0.50),
            percentile(times, 0.95),
            percentile(times, 0.99),
            statistics.fmean(times),
            int(percentile(considered, 0.95)),
        )
    return out


async def measure(
    urls: dict[tuple[int, str], str], queries: int, seed: int, rounds: int
) -> list[dict[tuple[int, str], dict[str, Latency]]]:
    """Every database, one after another, `rounds` times (in the opposite order each
    round): this machine is shared and its speed drifts by tens of per cent over
    minutes, so one pass would compare sizes measured at different speeds."""
    engines = {where: create_engine(url) for where, url in urls.items()}
    try:
        samples = {where: await sampled(engine, queries, seed) for where, engine in engines.items()}
        gc.collect()  # no pause of the collector over a million rows inside a measurement
        searches = {where: PersonSearch(engine) for where, engine in engines.items()}
        out: list[dict[tuple[int, str], dict[str, Latency]]] = []
        order = list(urls)
        for number in range(rounds):
            print(f"round {number + 1} of {rounds}...", file=sys.stderr)
            found = {where: await measure_once(searches[where], samples[where]) for where in order}
            out.append(found)
            order.reverse()
        return out
    finally:
        for engine in engines.values():
            await engine.dispose()


def median_latency(found: list[Latency]) -> Latency:
    return Latency(
        statistics.median(f.p50 for f in found),
        statistics.median(f.p95 for f in found),
        statistics.median(f.p99 for f in found),
        statistics.median(f.mean for f in found),
        int(statistics.median(f.candidates_p95 for f in found)),
    )


async def postgres_cache(url: str) -> str:
    """The server's shared_buffers and the search index's size (see the module docstring)."""
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            buffers = (await connection.execute(text("SHOW shared_buffers"))).scalar_one()
            index = (
                await connection.execute(
                    text("SELECT pg_size_pretty(pg_relation_size('pk_person_search_key'))")
                )
            ).scalar_one()
    finally:
        await engine.dispose()
    return f"shared_buffers {buffers}, search index {index}"


def run(args: argparse.Namespace) -> None:
    sizes = [int(size) for size in args.sizes.split(",")]
    backends = args.backends.split(",")
    work = args.work or Path(tempfile.mkdtemp(prefix="fc-bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    loads: dict[tuple[int, str], float | None] = {}
    urls: dict[tuple[int, str], str] = {}
    try:
        for size in sizes:
            for backend in backends:
                url, seconds = prepare(size, backend, work, reuse=args.work is not None)
                urls[size, backend] = url
                loads[size, backend] = seconds
        rounds = asyncio.run(measure(urls, args.queries, args.seed, args.rounds))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)

    results = {
        where: {label: median_latency([r[where][label] for r in rounds]) for label, _, _ in RUNS}
        for where in urls
    }
    print()
    print(
        f"{args.queries:,} people sampled per size (seed {args.seed}), each searched both ways; "
        f"the median of {len(rounds)} rounds."
    )
    for (size, backend), url in urls.items():
        if backend == "postgresql":
            print(f"PostgreSQL at {size:,} people: {asyncio.run(postgres_cache(url))}")
    print()
    print(
        "| people | database | query | p50 (ms) | p95 (ms) | p99 (ms) | mean (ms) "
        "| candidates p95 | load (s) |"
    )
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for (size, backend), by_form in results.items():
        seconds = loads[size, backend]
        shown = f"{seconds:.1f}" if seconds is not None else "(reused)"
        for label, latency in by_form.items():
            print(
                f"| {size:,} | {backend} | {label} | {latency.p50:.1f} | {latency.p95:.1f} "
                f"| {latency.p99:.1f} | {latency.mean:.1f} | {latency.candidates_p95:,} "
                f"| {shown} |"
            )
    if len(sizes) >= 2:
        small, large = min(sizes), max(sizes)
        print()
        print(
            f"| database | query | p95 at {large:,} / p95 at {small:,} (medians) | in each round |"
        )
        print("|---|---|---:|---|")
        for backend in backends:
            for label, _, _ in RUNS:
                ratio = results[large, backend][label].p95 / results[small, backend][label].p95
                each = ", ".join(
                    f"{r[large, backend][label].p95 / r[small, backend][label].p95:.2f}"
                    for r in rounds
                )
                print(f"| {backend} | {label} | {ratio:.2f} | {each} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5, help="passes over every database")
    parser.add_argument("--work", type=Path, help="keep (and reuse) extracts and databases here")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
