"""How the connector clients' requests travel: aiohttp on the event loop, the token bound to hosts.

msrest sends a connector client's requests with `requests`, on a thread of the
default executor: the reply to every turn waits for a thread hand-off both
ways, and `requests` and urllib3 build and parse each request in Python while
holding the GIL the event loop needs. Timed inside the bot during
benchmarks/turns.py, sending a lookup turn's reply took a median 6.2-6.6 ms
that way and 4.4 ms this way (the fake connector's own handling included). Here
each client's msrest pipeline ends in `AioHttpTransport` instead: one aiohttp
session for the whole app, keep-alive connections, nothing leaves the loop.

The bot's token is added by `HostBoundBearer`, a pipeline policy that sees
each request's URL: only a URL the service URL policy allows gets it, and
redirects are not followed (a redirect would carry it elsewhere).

Retries: a request that never reached the service (the connection could not
be made) and an answer of 429 or 503 (the service did not take it) are tried
again, at most ATTEMPTS times, waiting as Retry-After asks (up to
MAX_RETRY_AFTER_SECONDS). Anything else is answered as it is: a POST that
may have arrived is not sent twice, so a message is never shown twice.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
from msrest.pipeline import Request, Response, SansIOHTTPPolicy
from msrest.pipeline.async_abc import AsyncHTTPSender
from msrest.universal_http import ClientRequest
from msrest.universal_http.async_abc import AsyncClientResponse
from multidict import CIMultiDict

from bot.auth.outbound_credentials import HostBoundCredentials

log = logging.getLogger(__name__)

ATTEMPTS = 3
BACKOFF_SECONDS = (0.2, 0.8)
MAX_RETRY_AFTER_SECONDS = 5.0
TIMEOUT_SECONDS = 30.0
RETRIED_STATUSES = frozenset({429, 503})


class HostBoundBearer(SansIOHTTPPolicy[ClientRequest, AsyncClientResponse]):
    """Adds the bot's current token to requests for allowed hosts, and to no other."""

    def __init__(self, credentials: HostBoundCredentials) -> None:
        self._credentials = credentials

    def on_request(self, request: Request[ClientRequest], **kwargs: Any) -> None:
        headers = request.http_request.headers
        headers.pop("Authorization", None)
        token = self._credentials.token
        if token and self._credentials.policy.allows(request.http_request.url):
            headers["Authorization"] = f"Bearer {token}"


class _Answer(AsyncClientResponse):
    """A connector's answer, read whole (they are small JSON documents)."""

    def __init__(self, request: ClientRequest, answer: aiohttp.ClientResponse, body: bytes) -> None:
        super().__init__(request, answer)
        self.status_code = answer.status
        self.headers = CIMultiDict(answer.headers)
        self.reason = answer.reason
        self._body = body

    def body(self) -> bytes:
        return self._body

    def raise_for_status(self) -> None:
        if self.status_code is not None and self.status_code >= 400:
            raise aiohttp.ClientResponseError(
                self.internal_response.request_info,
                (),
                status=self.status_code,
                message=self.reason or "",
            )

    def stream_download(
        self, chunk_size: int | None = None, callback: Callable[..., Any] | None = None
    ) -> AsyncIterator[bytes]:
        raise NotImplementedError("connector answers are read whole")


def _retry_after(answer: aiohttp.ClientResponse, attempt: int) -> float:
    given = answer.headers.get("Retry-After", "")
    try:
        seconds = float(given)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds):  # absent, a date, or "nan": the usual backoff
        return BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS) - 1)]
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_SECONDS)


class AioHttpTransport(AsyncHTTPSender[ClientRequest, AsyncClientResponse]):
    """The end of every connector client's pipeline: one aiohttp session for the app."""

    def __init__(self, timeout_seconds: float = TIMEOUT_SECONDS) -> None:
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._session: aiohttp.ClientSession | None = None

    def _session_now(self) -> aiohttp.ClientSession:
        # Made on first use: a session belongs to the running event loop.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> AioHttpTransport:
        return self

    async def __aexit__(self, *exc_details: object) -> None:
        """The session outlives any one client: `close` ends it, with the app."""

    async def send(
        self, request: Request[ClientRequest], **config: Any
    ) -> Response[ClientRequest, AsyncClientResponse]:
        http: ClientRequest = request.http_request
        for attempt in range(ATTEMPTS):
            last = attempt == ATTEMPTS - 1
            try:
                async with self._session_now().request(
                    http.method,
                    http.url,
                    headers=dict(http.headers),
                    data=http.data,
                    allow_redirects=False,
                ) as answer:
                    body = await answer.read()
            except aiohttp.ClientConnectorError as error:
                if last:
                    raise
                log.info("connector unreachable, trying again: %s", type(error).__name__)
                await asyncio.sleep(BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS) - 1)])
                continue
            if answer.status in RETRIED_STATUSES and not last:
                log.info("connector answered %d, trying again", answer.status)
                await asyncio.sleep(_retry_after(answer, attempt))
                continue
            return Response(request, _Answer(http, answer, body))
        raise AssertionError("unreachable: the last attempt returns or raises")
