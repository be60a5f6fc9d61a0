"""Roles, the role cache and the tenant policy: the pure parts of who may use the bot."""

from __future__ import annotations

from typing import Any

import pytest

from bot.activity_handler import parse_activity
from bot.auth.entra_tokens import UserAccess
from bot.auth.roles import Role, RoleNames
from bot.auth.sso import RoleCache
from bot.auth.tenants import TenantPolicy, tenant_of
from bot.settings import Settings
from tests.support.activities import TENANT_ID, message

OTHER = "0d0c0b0a-0000-4000-8000-00000000beef"


def test_role_values_map_to_roles_and_unknown_values_are_ignored() -> None:
    names = RoleNames()
    assert names.roles(["SocialWorker", "Auditor", "Reader", "socialworker"]) == {
        Role.SOCIAL_WORKER,
        Role.AUDITOR,
    }


def test_role_values_are_configurable() -> None:
    names = RoleNames.from_settings(Settings(_env_file=None, role_team_manager="FC.Manager"))
    assert names.roles(["FC.Manager", "TeamManager"]) == {Role.TEAM_MANAGER}


class Clock:
    now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def access(object_id: str, roles: frozenset[Role], expires_at: float) -> UserAccess:
    return UserAccess(object_id, TENANT_ID, roles, expires_at)


def test_cached_roles_last_until_the_token_expires() -> None:
    clock = Clock()
    cache = RoleCache(clock)
    cache.put(access("a", frozenset({Role.AUDITOR}), clock.now + 60))

    assert cache.get(TENANT_ID.upper(), "A") == {Role.AUDITOR}
    clock.now += 61
    assert cache.get(TENANT_ID, "a") is None


def test_a_newer_token_replaces_the_roles() -> None:
    clock = Clock()
    cache = RoleCache(clock)
    cache.put(access("a", frozenset({Role.AUDITOR}), clock.now + 60))
    cache.put(access("a", frozenset(), clock.now + 3600))

    assert cache.get(TENANT_ID, "a") == frozenset()


def activity(**changes: Any) -> Any:
    raw = message("help", "https://smba.trafficmanager.net/uk/")
    raw.update(changes)
    return parse_activity(raw)


def test_the_tenant_is_read_from_channel_data_and_conversation() -> None:
    assert tenant_of(activity()) == TENANT_ID
    assert tenant_of(activity(channelData={})) == TENANT_ID
    conversation = {"id": "a:1", "tenantId": TENANT_ID.upper()}
    assert tenant_of(activity(conversation=conversation)) == TENANT_ID


@pytest.mark.parametrize(
    "changes",
    [
        {"channelData": {}, "conversation": {"id": "a:1"}},
        {"conversation": {"id": "a:1", "tenantId": OTHER}},
        {"channelData": {"tenant": "not an object"}, "conversation": {"id": "a:1"}},
    ],
)
def test_no_tenant_or_two_tenants_is_no_tenant(changes: dict[str, Any]) -> None:
    assert tenant_of(activity(**changes)) is None


def test_the_tenant_policy() -> None:
    policy = TenantPolicy(frozenset({TENANT_ID.upper()}))
    assert policy.allows(TENANT_ID)
    assert not policy.allows(OTHER)
    assert not policy.allows(None)
    assert not policy.allows("")


def test_any_tenant_only_in_the_playground_mode_with_none_configured() -> None:
    playground = TenantPolicy.from_settings(Settings(_env_file=None, environment="local"))
    assert playground.allows("playground-mock-tenant")
    app_id = "0b9ad8a6-7a52-4f27-9d65-3c1f3f2d8e11"
    no_tenant = TenantPolicy.from_settings(
        Settings(_env_file=None, environment="test", microsoft_app_id=app_id)
    )
    assert not no_tenant.allows(TENANT_ID)
