"""What a user asked, in our own terms: the bot layer translates Bot Framework activities
into these so that the flows never see botbuilder types."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """The app roles of the Entra ID app registration, in our own words."""

    SOCIAL_WORKER = "social_worker"
    TEAM_MANAGER = "team_manager"
    AUDITOR = "auditor"


SEARCH_ROLES = frozenset({Role.SOCIAL_WORKER, Role.TEAM_MANAGER})
"""Who may look people up. An auditor reviews the trail; looking people up is not their job."""


class Scope(StrEnum):
    PERSONAL = "personal"
    """A 1:1 chat with the bot: cards may carry the user's view."""
    SHARED = "shared"
    """A group chat or channel: what is stored holds no personal data."""


@dataclass(frozen=True, slots=True)
class User:
    """Who is asking. Decisions use the Entra object id, never the display name."""

    object_id: str
    tenant_id: str
    display_name: str = ""
    channel_user_id: str = ""
    """Teams' own id for the user ("29:..."), which a card's refresh.userIds lists."""


@dataclass(frozen=True, slots=True)
class Turn:
    """What every request carries: who, where, which activity, and the user's roles."""

    user: User
    conversation_id: str
    activity_id: str = ""
    scope: Scope = Scope.PERSONAL
    roles: frozenset[Role] = field(default_factory=lambda: frozenset({Role.SOCIAL_WORKER}))

    @property
    def may_search(self) -> bool:
        return bool(self.roles & SEARCH_ROLES)


@dataclass(frozen=True, slots=True)
class TextRequest:
    turn: Turn
    text: str
    team_members: Callable[[], Awaitable[frozenset[str]]] | None = None
    """In a team's channel: the Entra object ids of the team's members (asked only when a
    team manager looks at the audit trail)."""

    @property
    def user(self) -> User:
        return self.turn.user


@dataclass(frozen=True, slots=True)
class ActionRequest:
    """A card action (Universal Actions `adaptiveCard/action`): untrusted verb and data."""

    turn: Turn
    verb: str | None
    data: object
    automatic: bool = False
    """True for a refresh Teams fired by itself when the card came into view."""
    team_members: Callable[[], Awaitable[frozenset[str]]] | None = None
    """As for TextRequest: in a team's channel, the team's members."""
