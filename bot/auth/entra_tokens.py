"""Entra ID access tokens for the bot's own API: what Teams single sign-on hands the bot.

The token Teams obtains for `api://botid-<app id>` carries the user's object
id, tenant and app roles. Checked here: RS256 signature from the tenant's
published keys, the tenant's v2.0 or v1 issuer, our API as the audience,
the `access_as_user` scope, the expected tenant, not expired (five minutes'
skew), an object id, and the roles. Keys are cached per allowed tenant only,
so a token naming some other tenant never causes a fetch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import jwt

from bot.auth.channel_tokens import ALGORITHM, CLOCK_SKEW_SECONDS, MAX_TOKEN_CHARS
from bot.auth.roles import Role, RoleNames
from bot.auth.signing_keys import OpenIdKeySetSource, SigningKeyCache

SCOPE = "access_as_user"


class EntraRefusal(StrEnum):
    MALFORMED = "malformed"
    ALGORITHM_NOT_ALLOWED = "algorithm_not_allowed"
    WRONG_TENANT = "wrong_tenant"
    WRONG_ISSUER = "wrong_issuer"
    WRONG_AUDIENCE = "wrong_audience"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    MISSING_CLAIM = "missing_claim"
    WRONG_SCOPE = "wrong_scope"
    WRONG_USER = "wrong_user"
    INVALID = "invalid"


class EntraTokenRefused(Exception):
    def __init__(self, reason: EntraRefusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


_JWT_ERRORS: tuple[tuple[type[jwt.PyJWTError], EntraRefusal], ...] = (
    (jwt.ExpiredSignatureError, EntraRefusal.EXPIRED),
    (jwt.ImmatureSignatureError, EntraRefusal.NOT_YET_VALID),
    (jwt.InvalidIssuerError, EntraRefusal.WRONG_ISSUER),
    (jwt.InvalidAudienceError, EntraRefusal.WRONG_AUDIENCE),
    (jwt.MissingRequiredClaimError, EntraRefusal.MISSING_CLAIM),
    (jwt.InvalidSignatureError, EntraRefusal.BAD_SIGNATURE),
    (jwt.DecodeError, EntraRefusal.MALFORMED),
)


@dataclass(frozen=True)
class UserAccess:
    """What a validated token says about its user."""

    object_id: str
    tenant_id: str
    roles: frozenset[Role]
    expires_at: float
    """Unix time: the roles are current until then."""


def issuers(tenant: str) -> list[str]:
    return [
        f"https://login.microsoftonline.com/{tenant}/v2.0",
        f"https://sts.windows.net/{tenant}/",
    ]


class EntraTokenValidator:
    def __init__(
        self,
        *,
        app_id: str,
        authority: str,
        allowed_tenants: frozenset[str],
        role_names: RoleNames,
        timeout: float,
    ) -> None:
        self._audiences = [f"api://botid-{app_id}", app_id]
        self._authority = authority.rstrip("/")
        self._allowed_tenants = allowed_tenants
        self._role_names = role_names
        self._timeout = timeout
        self._keys: dict[str, SigningKeyCache] = {}

    def _tenant_keys(self, tenant: str) -> SigningKeyCache:
        keys = self._keys.get(tenant)
        if keys is None:
            metadata = f"{self._authority}/{tenant}/v2.0/.well-known/openid-configuration"
            source = OpenIdKeySetSource(metadata, timeout=self._timeout)
            keys = self._keys[tenant] = SigningKeyCache(source, timeout=self._timeout)
        return keys

    async def close(self) -> None:
        for keys in self._keys.values():
            await keys.close()

    async def validate(self, token: str, *, tenant: str, object_id: str) -> UserAccess:
        """The token's roles, if it is a valid token of this user in this (allowed) tenant."""
        tenant = tenant.lower()
        if not token or len(token) > MAX_TOKEN_CHARS:
            raise EntraTokenRefused(EntraRefusal.MALFORMED)
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as error:
            raise EntraTokenRefused(EntraRefusal.MALFORMED) from error
        if header.get("alg") != ALGORITHM:
            raise EntraTokenRefused(EntraRefusal.ALGORITHM_NOT_ALLOWED)
        key_id = header.get("kid")
        if not isinstance(key_id, str) or not key_id:
            raise EntraTokenRefused(EntraRefusal.MALFORMED)
        claimed_tenant = unverified.get("tid")
        if (
            not isinstance(claimed_tenant, str)
            or claimed_tenant.lower() != tenant
            or tenant not in self._allowed_tenants
        ):
            raise EntraTokenRefused(EntraRefusal.WRONG_TENANT)
        if unverified.get("iss") not in issuers(claimed_tenant):
            raise EntraTokenRefused(EntraRefusal.WRONG_ISSUER)
        key = await self._tenant_keys(tenant).key(key_id)
        if key is None:
            raise EntraTokenRefused(EntraRefusal.UNKNOWN_KEY)
        try:
            claims = jwt.decode(
                token,
                key.public_key,
                algorithms=[ALGORITHM],
                audience=self._audiences,
                issuer=issuers(claimed_tenant),
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "iss", "aud", "tid", "oid"]},
            )
        except jwt.PyJWTError as error:
            raise EntraTokenRefused(_reason(error)) from error
        return self._access(claims, object_id)

    def _access(self, claims: Mapping[str, Any], object_id: str) -> UserAccess:
        scopes = claims.get("scp")
        if not isinstance(scopes, str) or SCOPE not in scopes.split():
            raise EntraTokenRefused(EntraRefusal.WRONG_SCOPE)
        oid = claims.get("oid")
        if not isinstance(oid, str) or not oid or oid.lower() != object_id.lower():
            raise EntraTokenRefused(EntraRefusal.WRONG_USER)
        values = claims.get("roles")
        if not isinstance(values, list):
            values = []
        roles = self._role_names.roles(v for v in values if isinstance(v, str))
        return UserAccess(
            object_id=oid.lower(),
            tenant_id=str(claims["tid"]).lower(),
            roles=roles,
            expires_at=float(claims["exp"]),
        )


def _reason(error: jwt.PyJWTError) -> EntraRefusal:
    for kind, reason in _JWT_ERRORS:
        if isinstance(error, kind):
            return reason
    return EntraRefusal.INVALID
