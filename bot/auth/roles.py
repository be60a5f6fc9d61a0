"""Who may use the bot: the app roles, and the `Authoriser` every turn asks.

Roles are Entra ID app roles of the bot's own app registration (product.md):
a social worker searches, a team manager also shares and reviews, an auditor
reads the trail. The role *values* in Entra ID are configurable; inside the
bot they are always these three `Role`s. A user is known by their Entra
object id, never by display name or email.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from botbuilder.core import TurnContext

from bot.settings import Settings
from dialogs.requests import Role, User

__all__ = ["Authoriser", "Role", "RoleNames", "SignInRequired"]


@dataclass(frozen=True)
class RoleNames:
    """The app role values as the council's app registration spells them."""

    social_worker: str = "SocialWorker"
    team_manager: str = "TeamManager"
    auditor: str = "Auditor"

    @classmethod
    def from_settings(cls, settings: Settings) -> RoleNames:
        return cls(settings.role_social_worker, settings.role_team_manager, settings.role_auditor)

    def roles(self, values: Iterable[str]) -> frozenset[Role]:
        """Our roles among a token's `roles` claim; values we don't know are ignored."""
        by_value = {
            self.social_worker: Role.SOCIAL_WORKER,
            self.team_manager: Role.TEAM_MANAGER,
            self.auditor: Role.AUDITOR,
        }
        return frozenset(by_value[value] for value in values if value in by_value)


class SignInRequired(Exception):
    """The user's roles are not known (or no longer current): single sign-on must run first."""


class Authoriser(Protocol):
    async def roles_of(self, user: User, turn: TurnContext) -> frozenset[Role]:
        """The user's current roles (possibly none); raises SignInRequired when unknown."""
        ...


class DevelopmentRoles:
    """Local development only (the Agents Playground has no sign-on): fixed roles for all.

    `check_can_serve` refuses FC_DEV_ROLES anywhere but local mode without an app id.
    """

    def __init__(self, roles: frozenset[Role]) -> None:
        self._roles = roles

    async def roles_of(self, user: User, turn: TurnContext) -> frozenset[Role]:
        return self._roles
