"""Signing in to PostgreSQL with an Entra ID token: a fresh token asked for each new connection."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.database import AZURE_POSTGRES_SCOPE, database_for
from bot.settings import ConfigurationError, Settings
from data_access.engine import Database, create_engine
from tests.support.databases import POSTGRES_ADMIN_URL

APP_ID = "0b9ad8a6-7a52-4f27-9d65-3c1f3f2d8e11"
TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"


class CountingTokens:
    def __init__(self) -> None:
        self.scopes: list[str] = []

    async def token(self, scope: str) -> str:
        self.scopes.append(scope)
        return f"token-{len(self.scopes)}"


def entra_settings(url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": url,
        "database_entra_auth": True,
        "microsoft_app_id": APP_ID,
        "microsoft_app_password": "secret",
        "microsoft_app_tenant_id": TENANT_ID,
        "environment": "production",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def test_without_entra_auth_the_url_is_used_as_it_is() -> None:
    database = database_for(Settings(database_url=POSTGRES_ADMIN_URL))
    assert database == Database(POSTGRES_ADMIN_URL)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"database_url": "sqlite+aiosqlite:///x.sqlite3"}, "needs a PostgreSQL"),
        ({"microsoft_app_id": ""}, "needs the bot's MicrosoftAppId"),
        ({"microsoft_app_password": ""}, "needs MicrosoftAppPassword"),
    ],
)
def test_entra_auth_needs_postgresql_and_an_identity(
    overrides: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        database_for(entra_settings(POSTGRES_ADMIN_URL, **overrides))


def test_a_managed_identity_needs_no_secret() -> None:
    settings = entra_settings(
        POSTGRES_ADMIN_URL, microsoft_app_password="", microsoft_app_type="UserAssignedMSI"
    )
    assert database_for(settings, CountingTokens()).password is not None


@pytest.mark.postgres
async def test_each_new_connection_asks_for_a_token_for_azure_postgresql() -> None:
    tokens = CountingTokens()
    database = database_for(entra_settings(POSTGRES_ADMIN_URL), tokens)
    engine = create_engine(database)
    try:
        for _ in range(2):
            async with engine.connect() as connection:
                assert (await connection.execute(text("SELECT 1"))).scalar_one() == 1
            await engine.dispose()  # the next connect opens a new connection
    finally:
        await engine.dispose()

    assert tokens.scopes == [AZURE_POSTGRES_SCOPE, AZURE_POSTGRES_SCOPE]


def test_a_password_provider_is_refused_for_sqlite() -> None:
    async def password() -> str:
        return "x"

    with pytest.raises(ValueError, match="only supported for PostgreSQL"):
        create_engine(Database("sqlite+aiosqlite:///x.sqlite3", password=password))
