"""Signing keys published behind an OpenID metadata document, cached without stalling the loop.

Why not botbuilder's cache: it fetches with blocking `requests` and no timeout
inside the event loop, and an unknown key id raises IndexError instead of
refreshing, so a key rollover breaks the bot for up to a day
(platform-notes.md). Here:

- fetches use aiohttp with a time limit for the whole refresh (metadata and
  key set together), and a cap on the size of what is read;
- a request whose key id is known never waits for a fetch: keys older than a
  day are refreshed in the background while the known ones keep working;
- an unknown key id (a rollover) triggers a refresh at once, but at most once
  per `min_refresh_interval`, so a stream of made-up key ids is not a stream of
  fetches; concurrent requests share the one refresh in flight;
- a failed refresh keeps the keys already known.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import aiohttp
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from jwt.algorithms import RSAAlgorithm
from jwt.exceptions import PyJWTError

log = logging.getLogger(__name__)

MAX_DOCUMENT_BYTES = 512 * 1024
"""Far more than any real metadata document or key set; a hostile or broken endpoint
cannot make us read without end."""

DEFAULT_MIN_REFRESH_INTERVAL = 300.0
DEFAULT_MAX_AGE = 24 * 3600.0
DEFAULT_EMPTY_RETRY_INTERVAL = 15.0


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    public_key: RSAPublicKey
    endorsements: frozenset[str]
    """The channels this key may sign for (Bot Framework keys list them: "msteams", ...)."""


class KeyFetchError(Exception):
    """The metadata document or key set could not be fetched or understood."""


def parse_key_set(document: Any) -> dict[str, SigningKey]:
    """The usable RSA signing keys of a JWKS document, by key id; anything else is skipped."""
    if not isinstance(document, Mapping) or not isinstance(document.get("keys"), list):
        raise KeyFetchError("not a key set")
    keys: dict[str, SigningKey] = {}
    for entry in document["keys"]:
        key = _signing_key(entry)
        if key is not None:
            keys[key.key_id] = key
    return keys


def _signing_key(entry: Any) -> SigningKey | None:
    if not isinstance(entry, Mapping):
        return None
    key_id = entry.get("kid")
    if not isinstance(key_id, str) or not key_id:
        return None
    if entry.get("kty") != "RSA" or entry.get("use", "sig") != "sig" or "d" in entry:
        return None
    try:
        public_key = RSAAlgorithm.from_jwk(dict(entry))
    except (PyJWTError, ValueError, TypeError, KeyError) as error:
        log.debug("skipping an unreadable signing key: %s", type(error).__name__)
        return None
    if not isinstance(public_key, RSAPublicKey):
        return None
    endorsements = entry.get("endorsements") or []
    if not isinstance(endorsements, list):
        endorsements = []
    return SigningKey(
        key_id=key_id,
        public_key=public_key,
        endorsements=frozenset(e for e in endorsements if isinstance(e, str)),
    )


class KeySetSource(Protocol):
    """Where the keys come from; `fetch` may be slow or hang: the cache bounds it."""

    async def fetch(self) -> dict[str, SigningKey]: ...

    async def close(self) -> None: ...


class OpenIdKeySetSource:
    """The key set behind an OpenID metadata document, over aiohttp."""

    def __init__(self, metadata_url: str, *, timeout: float) -> None:
        self.metadata_url = metadata_url
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    async def fetch(self) -> dict[str, SigningKey]:
        metadata = await self._get_json(self.metadata_url)
        jwks_uri = metadata.get("jwks_uri") if isinstance(metadata, Mapping) else None
        if not isinstance(jwks_uri, str) or not _same_or_stronger_scheme(
            jwks_uri, self.metadata_url
        ):
            raise KeyFetchError("metadata without a usable jwks_uri")
        return parse_key_set(await self._get_json(jwks_uri))

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _get_json(self, url: str) -> Any:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self._timeout)
            )
        async with self._session.get(url, allow_redirects=False) as response:
            if response.status != 200:
                raise KeyFetchError(f"HTTP {response.status}")
            body = await response.content.read(MAX_DOCUMENT_BYTES + 1)
        if len(body) > MAX_DOCUMENT_BYTES:
            raise KeyFetchError("document too large")
        return json.loads(body)


class SigningKeyCache:
    """The keys of one key set source."""

    def __init__(
        self,
        source: KeySetSource,
        *,
        timeout: float,
        min_refresh_interval: float = DEFAULT_MIN_REFRESH_INTERVAL,
        max_age: float = DEFAULT_MAX_AGE,
        empty_retry_interval: float = DEFAULT_EMPTY_RETRY_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._source = source
        self._timeout = timeout
        self._min_refresh_interval = min_refresh_interval
        self._max_age = max_age
        self._empty_retry_interval = empty_retry_interval
        self._clock = clock
        self._keys: dict[str, SigningKey] = {}
        self._fetched_at: float | None = None
        self._last_attempt: float | None = None
        self._last_unknown_key_refresh: float | None = None
        self._refresh: asyncio.Task[bool] | None = None
        self.fetches = 0
        """How many refreshes were started (for tests and metrics)."""

    @property
    def key_ids(self) -> frozenset[str]:
        return frozenset(self._keys)

    async def prefetch(self) -> bool:
        """Load the keys now (at start-up); False, and a warning in the log, if that failed."""
        if self._refresh is None:
            self._start_refresh()
        return await self._wait_for_refresh()

    async def key(self, key_id: str) -> SigningKey | None:
        """The key with this id, or None when it is not published (or cannot be fetched now)."""
        key = self._keys.get(key_id)
        now = self._clock()
        if key is not None:
            if self._is_stale(now) and self._refresh is None:
                self._start_refresh()  # in the background: this request does not wait
            return key
        if self._refresh is None:
            if not self._may_refresh_for_unknown_key(now):
                return None
            self._last_unknown_key_refresh = now
            self._start_refresh()
        await self._wait_for_refresh()
        return self._keys.get(key_id)

    async def close(self) -> None:
        refresh, self._refresh = self._refresh, None
        if refresh is not None:
            refresh.cancel()
            await asyncio.gather(refresh, return_exceptions=True)
        await self._source.close()

    def _is_stale(self, now: float) -> bool:
        if self._fetched_at is not None and now - self._fetched_at < self._max_age:
            return False
        return self._last_attempt is None or now - self._last_attempt >= self._min_refresh_interval

    def _may_refresh_for_unknown_key(self, now: float) -> bool:
        if not self._keys:
            # Nothing loaded yet (the endpoint was down at start-up): retry sooner.
            last, interval = self._last_attempt, self._empty_retry_interval
        else:
            last, interval = self._last_unknown_key_refresh, self._min_refresh_interval
        return last is None or now - last >= interval

    def _start_refresh(self) -> None:
        self._last_attempt = self._clock()
        self.fetches += 1
        task = asyncio.get_running_loop().create_task(self._run_refresh())
        self._refresh = task

        def forget(done: asyncio.Task[bool]) -> None:
            if self._refresh is done:
                self._refresh = None

        task.add_done_callback(forget)

    async def _wait_for_refresh(self) -> bool:
        refresh = self._refresh
        if refresh is None:
            return bool(self._keys)
        # Shielded: a caller that gives up (its client went away) does not cancel the
        # refresh the other callers are waiting for.
        try:
            return await asyncio.shield(refresh)
        except asyncio.CancelledError:
            if refresh.cancelled():
                return False
            raise

    async def _run_refresh(self) -> bool:
        try:
            async with asyncio.timeout(self._timeout):
                keys = await self._source.fetch()
        except TimeoutError:
            log.warning("signing keys not refreshed: no answer within %ss", self._timeout)
            return False
        except (aiohttp.ClientError, KeyFetchError, ValueError) as error:
            log.warning("signing keys not refreshed: %s", type(error).__name__)
            return False
        if not keys:
            log.warning("signing keys not refreshed: the key set holds no usable key")
            return False
        self._keys = keys
        self._fetched_at = self._clock()
        log.info("signing keys refreshed: %d keys", len(keys))
        return True


def _same_or_stronger_scheme(url: str, reference: str) -> bool:
    """The key set must come over https, unless the metadata itself was (loopback) http."""
    scheme = urlsplit(url).scheme
    return scheme == "https" or (scheme == "http" and urlsplit(reference).scheme == "http")
