"""What the conversation records in the audit trail: the contract between dialogs/ and
the store (store.py).

An `AuditEvent` holds search text and purpose (personal data) and goes to the
audit table only, which auditors alone read; it must never be logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AuditAction(StrEnum):
    # The four levels of product.md, "Governance".
    SEARCH = "search"
    RESULTS_PRESENTED = "results_presented"
    PERSON_VIEWED = "person_viewed"
    SERVICE_VIEWED = "service_viewed"
    # Governance's own actions, recorded so that they too are visible.
    AUDIT_VIEWED = "audit_viewed"
    """An auditor or manager looked at the trail in Teams."""
    AUDIT_PURGED = "audit_purged"
    """The retention purge ran (`familycontext audit purge`)."""


class AuditOutcome(StrEnum):
    DISCLOSED = "disclosed"
    """What the entry describes was shown (or, for a search, run)."""
    REFUSED_RESTRICTED = "refused_restricted"
    """An attempt to reach a restricted person: nothing was shown."""
    REFUSED_RATE_LIMIT = "refused_rate_limit"
    """A search refused because the user reached the search limit."""


@dataclass(frozen=True, slots=True)
class AuditActor:
    tenant_id: str
    user_id: str
    """The Entra object id."""
    user_name: str


@dataclass(frozen=True, slots=True)
class AuditEvent:
    action: AuditAction
    actor: AuditActor
    conversation_id: str
    correlation_id: str
    """The turn's id (the activity id), to tie entries of one turn together."""
    person_ids: tuple[str, ...] = ()
    service: str | None = None
    search_text: str | None = None
    purpose: str | None = None
    case_reference: str | None = None
    outcome: AuditOutcome = AuditOutcome.DISCLOSED
    detail: str | None = None
    """Free text for governance actions (an auditor's query, a purge's cut-off); no personal data
    for disclosure actions."""


class AuditUnavailable(Exception):
    """The entry could not be committed: the disclosure it records must not happen."""


class SearchLimitReached(Exception):
    """The user had already made as many searches as the window allows: the refused search
    was recorded instead of the entries given, and nothing may be disclosed."""
