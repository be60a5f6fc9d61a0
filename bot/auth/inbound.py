"""Who sent a request to /api/messages: every check, in the order the handler needs them.

`authenticate` runs on the Authorization header alone, before the body is
read or parsed; `bind` runs once the activity is parsed. Only in local mode
with no app id (the Agents Playground) is there no token, and then
`authenticate` returns None; the service URL is still checked, so even
then the bot replies only to the Playground on loopback or to Teams hosts.
"""

from __future__ import annotations

from bot.auth.channel_tokens import ChannelToken, ChannelTokenValidator, bind_to_activity
from bot.auth.refusals import RefusalReason, RequestRefused
from bot.auth.service_urls import ServiceUrlPolicy
from bot.auth.signing_keys import OpenIdKeySetSource, SigningKeyCache
from bot.settings import Settings


class InboundAuthenticator:
    def __init__(self, settings: Settings, service_urls: ServiceUrlPolicy) -> None:
        self.service_urls = service_urls
        self.keys: SigningKeyCache | None = None
        self._validator: ChannelTokenValidator | None = None
        if not settings.authentication_disabled:
            timeout = settings.signing_key_fetch_timeout
            source = OpenIdKeySetSource(settings.channel_openid_metadata_url, timeout=timeout)
            self.keys = SigningKeyCache(source, timeout=timeout)
            self._validator = ChannelTokenValidator(self.keys, app_id=settings.microsoft_app_id)

    async def start(self) -> None:
        """Fetch the signing keys before the first request; a failure is logged, not fatal."""
        if self.keys is not None:
            await self.keys.prefetch()

    async def close(self) -> None:
        if self.keys is not None:
            await self.keys.close()

    async def authenticate(self, authorization: str | None) -> ChannelToken | None:
        if self._validator is None:
            return None
        return await self._validator.validate(authorization)

    def bind(
        self, token: ChannelToken | None, *, channel_id: str | None, service_url: str | None
    ) -> None:
        if token is not None:
            bind_to_activity(token, channel_id=channel_id, service_url=service_url)
        if not self.service_urls.allows(service_url):
            raise RequestRefused(RefusalReason.SERVICE_URL_NOT_ALLOWED)
