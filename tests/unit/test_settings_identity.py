"""Start-up checks of the identity settings: one clear line for every unsafe configuration."""

from __future__ import annotations

from typing import Any

import pytest

from bot.settings import ConfigurationError, Settings, check_can_serve

APP_ID = "0b9ad8a6-7a52-4f27-9d65-3c1f3f2d8e11"
TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"
PRODUCTION: dict[str, Any] = {
    "environment": "production",
    "microsoft_app_id": APP_ID,
    "microsoft_app_password": "secret",
    "microsoft_app_type": "SingleTenant",
    "microsoft_app_tenant_id": TENANT_ID,
    "database_url": "postgresql+asyncpg://familycontext@db.example/familycontext",
}


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)


def refusal(values: dict[str, Any], host: str = "0.0.0.0") -> str:  # noqa: S104
    with pytest.raises(ConfigurationError) as raised:
        check_can_serve(settings(**values), host)
    message = str(raised.value)
    assert "\n" not in message
    return message


def test_a_complete_production_identity_may_serve_on_any_address() -> None:
    check_can_serve(settings(**PRODUCTION), "0.0.0.0")  # noqa: S104


def test_production_without_identity_names_every_missing_setting() -> None:
    message = refusal({"environment": "production"})
    assert message.startswith("refusing to start in production without a complete identity")
    for name in (
        "MicrosoftAppId",
        "MicrosoftAppPassword",
        "MicrosoftAppTenantId",
        "FC_DATABASE_URL",
    ):
        assert name in message


@pytest.mark.parametrize(
    ("change", "named"),
    [
        pytest.param({"microsoft_app_id": "not-a-guid"}, "MicrosoftAppId", id="app-id"),
        pytest.param({"microsoft_app_password": ""}, "MicrosoftAppPassword", id="secret"),
        pytest.param({"microsoft_app_type": "MultiTenant"}, "SingleTenant", id="multi-tenant"),
        pytest.param({"microsoft_app_type": "UserAssignedMSI"}, "SingleTenant", id="msi"),
        pytest.param({"microsoft_app_tenant_id": "contoso"}, "MicrosoftAppTenantId", id="tenant"),
    ],
)
def test_production_refuses_one_missing_or_malformed_piece(
    change: dict[str, Any], named: str
) -> None:
    assert named in refusal({**PRODUCTION, **change})


def test_unauthenticated_mode_only_in_local() -> None:
    assert "FC_ENVIRONMENT=local" in refusal({"environment": "test"}, "127.0.0.1")


def test_unauthenticated_mode_only_on_loopback() -> None:
    assert "loopback" in refusal({"environment": "local"}, "0.0.0.0")  # noqa: S104
    check_can_serve(settings(environment="local"), "127.0.0.1")
    check_can_serve(settings(environment="local"), "::1")


def test_with_an_app_id_local_mode_is_authenticated() -> None:
    local = settings(environment="local", microsoft_app_id=APP_ID)
    assert not local.authentication_disabled
    check_can_serve(local, "0.0.0.0")  # noqa: S104


@pytest.mark.parametrize(
    "hosts",
    ["*.trafficmanager.net", "https://smba.trafficmanager.net", "smba.trafficmanager.net/uk"],
)
def test_service_hosts_must_be_exact_host_names(hosts: str) -> None:
    assert "FC_ALLOWED_SERVICE_HOSTS" in refusal({**PRODUCTION, "allowed_service_hosts": hosts})


def test_loopback_service_hosts_are_refused_in_production() -> None:
    message = refusal({**PRODUCTION, "allowed_service_hosts": "smba.trafficmanager.net,127.0.0.1"})
    assert "loopback" in message


def test_service_hosts_are_read_as_a_comma_separated_list() -> None:
    parsed = settings(allowed_service_hosts=" SMBA.trafficmanager.net , other.example ,")
    assert parsed.effective_allowed_service_hosts == {"smba.trafficmanager.net", "other.example"}


def test_the_default_service_hosts_are_the_teams_connectors() -> None:
    assert "smba.trafficmanager.net" in settings().effective_allowed_service_hosts


@pytest.mark.parametrize(
    ("environment", "url", "allowed"),
    [
        ("production", "https://login.botframework.com/v1/.well-known/openidconfiguration", True),
        ("production", "http://login.botframework.com/v1/.well-known/openidconfiguration", False),
        ("production", "http://127.0.0.1:8080/openid", False),
        ("test", "http://127.0.0.1:8080/openid", True),
        ("test", "http://idp.example/openid", False),
        ("test", "not a url", False),
    ],
)
def test_the_metadata_address_must_be_https(environment: str, url: str, allowed: bool) -> None:
    values = {**PRODUCTION, "environment": environment, "channel_openid_metadata_url": url}
    if allowed:
        check_can_serve(settings(**values), "127.0.0.1")
    else:
        assert "FC_CHANNEL_OPENID_METADATA_URL" in refusal(values)


def test_allowed_tenants_must_be_tenant_ids() -> None:
    message = refusal({**PRODUCTION, "allowed_tenant_ids": f"{TENANT_ID},contoso"})
    assert "FC_ALLOWED_TENANT_IDS" in message


def test_the_allowed_tenants_default_to_the_bots_own() -> None:
    assert settings(**PRODUCTION).effective_allowed_tenant_ids == {TENANT_ID}


def test_development_roles_default_to_social_worker_in_the_playground_mode_only() -> None:
    assert settings(environment="local").effective_dev_roles == ["SocialWorker"]
    assert settings(environment="local", dev_roles="").effective_dev_roles == []
    assert settings(environment="local", dev_roles="Auditor, TeamManager").effective_dev_roles == [
        "Auditor",
        "TeamManager",
    ]
    assert settings(**PRODUCTION).effective_dev_roles == []
    assert settings(environment="local", microsoft_app_id=APP_ID).effective_dev_roles == []


@pytest.mark.parametrize(
    "values",
    [
        pytest.param({**PRODUCTION, "dev_roles": "SocialWorker"}, id="production"),
        pytest.param(
            {"environment": "local", "microsoft_app_id": APP_ID, "dev_roles": "SocialWorker"},
            id="local-with-an-app-id",
        ),
    ],
)
def test_development_roles_are_refused_outside_the_playground_mode(values: dict[str, Any]) -> None:
    assert "FC_DEV_ROLES" in refusal(values, "127.0.0.1")


def test_development_roles_must_be_known_roles() -> None:
    message = refusal({"environment": "local", "dev_roles": "SocialWorker,Admin"}, "127.0.0.1")
    assert "'Admin'" in message


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [
        ("FC_ENTRA_AUTHORITY", "entra_authority", "http://login.microsoftonline.com"),
        ("FC_BOT_TOKEN_SERVICE_URL", "bot_token_service_url", "http://api.botframework.com"),
        ("FC_ROLE_AUDITOR", "role_auditor", "Information Governance"),
        ("FC_ROLE_SOCIAL_WORKER", "role_social_worker", ""),
        ("FC_OAUTH_CONNECTION_NAME", "oauth_connection_name", ""),
    ],
)
def test_single_sign_on_settings_are_checked(name: str, field: str, value: str) -> None:
    assert name in refusal({**PRODUCTION, field: value})
