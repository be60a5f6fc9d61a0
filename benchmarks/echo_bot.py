"""A plain botbuilder 4.17.1 echo bot with stock settings: the baseline of benchmarks/turns.py.

What the botbuilder samples do, and nothing else: the stock `CloudAdapter`
with `ConfigurationBotFrameworkAuthentication` and an empty app id (so, as
platform-notes.md says, it accepts unsigned requests and replies to whatever
`serviceUrl` a request names), `adapter.process(request, bot)` behind aiohttp,
and an `ActivityHandler` that echoes the text. No caching, no patches.

    python benchmarks/echo_bot.py --port 3979

Never expose it: it listens on 127.0.0.1 only, and exists to be measured.
"""

from __future__ import annotations

import argparse

from aiohttp import web
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.core.integration import aiohttp_error_middleware
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)


class DefaultConfig:
    """The samples' configuration object, with an empty app id and password."""

    PORT = 3979
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


class EchoBot(ActivityHandler):  # type: ignore[misc]
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        text = turn_context.activity.text or ""
        await turn_context.send_activity(MessageFactory.text(f"Echo: {text}"))


def create_app() -> web.Application:
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(DefaultConfig()))
    bot = EchoBot()

    async def messages(request: web.Request) -> web.StreamResponse:
        response: web.StreamResponse | None = await adapter.process(request, bot)
        return response if response is not None else web.Response(status=201)

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application(middlewares=[aiohttp_error_middleware])
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=DefaultConfig.PORT)
    args = parser.parse_args()
    web.run_app(create_app(), host="127.0.0.1", port=args.port, print=None)


if __name__ == "__main__":
    main()
