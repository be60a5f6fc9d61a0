"""The bot's own token from msal: off the event loop, cached, and failing clearly.

msal only talks https to Entra ID; a `requests` session that routes
login.microsoftonline.com to the local identity provider keeps it offline.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
import requests

from bot.auth.bot_token import BotTokenError, MsalBotTokenSource
from bot.settings import AppType
from tests.support.identity_provider import IdentityProvider, identity_provider

APP_ID = "0b9ad8a6-7a52-4f27-9d65-3c1f3f2d8e11"
TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"
SECRET = "app-secret-for-tests"
SCOPE = "https://api.botframework.com"


class RoutedSession(requests.Session):
    """Sends what msal addresses to Entra ID to the local identity provider instead."""

    def __init__(self, target: str, delay: float = 0.0) -> None:
        super().__init__()
        self.target = target
        self.delay = delay
        self.urls: list[str] = []

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        text = url.decode() if isinstance(url, bytes) else url
        routed = text.replace("https://login.microsoftonline.com", self.target)
        self.urls.append(routed)
        if self.delay:
            time.sleep(self.delay)
        return super().request(method, routed, *args, **kwargs)


@pytest.fixture
async def idp() -> AsyncIterator[IdentityProvider]:
    async with identity_provider() as provider:
        provider.client_secrets[APP_ID] = SECRET
        yield provider


def source(
    idp: IdentityProvider, *, secret: str = SECRET, delay: float = 0.0, timeout: float = 5.0
) -> MsalBotTokenSource:
    return MsalBotTokenSource(
        app_id=APP_ID,
        secret=secret,
        tenant_id=TENANT_ID,
        app_type=AppType.SINGLE_TENANT,
        timeout=timeout,
        http_client=RoutedSession(idp.url, delay),
    )


async def test_the_token_comes_from_the_tenant_and_is_reused(idp: IdentityProvider) -> None:
    tokens = source(idp)

    first = await tokens.token(SCOPE)
    second = await tokens.token(SCOPE)

    assert first == second == idp.issued_client_tokens[0]
    assert len(idp.issued_client_tokens) == 1


async def test_concurrent_turns_share_one_request(idp: IdentityProvider) -> None:
    tokens = source(idp)

    values = await asyncio.gather(*(tokens.token(SCOPE) for _ in range(5)))

    assert len(set(values)) == 1
    assert len(idp.issued_client_tokens) == 1


async def test_a_wrong_secret_is_a_clear_error_without_the_secret(idp: IdentityProvider) -> None:
    with pytest.raises(BotTokenError) as raised:
        await source(idp, secret="wrong").token(SCOPE)

    assert str(raised.value) == "invalid_client"
    assert "wrong" not in str(raised.value)


async def test_a_slow_identity_provider_does_not_stall_the_loop(idp: IdentityProvider) -> None:
    tokens = source(idp, delay=0.5, timeout=0.2)
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    with pytest.raises(BotTokenError, match="timeout"):
        await tokens.token(SCOPE)
    ticker.cancel()

    assert ticks >= 10  # the loop kept running while msal waited
