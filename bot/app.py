"""The aiohttp application: Bot Framework messages, health, readiness and metrics.

`/api/messages` is our own handler around `adapter.process_activity`: the
stock `CloudAdapter.process` answers 500 to invokes with a body, to
`expectReplies`, and to every authentication failure (platform-notes.md).
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from aiohttp import web
from botbuilder.core.invoke_response import (
    InvokeResponse,
)  # not the same class as botbuilder.core.InvokeResponse
from botbuilder.schema import Activity
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.activity_handler import FamilyContextBot
from bot.adapter import create_adapter
from bot.metrics import Metrics
from bot.settings import Settings

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
READINESS_TIMEOUT_SECONDS = 2.0

ENGINE_KEY = web.AppKey("engine", AsyncEngine)


def _json_response(body: Any, status: int) -> web.Response:
    return web.Response(
        body=json.dumps(body, separators=(",", ":")).encode(),
        status=status,
        content_type="application/json",
    )


def create_app(settings: Settings, engine: AsyncEngine) -> web.Application:
    adapter = create_adapter(settings)
    bot = FamilyContextBot()

    async def messages(request: web.Request) -> web.StreamResponse:
        if request.content_type != "application/json":
            return web.Response(status=415)
        if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
            return web.Response(status=413)
        raw = await request.content.read(MAX_BODY_BYTES + 1)
        if len(raw) > MAX_BODY_BYTES:
            return web.Response(status=413)
        try:
            body = json.loads(raw)
            if not isinstance(body, dict):
                raise ValueError("not an object")
            activity = Activity().deserialize(body)
        except (ValueError, TypeError, AttributeError):
            return web.Response(status=400)
        auth_header = request.headers.get("Authorization", "")
        try:
            response = await adapter.process_activity(auth_header, activity, bot.on_turn)
        except PermissionError:
            return web.Response(status=401)
        except Exception:
            log.exception("turn failed", extra={"activity_type": activity.type})
            return web.Response(status=500)
        if isinstance(response, InvokeResponse):
            body = response.body
            if hasattr(body, "serialize"):
                body = body.serialize()
            return _json_response(body, response.status)
        return web.Response(status=201)

    async def healthz(_: web.Request) -> web.Response:
        return _json_response({"status": "ok"}, 200)

    async def readyz(_: web.Request) -> web.Response:
        try:
            async with asyncio.timeout(READINESS_TIMEOUT_SECONDS):
                async with engine.connect() as connection:
                    await connection.execute(text("SELECT 1"))
        except Exception as error:  # any failure means "not ready"; the reason goes to the log
            log.warning("database not reachable: %s", type(error).__name__)
            return _json_response({"status": "unavailable", "database": "unreachable"}, 503)
        return _json_response({"status": "ok", "database": "ok"}, 200)

    metrics = Metrics()
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[metrics.middleware()])
    app[ENGINE_KEY] = engine
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics.handler)
    return app
