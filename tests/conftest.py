from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.engine import create_engine
from data_access.migrate import upgrade
from tests.support.databases import POSTGRES_ENABLED, PostgresTemplate

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if POSTGRES_ENABLED:
        return
    skip = pytest.mark.skip(reason="FC_TEST_POSTGRES=off")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[PostgresTemplate]:
    import asyncio

    template = PostgresTemplate()
    yield template
    asyncio.run(template.drop())


@pytest.fixture(params=BACKENDS)
async def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, postgres_template: PostgresTemplate
) -> AsyncIterator[str]:
    """A migrated, empty database of each supported kind."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"
        await upgrade(url)
        yield url
    else:
        async with postgres_template.database() as url:
            yield url


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(db_url)
    yield engine
    await engine.dispose()
