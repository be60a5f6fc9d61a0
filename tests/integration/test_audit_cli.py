"""`familycontext audit export | verify | purge` on real SQLite and PostgreSQL: filters,
formats, exit codes, and what each prints."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cli import main
from data_access.audit.events import AuditActor
from data_access.audit.store import AuditLog, utc_now
from data_access.audit_command import run_export
from data_access.engine import create_engine
from tests.integration.test_audit_support import (
    BOB,
    START,
    Clock,
    entries,
    presented,
    search,
    tamper,
    viewed,
)

AUDITOR = AuditActor(tenant_id="cli", user_id="cli:auditor", user_name="auditor@host")
JSON_FIELDS = {
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
}


async def three_days(engine: AsyncEngine, start: dt.datetime = START) -> None:
    """Day 1 (2025-03-10): Ann 1 search, 2 results [P1, P10]; day 2: Ann 3 person P10;
    day 3: Bob 4 search "=HYPERLINK(...)", 5 results [P1], 6 service P1 police."""
    clock = Clock(start)
    log = AuditLog(engine, clock=clock)
    await log.record(search(), presented("P1", "P10"))
    clock.advance(days=1)
    await log.record(viewed("P10"))
    clock.advance(days=1)
    await log.record(search(actor=BOB, text='=HYPERLINK("http://x")'), presented("P1", actor=BOB))
    await log.record(viewed("P1", "police", actor=BOB))


async def exported(db_url: str, **options: Any) -> tuple[int, str]:
    out = io.StringIO()
    status = await run_export(db_url, out=out, actor=AUDITOR, **options)
    return status, out.getvalue()


def seqs(jsonl: str) -> list[int]:
    return [json.loads(line)["seq"] for line in jsonl.splitlines()]


async def test_export_jsonl_filters(db_url: str, engine: AsyncEngine) -> None:
    await three_days(engine)

    status, everything = await exported(db_url)
    assert status == 0
    # The export records itself first (entry 7), so it is part of what it exports.
    assert seqs(everything) == [1, 2, 3, 4, 5, 6, 7]
    first = json.loads(everything.splitlines()[0])
    assert set(first) == JSON_FIELDS
    assert first["time"] == "2025-03-10T09:00:00.123456Z"
    assert (first["action"], first["search_text"]) == ("search", "jayden smith 12/03/2016")
    assert first["purpose"] == "Child and family assessment (section 17)"
    assert json.loads(everything.splitlines()[1])["person_ids"] == ["P1", "P10"]

    assert seqs((await exported(db_url, since="2025-03-11"))[1])[:3] == [3, 4, 5]
    assert seqs((await exported(db_url, until="2025-03-11T00:00:00Z"))[1]) == [1, 2]
    window = await exported(db_url, since="2025-03-11", until="2025-03-12T00:00:00+00:00")
    assert seqs(window[1]) == [3]
    assert seqs((await exported(db_url, user=BOB.user_id))[1]) == [4, 5, 6]
    assert seqs((await exported(db_url, person="P1"))[1])[:3] == [2, 5, 6]
    assert seqs((await exported(db_url, person="P10"))[1])[:2] == [2, 3]
    assert seqs((await exported(db_url, person="P1", user=BOB.user_id))[1]) == [5, 6]
    # With an offset the moment is converted: 10:00 in UTC+1 is 09:00 UTC.
    assert seqs((await exported(db_url, until="2025-03-10T10:00:00.123457+01:00"))[1]) == [1, 2]


async def test_each_export_is_recorded_before_anything_is_written(
    db_url: str, engine: AsyncEngine
) -> None:
    await three_days(engine)

    await exported(db_url, person="P1", since="2025-03-11", form="csv")

    viewed_entry = (await entries(engine))[-1]
    assert viewed_entry.action == "audit_viewed"
    assert (viewed_entry.user_id, viewed_entry.person_ids) == ("cli:auditor", ("P1",))
    assert json.loads(viewed_entry.detail or "") == {
        "command": "export",
        "format": "csv",
        "since": "2025-03-11T00:00:00.000000Z",
        "until": None,
        "user_id": None,
    }


async def test_export_csv_is_safe_to_open_in_a_spreadsheet(
    db_url: str, engine: AsyncEngine
) -> None:
    await three_days(engine)

    status, text = await exported(db_url, form="csv", user=BOB.user_id)

    assert status == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["seq"] for row in rows] == ["4", "5", "6"]
    assert rows[0]["search_text"] == '\'=HYPERLINK("http://x")'
    assert rows[1]["person_ids"] == "P1"
    assert rows[2]["service"] == "police"
    assert rows[0]["time"] == "2025-03-12T09:00:00.123456Z"


# --- the command line ------------------------------------------------------------------


@pytest.fixture
def cli_url(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FC_DATABASE_URL", db_url)
    monkeypatch.chdir(tmp_path)  # no stray .env file is read
    return db_url


def _with_engine(url: str, work: Any) -> Any:
    async def run() -> Any:
        engine = create_engine(url)
        try:
            return await work(engine)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_verify_exit_codes(cli_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().out == "audit trail intact: no entries\n"

    _with_engine(cli_url, three_days)
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("audit trail intact: 6 entries checked (seq 1..6), head hash ")

    _with_engine(cli_url, lambda e: tamper(e, "UPDATE audit_entry SET purpose = 'x' WHERE seq = 2"))
    assert main(["audit", "verify"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "familycontext: audit trail NOT intact: entry 2: its content does not match its hash "
        "(altered or reordered)"
    ]


def test_export_to_stdout(cli_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _with_engine(cli_url, three_days)

    assert main(["audit", "export", "--user", BOB.user_id, "--format", "jsonl"]) == 0

    captured = capsys.readouterr()
    assert seqs(captured.out) == [4, 5, 6]
    assert captured.err == ""


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["export", "--since", "last tuesday"], "--since: not an ISO 8601 date or time"),
        (["export", "--until", "2026-13-01"], "--until: not an ISO 8601 date or time"),
        (["export", "--format", "xml"], "--format: must be csv or jsonl"),
        (["export", "--since", "2026-02-01", "--until", "2026-01-01"], "before --until"),
        (["purge", "--older-than", "0"], "--older-than: must be a whole number of days"),
        (["purge", "--older-than", "seven years"], "--older-than: must be a whole number"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    cli_url: str, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    assert main(["audit", *arguments]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("familycontext: ")
    assert message in line


def test_purge_prints_what_it_did(cli_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    ten_days_ago = utc_now() - dt.timedelta(days=10)
    _with_engine(cli_url, lambda engine: three_days(engine, ten_days_ago))

    assert main(["audit", "purge", "--older-than", "1"]) == 0
    assert main(["audit", "purge"]) == 0  # the default retention: seven years

    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("purged 6 audit entries recorded before ")
    assert out[0].endswith("(through seq 6); this run is entry 7")
    assert out[1].startswith("purged 0 audit entries")
    assert main(["audit", "verify"]) == 0
    assert "(seq 7..8)" in capsys.readouterr().out


def test_an_unmigrated_database_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FC_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'new.sqlite3'}")
    monkeypatch.chdir(tmp_path)

    for command in (["verify"], ["export"], ["purge"]):
        assert main(["audit", *command]) == 2
        assert "familycontext db upgrade" in capsys.readouterr().err
