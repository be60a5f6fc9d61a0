"""The audit trail's fixed formats: the hashed serialisation, exported cells, and the
command's arguments. A change that breaks the first test breaks every stored chain."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from typing import Any

import pytest

from data_access.audit.events import AuditAction, AuditOutcome
from data_access.audit.export import FIELDS, ExportFormat, csv_row
from data_access.audit.hashing import (
    GENESIS_HASH,
    HashedFields,
    canonical_bytes,
    entry_hash,
    iso_utc,
    person_ids_json,
)
from data_access.audit.purge import DEFAULT_RETENTION_DAYS
from data_access.audit.records import AuditRecord
from data_access.audit.verify import VerifyReport, purge_cover
from data_access.audit_command import BadArgument, parse_days, parse_format, parse_time

FIELDS_1 = HashedFields(
    seq=1,
    time=dt.datetime(2026, 11, 23, 9, 15, 2, 417, tzinfo=dt.UTC),
    tenant_id="t",
    user_id="u",
    user_name="Zoë",
    action="search",
    outcome="disclosed",
    person_ids=("P1", "P2"),
    service=None,
    search_text="jayden",
    purpose="s17",
    case_reference=None,
    conversation_id="c",
    correlation_id="r",
    detail=None,
    prev_hash=GENESIS_HASH,
)


def test_the_canonical_form_is_fixed() -> None:
    expected = (
        '{"action":"search","case_reference":null,"conversation_id":"c","correlation_id":"r",'
        '"detail":null,"format":"familycontext-audit-1","outcome":"disclosed",'
        '"person_ids":["P1","P2"],"prev_hash":"' + "0" * 64 + '","purpose":"s17",'
        '"search_text":"jayden","seq":1,"service":null,"tenant_id":"t",'
        '"time":"2026-11-23T09:15:02.000417Z","user_id":"u","user_name":"Zoë"}'
    ).encode()

    assert canonical_bytes(FIELDS_1) == expected
    assert entry_hash(FIELDS_1) == hashlib.sha256(expected).hexdigest()
    assert entry_hash(FIELDS_1) == (
        "3bc94f4ef5ae111db736b423ec1d40c0a01d37d565a7120645c74974e975118e"
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("seq", 2),
        ("time", dt.datetime(2026, 11, 23, 9, 15, 2, 418, tzinfo=dt.UTC)),
        ("tenant_id", "t2"),
        ("user_id", "u2"),
        ("user_name", "Zoe"),
        ("action", "person_viewed"),
        ("outcome", "refused_restricted"),
        ("person_ids", ("P2", "P1")),
        ("person_ids", ("P1",)),
        ("service", "police"),
        ("search_text", "jayden "),
        ("search_text", None),
        ("purpose", "s47"),
        ("case_reference", ""),
        ("conversation_id", "c2"),
        ("correlation_id", "r2"),
        ("detail", "x"),
        ("prev_hash", "1" * 64),
    ],
)
def test_every_field_is_hashed(name: str, value: Any) -> None:
    assert entry_hash(dataclasses.replace(FIELDS_1, **{name: value})) != entry_hash(FIELDS_1)


def test_a_field_cannot_be_shifted_into_its_neighbour() -> None:
    """JSON keeps field boundaries: "ab" + "c" is not "a" + "bc"."""
    one = dataclasses.replace(FIELDS_1, conversation_id="ab", correlation_id="c")
    other = dataclasses.replace(FIELDS_1, conversation_id="a", correlation_id="bc")
    assert entry_hash(one) != entry_hash(other)


def test_the_same_moment_hashes_the_same_in_any_zone() -> None:
    paris = FIELDS_1.time.astimezone(dt.timezone(dt.timedelta(hours=1)))
    naive_utc = FIELDS_1.time.replace(tzinfo=None)  # how SQLite gives it back

    assert entry_hash(dataclasses.replace(FIELDS_1, time=paris)) == entry_hash(FIELDS_1)
    assert entry_hash(dataclasses.replace(FIELDS_1, time=naive_utc)) == entry_hash(FIELDS_1)
    assert iso_utc(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) == "2026-01-01T00:00:00.000000Z"


def test_person_ids_are_stored_as_compact_json() -> None:
    assert person_ids_json(("P1", 'P"2', "Zoë")) == '["P1","P\\"2","Zoë"]'
    assert person_ids_json(()) == "[]"


def _record(**changes: object) -> AuditRecord:
    record = AuditRecord(
        seq=4,
        time=dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC),
        tenant_id="t",
        user_id="u",
        user_name="Ann",
        action=AuditAction.SEARCH,
        outcome=AuditOutcome.DISCLOSED,
        person_ids=("P1", "P2"),
        service=None,
        search_text="@SUM(A1:A9)",
        purpose="-1+1",
        case_reference="+44",
        conversation_id="c",
        correlation_id="r",
        detail=None,
        prev_hash=GENESIS_HASH,
        hash="f" * 64,
    )
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


def test_csv_cells_never_start_a_formula() -> None:
    row = dict(zip(FIELDS, csv_row(_record()), strict=True))

    assert row["search_text"] == "'@SUM(A1:A9)"
    assert row["purpose"] == "'-1+1"
    assert row["case_reference"] == "'+44"
    assert row["person_ids"] == "P1;P2"
    assert row["service"] == ""
    assert row["time"] == "2026-11-23T09:00:00.000000Z"
    assert row["seq"] == "4"


def test_a_purge_entry_names_what_it_removed() -> None:
    detail = '{"through_seq": 41, "through_hash": "ab", "purged": 41}'
    purge = _record(action=AuditAction.AUDIT_PURGED, detail=detail)

    assert purge_cover(purge) == (41, "ab")
    assert purge_cover(_record(detail=detail)) is None  # only purge entries count
    assert purge_cover(_record(action=AuditAction.AUDIT_PURGED, detail="not json")) is None


def test_verify_summaries() -> None:
    assert VerifyReport(True, 0).summary() == "audit trail intact: no entries"
    intact = VerifyReport(True, 3, first_seq=4, last_seq=6, head_hash="ab")
    assert intact.summary() == "audit trail intact: 3 entries checked (seq 4..6), head hash ab"
    broken = VerifyReport(False, 2, 3, "missing (removed)")
    assert broken.summary() == "audit trail NOT intact: entry 3: missing (removed)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-31", dt.datetime(2026, 1, 31, tzinfo=dt.UTC)),
        ("2026-01-31T09:30", dt.datetime(2026, 1, 31, 9, 30, tzinfo=dt.UTC)),
        ("2026-01-31T09:30:00Z", dt.datetime(2026, 1, 31, 9, 30, tzinfo=dt.UTC)),
        ("2026-07-01T10:00:00+01:00", dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC)),
        (" 2026-01-31 ", dt.datetime(2026, 1, 31, tzinfo=dt.UTC)),
    ],
)
def test_times_on_the_command_line(text: str, expected: dt.datetime) -> None:
    assert parse_time(text, "--since") == expected


@pytest.mark.parametrize("text", ["yesterday", "31/01/2026", "2026-02-30", ""])
def test_bad_times_name_the_option(text: str) -> None:
    with pytest.raises(BadArgument, match=r"^--until: not an ISO 8601 date or time"):
        parse_time(text, "--until")


def test_formats_and_days() -> None:
    assert parse_format("CSV") is ExportFormat.CSV
    assert parse_format("jsonl") is ExportFormat.JSONL
    with pytest.raises(BadArgument, match="csv or jsonl"):
        parse_format("json")
    assert parse_days(None) == DEFAULT_RETENTION_DAYS == 2555
    assert parse_days("30") == parse_days(30) == 30
    for bad in ("0", "-5", "1.5", "seven"):
        with pytest.raises(BadArgument, match="--older-than"):
            parse_days(bad)
