"""The connector clients' transport: aiohttp on the loop, the token bound to hosts, careful retries.

A real aiohttp server on loopback stands in for the connector; it answers as each
test scripts it and records every request that reaches it.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from botbuilder.schema import Activity
from botframework.connector.models import ErrorResponseException
from msrest.pipeline import Request, Response
from msrest.universal_http import ClientRequest

import bot.auth.connector_transport as connector_transport
from bot.auth.bot_framework import USER_AGENT, AllowedHostsConnectorFactory
from bot.auth.connector_transport import ATTEMPTS, AioHttpTransport, HostBoundBearer
from bot.auth.outbound_credentials import HostBoundCredentials
from bot.auth.service_urls import ServiceUrlPolicy
from tests.support.bot_token import BOT_TOKEN, StaticBotTokenSource
from tests.support.connector import serving

LOOPBACK = ServiceUrlPolicy(["127.0.0.1"])
"""Allows http://127.0.0.1 only: not localhost, not any other host."""

Answer = Callable[[], web.StreamResponse]


def json_answer(
    status: int = 200, *, reply_id: str = "reply-1", headers: dict[str, str] | None = None
) -> Answer:
    return lambda: web.json_response({"id": reply_id}, status=status, headers=headers)


def error_answer(status: int, retry_after: str | None = None) -> Answer:
    body = {"error": {"code": "ServiceError", "message": "not now"}}
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    return lambda: web.json_response(body, status=status, headers=headers)


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    peer: tuple[Any, ...]


@dataclass
class ScriptedConnector:
    url: str = ""
    answers: list[Answer] = field(default_factory=list)
    """Answers given in order; once they are used up, every request gets `json_answer()`."""
    seen: list[Seen] = field(default_factory=list)


@asynccontextmanager
async def scripted_connector(*answers: Answer) -> AsyncIterator[ScriptedConnector]:
    connector = ScriptedConnector(answers=list(answers))

    async def answer(request: web.Request) -> web.StreamResponse:
        transport = request.transport
        peer = tuple(transport.get_extra_info("peername")) if transport else ()
        connector.seen.append(
            Seen(request.method, request.path_qs, dict(request.headers), await request.read(), peer)
        )
        return connector.answers.pop(0)() if connector.answers else json_answer()()

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    async with serving(app) as url:
        connector.url = url
        yield connector


@pytest.fixture
async def server() -> AsyncIterator[ScriptedConnector]:
    async with scripted_connector() as connector:
        yield connector


@pytest.fixture
async def transport() -> AsyncIterator[AioHttpTransport]:
    transport = AioHttpTransport()
    yield transport
    await transport.close()


