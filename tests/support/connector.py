"""A fake Bot Framework connector on loopback that records what the bot sends."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer


@dataclass
class FakeConnector:
    url: str = ""
    sent: list[dict[str, Any]] = field(default_factory=list)
    authorization: list[str] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [activity.get("text", "") for activity in self.sent]


@asynccontextmanager
async def fake_connector() -> AsyncIterator[FakeConnector]:
    connector = FakeConnector()

    async def reply(request: web.Request) -> web.Response:
        connector.sent.append(await request.json())
        connector.authorization.append(request.headers.get("Authorization", ""))
        return web.json_response({"id": uuid.uuid4().hex})

    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation}/activities", reply)
    app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", reply)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    connector.url = str(server.make_url("/")).rstrip("/") + "/"
    try:
        yield connector
    finally:
        await server.close()
