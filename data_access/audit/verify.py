"""Walking the hash chain: was any entry altered, removed or reordered?

One streamed query, in order of seq, in constant memory: each entry's hash
is recomputed from its stored fields, its prev_hash must be the previous
entry's hash, and seqs must follow one another. The chain head, read in the
same statement (so in the same snapshot), must name the newest entry, which
catches entries removed from the end. The oldest entry left after a
retention purge is trusted to start the chain only if a purge entry
(`AUDIT_PURGED`) names it: its `through_seq` and `through_hash` are the
entry just before it; otherwise entries were removed from the start.

Each entry's person index rows (`audit_entry_person`) are checked against its
hashed list, so `export --person` and `recent(person_id=...)` cannot be made
to miss an entry without `verify` noticing.

What hashing alone cannot catch: someone able to bypass the triggers who
rewrites every entry from some point on and the chain head. Keep the head
hash that `familycontext audit verify` prints somewhere else (docs/audit.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.audit.events import AuditAction
from data_access.audit.hashing import GENESIS_HASH, entry_hash
from data_access.audit.records import (
    CHAIN_HEAD,
    ENTRY,
    ENTRY_COLUMNS,
    ENTRY_PERSON,
    AuditRecord,
    record_from_row,
)

BATCH = 2000


@dataclass(frozen=True, slots=True)
class VerifyReport:
    ok: bool
    entries_checked: int
    first_bad_seq: int | None = None
    reason: str | None = None
    first_seq: int | None = None
    """The oldest entry (after purges); None for an empty trail."""
    last_seq: int = 0
    """The chain head's seq: the newest entry ever written."""
    head_hash: str = GENESIS_HASH

    def summary(self) -> str:
        if not self.ok:
            return f"audit trail NOT intact: entry {self.first_bad_seq}: {self.reason}"
        if self.first_seq is None:
            return "audit trail intact: no entries"
        return (
            f"audit trail intact: {self.entries_checked} entries checked "
            f"(seq {self.first_seq}..{self.last_seq}), head hash {self.head_hash}"
        )


def purge_cover(record: AuditRecord) -> tuple[int, str] | None:
    """(through_seq, through_hash) of a purge entry: the last entry it removed."""
    if record.action is not AuditAction.AUDIT_PURGED or record.detail is None:
        return None
    try:
        detail = json.loads(record.detail)
        return int(detail["through_seq"]), str(detail["through_hash"])
    except (ValueError, KeyError, TypeError):
        return None


def _indexed_ids(aggregate: Any) -> list[str]:
    """The person index rows of an entry, sorted: a JSON text on SQLite, a list on PostgreSQL
    (whose json_agg SQLAlchemy decodes), None when there are none."""
    if aggregate is None:
        return []
    ids = json.loads(aggregate) if isinstance(aggregate, str) else aggregate
    return sorted(str(person_id) for person_id in ids)


def _chain_query(dialect: str) -> Select[Any]:
    if dialect == "postgresql":
        aggregate = func.json_agg(ENTRY_PERSON.c.person_id)
    else:
        aggregate = func.json_group_array(ENTRY_PERSON.c.person_id)
    indexed = select(aggregate).where(ENTRY_PERSON.c.seq == ENTRY.c.seq).scalar_subquery()
    return (
        select(*ENTRY_COLUMNS, indexed, CHAIN_HEAD.c.last_seq, CHAIN_HEAD.c.last_hash)
        .select_from(ENTRY.join(CHAIN_HEAD, ENTRY.c.seq <= CHAIN_HEAD.c.last_seq))
        .where(CHAIN_HEAD.c.id == 1)
        .order_by(ENTRY.c.seq)
    )


