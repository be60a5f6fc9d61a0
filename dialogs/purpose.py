"""The purpose of a search: asked before the first search of a conversation, recorded
with every search and disclosure it covers, expiring after the council's time."""

from __future__ import annotations

import unicodedata

from cards.views import PurposeOption, PurposeView
from data_access.conversations import Snapshot
from dialogs.services import Policy

MAX_REASON_LENGTH = 200
MAX_CASE_REFERENCE_LENGTH = 50


def purpose_options(policy: Policy) -> tuple[PurposeOption, ...]:
    """The council's reasons with stable codes ("1", "2", ...); the last is free text."""
    return tuple(PurposeOption(str(i), title) for i, title in enumerate(policy.purposes, 1))


def other_code(policy: Policy) -> str:
    return str(len(policy.purposes))


def clean(value: object, limit: int) -> str | None:
    """Untrusted card input as one line of printable text, or None when empty or too long."""
    if not isinstance(value, str):
        return None
    text = " ".join("".join(ch for ch in value if unicodedata.category(ch)[0] != "C").split())
    if not text or len(text) > limit:
        return None
    return text


def resolve(policy: Policy, code: object, other_text: object) -> str | None:
    """The reason to record for a choice on the purpose card, or None when it is incomplete."""
    options = {option.code: option.title for option in purpose_options(policy)}
    if not isinstance(code, str) or code not in options:
        return None
    if code != other_code(policy):
        return options[code]
    own_words = clean(other_text, MAX_REASON_LENGTH)
    return f"{options[code]}: {own_words}" if own_words else None


def purpose_view(
    policy: Policy, snapshot: Snapshot, *, pending: bool, problem: str | None = None
) -> PurposeView:
    current = snapshot.purpose
    current_code = None
    current_text = None
    if current is not None:
        for option in purpose_options(policy):
            if current.title == option.title:
                current_code = option.code
        if current_code is None and ": " in current.title:
            current_code = other_code(policy)
            current_text = current.title.split(": ", 1)[1]
    return PurposeView(
        options=purpose_options(policy),
        current_code=current_code,
        current_text=current_text,
        case_reference=current.case_reference if current else None,
        has_pending_request=pending,
        problem=problem,
    )
