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
    updated: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """Messages the bot changed: (activity id, the new activity)."""

    def texts(self) -> list[str]:
        """What the user saw of each activity (see `shown`)."""
        return [shown(activity) for activity in self.sent]


@asynccontextmanager
async def serving(app: web.Application) -> AsyncIterator[str]:
    """`app` served on a free loopback port for the block: its base URL, ending in "/"."""
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("/")).rstrip("/") + "/"
    finally:
        await server.close()


HELP_SHOWN = "card:How to use Family Context"
"""What `shown` gives for the help card."""


def shown(activity: dict[str, Any]) -> str:
    """An activity as a short string: its text, "oauth-card" for a sign-in card, or
    "card:" and the first line of an Adaptive Card."""
    for attachment in activity.get("attachments") or []:
        kind = attachment.get("contentType")
        if kind == "application/vnd.microsoft.card.oauth":
            return "oauth-card"
        if kind == "application/vnd.microsoft.card.adaptive":
            body = attachment.get("content", {}).get("body") or [{}]
            return f"card:{body[0].get('text', '')}"
    text: str = activity.get("text", "")
    return text


@asynccontextmanager
async def fake_connector() -> AsyncIterator[FakeConnector]:
    connector = FakeConnector()

    async def reply(request: web.Request) -> web.Response:
        connector.sent.append(await request.json())
        connector.authorization.append(request.headers.get("Authorization", ""))
        return web.json_response({"id": uuid.uuid4().hex})

    async def update(request: web.Request) -> web.Response:
        connector.updated.append((request.match_info["activity"], await request.json()))
        connector.authorization.append(request.headers.get("Authorization", ""))
        return web.json_response({"id": request.match_info["activity"]})

    app = web.Application()
    app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", update)
    app.router.add_post("/v3/conversations/{conversation}/activities", reply)
    app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", reply)
    async with serving(app) as url:
        connector.url = url
        yield connector
