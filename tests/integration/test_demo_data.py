"""The demo population goes through the real loader and reads back intact on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.server import prepare_database
from bot.settings import DEFAULT_SQLITE_PATH, Settings
from data_access.demo import write_interchange
from data_access.demo_command import has_people, load_demo
from data_access.models import COMMON_MODEL_TABLES, Person


async def _counts(engine: AsyncEngine) -> dict[str, int]:
    counts = {}
    async with engine.connect() as connection:
        for table in COMMON_MODEL_TABLES:
            counts[table.name] = (
                await connection.execute(select(func.count()).select_from(table))
            ).scalar_one()
    return counts


async def test_demo_population_loads_and_reads_back(
    db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    written = write_interchange(tmp_path / "extract", people=400, seed=7)

    result = await load_demo(db_url, people=400, seed=7)

    assert result.problem_lines() == []
    counts = await _counts(engine)
    assert counts["person"] == 400
    assert {table: n for table, n in counts.items() if n} == {
        table: n for table, n in written.items() if n
    }
    async with engine.connect() as connection:
        restricted = (
            await connection.execute(
                select(func.count()).select_from(Person).where(Person.restricted.is_(True))
            )
        ).scalar_one()
        names = {row.last_name for row in await connection.execute(select(Person.last_name))}
    assert 0 < restricted < 40
    assert any("'" in name for name in names) or any("-" in name for name in names)


async def test_serve_creates_and_fills_the_embedded_database_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings(database_url="", demo_people=50)
    url = settings.effective_database_url

    await prepare_database(settings)
    assert (tmp_path / DEFAULT_SQLITE_PATH).is_file()
    assert await has_people(url)

    async def must_not_regenerate(*args: object, **kwargs: object) -> None:
        raise AssertionError("the demo data was generated again")

    monkeypatch.setattr("data_access.demo_command.load_demo", must_not_regenerate)
    await prepare_database(settings)  # a second start keeps the data it has
