"""The Bot Framework token service client (single sign-on), built only when a turn needs it.

botbuilder's adapter asks for a user token client on every turn; building one
costs a msrest client and, with botbuilder's credentials, a blocking msal
call. This one is built on first use, with the bot's token fetched
asynchronously and attached only to the token service's own host.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from botbuilder.schema import Activity, TokenResponse
from botframework.connector.auth import UserTokenClient

# The implementation botbuilder itself uses; private, but the SDK is archived and frozen.
from botframework.connector.auth._user_token_client_impl import _UserTokenClientImpl
from botframework.connector.token_api.models import TokenExchangeRequest

from bot.auth.bot_token import BotTokenSource
from bot.auth.outbound_credentials import HostBoundCredentials
from bot.auth.service_urls import ServiceUrlPolicy


class LazyUserTokenClient(UserTokenClient):  # type: ignore[misc]
    def __init__(
        self,
        *,
        app_id: str,
        token_service_url: str,
        token_source: BotTokenSource | None,
        scope: str,
    ) -> None:
        super().__init__()
        self._app_id = app_id
        self._url = token_service_url
        self._token_source = token_source
        self._scope = scope
        self._inner: _UserTokenClientImpl | None = None

    async def _client(self) -> _UserTokenClientImpl:
        if self._inner is None:
            token = await self._token_source.token(self._scope) if self._token_source else None
            policy = ServiceUrlPolicy([urlsplit(self._url).hostname or ""])
            credentials = HostBoundCredentials(token, policy)
            self._inner = _UserTokenClientImpl(self._app_id, credentials, self._url)
        return self._inner

    async def get_user_token(
        self, user_id: str, connection_name: str, channel_id: str, magic_code: str
    ) -> TokenResponse:
        client = await self._client()
        return await client.get_user_token(user_id, connection_name, channel_id, magic_code)

    async def get_sign_in_resource(
        self, connection_name: str, activity: Activity, final_redirect: str
    ) -> Any:
        client = await self._client()
        return await client.get_sign_in_resource(connection_name, activity, final_redirect)

    async def sign_out_user(self, user_id: str, connection_name: str, channel_id: str) -> None:
        client = await self._client()
        await client.sign_out_user(user_id, connection_name, channel_id)

    async def get_token_status(self, user_id: str, channel_id: str, include_filter: str) -> Any:
        client = await self._client()
        return await client.get_token_status(user_id, channel_id, include_filter)

    async def get_aad_tokens(
        self, user_id: str, connection_name: str, resource_urls: list[str], channel_id: str
    ) -> Any:
        client = await self._client()
        return await client.get_aad_tokens(user_id, connection_name, resource_urls, channel_id)

    async def exchange_token(
        self,
        user_id: str,
        connection_name: str,
        channel_id: str,
        exchange_request: TokenExchangeRequest,
    ) -> TokenResponse:
        client = await self._client()
        return await client.exchange_token(user_id, connection_name, channel_id, exchange_request)
