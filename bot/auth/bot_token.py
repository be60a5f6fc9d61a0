"""The bot's own token, which it attaches to replies and token-service calls.

msal does the work, but its calls block (the confidential client even makes a
network call in its constructor), and botbuilder calls it from inside the
event loop with no time limit. Here msal runs in a worker thread with a time
limit, once per token lifetime: the token is kept until five minutes before
it expires, and concurrent turns that need a new one share one request.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import msal
import requests

from bot.settings import ENTRA_AUTHORITY, AppType, Settings

log = logging.getLogger(__name__)

BOT_FRAMEWORK_SCOPE = "https://api.botframework.com"
"""The audience of the bot's token for Bot Framework connectors and the token service."""
MULTI_TENANT_AUTHORITY_TENANT = "botframework.com"
RENEW_BEFORE_EXPIRY_SECONDS = 300.0
DEFAULT_TIMEOUT_SECONDS = 10.0


class BotTokenError(Exception):
    """The bot's token could not be obtained (the message is an error code, never a secret)."""


class BotTokenSource(Protocol):
    async def token(self, scope: str) -> str:
        """A current access token of the bot for `scope` (an audience such as the Bot Framework)."""
        ...


@dataclass(frozen=True)
class _Token:
    value: str
    renew_at: float


class MsalBotTokenSource:
    def __init__(
        self,
        *,
        app_id: str,
        secret: str,
        tenant_id: str,
        app_type: AppType,
        authority_host: str = ENTRA_AUTHORITY,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        http_client: Any = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._app_id = app_id
        self._secret = secret
        self._tenant_id = tenant_id
        self._app_type = app_type
        self._authority_host = authority_host.rstrip("/")
        self._timeout = timeout
        self._http_client = http_client
        self._clock = clock
        self._client: Any = None
        self._tokens: dict[str, _Token] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> MsalBotTokenSource:
        return cls(
            app_id=settings.microsoft_app_id,
            secret=settings.microsoft_app_password.get_secret_value(),
            tenant_id=settings.microsoft_app_tenant_id,
            app_type=settings.microsoft_app_type,
            authority_host=settings.entra_authority,
        )

    async def token(self, scope: str) -> str:
        cached = self._tokens.get(scope)
        if cached is not None and self._clock() < cached.renew_at:
            return cached.value
        lock = self._locks.setdefault(scope, asyncio.Lock())
        async with lock:
            cached = self._tokens.get(scope)
            if cached is not None and self._clock() < cached.renew_at:
                return cached.value
            try:
                async with asyncio.timeout(self._timeout):
                    result = await asyncio.to_thread(self._acquire, scope)
            except TimeoutError as error:
                raise BotTokenError("timeout") from error
            except (ValueError, requests.RequestException) as error:
                # msal's own errors (authority discovery) and network failures.
                raise BotTokenError(type(error).__name__) from error
            value = result.get("access_token")
            if not isinstance(value, str) or not value:
                raise BotTokenError(str(result.get("error") or "no_token"))
            expires_in = float(result.get("expires_in") or 0)
            renew_at = self._clock() + max(expires_in - RENEW_BEFORE_EXPIRY_SECONDS, 0.0)
            self._tokens[scope] = _Token(value, renew_at)
            return value

    def _acquire(self, scope: str) -> dict[str, Any]:
        """In a worker thread: msal blocks on the network."""
        if self._app_type is AppType.USER_ASSIGNED_MSI:
            if self._client is None:
                self._client = msal.ManagedIdentityClient(
                    msal.UserAssignedManagedIdentity(client_id=self._app_id),
                    http_client=self._http_client or requests.Session(),
                )
            result: dict[str, Any] = self._client.acquire_token_for_client(resource=scope)
            return result
        if self._client is None:
            tenant = self._tenant_id or MULTI_TENANT_AUTHORITY_TENANT
            self._client = msal.ConfidentialClientApplication(
                client_id=self._app_id,
                client_credential=self._secret,
                authority=f"{self._authority_host}/{tenant}",
                http_client=self._http_client,
            )
        result = self._client.acquire_token_for_client(scopes=[f"{scope}/.default"])
        return result
