"""The hash that chains audit entries: one canonical serialisation, written down once.

An entry's hash is SHA-256 over a JSON object of every field of the entry,
its sequence number and the previous entry's hash, with sorted keys, no
insignificant white space, UTF-8, and the time as ISO 8601 UTC with
microseconds. The store computes it when it writes and `verify` when it
reads, from the values as stored, so both must see exactly the same
fields: a change here is a change of format (bump FORMAT) and every
existing chain would stop verifying.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

FORMAT = "familycontext-audit-1"
"""Hashed with every entry, so that a future format can never collide with this one."""

GENESIS_HASH = "0" * 64
"""The prev_hash of the first entry ever written (also the migration's seed of the head)."""


def as_utc(moment: dt.datetime) -> dt.datetime:
    """An aware UTC time. SQLite gives stored times back naive, and they were stored as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def iso_utc(moment: dt.datetime) -> str:
    """`2026-11-23T09:15:02.000417Z`: always microseconds, so the text has one form only."""
    return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class HashedFields:
    """Every field that goes into an entry's hash, as stored."""

    seq: int
    time: dt.datetime
    tenant_id: str
    user_id: str
    user_name: str
    action: str
    outcome: str
    person_ids: Sequence[str]
    service: str | None
    search_text: str | None
    purpose: str | None
    case_reference: str | None
    conversation_id: str
    correlation_id: str
    detail: str | None
    prev_hash: str


def canonical_bytes(fields: HashedFields) -> bytes:
    document = {
        "format": FORMAT,
        "seq": fields.seq,
        "time": iso_utc(fields.time),
        "tenant_id": fields.tenant_id,
        "user_id": fields.user_id,
        "user_name": fields.user_name,
        "action": fields.action,
        "outcome": fields.outcome,
        "person_ids": list(fields.person_ids),
        "service": fields.service,
        "search_text": fields.search_text,
        "purpose": fields.purpose,
        "case_reference": fields.case_reference,
        "conversation_id": fields.conversation_id,
        "correlation_id": fields.correlation_id,
        "detail": fields.detail,
        "prev_hash": fields.prev_hash,
    }
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def entry_hash(fields: HashedFields) -> str:
    return hashlib.sha256(canonical_bytes(fields)).hexdigest()


def person_ids_json(person_ids: Sequence[str]) -> str:
    """How the list is stored in `audit_entry.person_ids` (and read back by json.loads)."""
    return json.dumps(list(person_ids), ensure_ascii=False, separators=(",", ":"))
