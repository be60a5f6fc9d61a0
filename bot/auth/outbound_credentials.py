"""The credentials botbuilder's connector clients carry: the bot's token, bound to allowed hosts.

botbuilder's credentials put the token in a session-wide header and fetch it
with a blocking msal call from inside the event loop. These hold a token
obtained beforehand (asynchronously, `bot_token`), and attach it through a
`requests` auth hook that sees each request's URL, so the token is only ever
added to a request whose URL the service URL policy allows, whatever base URL
a client was built with, and is not carried across a redirect.

A connector client lives for the life of the app (`bot_framework`), longer than
a token: the factory hands its credentials the current token on every turn
(`use_token`), and each request carries whichever token is current when it
is sent.
"""

from __future__ import annotations

import requests
from msrest.authentication import Authentication
from requests.auth import AuthBase

from bot.auth.service_urls import ServiceUrlPolicy


class _HostBoundBearer(AuthBase):
    def __init__(self, credentials: HostBoundCredentials) -> None:
        self._credentials = credentials

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers.pop("Authorization", None)
        token = self._credentials.token
        if token and self._credentials.policy.allows(request.url):
            request.headers["Authorization"] = f"Bearer {token}"
        return request


class HostBoundCredentials(Authentication):
    """msrest credentials: the bot's token (or none, when authentication is off)."""

    def __init__(self, token: str | None, policy: ServiceUrlPolicy) -> None:
        super().__init__()
        self._token = token
        self.policy = policy
        self._auth = _HostBoundBearer(self)

    @property
    def token(self) -> str | None:
        return self._token

    def use_token(self, token: str | None) -> None:
        """The token to attach from now on (a renewed one; or none, authentication off)."""
        self._token = token

    def signed_session(self, session: requests.Session | None = None) -> requests.Session:
        # msrest calls this before every request, with the client's (reused) session.
        session = session or requests.Session()
        session.headers.pop("Authorization", None)
        session.auth = self._auth
        return session
