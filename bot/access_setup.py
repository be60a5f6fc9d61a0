"""Choosing how users' roles are known, from the settings.

- Authenticated deployments: Teams single sign-on, Entra ID access tokens
  validated against the tenant's keys (bot/auth/sso.py).
- Local development without an app id (the Agents Playground, which has no
  sign-on): the development roles of FC_DEV_ROLES, for every user.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.auth.access import AccessGate
from bot.auth.entra_tokens import EntraTokenValidator
from bot.auth.roles import Authoriser, DevelopmentRoles, RoleNames
from bot.auth.sso import SingleSignOn
from bot.auth.tenants import TenantPolicy
from bot.settings import Settings


@dataclass(frozen=True)
class Access:
    gate: AccessGate
    sso: SingleSignOn | None

    async def close(self) -> None:
        if self.sso is not None:
            await self.sso.close()


def create_access(settings: Settings, authoriser: Authoriser | None = None) -> Access:
    tenants = TenantPolicy.from_settings(settings)
    role_names = RoleNames.from_settings(settings)
    sso: SingleSignOn | None = None
    if authoriser is None:
        if settings.authentication_disabled:
            authoriser = DevelopmentRoles(role_names.roles(settings.effective_dev_roles))
        else:
            validator = EntraTokenValidator(
                app_id=settings.microsoft_app_id,
                authority=settings.entra_authority,
                allowed_tenants=tenants.allowed,
                role_names=role_names,
                timeout=settings.signing_key_fetch_timeout,
            )
            sso = SingleSignOn(validator=validator, connection_name=settings.oauth_connection_name)
            authoriser = sso
    gate = AccessGate(
        tenants=tenants, authoriser=authoriser, contact=settings.access_contact, sso=sso
    )
    return Access(gate=gate, sso=sso)
