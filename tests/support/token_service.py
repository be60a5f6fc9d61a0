"""A fake Bot Framework token service on loopback: sign-in resources and SSO token exchanges."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from aiohttp import web
from aiohttp.test_utils import TestServer

SIGN_IN_LINK = "https://token.botframework.example/api/oauth/signin?signin=abc"


@dataclass
class FakeTokenService:
    app_id: str
    url: str = ""
    exchange_fails: bool = False
    sign_in_fails: bool = False
    exchanged: list[str] = field(default_factory=list)
    """The SSO tokens the bot exchanged, in order."""
    sign_in_resources: int = 0
    magic_codes: list[str] = field(default_factory=list)
    authorization: list[str] = field(default_factory=list)

    async def _sign_in_resource(self, request: web.Request) -> web.Response:
        self.authorization.append(request.headers.get("Authorization", ""))
        self.sign_in_resources += 1
        if self.sign_in_fails:
            return web.json_response({"error": {"code": "Forbidden"}}, status=403)
        return web.json_response(
            {
                "signInLink": SIGN_IN_LINK,
                "tokenExchangeResource": {
                    "id": f"exchange-{self.sign_in_resources}",
                    "uri": f"api://botid-{self.app_id}",
                    "providerId": "provider-id",
                },
            }
        )

    async def _exchange(self, request: web.Request) -> web.Response:
        self.authorization.append(request.headers.get("Authorization", ""))
        body = await request.json()
        self.exchanged.append(body.get("token", ""))
        if self.exchange_fails:
            return web.json_response(
                {"error": {"code": "ServiceError", "message": "consent required"}}, status=400
            )
        return web.json_response(
            {
                "channelId": request.query.get("channelId"),
                "connectionName": request.query.get("connectionName"),
                "token": "graph-token-for-tests",
                "expiration": "2099-01-01T00:00:00Z",
            }
        )

    async def _get_token(self, request: web.Request) -> web.Response:
        self.authorization.append(request.headers.get("Authorization", ""))
        self.magic_codes.append(request.query.get("code", ""))
        return web.json_response({"error": {"code": "NotFound"}}, status=404)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/api/botsignin/GetSignInResource", self._sign_in_resource)
        app.router.add_post("/api/usertoken/exchange", self._exchange)
        app.router.add_get("/api/usertoken/GetToken", self._get_token)
        return app


@asynccontextmanager
async def fake_token_service(app_id: str) -> AsyncIterator[FakeTokenService]:
    service = FakeTokenService(app_id=app_id)
    server = TestServer(service.app(), host="127.0.0.1")
    await server.start_server()
    service.url = str(server.make_url("")).rstrip("/")
    try:
        yield service
    finally:
        await server.close()
