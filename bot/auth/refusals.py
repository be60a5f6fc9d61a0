"""Why an inbound request was refused: a reason code for the log, never for the caller.

The caller only ever sees `401` with an empty body: telling an attacker which
check failed helps the attacker. The log gets the reason code, and nothing
from the token or the activity (no token text, no names, no ids).
"""

from __future__ import annotations

from enum import StrEnum


class RefusalReason(StrEnum):
    NO_TOKEN = "no_token"  # noqa: S105 (a reason code)
    WRONG_SCHEME = "wrong_scheme"
    MALFORMED = "malformed"
    ALGORITHM_NOT_ALLOWED = "algorithm_not_allowed"
    WRONG_ISSUER = "wrong_issuer"
    WRONG_AUDIENCE = "wrong_audience"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    MISSING_CLAIM = "missing_claim"
    INVALID = "invalid"
    NOT_ENDORSED = "not_endorsed"
    SERVICE_URL_MISMATCH = "service_url_mismatch"
    SERVICE_URL_NOT_ALLOWED = "service_url_not_allowed"


class RequestRefused(Exception):
    """An inbound request that must be answered 401."""

    def __init__(self, reason: RefusalReason) -> None:
        super().__init__(reason.value)
        self.reason = reason
