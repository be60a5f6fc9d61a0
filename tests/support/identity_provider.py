"""A local identity provider on loopback: the Bot Framework's and Entra ID's keys and tokens.

It serves, on 127.0.0.1:

- the Bot Framework OpenID metadata and key set (keys with `endorsements`),
  at `channel_metadata_url`;
- per tenant, Entra ID's v2.0 OpenID metadata, key set and a client-credentials
  token endpoint, under `authority` (`{authority}/{tenant}/v2.0/...`);

and mints tokens: Bot Framework channel tokens and Entra ID access tokens,
correct by default, with every field overridable so tests can break one
thing at a time. It can publish a new key (a rollover) and make the key
endpoints hang, and it counts key fetches.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from aiohttp.test_utils import TestServer
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
ENTRA_ISSUER_V2 = "https://login.microsoftonline.com/{tenant}/v2.0"
ENTRA_ISSUER_V1 = "https://sts.windows.net/{tenant}/"
HANG_SECONDS = 30.0

_POOL_SIZE = 8
_KEY_POOL: list[rsa.RSAPrivateKey] = []
_next_key = 0


def _pooled_private_key() -> rsa.RSAPrivateKey:
    """RSA keys are slow to make: the test session cycles through a small pool."""
    global _next_key
    index = _next_key % _POOL_SIZE
    _next_key += 1
    while len(_KEY_POOL) <= index:
        _KEY_POOL.append(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    return _KEY_POOL[index]


@dataclass
class SigningKey:
    key_id: str
    private_key: rsa.RSAPrivateKey
    endorsements: list[str] | None = None

    def jwk(self) -> dict[str, Any]:
        public = RSAAlgorithm.to_jwk(self.private_key.public_key(), as_dict=True)
        entry: dict[str, Any] = {**public, "kid": self.key_id, "use": "sig", "alg": "RS256"}
        if self.endorsements is not None:
            entry["endorsements"] = list(self.endorsements)
        return entry

    def public_pem(self) -> bytes:
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )


def new_key(
    key_id: str | None = None, endorsements: Sequence[str] | None = ("msteams",)
) -> SigningKey:
    return SigningKey(
        key_id=key_id or f"kid-{uuid.uuid4().hex[:12]}",
        private_key=_pooled_private_key(),
        endorsements=list(endorsements) if endorsements is not None else None,
    )


def forged_key(of: SigningKey) -> SigningKey:
    """Another key pair under the same key id: what an attacker without the real key signs with."""
    private_key = _pooled_private_key()
    while private_key is of.private_key:
        private_key = _pooled_private_key()
    return SigningKey(key_id=of.key_id, private_key=private_key, endorsements=of.endorsements)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned_token(claims: dict[str, Any], key_id: str) -> str:
    """`alg: none`: a token with no signature at all."""
    header = {"alg": "none", "typ": "JWT", "kid": key_id}
    return f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}."


def hs256_token(claims: dict[str, Any], key: SigningKey) -> str:
    """HS256 with the published public key as the HMAC secret (the classic key confusion)."""
    header = {"alg": "HS256", "typ": "JWT", "kid": key.key_id}
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
    signature = hmac.new(key.public_pem(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


@dataclass
class IdentityProvider:
    url: str = ""
    channel_keys: list[SigningKey] = field(default_factory=list)
    tenant_keys: dict[str, list[SigningKey]] = field(default_factory=dict)
    channel_key_fetches: int = 0
    tenant_key_fetches: int = 0
    hang_keys: bool = False
    client_secrets: dict[str, str] = field(default_factory=dict)
    """client id -> secret accepted by the token endpoint."""
    issued_client_tokens: list[str] = field(default_factory=list)
    key_request_started: asyncio.Event = field(default_factory=asyncio.Event)
    _release: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def channel_metadata_url(self) -> str:
        return f"{self.url}/botframework/v1/.well-known/openidconfiguration"

    @property
    def authority(self) -> str:
        return self.url

    @property
    def channel_key(self) -> SigningKey:
        return self.channel_keys[0]

    def publish_channel_key(self, key: SigningKey) -> SigningKey:
        self.channel_keys.append(key)
        return key

    def tenant_key(self, tenant: str) -> SigningKey:
        keys = self.tenant_keys.setdefault(tenant, [])
        if not keys:
            keys.append(new_key(endorsements=None))
        return keys[0]

    def release(self) -> None:
        self._release.set()

    # Tokens

    def channel_claims(
        self, *, app_id: str, service_url: str, lifetime: float = 3600, **overrides: Any
    ) -> dict[str, Any]:
        now = int(time.time())
        claims: dict[str, Any] = {
            "serviceurl": service_url,
            "nbf": now - 5,
            "exp": now + int(lifetime),
            "iss": BOT_FRAMEWORK_ISSUER,
            "aud": app_id,
        }
        claims.update(overrides)
        return {name: value for name, value in claims.items() if value is not None}

    def channel_token(
        self,
        *,
        app_id: str,
        service_url: str,
        key: SigningKey | None = None,
        key_id: str | None = None,
        **overrides: Any,
    ) -> str:
        key = key or self.channel_key
        claims = self.channel_claims(app_id=app_id, service_url=service_url, **overrides)
        return sign(claims, key, key_id=key_id)

    def entra_claims(
        self,
        *,
        tenant: str,
        app_id: str,
        object_id: str,
        roles: Sequence[str] = (),
        version: str = "2.0",
        lifetime: float = 3600,
        **overrides: Any,
    ) -> dict[str, Any]:
        now = int(time.time())
        issuer = (ENTRA_ISSUER_V2 if version == "2.0" else ENTRA_ISSUER_V1).format(tenant=tenant)
        claims: dict[str, Any] = {
            "aud": f"api://botid-{app_id}",
            "iss": issuer,
            "iat": now - 5,
            "nbf": now - 5,
            "exp": now + int(lifetime),
            "tid": tenant,
            "oid": object_id,
            "sub": uuid.uuid4().hex,
            "scp": "access_as_user",
            "ver": version,
            "name": "Test Worker",
            "preferred_username": "test.worker@example.gov.uk",
        }
        if roles:
            claims["roles"] = list(roles)
        claims.update(overrides)
        return {name: value for name, value in claims.items() if value is not None}

    def entra_token(
        self,
        *,
        tenant: str,
        app_id: str,
        object_id: str,
        roles: Sequence[str] = (),
        key: SigningKey | None = None,
        **overrides: Any,
    ) -> str:
        key = key or self.tenant_key(tenant)
        claims = self.entra_claims(
            tenant=tenant, app_id=app_id, object_id=object_id, roles=roles, **overrides
        )
        return sign(claims, key)

    # The HTTP side

    async def _hang_if_asked(self) -> None:
        self.key_request_started.set()
        if self.hang_keys:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._release.wait(), HANG_SECONDS)

    async def _channel_metadata(self, _: web.Request) -> web.Response:
        return web.json_response(
            {
                "issuer": BOT_FRAMEWORK_ISSUER,
                "jwks_uri": f"{self.url}/botframework/v1/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        )

    async def _channel_keys(self, _: web.Request) -> web.Response:
        self.channel_key_fetches += 1
        await self._hang_if_asked()
        return web.json_response({"keys": [key.jwk() for key in self.channel_keys]})

    async def _tenant_metadata(self, request: web.Request) -> web.Response:
        tenant = request.match_info["tenant"]
        base = f"{self.url}/{tenant}"
        return web.json_response(
            {
                "issuer": ENTRA_ISSUER_V2.format(tenant=tenant),
                "jwks_uri": f"{base}/discovery/v2.0/keys",
                "token_endpoint": f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
                "authorization_endpoint": (
                    f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize"
                ),
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        )

    async def _tenant_keys(self, request: web.Request) -> web.Response:
        self.tenant_key_fetches += 1
        await self._hang_if_asked()
        self.tenant_key(request.match_info["tenant"])
        keys = self.tenant_keys[request.match_info["tenant"]]
        return web.json_response({"keys": [key.jwk() for key in keys]})

    async def _token(self, request: web.Request) -> web.Response:
        form = await request.post()
        client_id, secret = str(form.get("client_id", "")), str(form.get("client_secret", ""))
        if form.get("grant_type") != "client_credentials" or (
            self.client_secrets.get(client_id) != secret or not secret
        ):
            return web.json_response(
                {"error": "invalid_client", "error_description": "AADSTS7000215"}, status=401
            )
        token = f"bot-token-{uuid.uuid4().hex}"
        self.issued_client_tokens.append(token)
        return web.json_response(
            {"token_type": "Bearer", "expires_in": 3599, "access_token": token}
        )

    async def _instance_discovery(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "tenant_discovery_endpoint": request.query.get("authorization_endpoint", ""),
                "api-version": "1.1",
                "metadata": [
                    {
                        "preferred_network": "login.microsoftonline.com",
                        "preferred_cache": "login.windows.net",
                        "aliases": ["login.microsoftonline.com"],
                    }
                ],
            }
        )

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get(
            "/botframework/v1/.well-known/openidconfiguration", self._channel_metadata
        )
        app.router.add_get("/botframework/v1/keys", self._channel_keys)
        app.router.add_get("/common/discovery/instance", self._instance_discovery)
        app.router.add_get("/{tenant}/v2.0/.well-known/openid-configuration", self._tenant_metadata)
        app.router.add_get("/{tenant}/discovery/v2.0/keys", self._tenant_keys)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        return app


def sign(claims: dict[str, Any], key: SigningKey, *, key_id: str | None = None) -> str:
    return jwt.encode(
        claims,
        key.private_key,
        algorithm="RS256",
        headers={"kid": key_id or key.key_id, "typ": "JWT"},
    )


@asynccontextmanager
async def identity_provider() -> AsyncIterator[IdentityProvider]:
    provider = IdentityProvider(channel_keys=[new_key()])
    server = TestServer(provider.app(), host="127.0.0.1")
    await server.start_server()
    provider.url = str(server.make_url("")).rstrip("/")
    try:
        yield provider
    finally:
        provider.release()
        await server.close()
