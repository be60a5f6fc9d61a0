"""The signing key cache: rollovers, rate limits, stale keys and hanging endpoints."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.auth.signing_keys import KeyFetchError, SigningKey, SigningKeyCache, parse_key_set
from tests.support.identity_provider import new_key


def signing_key(key_id: str, endorsements: tuple[str, ...] = ("msteams",)) -> SigningKey:
    return next(iter(parse_key_set({"keys": [new_key(key_id, endorsements).jwk()]}).values()))


class FakeSource:
    def __init__(self, *key_ids: str) -> None:
        self.keys = {key_id: signing_key(key_id) for key_id in key_ids}
        self.calls = 0
        self.hang = False
        self.fail = False
        self.closed = False
        self.gate: asyncio.Event | None = None

    def publish(self, key_id: str) -> None:
        self.keys[key_id] = signing_key(key_id)

    async def fetch(self) -> dict[str, SigningKey]:
        self.calls += 1
        if self.hang:
            await asyncio.sleep(3600)
        if self.gate is not None:
            await self.gate.wait()
        if self.fail:
            raise KeyFetchError("down")
        return dict(self.keys)

    async def close(self) -> None:
        self.closed = True


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def cache(source: FakeSource, clock: Clock, timeout: float = 0.2) -> SigningKeyCache:
    return SigningKeyCache(
        source,
        timeout=timeout,
        min_refresh_interval=300,
        max_age=86400,
        empty_retry_interval=15,
        clock=clock,
    )


async def test_prefetch_loads_the_keys_and_known_ids_need_no_fetch() -> None:
    source, clock = FakeSource("a"), Clock()
    keys = cache(source, clock)

    assert await keys.prefetch() is True
    key = await keys.key("a")

    assert key is not None
    assert key.endorsements == frozenset({"msteams"})
    assert source.calls == 1


async def test_a_new_key_id_is_fetched_at_once() -> None:
    source, clock = FakeSource("a"), Clock()
    keys = cache(source, clock)
    await keys.prefetch()
    source.publish("b")

    assert await keys.key("b") is not None
    assert source.calls == 2


async def test_unknown_key_ids_refresh_at_most_once_per_interval() -> None:
    source, clock = FakeSource("a"), Clock()
    keys = cache(source, clock)
    await keys.prefetch()

    assert await keys.key("x") is None
    clock.now += 299
    source.publish("y")
    assert await keys.key("y") is None
    assert source.calls == 2

    clock.now += 2
    assert await keys.key("y") is not None
    assert source.calls == 3


async def test_concurrent_lookups_share_one_refresh() -> None:
    source, clock = FakeSource("a"), Clock()
    keys = cache(source, clock)
    await keys.prefetch()
    source.publish("b")

    found = await asyncio.gather(*(keys.key("b") for _ in range(20)))

    assert all(key is not None for key in found)
    assert source.calls == 2


async def test_a_known_key_never_waits_for_a_hanging_refresh() -> None:
    source, clock = FakeSource("a"), Clock()
    keys = cache(source, clock, timeout=5)
    await keys.prefetch()
    source.hang = True
    waiting = asyncio.create_task(keys.key("b"))
    await asyncio.sleep(0)

    key = await asyncio.wait_for(keys.key("a"), 0.05)

    assert key is not None
    assert not waiting.done()
    await keys.close()
    assert await waiting is None
    assert source.closed


async def test_a_hanging_refresh_is_abandoned_after_the_timeout() -> None:
    source, clock = FakeSource("a"), Clock()
    keys = cache(source, clock, timeout=0.1)
    await keys.prefetch()
    source.hang = True

    assert await asyncio.wait_for(keys.key("b"), 1) is None
    assert await keys.key("a") is not None  # the known keys are kept


async def test_stale_keys_are_refreshed_in_the_background() -> None:
    source, clock = FakeSource("a"), Clock()
    keys = cache(source, clock)
    await keys.prefetch()
    clock.now += 86401
    source.hang = True

    assert await asyncio.wait_for(keys.key("a"), 0.05) is not None
    await asyncio.sleep(0)
    assert source.calls == 2
    assert await asyncio.wait_for(keys.key("a"), 0.05) is not None
    assert source.calls == 2  # one background refresh, not one per request
    await keys.close()


async def test_a_failed_refresh_keeps_the_keys_already_known() -> None:
    source, clock = FakeSource("a"), Clock()
    keys = cache(source, clock)
    await keys.prefetch()
    source.fail = True

    assert await keys.key("b") is None
    assert await keys.key("a") is not None


async def test_with_no_keys_at_all_a_fetch_is_retried_sooner() -> None:
    source, clock = FakeSource("a"), Clock()
    source.fail = True
    keys = cache(source, clock)
    assert await keys.prefetch() is False

    assert await keys.key("a") is None  # just tried: not again at once
    source.fail = False
    clock.now += 16
    assert await keys.key("a") is not None
    assert source.calls == 2


async def test_a_caller_that_gives_up_does_not_cancel_the_shared_refresh() -> None:
    source, clock = FakeSource("a"), Clock()
    keys = cache(source, clock, timeout=5)
    await keys.prefetch()
    source.publish("b")
    source.gate = asyncio.Event()
    impatient = asyncio.create_task(keys.key("b"))
    patient = asyncio.create_task(keys.key("b"))
    await asyncio.sleep(0.01)

    impatient.cancel()
    await asyncio.sleep(0.01)
    source.gate.set()

    assert await patient is not None
    assert impatient.cancelled()
    assert source.calls == 2


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param({"kty": "EC", "kid": "k"}, id="not-rsa"),
        pytest.param({"kty": "RSA", "n": "AQAB", "e": "AQAB"}, id="no-key-id"),
        pytest.param({"kty": "RSA", "kid": "k", "n": "!!", "e": "AQAB"}, id="unreadable"),
        pytest.param({"kty": "RSA", "kid": "k", "use": "enc", "n": "AQAB", "e": "AQAB"}, id="enc"),
        pytest.param("not an object", id="not-an-object"),
    ],
)
def test_unusable_keys_are_skipped(entry: Any) -> None:
    good = new_key("good").jwk()
    assert set(parse_key_set({"keys": [entry, good]})) == {"good"}


def test_a_private_key_is_never_taken_for_a_public_one() -> None:
    from jwt.algorithms import RSAAlgorithm

    private = RSAAlgorithm.to_jwk(new_key().private_key, as_dict=True)
    assert parse_key_set({"keys": [{**private, "kid": "p"}]}) == {}


@pytest.mark.parametrize("document", [None, [], {"keys": "x"}, {"no": "keys"}])
def test_a_document_that_is_not_a_key_set_is_an_error(document: Any) -> None:
    with pytest.raises(KeyFetchError):
        parse_key_set(document)