@pytest.fixture
async def factory() -> AsyncIterator[AllowedHostsConnectorFactory]:
    factory = AllowedHostsConnectorFactory(LOOPBACK, StaticBotTokenSource())
    yield factory
    await factory.close()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every wait the transport asks for between attempts (none is actually waited)."""
    waited: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(seconds: float) -> None:
        waited.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr(connector_transport, "asyncio", SimpleNamespace(sleep=sleep))
    return waited


def reply() -> Activity:
    return Activity(type="message", text="hello from the tests")


async def send(
    transport: AioHttpTransport, method: str, url: str, **headers: str
) -> Response[ClientRequest, Any]:
    return await transport.send(Request(ClientRequest(method, url, headers=headers)))


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# A request and its answer, through a connector client's msrest pipeline.


async def test_a_reply_is_sent_as_built_and_its_answer_comes_back(
    factory: AllowedHostsConnectorFactory,
) -> None:
    async with scripted_connector(
        json_answer(201, reply_id="reply-42", headers={"X-Answer": "yes"})
    ) as server:
        client = await factory.create(server.url, None)
        raw = await client.conversations.reply_to_activity(
            "conversation-1", "activity-1", reply(), raw=True
        )

    [seen] = server.seen
    assert seen.method == "POST"
    assert seen.path == "/v3/conversations/conversation-1/activities/activity-1"
    assert seen.headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    assert seen.headers["Content-Type"] == "application/json; charset=utf-8"
    assert seen.headers["x-ms-conversation-id"] == "conversation-1"
    assert USER_AGENT in seen.headers["User-Agent"]
    sent = json.loads(seen.body)
    assert (sent["type"], sent["text"]) == ("message", "hello from the tests")
    assert raw.response.status == 201
    assert raw.response.headers["X-Answer"] == "yes"
    assert raw.output.id == "reply-42"


async def test_a_reply_gets_the_resource_id_the_connector_gave(
    factory: AllowedHostsConnectorFactory, server: ScriptedConnector
) -> None:
    client = await factory.create(server.url, None)

    answer = await client.conversations.reply_to_activity("conversation-1", "activity-1", reply())

    assert answer.id == "reply-1"
    assert len(server.seen) == 1


async def test_requests_share_one_kept_alive_connection(
    transport: AioHttpTransport, server: ScriptedConnector
) -> None:
    for _ in range(3):
        assert (await send(transport, "GET", server.url + "v3/x")).http_response.status_code == 200

    assert len({seen.peer for seen in server.seen}) == 1


async def test_a_query_string_and_a_body_are_sent_as_given(
    transport: AioHttpTransport, server: ScriptedConnector
) -> None:
    request = ClientRequest("PUT", server.url + "v3/x?a=1", data=b'{"k": "v"}')

    response = await transport.send(Request(request))

    [seen] = server.seen
    assert (seen.method, seen.path, seen.body) == ("PUT", "/v3/x?a=1", b'{"k": "v"}')
    assert response.http_response.status_code == 200
    assert response.http_response.headers["Content-Type"].startswith("application/json")
    assert json.loads(response.http_response.body()) == {"id": "reply-1"}
    assert response.http_response.text() == '{"id": "reply-1"}'


# The bot's token: only to allowed hosts.


def bearer_request(url: str, **headers: str) -> Request[ClientRequest]:
    return Request(ClientRequest("POST", url, headers=headers))


def test_the_token_is_attached_for_an_allowed_host() -> None:
    request = bearer_request("http://127.0.0.1:8080/v3/x")

    HostBoundBearer(HostBoundCredentials("the-token", LOOPBACK)).on_request(request)

    assert request.http_request.headers["Authorization"] == "Bearer the-token"


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8080/v3/x",
        "https://evil.example/v3/x",
        "http://user:secret@127.0.0.1:8080/v3/x",
        "not a url",
    ],
)
def test_the_token_is_not_attached_for_a_host_not_allowed(url: str) -> None:
    request = bearer_request(url, Authorization="Bearer planted-elsewhere")

    HostBoundBearer(HostBoundCredentials("the-token", LOOPBACK)).on_request(request)

    assert "Authorization" not in request.http_request.headers


def test_without_a_token_no_authorization_is_sent() -> None:
    request = bearer_request("http://127.0.0.1:8080/v3/x", Authorization="Bearer stale")

    HostBoundBearer(HostBoundCredentials(None, LOOPBACK)).on_request(request)

    assert "Authorization" not in request.http_request.headers


def test_a_renewed_token_replaces_the_one_on_a_request() -> None:
    credentials = HostBoundCredentials("first", LOOPBACK)
    request = bearer_request("http://127.0.0.1:8080/v3/x")
    bearer = HostBoundBearer(credentials)
    bearer.on_request(request)

    credentials.use_token("renewed")
    bearer.on_request(request)

    assert request.http_request.headers["Authorization"] == "Bearer renewed"


async def test_a_clients_request_to_a_host_not_allowed_arrives_without_the_token(
    factory: AllowedHostsConnectorFactory, server: ScriptedConnector
) -> None:
    client = await factory.create(server.url, None)
    elsewhere = server.url.replace("127.0.0.1", "localhost")  # the same server, not allowed
    assert not LOOPBACK.allows(elsewhere)

    for url in (server.url, elsewhere):
        request = client._client.post(url + "v3/x", {}, {}, {})
        await client._client.async_send(request)

    assert [seen.headers.get("Authorization") for seen in server.seen] == [
        f"Bearer {BOT_TOKEN}",
        None,
    ]


# Retries: only what the service did not take.


@pytest.mark.parametrize("status", [429, 503])
async def test_an_answer_the_service_did_not_take_is_sent_again(
    factory: AllowedHostsConnectorFactory, sleeps: list[float], status: int
) -> None:
    busy = error_answer(status, "0")
    async with scripted_connector(busy) as server:
        client = await factory.create(server.url, None)
        raw = await client.conversations.reply_to_activity(
            "conversation-1", "activity-1", reply(), raw=True
        )

    assert raw.response.status == 200
    assert raw.output.id == "reply-1"
    assert len(server.seen) == 2
    assert server.seen[0].body == server.seen[1].body
    assert [seen.headers["Authorization"] for seen in server.seen] == [f"Bearer {BOT_TOKEN}"] * 2
    assert sleeps == [0.0]


@pytest.mark.parametrize(
    ("retry_after", "waited"),
    [
        ("0", 0.0),
        ("1.5", 1.5),
        ("-3", 0.0),
        ("3600", connector_transport.MAX_RETRY_AFTER_SECONDS),
        ("Wed, 21 Oct 2015 07:28:00 GMT", connector_transport.BACKOFF_SECONDS[0]),
        ("nan", connector_transport.BACKOFF_SECONDS[0]),  # parses as a float: never wait on it
        ("inf", connector_transport.BACKOFF_SECONDS[0]),
        (None, connector_transport.BACKOFF_SECONDS[0]),
    ],
)
async def test_retry_after_is_honoured_within_limits(
    transport: AioHttpTransport, sleeps: list[float], retry_after: str | None, waited: float
) -> None:
    async with scripted_connector(error_answer(503, retry_after)) as server:
        response = await send(transport, "POST", server.url + "v3/x")

    assert response.http_response.status_code == 200
    assert sleeps == [waited]


async def test_a_service_that_stays_busy_is_answered_with_its_last_answer(
    factory: AllowedHostsConnectorFactory, sleeps: list[float]
) -> None:
    busy = [error_answer(503, "0")] * (ATTEMPTS + 1)
    async with scripted_connector(*busy) as server:
        client = await factory.create(server.url, None)
        with pytest.raises(ErrorResponseException) as raised:
            await client.conversations.reply_to_activity("conversation-1", "activity-1", reply())

    assert raised.value.response.status == 503
    assert len(server.seen) == ATTEMPTS
    assert len(sleeps) == ATTEMPTS - 1


@pytest.mark.parametrize("status", [400, 500, 502, 504])
async def test_an_answer_that_may_have_been_taken_is_not_sent_again(
    factory: AllowedHostsConnectorFactory, sleeps: list[float], status: int
) -> None:
    async with scripted_connector(error_answer(status)) as server:
        client = await factory.create(server.url, None)
        with pytest.raises(ErrorResponseException) as raised:
            await client.conversations.reply_to_activity("conversation-1", "activity-1", reply())

    assert raised.value.response.status == status
    assert raised.value.error.error.code == "ServiceError"  # the answer's body, read
    assert len(server.seen) == 1
    assert sleeps == []


async def test_a_500_comes_back_to_the_transports_caller_as_it_is(
    transport: AioHttpTransport, sleeps: list[float]
) -> None:
    async with scripted_connector(error_answer(500)) as server:
        response = await send(transport, "POST", server.url + "v3/x")

    answer = response.http_response
    assert answer.status_code == 500
    assert json.loads(answer.body())["error"]["code"] == "ServiceError"
    with pytest.raises(aiohttp.ClientResponseError) as raised:
        answer.raise_for_status()
    assert raised.value.status == 500
    assert len(server.seen) == 1


async def test_a_connection_dropped_after_the_request_is_not_sent_again(
    transport: AioHttpTransport, sleeps: list[float]
) -> None:
    arrived: list[str] = []

    async def hang_up(request: web.Request) -> web.StreamResponse:
        arrived.append(request.path)
        assert request.transport is not None
        request.transport.abort()
        return web.Response()

    app = web.Application()
    app.router.add_post("/{tail:.*}", hang_up)
    async with TestServer(app, host="127.0.0.1") as server:
        with pytest.raises(aiohttp.ClientError):
            await send(transport, "POST", str(server.make_url("/v3/x")))

    assert arrived == ["/v3/x"]
    assert sleeps == []


async def test_a_connection_that_cannot_be_made_is_tried_attempts_times_then_raises(
    monkeypatch: pytest.MonkeyPatch, transport: AioHttpTransport, sleeps: list[float]
) -> None:
    monkeypatch.setattr(connector_transport, "BACKOFF_SECONDS", (0.001, 0.002))
    sessions_asked: list[int] = []
    session_now = transport._session_now

    def counted() -> aiohttp.ClientSession:
        sessions_asked.append(1)
        return session_now()

    monkeypatch.setattr(transport, "_session_now", counted)

    with pytest.raises(aiohttp.ClientConnectorError):
        await send(transport, "POST", f"http://127.0.0.1:{closed_port()}/v3/x")

    assert len(sessions_asked) == ATTEMPTS  # one request attempted each time
    assert sleeps == [0.001, 0.002][: ATTEMPTS - 1]


async def test_a_client_facing_a_closed_port_raises_after_its_attempts(
    monkeypatch: pytest.MonkeyPatch, factory: AllowedHostsConnectorFactory, sleeps: list[float]
) -> None:
    monkeypatch.setattr(connector_transport, "BACKOFF_SECONDS", (0.001, 0.002))
    client = await factory.create(f"http://127.0.0.1:{closed_port()}/", None)

    with pytest.raises(aiohttp.ClientConnectorError):
        await client.conversations.reply_to_activity("conversation-1", "activity-1", reply())

    assert len(sleeps) == ATTEMPTS - 1


# Redirects: never followed (the token would go with them).


async def test_a_redirect_is_not_followed(
    factory: AllowedHostsConnectorFactory, sleeps: list[float]
) -> None:
    async with scripted_connector() as target:
        moved = target.url + "v3/conversations/conversation-1/activities/activity-1"

        def redirect() -> web.StreamResponse:
            return web.Response(status=302, headers={"Location": moved})

        async with scripted_connector(redirect) as server:
            client = await factory.create(server.url, None)
            with pytest.raises(ErrorResponseException) as raised:
                await client.conversations.reply_to_activity(
                    "conversation-1", "activity-1", reply()
                )

    assert raised.value.response.status == 302
    assert raised.value.response.headers["Location"] == moved
    assert len(server.seen) == 1
    assert target.seen == []
    assert sleeps == []


# The session: one for the app, closed with it.


async def test_close_ends_the_session_and_a_later_send_opens_a_new_one(
    transport: AioHttpTransport, server: ScriptedConnector
) -> None:
    await send(transport, "GET", server.url + "v3/x")
    first = transport._session
    assert first is not None
    assert not first.closed

    await transport.close()

    assert first.closed
    assert transport._session is None
    response = await send(transport, "GET", server.url + "v3/x")
    assert response.http_response.status_code == 200
    second = transport._session
    assert second is not None
    assert second is not first
    assert not second.closed
    assert len(server.seen) == 2
    assert server.seen[0].peer != server.seen[1].peer  # a new connection, too


async def test_close_twice_and_before_any_send_is_harmless(transport: AioHttpTransport) -> None:
    await transport.close()
    await transport.close()

    assert transport._session is None


async def test_a_client_still_works_after_its_factory_closed_the_session(
    factory: AllowedHostsConnectorFactory, server: ScriptedConnector
) -> None:
    client = await factory.create(server.url, None)
    await client.conversations.reply_to_activity("conversation-1", "activity-1", reply())

    await factory.close()
    again = await factory.create(server.url, None)
    answer = await again.conversations.reply_to_activity("conversation-1", "activity-2", reply())

    assert again is client
    assert answer.id == "reply-1"
    assert len(server.seen) == 2


async def test_leaving_the_transport_as_a_context_keeps_the_session(
    transport: AioHttpTransport, server: ScriptedConnector
) -> None:
    async with transport as entered:
        await send(entered, "GET", server.url + "v3/x")
    session = transport._session

    assert session is not None
    assert not session.closed
