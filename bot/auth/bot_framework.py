"""The botbuilder side of identity: identities we validated, connectors only to allowed hosts.

`adapter.process_activity` accepts an `AuthenticateRequestResult` in place of
the Authorization header; handing it one built from a token we validated
ourselves (`channel_tokens`) keeps botbuilder's own validation, with its
blocking key cache, out of the way. Every connector client the adapter builds
for a turn (or for a proactive message) comes from `AllowedHostsConnectorFactory`,
which refuses a service URL whose host is not allowed before any request is
made, and whose clients attach the bot's token only to allowed hosts.
"""

from __future__ import annotations

import logging

from botbuilder.schema import CallerIdConstants
from botframework.connector.about import __version__ as botframework_version
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)

from bot.auth.bot_token import BOT_FRAMEWORK_SCOPE, BotTokenError, BotTokenSource
from bot.auth.channel_tokens import ChannelToken
from bot.auth.outbound_credentials import HostBoundCredentials
from bot.auth.service_urls import ServiceUrlNotAllowed, ServiceUrlPolicy
from bot.auth.user_tokens import LazyUserTokenClient

log = logging.getLogger(__name__)

USER_AGENT = f"Microsoft-BotFramework/3.1 (BotBuilder Python/{botframework_version})"


class AllowedHostsConnectorFactory(ConnectorFactory):  # type: ignore[misc]
    def __init__(
        self,
        policy: ServiceUrlPolicy,
        token_source: BotTokenSource | None,
        scope: str = BOT_FRAMEWORK_SCOPE,
    ) -> None:
        self._policy = policy
        self._token_source = token_source
        self._scope = scope

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        if not self._policy.allows(service_url):
            host = self._policy.host_of(service_url)
            log.warning("refused a connector to a service URL whose host is not allowed: %r", host)
            raise ServiceUrlNotAllowed(host)
        if audience not in (None, self._scope):
            # Only the Bot Framework audience: this bot calls no skills.
            raise ServiceUrlNotAllowed(self._policy.host_of(service_url))
        token = await self._token_source.token(self._scope) if self._token_source else None
        client = ConnectorClient(HostBoundCredentials(token, self._policy), base_url=service_url)
        client.config.add_user_agent(USER_AGENT)
        return client


class PrevalidatedAuthentication(BotFrameworkAuthentication):  # type: ignore[misc]
    """botbuilder's authentication seam, fed with identities validated before the turn."""

    def __init__(
        self,
        *,
        app_id: str,
        service_urls: ServiceUrlPolicy,
        token_source: BotTokenSource | None,
        token_service_url: str,
        scope: str = BOT_FRAMEWORK_SCOPE,
        caller_id: str = CallerIdConstants.public_azure_channel.value,
    ) -> None:
        self._app_id = app_id
        self._service_urls = service_urls
        self._token_source = token_source
        self._token_service_url = token_service_url
        self._scope = scope
        self._caller_id = caller_id

    async def warm_up(self) -> None:
        """Fetch the bot's token at start-up, so the first reply does not wait for it."""
        if self._token_source is None:
            return
        try:
            await self._token_source.token(self._scope)
        except BotTokenError as error:
            log.warning("the bot's own token could not be obtained at start-up: %s", error)

    def request_result(self, token: ChannelToken | None) -> AuthenticateRequestResult:
        """What `process_activity` needs; `None` only in local unauthenticated mode."""
        result = AuthenticateRequestResult()
        if token is None:
            result.claims_identity = ClaimsIdentity(
                {}, True, AuthenticationConstants.ANONYMOUS_AUTH_TYPE
            )
            result.caller_id = None
        else:
            result.claims_identity = ClaimsIdentity(dict(token.claims), True)
            result.caller_id = self._caller_id
        result.audience = self._scope
        result.connector_factory = self.create_connector_factory(result.claims_identity)
        return result

    async def authenticate_request(
        self, activity: object, auth_header: str
    ) -> AuthenticateRequestResult:
        raise PermissionError("requests are authenticated before the adapter sees them")

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        raise PermissionError("streaming requests are not accepted")

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        raise PermissionError("skill requests are not accepted")

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return AllowedHostsConnectorFactory(self._service_urls, self._token_source, self._scope)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        # Lazy: the adapter asks for one on every turn, and most turns never use it.
        return LazyUserTokenClient(
            app_id=self._app_id,
            token_service_url=self._token_service_url,
            token_source=self._token_source,
            scope=self._scope,
        )

    def get_originating_audience(self) -> str:
        return self._scope
