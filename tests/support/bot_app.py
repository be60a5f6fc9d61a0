"""The bot's app, running over real HTTP with a real app id (FC_ENVIRONMENT=test).

Settings are built here, never read from the environment or `.env`, and the
bot's own token comes from a stand-in, so nothing reaches the network. Unless
a test asks for single sign-on (`sso=True`), every user holds the social
worker role, so tests of the channel token see the bot answer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_app
from bot.auth.roles import DevelopmentRoles, Role
from bot.settings import Settings
from data_access.engine import create_engine
from tests.support.activities import TENANT_ID
from tests.support.bot_token import StaticBotTokenSource
from tests.support.identity_provider import IdentityProvider

APP_ID = "0b9ad8a6-7a52-4f27-9d65-3c1f3f2d8e11"
APP_SECRET = "app-secret-for-tests"


def identity_settings(
    database: Path,
    idp: IdentityProvider,
    *,
    service_hosts: Sequence[str] = ("127.0.0.1",),
    key_fetch_timeout: float = 2.0,
    **overrides: Any,
) -> Settings:
    values: dict[str, Any] = {
        "environment": "test",
        "microsoft_app_id": APP_ID,
        "microsoft_app_password": APP_SECRET,
        "microsoft_app_type": "SingleTenant",
        "microsoft_app_tenant_id": TENANT_ID,
        "database_url": f"sqlite+aiosqlite:///{database}",
        "channel_openid_metadata_url": idp.channel_metadata_url,
        "allowed_service_hosts": list(service_hosts),
        "signing_key_fetch_timeout": key_fetch_timeout,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@asynccontextmanager
async def running_bot(
    settings: Settings,
    token_source: StaticBotTokenSource | None = None,
    *,
    sso: bool = False,
) -> AsyncIterator[TestClient]:
    engine = create_engine(settings.effective_database_url)
    app = create_app(
        settings,
        engine,
        bot_token_source=token_source or StaticBotTokenSource(),
        authoriser=None if sso else DevelopmentRoles(frozenset({Role.SOCIAL_WORKER})),
    )
    try:
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            yield client
    finally:
        await engine.dispose()
