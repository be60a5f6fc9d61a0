"""`familycontext audit export | verify | purge`: the audit trail from the command line.

Arguments arrive as typed and are checked here, so that a mistake is one
clear line on stderr and exit status 2 (argparse would print its usage
too). An export is itself recorded in the trail (`AUDIT_VIEWED`, naming the
operating-system user and the filters) before the first entry is written:
the trail is personal data, and reading it is a disclosure like any other.
If that record cannot be committed, nothing is exported.

Database errors are reported by kind only: their messages can quote values.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import sys
import uuid
from typing import TextIO

from sqlalchemy.exc import SQLAlchemyError

from data_access.audit.events import AuditAction, AuditActor, AuditEvent, AuditUnavailable
from data_access.audit.export import ExportFilter, ExportFormat, export_entries
from data_access.audit.hashing import as_utc, iso_utc
from data_access.audit.purge import DEFAULT_RETENTION_DAYS, purge_older_than
from data_access.audit.store import AuditLog
from data_access.audit.verify import verify_chain
from data_access.engine import DatabaseLike, create_engine
from data_access.migrate import current_revision, head_revision

SCHEMA_HINT = "the database schema is not up to date: run `familycontext db upgrade` first"
CLI_TENANT = "cli"
"""The tenant recorded for actions taken from the command line rather than in Teams."""


class BadArgument(ValueError):
    """A command-line value that cannot be used; the message is the whole line to print."""


def _fail(message: str, status: int) -> int:
    print(f"familycontext: {message}", file=sys.stderr)
    return status


def parse_time(text: str | None, option: str) -> dt.datetime | None:
    """An ISO 8601 date or date and time; without an offset it is UTC."""
    if text is None:
        return None
    try:
        return as_utc(dt.datetime.fromisoformat(text.strip()))
    except ValueError:
        raise BadArgument(
            f"{option}: not an ISO 8601 date or time: {text!r} (e.g. 2026-01-31 or "
            "2026-01-31T09:00:00Z)"
        ) from None


def parse_format(text: str) -> ExportFormat:
    try:
        return ExportFormat(text.strip().lower())
    except ValueError:
        raise BadArgument(f"--format: must be csv or jsonl, not {text!r}") from None


def parse_days(text: str | int | None) -> int:
    if text is None:
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(text)
    except ValueError:
        days = 0
    if days < 1:
        raise BadArgument(f"--older-than: must be a whole number of days, 1 or more, not {text!r}")
    return days


def cli_actor() -> AuditActor:
    """Who ran the command, as well as the machine can tell."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "unknown"
    return AuditActor(
        tenant_id=CLI_TENANT,
        user_id=f"cli:{login}"[:64],
        user_name=f"{login}@{socket.gethostname()} (familycontext command line)",
    )


async def _schema_problem(database: DatabaseLike) -> int | None:
    """The exit status if the database cannot be used, after saying why; None if it can."""
    try:
        ready = await current_revision(database) == head_revision()
    except (SQLAlchemyError, OSError) as error:
        return _fail(f"cannot open the database ({type(error).__name__})", 1)
    return None if ready else _fail(SCHEMA_HINT, 2)


async def run_export(
    database: DatabaseLike,
    *,
    since: str | None = None,
    until: str | None = None,
    user: str | None = None,
    person: str | None = None,
    form: str = "jsonl",
    out: TextIO | None = None,
    actor: AuditActor | None = None,
) -> int:
    try:
        chosen = ExportFilter(
            since=parse_time(since, "--since"),
            until=parse_time(until, "--until"),
            user_id=user,
            person_id=person,
        )
        export_format = parse_format(form)
    except BadArgument as error:
        return _fail(str(error), 2)
    if chosen.since and chosen.until and chosen.since >= chosen.until:
        return _fail("--since must be before --until", 2)
    if (status := await _schema_problem(database)) is not None:
        return status
    filters = {
        "command": "export",
        "format": export_format.value,
        "since": iso_utc(chosen.since) if chosen.since else None,
        "until": iso_utc(chosen.until) if chosen.until else None,
        "user_id": user,
    }
    engine = create_engine(database)
    try:
        await AuditLog(engine).record(
            AuditEvent(
                action=AuditAction.AUDIT_VIEWED,
                actor=actor or cli_actor(),
                conversation_id=CLI_TENANT,
                correlation_id=str(uuid.uuid4()),
                person_ids=(person,) if person is not None else (),
                detail=json.dumps(filters, sort_keys=True),
            )
        )
        await export_entries(engine, out or sys.stdout, export_format, chosen)
    except AuditUnavailable:
        return _fail("the export could not be recorded in the audit trail: nothing exported", 1)
    except SQLAlchemyError as error:
        return _fail(f"the export failed ({type(error).__name__})", 1)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        await engine.dispose()
    return 0


async def run_verify(database: DatabaseLike) -> int:
    if (status := await _schema_problem(database)) is not None:
        return status
    engine = create_engine(database)
    try:
        report = await verify_chain(engine)
    except SQLAlchemyError as error:
        return _fail(f"cannot read the audit trail ({type(error).__name__})", 1)
    finally:
        await engine.dispose()
    if not report.ok:
        return _fail(report.summary(), 1)
    print(report.summary())
    return 0


async def run_purge(
    database: DatabaseLike,
    *,
    older_than: str | int | None = None,
    actor: AuditActor | None = None,
) -> int:
    """`audit purge [--older-than DAYS]`; without it, `DEFAULT_RETENTION_DAYS` (the CLI passes
    FC_AUDIT_RETENTION_DAYS here once it is a setting)."""
    try:
        days = parse_days(older_than)
    except BadArgument as error:
        return _fail(str(error), 2)
    if (status := await _schema_problem(database)) is not None:
        return status
    engine = create_engine(database)
    try:
        result = await purge_older_than(engine, days, actor or cli_actor())
    except SQLAlchemyError as error:
        return _fail(f"the purge failed, nothing was deleted ({type(error).__name__})", 1)
    finally:
        await engine.dispose()
    print(
        f"purged {result.purged} audit entries recorded before {iso_utc(result.cutoff)} "
        f"(through seq {result.through_seq}); this run is entry {result.recorded_seq}"
    )
    return 0
