"""The audit store: the cost of one `record()`, throughput under concurrent writers, and
`familycontext audit verify` over a long chain, on SQLite and PostgreSQL.

What is timed is what a conversation turn pays before it may disclose: one
`AuditLog.record(SEARCH, RESULTS_PRESENTED)` with five person ids, committed
(the per-turn cost around it is measured separately). Throughput has 16
writers, each with its own engine and connection as 16 bot instances would,
appending to one chain; the chain is verified afterwards. `verify` runs as
the real command in a child process, for its wall time and peak memory
(constant: it streams).

    python benchmarks/audit.py [--backends sqlite,postgresql] [--records 2000]
        [--writers 16] [--per-writer 300] [--verify-entries 200000]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import asyncpg
from _common import FAMILYCONTEXT, POSTGRES_ADMIN_DSN, fresh_postgres_database, run_measured

from data_access.audit.events import AuditAction, AuditActor, AuditEvent
from data_access.audit.store import AuditLog
from data_access.audit.verify import verify_chain
from data_access.engine import create_engine
from data_access.migrate import upgrade

WARM_UP = 100
ACTOR = AuditActor("tenant", "00000000-0000-0000-0000-000000000001", "Bench Social-Worker")


@dataclass(frozen=True)
class Latency:
    p50: float
    p95: float
    p99: float
    mean: float


USERS = 50
"""Social workers sharing the lookup turns of the per-turn measurement."""


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def turn(number: int) -> tuple[AuditEvent, AuditEvent]:
    """What one search turn records: the search, and the five people it listed."""
    search = AuditEvent(
        AuditAction.SEARCH,
        ACTOR,
        conversation_id="a:1Bench-conversation-id",
        correlation_id=f"activity-{number}",
        search_text=f"jayden smith 12/03/20{number % 100:02d}",
        purpose="Child and family assessment (section 17)",
        case_reference="CASE-7190247",
    )
    presented = replace(
        search,
        action=AuditAction.RESULTS_PRESENTED,
        search_text=None,
        person_ids=tuple(f"P{number * 5 + i:07d}" for i in range(5)),
    )
    return search, presented


async def database(backend: str, work: Path, name: str) -> str:
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{work / f'{name}.sqlite3'}"
    else:
        url = await fresh_postgres_database(f"fc_bench_{name}")
    await upgrade(url)
    return url


async def drop_postgres_databases(names: list[str]) -> None:
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN)
    try:
        for name in names:
            await admin.execute(f'DROP DATABASE IF EXISTS "fc_bench_{name}" WITH (FORCE)')
    finally:
        await admin.close()


async def record_latency(url: str, records: int) -> Latency:
    engine = create_engine(url)
    try:
        log = AuditLog(engine)
        for number in range(WARM_UP):
            await log.record(*turn(number))
        times: list[float] = []
        for number in range(records):
            started = time.perf_counter()
            await log.record(*turn(number))
            times.append((time.perf_counter() - started) * 1000)
        assert (await verify_chain(engine)).ok
    finally:
        await engine.dispose()
    times.sort()
    return Latency(
        percentile(times, 0.50),
        percentile(times, 0.95),
        percentile(times, 0.99),
        statistics.fmean(times),
    )


async def throughput(url: str, writers: int, per_writer: int) -> tuple[float, int]:
    """Entries per second with `writers` concurrent writers; and the entries verified."""
    engines = [create_engine(url, pool_size=1, max_overflow=0) for _ in range(writers)]

    async def writer(index: int) -> None:
        log = AuditLog(engines[index])
        for number in range(per_writer):
            await log.record(*turn(index * per_writer + number))

    try:
        for index in range(writers):  # connect every instance before the clock starts
            await AuditLog(engines[index]).count_searches(ACTOR.user_id, dt.datetime.now(dt.UTC))
        started = time.perf_counter()
        await asyncio.gather(*(writer(index) for index in range(writers)))
        seconds = time.perf_counter() - started
        report = await verify_chain(engines[0])
    finally:
        for engine in engines:
            await engine.dispose()
    if not report.ok:
        raise SystemExit(f"the chain does not verify after concurrent writes: {report.summary()}")
    return writers * per_writer * 2 / seconds, report.entries_checked


async def long_chain(url: str, entries: int) -> None:
    """Append `entries` entries, 500 per transaction (only to have a chain to verify)."""
    engine = create_engine(url)
    try:
        log = AuditLog(engine)
        for start in range(0, entries, 500):
            count = min(500, entries - start)
            first_turn = start // 2
            events = [e for n in range(first_turn, first_turn + (count + 1) // 2) for e in turn(n)]
            await log.record(*events[:count])
    finally:
        await engine.dispose()


class NoAudit:
    """The audit trail switched off, for the comparison: records nothing."""

    async def record(self, *events: AuditEvent) -> None:
        return None

    async def recent(self, *args: object, **kwargs: object) -> list[object]:
        return []


async def turn_cost(url: str, people: int, turns: int) -> tuple[Latency, Latency]:
    """A lookup turn through the conversation layer (dialogs.handle_text: search, person card,
    and, with auditing, the committed entries with the search limit checked under the chain
    lock), with and without auditing, alternating turn by turn in the same run."""
    from sqlalchemy import text

    from bot.composition import build_services
    from bot.settings import Settings
    from data_access.demo_command import load_demo
    from dialogs.conversation import handle_action, handle_text
    from dialogs.requests import ActionRequest, Role, TextRequest, Turn, User

    await load_demo(url, people=people, seed=3)
    engine = create_engine(url)
    # The council's default search limit, and turns shared among USERS social workers (each
    # well under the limit), as in a working day: the limit check reads at most the
    # limit's worth of a user's searches.
    settings = Settings(_env_file=None, database_url=url)
    audited = build_services(settings, engine)
    unaudited = replace(audited, audit=NoAudit())
    async with engine.connect() as connection:
        rows = (
            await connection.execute(
                text(
                    "SELECT first_name, last_name, date_of_birth FROM person "
                    "WHERE date_of_birth IS NOT NULL AND restricted = false "
                    "ORDER BY person_id LIMIT :n"
                ),
                {"n": turns + WARM_UP},
            )
        ).all()
    users = [
        User(f"00000000-0000-0000-0000-{index:012d}", "tenant", f"Bench {index}", f"29:b{index}")
        for index in range(USERS)
    ]
    timings: dict[bool, list[float]] = {True: [], False: []}
    try:
        for user in users:
            for with_audit, services in ((True, audited), (False, unaudited)):
                first = Turn(
                    user,
                    f"conversation-{with_audit}",
                    "purpose",
                    roles=frozenset({Role.SOCIAL_WORKER}),
                )
                await handle_action(ActionRequest(first, "purpose.set", {"purpose": "1"}), services)
        for number, row in enumerate(rows):
            user = users[number % USERS]
            born = dt.date.fromisoformat(str(row.date_of_birth))
            words = f"find {row.first_name} {row.last_name} {born:%d/%m/%Y}"
            for with_audit, services in ((True, audited), (False, unaudited)):
                turn_ = Turn(
                    user,
                    f"conversation-{with_audit}",
                    f"m{number}",
                    roles=frozenset({Role.SOCIAL_WORKER}),
                )
                start = time.perf_counter()
                await handle_text(TextRequest(turn_, words), services)
                if number >= WARM_UP:
                    timings[with_audit].append((time.perf_counter() - start) * 1000)
    finally:
        await engine.dispose()

    def latency(values: list[float]) -> Latency:
        ordered = sorted(values)
        return Latency(
            percentile(ordered, 0.5),
            percentile(ordered, 0.95),
            percentile(ordered, 0.99),
            statistics.fmean(ordered),
        )

    return latency(timings[True]), latency(timings[False])


def run(args: argparse.Namespace) -> None:
    backends = args.backends.split(",")
    work = Path(tempfile.mkdtemp(prefix="fc-bench-audit-"))
    latencies: dict[str, Latency] = {}
    rates: dict[str, tuple[float, int]] = {}
    verifies: dict[str, tuple[float, float]] = {}
    turn_costs: dict[str, tuple[Latency, Latency]] = {}
    try:
        for backend in backends:
            if args.turns:
                print(f"lookup turns with and without auditing on {backend}...", file=sys.stderr)
                url = asyncio.run(database(backend, work, "audit_turns"))
                turn_costs[backend] = asyncio.run(turn_cost(url, args.turn_people, args.turns))
            print(f"record() latency on {backend}...", file=sys.stderr)
            url = asyncio.run(database(backend, work, "audit_latency"))
            latencies[backend] = asyncio.run(record_latency(url, args.records))
            print(f"{args.writers} concurrent writers on {backend}...", file=sys.stderr)
            url = asyncio.run(database(backend, work, "audit_writers"))
            rates[backend] = asyncio.run(throughput(url, args.writers, args.per_writer))
            if args.verify_entries:
                size = f"{args.verify_entries:,}"
                print(f"verify over {size} entries on {backend}...", file=sys.stderr)
                url = asyncio.run(database(backend, work, "audit_verify"))
                asyncio.run(long_chain(url, args.verify_entries))
                measured = run_measured(
                    [*FAMILYCONTEXT, "audit", "verify"], {"FC_DATABASE_URL": url}
                )
                verifies[backend] = (measured.seconds, measured.peak_rss_mb)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if "postgresql" in backends:
            names = ["audit_latency", "audit_writers", "audit_verify", "audit_turns"]
            asyncio.run(drop_postgres_databases(names))

    if turn_costs:
        print()
        print(
            f"A lookup turn (dialogs.handle_text: name and date of birth, search, person "
            f"card) on {args.turn_people:,} demo people, {args.turns:,} turns each way after "
            f"{WARM_UP} to warm up, alternating; ms. Goal: auditing adds at most 2 ms p95."
        )
        print()
        print(
            "| database | audited p50 | audited p95 | not audited p50 | not audited p95 "
            "| added p50 | added p95 |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        for backend, (on, off) in turn_costs.items():
            print(
                f"| {backend} | {on.p50:.2f} | {on.p95:.2f} | {off.p50:.2f} | {off.p95:.2f} "
                f"| {on.p50 - off.p50:.2f} | {on.p95 - off.p95:.2f} |"
            )
    print()
    print(
        f"record(SEARCH, RESULTS_PRESENTED with 5 person ids), committed: {args.records:,} "
        f"calls after {WARM_UP} to warm up, one writer."
    )
    print()
    print("| database | p50 (ms) | p95 (ms) | p99 (ms) | mean (ms) |")
    print("|---|---:|---:|---:|---:|")
    for backend, latency in latencies.items():
        print(
            f"| {backend} | {latency.p50:.2f} | {latency.p95:.2f} | {latency.p99:.2f} "
            f"| {latency.mean:.2f} |"
        )
    print()
    print(
        f"{args.writers} concurrent writers (one engine and connection each), "
        f"{args.per_writer} pairs each; the chain verified afterwards."
    )
    print()
    print("| database | entries/s | entries verified |")
    print("|---|---:|---:|")
    for backend, (rate, checked) in rates.items():
        print(f"| {backend} | {rate:,.0f} | {checked:,} |")
    if verifies:
        print()
        print(f"`familycontext audit verify` over {args.verify_entries:,} entries.")
        print()
        print("| database | seconds | entries/s | peak RSS (MB) |")
        print("|---|---:|---:|---:|")
        for backend, (seconds, peak) in verifies.items():
            rate = args.verify_entries / seconds
            print(f"| {backend} | {seconds:.1f} | {rate:,.0f} | {peak:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--per-writer", type=int, default=300)
    parser.add_argument("--verify-entries", type=int, default=200_000)
    parser.add_argument("--turns", type=int, default=1000, help="lookup turns each way (0: skip)")
    parser.add_argument("--turn-people", type=int, default=100_000)
    run(parser.parse_args())


if __name__ == "__main__":
    main()
