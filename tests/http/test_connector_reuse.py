"""Connector clients are built once per service URL and reused, never at the cost of safety.

botbuilder builds a connector client (msrest's slow retry policy, a new
`requests` session, a new connection) for every turn (platform-notes.md,
"Speed"). Ours are kept for the life of the app; the allow-list is still
checked on every turn before one is handed out, and a renewed token reaches
a client built before it.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from botframework.connector.aio import ConnectorClient

import bot.auth.bot_framework as bot_framework
from bot.app import create_app
from bot.auth.bot_framework import AllowedHostsConnectorFactory
from bot.auth.service_urls import ServiceUrlNotAllowed, ServiceUrlPolicy
from bot.settings import DEFAULT_SERVICE_HOSTS, Settings
from data_access.engine import create_engine
from tests.support.activities import message
from tests.support.bot_app import APP_ID, identity_settings, running_bot
from tests.support.bot_token import BOT_TOKEN, StaticBotTokenSource
from tests.support.connector import serving
from tests.support.identity_provider import IdentityProvider, identity_provider

TEAMS = ServiceUrlPolicy(DEFAULT_SERVICE_HOSTS)
UK = "https://smba.trafficmanager.net/uk/"
Client = TestClient[web.Request, web.Application]
EMEA = "https://smba.trafficmanager.net/emea/"


def authorization_sent(client: ConnectorClient, url: str) -> str | None:
    """The Authorization header the client's credentials put on a request to `url`."""
    session = client.config.credentials.signed_session(requests.Session())
    prepared = session.prepare_request(requests.Request("POST", url, json={}))
    header: str | None = prepared.headers.get("Authorization")
    return header


# The factory.


async def test_the_same_service_url_gets_the_same_client() -> None:
    factory = AllowedHostsConnectorFactory(TEAMS, StaticBotTokenSource())

    first = await factory.create(UK, None)
    second = await factory.create(UK, "https://api.botframework.com")

    assert second is first
    assert factory.clients_built == 1


async def test_different_service_urls_get_different_clients() -> None:
    factory = AllowedHostsConnectorFactory(TEAMS, StaticBotTokenSource())

    uk = await factory.create(UK, None)
    emea = await factory.create(EMEA, None)

    assert uk is not emea
    assert (uk.config.base_url, emea.config.base_url) == (UK, EMEA)
    assert factory.clients_built == 2


@pytest.mark.parametrize(
    "url", ["https://evil.example/", "https://evil.trafficmanager.net/uk/", "http://127.0.0.1:1/"]
)
async def test_a_host_not_allowed_is_still_refused_once_clients_are_kept(url: str) -> None:
    tokens = StaticBotTokenSource()
    factory = AllowedHostsConnectorFactory(TEAMS, tokens)
    await factory.create(UK, None)
    tokens.scopes.clear()

    with pytest.raises(ServiceUrlNotAllowed):
        await factory.create(url, None)

    assert tokens.scopes == []  # refused before the token was even asked for
    assert factory.clients_built == 1


async def test_a_kept_client_is_not_handed_out_for_another_audience() -> None:
    factory = AllowedHostsConnectorFactory(TEAMS, StaticBotTokenSource())
    await factory.create(UK, None)

    with pytest.raises(ServiceUrlNotAllowed):
        await factory.create(UK, "api://some-skill")


async def test_concurrent_turns_share_one_client() -> None:
    factory = AllowedHostsConnectorFactory(TEAMS, StaticBotTokenSource())

    clients = await asyncio.gather(*(factory.create(UK, None) for _ in range(20)))

    assert {id(client) for client in clients} == {id(clients[0])}
    assert factory.clients_built == 1


async def test_a_kept_client_sends_the_renewed_token() -> None:
    tokens = StaticBotTokenSource("first-token")
    factory = AllowedHostsConnectorFactory(TEAMS, tokens)
    client = await factory.create(UK, None)
    assert authorization_sent(client, UK + "v3/x") == "Bearer first-token"

    tokens.value = "renewed-token"
    again = await factory.create(UK, None)

    assert again is client
    assert authorization_sent(client, UK + "v3/x") == "Bearer renewed-token"
    assert authorization_sent(client, "https://evil.example/v3/x") is None


async def test_without_a_token_source_nothing_is_attached() -> None:
    local = ServiceUrlPolicy((), allow_any_loopback=True)
    factory = AllowedHostsConnectorFactory(local, None)

    client = await factory.create("http://127.0.0.1:56150/", None)

    assert authorization_sent(client, "http://127.0.0.1:56150/v3/x") is None


