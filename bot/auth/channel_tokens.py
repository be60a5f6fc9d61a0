"""The Bot Framework channel token that every request to /api/messages must carry.

Every check of the Bot Framework contract, in our own code (botbuilder's
answers 500 and blocks the loop, platform-notes.md):

1. `validate` (before the body is parsed): the `Bearer` scheme, a well-formed
   JWT signed with RS256 (nothing else: not `none`, not HS256 with the public
   key as the secret), the Bot Framework issuer, our app id as the audience,
   not expired and not yet valid with five minutes' skew, and a signature from
   a key the Bot Framework publishes.
2. `bind_to_activity` (once the body is parsed): the signing key endorses the
   activity's channel, and the token's `serviceurl` claim is exactly the
   activity's service URL, so a genuine token cannot carry a forged reply address.

Failures raise `RequestRefused` with a reason code for the log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jwt

from bot.auth.refusals import RefusalReason, RequestRefused
from bot.auth.signing_keys import SigningKeyCache

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
CLOCK_SKEW_SECONDS = 300
ALGORITHM = "RS256"
MAX_TOKEN_CHARS = 16 * 1024
SERVICE_URL_CLAIM = "serviceurl"

_JWT_ERRORS: tuple[tuple[type[jwt.PyJWTError], RefusalReason], ...] = (
    (jwt.ExpiredSignatureError, RefusalReason.EXPIRED),
    (jwt.ImmatureSignatureError, RefusalReason.NOT_YET_VALID),
    (jwt.InvalidIssuerError, RefusalReason.WRONG_ISSUER),
    (jwt.InvalidAudienceError, RefusalReason.WRONG_AUDIENCE),
    (jwt.MissingRequiredClaimError, RefusalReason.MISSING_CLAIM),
    (jwt.InvalidSignatureError, RefusalReason.BAD_SIGNATURE),
    (jwt.InvalidAlgorithmError, RefusalReason.ALGORITHM_NOT_ALLOWED),
    (jwt.DecodeError, RefusalReason.MALFORMED),
)


@dataclass(frozen=True)
class ChannelToken:
    """A validated channel token: its claims and what its signing key endorses."""

    claims: Mapping[str, Any]
    endorsements: frozenset[str]

    @property
    def service_url(self) -> str | None:
        value = self.claims.get(SERVICE_URL_CLAIM)
        return value if isinstance(value, str) else None


def bearer_token(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer <token>` header."""
    if not authorization or not authorization.strip():
        raise RequestRefused(RefusalReason.NO_TOKEN)
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer":
        raise RequestRefused(RefusalReason.WRONG_SCHEME)
    token = token.strip()
    if not token or " " in token or len(token) > MAX_TOKEN_CHARS:
        raise RequestRefused(RefusalReason.MALFORMED)
    return token


def refusal_for(error: jwt.PyJWTError) -> RefusalReason:
    for kind, reason in _JWT_ERRORS:
        if isinstance(error, kind):
            return reason
    return RefusalReason.INVALID


def audience_matches(audience: Any, expected: str) -> bool:
    if isinstance(audience, str):
        return audience == expected
    if isinstance(audience, list):
        return expected in audience
    return False


class ChannelTokenValidator:
    def __init__(
        self, keys: SigningKeyCache, *, app_id: str, issuer: str = BOT_FRAMEWORK_ISSUER
    ) -> None:
        if not app_id:
            raise ValueError("a channel token can only be checked against an app id")
        self._keys = keys
        self._app_id = app_id
        self._issuer = issuer

    async def validate(self, authorization: str | None) -> ChannelToken:
        token = bearer_token(authorization)
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as error:
            raise RequestRefused(RefusalReason.MALFORMED) from error
        if header.get("alg") != ALGORITHM:
            raise RequestRefused(RefusalReason.ALGORITHM_NOT_ALLOWED)
        key_id = header.get("kid")
        if not isinstance(key_id, str) or not key_id:
            raise RequestRefused(RefusalReason.MALFORMED)
        # Cheap checks first: a token that could never pass must not cause a key fetch.
        if unverified.get("iss") != self._issuer:
            raise RequestRefused(RefusalReason.WRONG_ISSUER)
        if not audience_matches(unverified.get("aud"), self._app_id):
            raise RequestRefused(RefusalReason.WRONG_AUDIENCE)
        key = await self._keys.key(key_id)
        if key is None:
            raise RequestRefused(RefusalReason.UNKNOWN_KEY)
        try:
            claims = jwt.decode(
                token,
                key.public_key,
                algorithms=[ALGORITHM],
                audience=self._app_id,
                issuer=self._issuer,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise RequestRefused(refusal_for(error)) from error
        return ChannelToken(claims=claims, endorsements=key.endorsements)


def bind_to_activity(
    token: ChannelToken, *, channel_id: str | None, service_url: str | None
) -> None:
    """The token must vouch for this activity: its channel and its reply address."""
    if not channel_id or channel_id not in token.endorsements:
        raise RequestRefused(RefusalReason.NOT_ENDORSED)
    if not service_url or token.service_url != service_url:
        raise RequestRefused(RefusalReason.SERVICE_URL_MISMATCH)
