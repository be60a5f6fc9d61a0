"""Which Microsoft 365 tenants' users may use the bot (FC_ALLOWED_TENANT_IDS).

A valid channel token proves a request came from Teams, not from which
organisation: Teams serves every tenant through the same bot. The tenant is
read from the activity (`channelData.tenant.id`, `conversation.tenantId`);
when both are present they must agree.
"""

from __future__ import annotations

from typing import Any

from botbuilder.schema import Activity

from bot.settings import Settings


def tenant_of(activity: Activity) -> str | None:
    """The activity's tenant id, lower case; None when it has none or two different ones."""
    values: set[str] = set()
    channel_data: Any = activity.channel_data
    if isinstance(channel_data, dict):
        tenant = channel_data.get("tenant")
        if isinstance(tenant, dict) and isinstance(tenant.get("id"), str) and tenant["id"]:
            values.add(tenant["id"].lower())
    conversation = activity.conversation
    if conversation is not None:
        # Teams sends `tenantId`; botbuilder's model only maps `tenantID`, so the value
        # Teams sends lands among the unknown properties.
        extra = conversation.additional_properties or {}
        for value in (conversation.tenant_id, extra.get("tenantId")):
            if isinstance(value, str) and value:
                values.add(value.lower())
    return values.pop() if len(values) == 1 else None


class TenantPolicy:
    def __init__(self, allowed: frozenset[str], *, any_tenant: bool = False) -> None:
        self.allowed = frozenset(tenant.lower() for tenant in allowed)
        self.any_tenant = any_tenant

    @classmethod
    def from_settings(cls, settings: Settings) -> TenantPolicy:
        allowed = settings.effective_allowed_tenant_ids
        # Only the Playground mode, with no tenant configured, takes any (mock) tenant.
        return cls(allowed, any_tenant=not allowed and settings.authentication_disabled)

    def allows(self, tenant: str | None) -> bool:
        if not tenant:
            return False
        return self.any_tenant or tenant.lower() in self.allowed
