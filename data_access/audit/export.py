"""Exporting the trail for auditors: JSON Lines (exact) or CSV (for a spreadsheet).

Streamed in order of seq, one batch at a time, so an export of millions of
entries needs no more memory than one of ten. The CSV form is meant to be
opened in Excel: a cell that would start a formula (search text is typed by
users) is prefixed with an apostrophe, as OWASP advises against CSV
injection; JSON Lines is left exactly as stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TextIO

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.audit.hashing import as_utc, iso_utc
from data_access.audit.records import (
    ENTRY,
    ENTRY_COLUMNS,
    ENTRY_PERSON,
    AuditRecord,
    record_from_row,
)

BATCH = 2000

FIELDS = (
    "seq",
    "time",
    "tenant_id",
    "user_id",
    "user_name",
    "action",
    "outcome",
    "person_ids",
    "service",
    "search_text",
    "purpose",
    "case_reference",
    "conversation_id",
    "correlation_id",
    "detail",
    "prev_hash",
    "hash",
)
"""The columns of both formats, in this order."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class ExportFilter:
    since: dt.datetime | None = None
    """Entries recorded at or after this time (naive means UTC)."""
    until: dt.datetime | None = None
    """Entries recorded before this time (naive means UTC)."""
    user_id: str | None = None
    person_id: str | None = None


def record_json(record: AuditRecord) -> dict[str, Any]:
    return {
        "seq": record.seq,
        "time": iso_utc(record.time),
        "tenant_id": record.tenant_id,
        "user_id": record.user_id,
        "user_name": record.user_name,
        "action": record.action.value,
        "outcome": record.outcome.value,
        "person_ids": list(record.person_ids),
        "service": record.service,
        "search_text": record.search_text,
        "purpose": record.purpose,
        "case_reference": record.case_reference,
        "conversation_id": record.conversation_id,
        "correlation_id": record.correlation_id,
        "detail": record.detail,
        "prev_hash": record.prev_hash,
        "hash": record.hash,
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ";".join(value)
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def csv_row(record: AuditRecord) -> list[str]:
    document = record_json(record)
    return [_cell(document[name]) for name in FIELDS]


def export_query(chosen: ExportFilter) -> Select[Any]:
    statement = select(*ENTRY_COLUMNS).order_by(ENTRY.c.seq)
    if chosen.since is not None:
        statement = statement.where(ENTRY.c.recorded_at >= as_utc(chosen.since))
    if chosen.until is not None:
        statement = statement.where(ENTRY.c.recorded_at < as_utc(chosen.until))
    if chosen.user_id is not None:
        statement = statement.where(ENTRY.c.user_id == chosen.user_id)
    if chosen.person_id is not None:
        about = select(ENTRY_PERSON.c.seq).where(ENTRY_PERSON.c.person_id == chosen.person_id)
        statement = statement.where(ENTRY.c.seq.in_(about))
    return statement


class _Writer:
    def __init__(self, out: TextIO, form: ExportFormat) -> None:
        self._out = out
        self._form = form
        self._csv = csv.writer(out, lineterminator="\n") if form is ExportFormat.CSV else None
        if self._csv is not None:
            self._csv.writerow(FIELDS)

    def write(self, records: Iterable[AuditRecord]) -> int:
        count = 0
        for record in records:
            if self._csv is not None:
                self._csv.writerow(csv_row(record))
            else:
                self._out.write(json.dumps(record_json(record), ensure_ascii=False) + "\n")
            count += 1
        self._out.flush()
        return count


async def export_entries(
    engine: AsyncEngine, out: TextIO, form: ExportFormat, chosen: ExportFilter
) -> int:
    """Write the chosen entries to `out`, oldest first; how many were written."""
    writer = _Writer(out, form)
    written = 0
    statement = export_query(chosen).execution_options(yield_per=BATCH)
    async with engine.connect() as connection:
        result = await connection.stream(statement)
        async for partition in result.partitions():
            written += writer.write(record_from_row(row) for row in partition)
    return written
