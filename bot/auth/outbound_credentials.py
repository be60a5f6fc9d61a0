"""The credentials botbuilder's connector clients carry: the bot's token, bound to allowed hosts.

botbuilder's credentials put the token in a session-wide header and fetch it
with a blocking msal call from inside the event loop. These hold a token
obtained beforehand (asynchronously, `bot_token`), and attach it through a
`requests` auth hook that sees each request's URL, so the token is only ever
added to a request whose URL the service URL policy allows, whatever base URL
a client was built with, and is not carried across a redirect.
"""

from __future__ import annotations

import requests
from msrest.authentication import Authentication
from requests.auth import AuthBase

from bot.auth.service_urls import ServiceUrlPolicy


class _HostBoundBearer(AuthBase):
    def __init__(self, token: str, policy: ServiceUrlPolicy) -> None:
        self._token = token
        self._policy = policy

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers.pop("Authorization", None)
        if self._policy.allows(request.url):
            request.headers["Authorization"] = f"Bearer {self._token}"
        return request


class HostBoundCredentials(Authentication):
    """msrest credentials: the bot's token (or none, when authentication is off)."""

    def __init__(self, token: str | None, policy: ServiceUrlPolicy) -> None:
        super().__init__()
        self._token = token
        self._policy = policy

    def signed_session(self, session: requests.Session | None = None) -> requests.Session:
        session = session or requests.Session()
        session.headers.pop("Authorization", None)
        session.auth = _HostBoundBearer(self._token, self._policy) if self._token else None
        return session
