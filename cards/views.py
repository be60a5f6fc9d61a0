"""What a card needs that is not already a disclosure record.

Small frozen dataclasses the conversation layer fills in. They hold no
database or Bot Framework types, so the cards stay pure functions of their
inputs and can be tested without either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from cards.actions import MAX_REFRESH_USERS
from data_access.disclosure.records import PersonListing


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One candidate in a results list and how well it matched.

    `label` is the scorer's label ("confident" or "possible"); `reason` is
    its one-line explanation ("name and date of birth match exactly").
    """

    listing: PersonListing
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class ResultsView:
    """Candidates best first. `ambiguous`: the best two are too close to call."""

    rows: tuple[ResultRow, ...]
    ambiguous: bool = False
    more_available: bool = False
    """More people scored above the threshold than are listed."""
    search_id: str | None = None
    """The search's own id (not its text); when set, the card refreshes (RefreshResults)."""


@dataclass(frozen=True, slots=True)
class MatchInfo:
    """How the person on a person card was found, so the reader can judge the match."""

    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class PurposeOption:
    """One of the council's reasons for looking; `code` is what the audit trail records."""

    code: str
    title: str


@dataclass(frozen=True, slots=True)
class PurposeView:
    """The purpose card: the council's reasons and what this user gave last, if anything.

    `has_pending_request`: the user typed a search before giving a purpose;
    the card promises to run it, without repeating what was typed.
    """

    options: tuple[PurposeOption, ...]
    current_code: str | None = None
    current_text: str | None = None
    case_reference: str | None = None
    has_pending_request: bool = False
    problem: str | None = None
    """Why the last answer was not accepted ("Choose a reason"), shown above the form."""


@dataclass(frozen=True, slots=True)
class CardContext:
    """Who the card is for and when it was made.

    `viewer_ids` are the Teams user ids (`29:...`) whose clients refresh the
    card automatically when they see it again (Teams allows at most 60).
    `issued_at` (aware, UTC) goes into the refresh data so the bot can tell a
    stale card from a fresh one; `today` is the day ages were computed on.
    """

    viewer_ids: tuple[str, ...]
    issued_at: dt.datetime
    today: dt.date

    def __post_init__(self) -> None:
        if len(self.viewer_ids) > MAX_REFRESH_USERS:
            raise ValueError(f"at most {MAX_REFRESH_USERS} viewer ids (Teams refresh.userIds)")
        if any(not viewer for viewer in self.viewer_ids):
            raise ValueError("viewer ids must not be empty")
        if self.issued_at.tzinfo is None:
            raise ValueError("issued_at must be timezone-aware")


class NoticeKind(StrEnum):
    """The short messages a card gives instead of data."""

    NOT_FOUND = "not_found"
    """The record can't be shown (it is gone, merged, or restricted: the card never says which)."""
    NOT_ALLOWED = "not_allowed"
    """The user may not use Family Context, or not this action."""
    UNAVAILABLE = "unavailable"
    """The database or the audit trail is unreachable, so nothing may be disclosed."""
    ERROR = "error"
    EXPIRED = "expired"
    RATE_LIMITED = "rate_limited"
    NOTHING_MATCHED = "nothing_matched"
    NARROW_DOWN_IN_SHARED = "narrow_down_in_shared"
    """Several people matched in a group chat or channel, where a list would show them to all."""
    PURPOSE_RECORDED = "purpose_recorded"
    """The reason was saved and no search was waiting: say what to do next."""
    ACTION_NOT_RECOGNISED = "action_not_recognised"
    """A button press the bot could not read (an old card, or a forged invoke)."""


@dataclass(frozen=True, slots=True)
class WelcomeView:
    """`appropriate_use_text` is the council's own reminder (for example about consent)."""

    council_name: str
    appropriate_use_text: str


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audit entry as an auditor sees it in Teams (the export has every field)."""

    seq: int
    time: dt.datetime
    user_name: str
    action: str
    """data_access.audit.events.AuditAction value."""
    outcome: str
    person_ids: tuple[str, ...]
    service: str | None
    purpose: str | None
    case_reference: str | None


@dataclass(frozen=True, slots=True)
class AuditView:
    subject: str
    """What was asked for, in words: "recent activity", "user …", "person P0000001"."""
    rows: tuple[AuditRow, ...]
