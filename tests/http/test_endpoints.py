"""The running aiohttp app over real HTTP: health, readiness and Bot Framework messages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import MAX_BODY_BYTES, create_app
from bot.settings import Settings
from data_access.engine import create_engine
from tests.support.activities import TEAMS_SERVICE_URL, message
from tests.support.connector import HELP_SHOWN, FakeConnector, fake_connector, shown


def local_settings(url: str) -> Settings:
    return Settings(database_url=url, environment="local", microsoft_app_id="")


@pytest.fixture
async def client(db_url: str) -> AsyncIterator[TestClient]:
    engine = create_engine(db_url)
    app = create_app(local_settings(db_url), engine)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        yield client
    await engine.dispose()


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    async with fake_connector() as connector:
        yield connector


async def test_healthz(client: TestClient) -> None:
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}


async def test_readyz_when_the_database_answers(client: TestClient) -> None:
    response = await client.get("/readyz")
    assert response.status == 200
    assert (await response.json())["database"] == "ok"


async def test_readyz_when_the_database_is_gone(tmp_path: Path) -> None:
    url = "postgresql+asyncpg://nobody@127.0.0.1:1/none"
    engine = create_engine(url)
    app = create_app(local_settings(url), engine)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        response = await client.get("/readyz")
        assert response.status == 503
        assert await response.json() == {"status": "unavailable", "database": "unreachable"}
    await engine.dispose()


async def test_help_is_answered_through_the_connector(
    client: TestClient, connector: FakeConnector
) -> None:
    response = await client.post("/api/messages", json=message("help", connector.url))

    assert response.status in (200, 201)
    assert connector.texts() == [HELP_SHOWN]


async def test_help_with_a_mention_in_a_channel(
    client: TestClient, connector: FakeConnector
) -> None:
    activity = message(
        "<at>Family Context</at> help",
        connector.url,
        entities=[
            {
                "type": "mention",
                "text": "<at>Family Context</at>",
                "mentioned": {"id": "28:bot-app-id", "name": "Family Context"},
            }
        ],
    )
    activity["conversation"]["conversationType"] = "channel"

    response = await client.post("/api/messages", json=activity)

    assert response.status in (200, 201)
    assert connector.texts() == [HELP_SHOWN]


async def test_expect_replies_returns_the_replies_in_the_response(client: TestClient) -> None:
    activity = message("help", TEAMS_SERVICE_URL, deliveryMode="expectReplies")

    response = await client.post("/api/messages", json=activity)

    assert response.status == 200
    body = await response.json()
    assert [shown(reply) for reply in body["activities"]] == [HELP_SHOWN]


async def test_text_with_nothing_to_search_for_gets_a_pointer_to_help(
    client: TestClient,
) -> None:
    activity = message("%%% ***", TEAMS_SERVICE_URL, deliveryMode="expectReplies")

    response = await client.post("/api/messages", json=activity)

    texts = [shown(reply) for reply in (await response.json())["activities"]]
    assert len(texts) == 1
    assert "help" in texts[0]


async def test_a_first_request_asks_for_the_purpose(client: TestClient) -> None:
    activity = message("jayden smith", TEAMS_SERVICE_URL, deliveryMode="expectReplies")

    response = await client.post("/api/messages", json=activity)

    texts = [shown(reply) for reply in (await response.json())["activities"]]
    assert len(texts) == 1
    assert texts[0].startswith("card:")
    assert "purpose" in texts[0].casefold() or "why" in texts[0].casefold()


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        pytest.param({"Content-Type": "text/plain"}, b"{}", 415, id="wrong-content-type"),
        pytest.param({}, b"{}", 415, id="no-content-type"),
        pytest.param({"Content-Type": "application/json"}, b"{not json", 400, id="not-json"),
        pytest.param({"Content-Type": "application/json"}, b"[1, 2]", 400, id="not-an-object"),
        pytest.param(
            {"Content-Type": "application/json"},
            b" " * (MAX_BODY_BYTES + 1),
            413,
            id="too-large",
        ),
    ],
)
async def test_bad_requests_are_refused_without_a_500(
    client: TestClient, headers: dict[str, str], body: bytes, status: int
) -> None:
    response = await client.post("/api/messages", data=body, headers=headers)
    assert response.status == status


async def test_metrics_count_requests_without_personal_data(client: TestClient) -> None:
    text = "Jayden Smith 12/03/2016"
    activity = message(text, TEAMS_SERVICE_URL, deliveryMode="expectReplies")
    await client.post("/api/messages", json=activity)
    await client.get("/healthz")

    response = await client.get("/metrics")

    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    body = await response.text()
    assert 'familycontext_http_requests_total{route="/api/messages",status="200"} 1.0' in body
    assert 'familycontext_http_requests_total{route="/healthz",status="200"} 1.0' in body
    assert "familycontext_http_request_duration_seconds_bucket" in body
    for personal in ("Jayden", "Smith", "2016"):
        assert personal not in body