class _Walk:
    """The state of one pass; `fail` keeps the first problem only."""

    def __init__(self) -> None:
        self.checked = 0
        self.first_seq: int | None = None
        self.first_prev_hash = ""
        self.last_seq = 0
        self.last_hash = GENESIS_HASH
        self.head: tuple[int, str] = (0, GENESIS_HASH)
        self.start_covered = False
        self.covered_through = 0
        self.bad: tuple[int, str] | None = None

    def fail(self, seq: int, reason: str) -> None:
        if self.bad is None:
            self.bad = (seq, reason)

    def watch_purges(self, record: AuditRecord) -> None:
        cover = purge_cover(record)
        if cover is None or self.first_seq is None:
            return
        through_seq, through_hash = cover
        if through_seq == self.first_seq - 1 and through_hash == self.first_prev_hash:
            self.start_covered = True
        elif through_seq < self.first_seq:
            self.covered_through = max(self.covered_through, through_seq)

    def step(self, row: Any) -> None:
        seq = int(row[0])
        try:
            record = record_from_row(row)
        except (ValueError, TypeError):
            self.fail(seq, "the entry cannot be read (altered)")
            if self.first_seq is None:  # nothing to judge the start of the chain by
                self.first_seq, self.start_covered = seq, True
            return
        if self.bad is not None:  # only the purge entries still matter, for the chain's start
            self.watch_purges(record)
            return
        if self.first_seq is None:
            self.first_seq, self.first_prev_hash = seq, record.prev_hash
            if seq == 1 and record.prev_hash != GENESIS_HASH:
                self.fail(seq, "the first entry does not start the chain")
        elif seq != self.last_seq + 1:
            self.fail(self.last_seq + 1, "missing (removed)")
        elif record.prev_hash != self.last_hash:
            self.fail(seq, f"its prev_hash is not the hash of entry {self.last_seq}")
        if self.bad is None and entry_hash(record.hashed_fields()) != record.hash:
            self.fail(seq, "its content does not match its hash (altered or reordered)")
        indexed = _indexed_ids(row[len(ENTRY_COLUMNS)])
        if self.bad is None and indexed != sorted(set(record.person_ids)):
            self.fail(seq, "its person index does not match its person ids")
        self.watch_purges(record)
        if self.bad is None:
            self.checked += 1
        self.last_seq, self.last_hash = seq, record.hash

    def finish(self) -> VerifyReport:
        head_seq, head_hash = self.head
        if self.first_seq is None and head_seq > 0:
            self.fail(head_seq, "missing: the trail is empty but the chain head names this entry")
        elif self.first_seq is not None and self.first_seq > 1 and not self.start_covered:
            # Lower than anything found on the way, so it is the first bad entry.
            self.bad = (self.covered_through + 1, "missing: removed without a recorded purge")
        elif self.bad is None and self.last_seq < head_seq:
            self.fail(self.last_seq + 1, "missing: removed from the end of the trail")
        elif self.bad is None and self.last_hash != head_hash:
            self.fail(self.last_seq, "it does not match the chain head")
        if self.bad is not None:
            return VerifyReport(
                False, self.checked, self.bad[0], self.bad[1], self.first_seq, head_seq, head_hash
            )
        return VerifyReport(True, self.checked, None, None, self.first_seq, head_seq, head_hash)


async def _walk(engine: AsyncEngine) -> _Walk:
    walk = _Walk()
    statement = _chain_query(engine.dialect.name).execution_options(yield_per=BATCH)
    async with engine.connect() as connection:
        result = await connection.stream(statement)
        async for partition in result.partitions():
            for row in partition:
                walk.head = (int(row[-2]), str(row[-1]))
                walk.step(row)
        if walk.first_seq is None:
            head = (
                await connection.execute(
                    select(CHAIN_HEAD.c.last_seq, CHAIN_HEAD.c.last_hash).where(
                        CHAIN_HEAD.c.id == 1
                    )
                )
            ).one()
            walk.head = (int(head[0]), str(head[1]))
    return walk


async def verify_chain(engine: AsyncEngine) -> VerifyReport:
    """Check the whole trail. Safe while the bot writes: the pass sees one snapshot."""
    walk = await _walk(engine)
    if walk.first_seq is None and walk.head[0] > 0:
        # The head is read apart from the (empty) entries: the first entries may have been
        # committed in between. Look again before calling the trail emptied.
        walk = await _walk(engine)
    return walk.finish()