async def test_the_least_recently_used_client_is_dropped_beyond_the_limit() -> None:
    factory = AllowedHostsConnectorFactory(TEAMS, StaticBotTokenSource(), max_clients=2)
    uk = await factory.create(UK, None)
    await factory.create(EMEA, None)
    assert await factory.create(UK, None) is uk  # UK is now the most recently used

    await factory.create("https://smba.trafficmanager.net/amer/", None)  # drops EMEA

    assert await factory.create(UK, None) is uk
    await factory.create(EMEA, None)
    assert factory.clients_built == 4


# Over HTTP: real turns, a real connector on loopback.


@dataclass
class RecordingConnector:
    url: str = ""
    sent: list[dict[str, Any]] = field(default_factory=list)
    authorization: list[str] = field(default_factory=list)
    peers: list[tuple[Any, ...]] = field(default_factory=list)
    """The client address of each request: one address means one reused connection."""


@asynccontextmanager
async def recording_connector() -> AsyncIterator[RecordingConnector]:
    connector = RecordingConnector()

    async def reply(request: web.Request) -> web.Response:
        connector.sent.append(await request.json())
        connector.authorization.append(request.headers.get("Authorization", ""))
        transport = request.transport
        connector.peers.append(tuple(transport.get_extra_info("peername")) if transport else ())
        return web.json_response({"id": uuid.uuid4().hex})

    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation}/activities", reply)
    app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", reply)
    async with serving(app) as url:
        connector.url = url
        yield connector


@pytest.fixture
async def connector() -> AsyncIterator[RecordingConnector]:
    async with recording_connector() as connector:
        yield connector


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The base URL of every connector client the bot builds."""
    urls: list[str] = []

    class CountedConnectorClient(ConnectorClient):  # type: ignore[misc]
        def __init__(self, credentials: Any, base_url: str | None = None) -> None:
            super().__init__(credentials, base_url=base_url)
            urls.append(base_url or "")

    monkeypatch.setattr(bot_framework, "ConnectorClient", CountedConnectorClient)
    return urls


@pytest.fixture
async def local_client(tmp_path: Path) -> AsyncIterator[Client]:
    settings = Settings(
        _env_file=None,
        environment="local",
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}",
    )
    engine = create_engine(settings.effective_database_url)
    app = create_app(settings, engine, bot_token_source=StaticBotTokenSource())
    try:
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            yield client
    finally:
        await engine.dispose()


async def test_two_turns_to_one_service_url_build_one_client_and_reuse_its_connection(
    local_client: Client, connector: RecordingConnector, built: list[str]
) -> None:
    for _ in range(2):
        response = await local_client.post("/api/messages", json=message("help", connector.url))
        assert response.status == 201

    assert len(connector.sent) == 2
    assert built == [connector.url]
    assert len(set(connector.peers)) == 1  # one kept-alive connection, not one per turn


async def test_turns_to_two_service_urls_build_two_clients(
    local_client: Client, connector: RecordingConnector, built: list[str]
) -> None:
    async with recording_connector() as other:
        for url in (connector.url, other.url, connector.url, other.url):
            response = await local_client.post("/api/messages", json=message("help", url))
            assert response.status == 201

        assert (len(connector.sent), len(other.sent)) == (2, 2)
    assert sorted(built) == sorted([connector.url, other.url])


async def test_a_service_url_not_allowed_is_refused_after_a_client_was_kept(
    local_client: Client, connector: RecordingConnector, built: list[str]
) -> None:
    ok = await local_client.post("/api/messages", json=message("help", connector.url))
    refused = await local_client.post(
        "/api/messages", json=message("help", "https://evil.example/")
    )

    assert (ok.status, refused.status) == (201, 401)
    assert built == [connector.url]
    assert len(connector.sent) == 1


@pytest.fixture
async def idp() -> AsyncIterator[IdentityProvider]:
    async with identity_provider() as provider:
        yield provider


async def test_a_kept_client_carries_the_renewed_bot_token_over_http(
    tmp_path: Path, idp: IdentityProvider, connector: RecordingConnector, built: list[str]
) -> None:
    settings = identity_settings(tmp_path / "db.sqlite3", idp)  # loopback named: allowed
    tokens = StaticBotTokenSource()
    headers = {
        "Authorization": f"Bearer {idp.channel_token(app_id=APP_ID, service_url=connector.url)}"
    }

    async with running_bot(settings, tokens) as client:
        first = await client.post(
            "/api/messages", json=message("help", connector.url), headers=headers
        )
        tokens.value = "renewed-bot-token"
        second = await client.post(
            "/api/messages", json=message("help", connector.url), headers=headers
        )

    assert (first.status, second.status) == (201, 201)
    assert connector.authorization == [f"Bearer {BOT_TOKEN}", "Bearer renewed-bot-token"]
    assert built == [connector.url]
