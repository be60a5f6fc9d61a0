"""A forged or unknown service URL never receives a request, let alone the bot's token."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_app
from bot.settings import Settings
from data_access.engine import create_engine
from tests.support.activities import message
from tests.support.bot_app import APP_ID, identity_settings, running_bot
from tests.support.bot_token import StaticBotTokenSource
from tests.support.connector import FakeConnector, fake_connector
from tests.support.identity_provider import IdentityProvider, identity_provider


@pytest.fixture
async def idp() -> AsyncIterator[IdentityProvider]:
    async with identity_provider() as provider:
        yield provider


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    async with fake_connector() as connector:
        yield connector


async def test_a_signed_token_naming_a_host_not_allowed_gets_no_reply(
    tmp_path: Path,
    idp: IdentityProvider,
    connector: FakeConnector,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # FC_ENVIRONMENT=test with the default hosts: loopback (the fake connector) is not allowed.
    settings = identity_settings(tmp_path / "db.sqlite3", idp, service_hosts=())
    tokens = StaticBotTokenSource()
    token = idp.channel_token(app_id=APP_ID, service_url=connector.url)
    caplog.set_level(logging.INFO)

    async with running_bot(settings, tokens) as client:
        assert tokens.scopes == ["https://api.botframework.com"]  # fetched at start-up
        tokens.scopes.clear()
        response = await client.post(
            "/api/messages",
            json=message("help", connector.url),
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status == 401
        assert await response.read() == b""

    assert "service_url_not_allowed" in caplog.text
    assert connector.sent == []
    assert tokens.scopes == []  # no connector was even built for that host


async def test_a_forged_service_url_with_someone_elses_token_is_refused(
    tmp_path: Path, idp: IdentityProvider, connector: FakeConnector
) -> None:
    settings = identity_settings(tmp_path / "db.sqlite3", idp)
    genuine = idp.channel_token(app_id=APP_ID, service_url="https://smba.trafficmanager.net/uk/")

    async with running_bot(settings) as client:
        response = await client.post(
            "/api/messages",
            json=message("help", connector.url),
            headers={"Authorization": f"Bearer {genuine}"},
        )

    assert response.status == 401
    assert connector.sent == []


@pytest.fixture
async def local_client(tmp_path: Path) -> AsyncIterator[TestClient]:
    settings = Settings(
        _env_file=None,
        environment="local",
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}",
    )
    engine = create_engine(settings.effective_database_url)
    app = create_app(settings, engine, bot_token_source=StaticBotTokenSource())
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        yield client
    await engine.dispose()


async def test_unauthenticated_local_mode_replies_to_loopback_without_a_token(
    local_client: TestClient, connector: FakeConnector
) -> None:
    response = await local_client.post("/api/messages", json=message("help", connector.url))

    assert response.status == 201
    assert len(connector.sent) == 1
    assert connector.authorization == [""]


@pytest.mark.parametrize(
    "service_url", ["https://evil.example/", "https://evil.trafficmanager.net/uk/", ""]
)
async def test_unauthenticated_local_mode_replies_nowhere_else(
    local_client: TestClient, service_url: str
) -> None:
    response = await local_client.post("/api/messages", json=message("help", service_url))
    assert response.status == 401
