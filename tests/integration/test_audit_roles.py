"""The production roles of docs/audit.md, on a real PostgreSQL: the GRANT statements printed
there let the bot do its work on the trail and nothing more."""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.audit.purge import purge_older_than
from data_access.audit.store import AuditLog, utc_now
from data_access.audit.verify import verify_chain
from data_access.audit_command import run_export
from data_access.engine import create_engine
from tests.integration.test_audit_support import ANN, presented, search
from tests.support.databases import PostgresTemplate, admin_execute

pytestmark = pytest.mark.postgres

DOCS = Path(__file__).resolve().parents[2] / "docs" / "audit.md"


def granted_sql(role: str) -> list[str]:
    """The statements of the docs' block that grants the application role its rights."""
    blocks = re.findall(r"```sql\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    (grants,) = [block for block in blocks if "GRANT SELECT, INSERT ON audit_entry" in block]
    lines = [line for line in grants.splitlines() if not line.lstrip().startswith("--")]
    statements = " ".join(lines).replace("familycontext_app", role).split(";")
    return [statement.strip() for statement in statements if statement.strip()]


@pytest.fixture
async def owner_and_app(
    postgres_template: PostgresTemplate,
) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:
    role = f"fc_app_{uuid.uuid4().hex[:8]}"
    await admin_execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        async with postgres_template.database() as url:
            owner = create_engine(url)
            async with owner.begin() as connection:
                for statement in granted_sql(role):
                    await connection.execute(text(statement))
            app_url = make_url(url).set(username=role).render_as_string(hide_password=False)
            app = create_engine(app_url)
            try:
                yield owner, app
            finally:
                await app.dispose()
                await owner.dispose()
    finally:
        await admin_execute(f'DROP ROLE IF EXISTS "{role}"')


async def _denied(engine: AsyncEngine, sql: str) -> str:
    with pytest.raises(DBAPIError) as raised:
        async with engine.begin() as connection:
            await connection.execute(text(sql))
    return str(raised.value.orig)


async def test_the_app_role_appends_and_reads_and_nothing_more(
    owner_and_app: tuple[AsyncEngine, AsyncEngine],
) -> None:
    owner, app = owner_and_app
    log = AuditLog(app)

    await log.record(search(), presented("P1", "P2"))
    assert [r.seq for r in await log.recent(person_id="P1")] == [2]
    an_hour_ago = utc_now() - dt.timedelta(hours=1)
    assert await log.count_searches(ANN.user_id, an_hour_ago) == 1
    assert (await verify_chain(app)).ok

    assert "permission denied" in await _denied(app, "DELETE FROM audit_entry")
    assert "permission denied" in await _denied(app, "UPDATE audit_entry SET purpose = 'x'")
    assert "permission denied" in await _denied(app, "INSERT INTO audit_purge_guard VALUES (1)")
    assert "must be owner" in await _denied(app, "ALTER TABLE audit_entry DISABLE TRIGGER USER")
    assert "only moves forward" in await _denied(app, "UPDATE audit_chain_head SET last_seq = 0")

    # The purge runs as the owner; afterwards the app role still appends to a valid chain.
    in_two_days = utc_now() + dt.timedelta(days=2)
    result = await purge_older_than(owner, 1, ANN, clock=lambda: in_two_days)
    assert result.purged == 2
    await log.record(search())
    assert (await verify_chain(app)).ok


async def test_an_auditor_can_export_with_the_app_role(
    owner_and_app: tuple[AsyncEngine, AsyncEngine],
) -> None:
    _, app = owner_and_app
    await AuditLog(app).record(search())
    out = io.StringIO()

    assert await run_export(app.url.render_as_string(hide_password=False), out=out) == 0
    assert len(out.getvalue().splitlines()) == 2  # the search, and the export's own entry
