"""The botbuilder side of identity: identities we validated, connectors only to allowed hosts.

`adapter.process_activity` accepts an `AuthenticateRequestResult` in place of
the Authorization header; handing it one built from a token we validated
ourselves (`channel_tokens`) keeps botbuilder's own validation, with its
blocking key cache, out of the way. Every connector client the adapter builds
for a turn (or for a proactive message) comes from `AllowedHostsConnectorFactory`,
which refuses a service URL whose host is not allowed before any request is
made, and whose clients attach the bot's token only to allowed hosts.

Speed (platform-notes.md, "Speed"): botbuilder's own factory builds a new
`ConnectorClient` for every turn, and each construction costs msrest's
`ClientRetryPolicy` (a 999 x 500 list-membership loop, about 3 ms) and a new
`requests` session, so a new TCP (and TLS) connection per turn. Here the app
has one factory (`PrevalidatedAuthentication.connectors`), which keeps one
client per (service URL, audience) for the life of the app: the allow-list is
checked on every call, before a client is built or handed out again; the
client's credentials are given the current token on every call. Each client's
requests go through one app-wide aiohttp session on the event loop
(`connector_transport`: keep-alive connections, no thread hand-off), and its
activities are written with `bot.serialization.SERIALIZER`, which hands a card's
JSON over as it is instead of walking it value by value (3-7 ms a card). No
msrest class is patched: the clients are given their pipeline and serializer.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass

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
from msrest.pipeline.async_abc import AsyncPipeline
from msrest.pipeline.universal import RawDeserializer

from bot.auth.bot_token import BOT_FRAMEWORK_SCOPE, BotTokenError, BotTokenSource
from bot.auth.channel_tokens import ChannelToken
from bot.auth.connector_transport import AioHttpTransport, HostBoundBearer
from bot.auth.outbound_credentials import HostBoundCredentials
from bot.auth.service_urls import ServiceUrlNotAllowed, ServiceUrlPolicy
from bot.auth.user_tokens import LazyUserTokenClient
from bot.serialization import SERIALIZER

log = logging.getLogger(__name__)

USER_AGENT = f"Microsoft-BotFramework/3.1 (BotBuilder Python/{botframework_version})"

MAX_CONNECTOR_CLIENTS = 64
"""Clients kept at once. Teams uses a handful of service URLs; the least recently used
client beyond this is dropped (a turn still holding it finishes with it)."""


@dataclass(frozen=True)
class _Connector:
    client: ConnectorClient
    credentials: HostBoundCredentials


class AllowedHostsConnectorFactory(ConnectorFactory):  # type: ignore[misc]
    """Connector clients to allowed service URLs only: one per (service URL, audience), reused."""

    def __init__(
        self,
        policy: ServiceUrlPolicy,
        token_source: BotTokenSource | None,
        scope: str = BOT_FRAMEWORK_SCOPE,
        *,
        max_clients: int = MAX_CONNECTOR_CLIENTS,
    ) -> None:
        self._policy = policy
        self._token_source = token_source
        self._scope = scope
        self._max_clients = max_clients
        self._connectors: OrderedDict[tuple[str, str], _Connector] = OrderedDict()
        self._transport = AioHttpTransport()
        # Builds and look-ups never await, so turns on the event loop cannot interleave
        # inside them; the lock makes that hold for other threads too.
        self._lock = threading.Lock()
        self.clients_built = 0
        """How many clients this factory has built (for tests and diagnostics)."""

    async def close(self) -> None:
        """End the shared HTTP session (with the app): clients built later open a new one."""
        await self._transport.close()

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        if not self._policy.allows(service_url):
            host = self._policy.host_of(service_url)
            log.warning("refused a connector to a service URL whose host is not allowed: %r", host)
            raise ServiceUrlNotAllowed(host)
        if audience not in (None, self._scope):
            # Only the Bot Framework audience: this bot calls no skills.
            raise ServiceUrlNotAllowed(self._policy.host_of(service_url))
        # Every turn: the token source keeps the token until shortly before it expires,
        # so this is a dictionary look-up, and a long-lived client sends a renewed token.
        token = await self._token_source.token(self._scope) if self._token_source else None
        connector = self._connector(service_url, self._scope)
        connector.credentials.use_token(token)
        return connector.client

    def _connector(self, service_url: str, audience: str) -> _Connector:
        key = (service_url, audience)
        with self._lock:
            connector = self._connectors.get(key)
            if connector is not None:
                self._connectors.move_to_end(key)
                return connector
            credentials = HostBoundCredentials(None, self._policy)
            client = ConnectorClient(credentials, base_url=service_url)
            client.config.add_user_agent(USER_AGENT)
            client.conversations._serialize = SERIALIZER
            client.config.pipeline = AsyncPipeline(
                [
                    client.config.user_agent_policy,
                    HostBoundBearer(credentials),
                    RawDeserializer(),
                    client.config.http_logger_policy,
                ],
                self._transport,
            )
            connector = _Connector(client, credentials)
            self._connectors[key] = connector
            self.clients_built += 1
            while len(self._connectors) > self._max_clients:
                self._connectors.popitem(last=False)
            return connector


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
        self._token_source = token_source
        self._token_service_url = token_service_url
        self._scope = scope
        self._caller_id = caller_id
        self.connectors = AllowedHostsConnectorFactory(service_urls, token_source, scope)
        """The app's one connector factory: every turn and proactive message uses it."""

    async def close(self) -> None:
        await self.connectors.close()

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
        # The same factory for every identity: this bot has one app id and one audience
        # (the factory refuses any other), so its clients can be shared.
        return self.connectors

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        # Lazy: the adapter asks for one on every turn, and most turns never use it. This
        # wrapper costs microseconds; the msrest client behind it is built only when a turn
        # calls the token service (single sign-on). It is not shared between turns: it keeps
        # the token it was built with, which would expire in a long-lived client.
        return LazyUserTokenClient(
            app_id=self._app_id,
            token_service_url=self._token_service_url,
            token_source=self._token_source,
            scope=self._scope,
        )

    def get_originating_audience(self) -> str:
        return self._scope
