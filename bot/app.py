"""The aiohttp application: Bot Framework messages, health, readiness and metrics.

`/api/messages` is our own handler around `adapter.process_activity`: the
stock `CloudAdapter.process` answers 500 to invokes with a body, to
`expectReplies`, and to every authentication failure, and parses the body
before checking the token (platform-notes.md). Here the order is: content
type (415), declared size (413), the channel token (401, before the body is
read), the body (413, 400), then the token must vouch for the activity's
channel and service URL (401). Every 401 has an empty body; the reason goes
to the log and to a metric, never to the caller.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from typing import Any

from aiohttp import web
from msrest.serialization import Model
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.access_setup import create_access
from bot.activity_handler import FamilyContextBot, parse_activity
from bot.adapter import create_adapter, create_authentication
from bot.auth.bot_token import BotTokenSource
from bot.auth.inbound import InboundAuthenticator
from bot.auth.refusals import RefusalReason, RequestRefused
from bot.auth.roles import Authoriser
from bot.auth.service_urls import ServiceUrlNotAllowed, ServiceUrlPolicy
from bot.card_sweeper import CardSweeper
from bot.composition import build_services
from bot.logging_policy import keep_personal_data_out_of_logs
from bot.metrics import Metrics
from bot.serialization import to_json
from bot.settings import Settings
from data_access.conversations import ConversationStore
from data_access.sent_cards import SentCards
from dialogs.services import Services

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
READINESS_TIMEOUT_SECONDS = 2.0

ENGINE_KEY = web.AppKey("engine", AsyncEngine)
SWEEPER_KEY = web.AppKey("card_sweeper", CardSweeper)


def _json_response(body: Any, status: int) -> web.Response:
    return web.Response(
        body=json.dumps(body, separators=(",", ":")).encode(),
        status=status,
        content_type="application/json",
    )


def _turn_response(response: object) -> web.Response:
    """The HTTP answer to a turn: an invoke's (or expectReplies') response, or 201.

    botbuilder has two InvokeResponse classes (botbuilder.core.invoke_response for
    expectReplies, botbuilder.schema's from ActivityHandler), so match on the shape.
    """
    status = getattr(response, "status", None)
    if response is None or not isinstance(status, int):
        return web.Response(status=201)
    body: Any = getattr(response, "body", None)
    if body is None:
        return web.Response(status=status)
    if isinstance(body, Model):
        body = to_json(body)
    return _json_response(body, status)


def create_app(
    settings: Settings,
    engine: AsyncEngine,
    *,
    bot_token_source: BotTokenSource | None = None,
    authoriser: Authoriser | None = None,
    services: Services | None = None,
    metrics: Metrics | None = None,
) -> web.Application:
    """The app. For tests: `bot_token_source` replaces msal for the bot's own token,
    `authoriser` replaces single sign-on (or the development roles) for users' roles, and
    `services` replaces the conversation's stores (to inject faults). `metrics`: shared
    by several worker processes (bot/workers.py)."""
    keep_personal_data_out_of_logs()
    service_urls = ServiceUrlPolicy.from_settings(settings)
    inbound = InboundAuthenticator(settings, service_urls)
    authentication = create_authentication(settings, service_urls, bot_token_source)
    adapter = create_adapter(authentication)
    access = create_access(settings, authoriser)
    sent_cards = SentCards(engine)
    services = services or build_services(settings, engine)
    bot = FamilyContextBot(access.gate, services, sent_cards)
    conversations = services.conversations
    sweeper = CardSweeper(
        adapter,
        sent_cards,
        conversations=conversations if isinstance(conversations, ConversationStore) else None,
        app_id=settings.microsoft_app_id,
        max_age=dt.timedelta(hours=settings.card_max_age_hours),
    )
    metrics = metrics or Metrics()

    def refuse(reason: RefusalReason) -> web.Response:
        log.warning("refused a request to /api/messages: %s", reason.value)
        metrics.refusals.labels(reason.value).inc()
        return web.Response(status=401, headers={"WWW-Authenticate": "Bearer"})

    async def messages(request: web.Request) -> web.StreamResponse:
        if request.content_type != "application/json":
            return web.Response(status=415)
        if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
            return web.Response(status=413)
        try:
            token = await inbound.authenticate(request.headers.get("Authorization"))
        except RequestRefused as refusal:
            return refuse(refusal.reason)
        try:
            # The whole body (client_max_size caps it): StreamReader.read(n) would stop at
            # whatever has arrived, and a body sent in pieces would look malformed.
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=413)
        try:
            activity = parse_activity(json.loads(raw))
        except ValueError:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
            return web.Response(status=400)
        try:
            inbound.bind(token, channel_id=activity.channel_id, service_url=activity.service_url)
        except RequestRefused as refusal:
            return refuse(refusal.reason)
        try:
            response = await adapter.process_activity(
                authentication.request_result(token), activity, bot.on_turn
            )
        except ServiceUrlNotAllowed:
            return refuse(RefusalReason.SERVICE_URL_NOT_ALLOWED)
        except Exception as error:
            # The type only: an exception's message can quote what it was handling.
            log.error(
                "turn failed: %s", type(error).__name__, extra={"activity_type": activity.type}
            )
            return web.Response(status=500)
        return _turn_response(response)

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

    async def start_identity(_: web.Application) -> None:
        # Both bounded by their time limits: a dead endpoint delays start-up, never stops it.
        await asyncio.gather(inbound.start(), authentication.warm_up())
        sweeper.start()

    async def stop_identity(_: web.Application) -> None:
        await sweeper.stop()
        if isinstance(conversations, ConversationStore):
            await conversations.close()
        try:
            await sent_cards.close()
        except Exception as error:  # the database gone at shutdown: those cards expire on view
            log.warning("could not note sent cards at shutdown: %s", type(error).__name__)
        await inbound.close()
        await access.close()
        await authentication.close()

    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[metrics.middleware()])
    app[ENGINE_KEY] = engine
    app[SWEEPER_KEY] = sweeper
    app.on_startup.append(start_identity)
    app.on_cleanup.append(stop_identity)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics.handler)
    return app
