"""Outbound safety: the bot's token goes only to exact allowed hosts, and never elsewhere."""

from __future__ import annotations

import pytest
import requests

from bot.auth.bot_framework import AllowedHostsConnectorFactory
from bot.auth.outbound_credentials import HostBoundCredentials
from bot.auth.service_urls import ServiceUrlNotAllowed, ServiceUrlPolicy
from bot.settings import DEFAULT_SERVICE_HOSTS, Settings
from tests.support.bot_token import BOT_TOKEN, StaticBotTokenSource

TEAMS = ServiceUrlPolicy(DEFAULT_SERVICE_HOSTS)
APP_ID = "0b9ad8a6-7a52-4f27-9d65-3c1f3f2d8e11"


@pytest.mark.parametrize(
    "url",
    [
        "https://smba.trafficmanager.net/uk/",
        "https://smba.trafficmanager.net/teams/",
        "https://SMBA.trafficmanager.net/emea/",
        "https://smba.trafficmanager.net:443/amer/",
        "https://smba.infra.gcc.teams.microsoft.com/teams",
    ],
)
def test_teams_service_urls_are_allowed(url: str) -> None:
    assert TEAMS.allows(url)


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "not a url",
        "http://smba.trafficmanager.net/uk/",
        "https://evil.trafficmanager.net/uk/",
        "https://smba.trafficmanager.net.evil.example/uk/",
        "https://evil.example/smba.trafficmanager.net/",
        "https://smba.trafficmanager.net@evil.example/uk/",
        "https://user:pass@smba.trafficmanager.net/uk/",
        "https://smba.trafficmanager.net:8443/uk/",
        "https://smba.trafficmanager.net:bad/uk/",
        "https://smba.trafficmanager.net./uk/",
        "https://127.0.0.1:3978/",
        "http://localhost:56150/_connector",
        "http://[::1]:56150/",
        "ftp://smba.trafficmanager.net/",
    ],
)
def test_anything_else_is_refused(url: str | None) -> None:
    assert not TEAMS.allows(url)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:56150/", "http://localhost:56150/_connector", "http://[::1]:1/"]
)
def test_loopback_is_allowed_in_local_only(url: str) -> None:
    local = ServiceUrlPolicy.from_settings(Settings(_env_file=None, environment="local"))
    test = ServiceUrlPolicy.from_settings(
        Settings(_env_file=None, environment="test", microsoft_app_id=APP_ID)
    )
    assert local.allows(url)
    assert not test.allows(url)


def test_a_loopback_host_named_in_the_settings_is_allowed_exactly() -> None:
    policy = ServiceUrlPolicy.from_settings(
        Settings(
            _env_file=None,
            environment="test",
            microsoft_app_id=APP_ID,
            allowed_service_hosts="127.0.0.1",
        )
    )
    assert policy.allows("http://127.0.0.1:41234/")
    assert not policy.allows("http://localhost:41234/")
    assert not policy.allows("https://smba.trafficmanager.net/uk/")  # the list replaces the default


def authorization_sent(credentials: HostBoundCredentials, url: str) -> str | None:
    session = credentials.signed_session(requests.Session())
    prepared = session.prepare_request(requests.Request("POST", url, json={}))
    return prepared.headers.get("Authorization")


def test_the_token_is_attached_only_for_allowed_hosts() -> None:
    credentials = HostBoundCredentials(BOT_TOKEN, TEAMS)

    assert authorization_sent(credentials, "https://smba.trafficmanager.net/uk/v3/x") == (
        f"Bearer {BOT_TOKEN}"
    )
    assert authorization_sent(credentials, "https://evil.example/v3/x") is None
    assert authorization_sent(credentials, "http://smba.trafficmanager.net/uk/v3/x") is None


def test_a_header_left_on_a_session_is_removed() -> None:
    session = requests.Session()
    session.headers["Authorization"] = "Bearer stale"
    HostBoundCredentials(BOT_TOKEN, TEAMS).signed_session(session)

    prepared = session.prepare_request(requests.Request("GET", "https://evil.example/"))

    assert "Authorization" not in prepared.headers


def test_without_a_token_nothing_is_attached() -> None:
    credentials = HostBoundCredentials(None, TEAMS)
    assert authorization_sent(credentials, "https://smba.trafficmanager.net/uk/") is None


async def test_the_connector_factory_refuses_a_forged_host_before_getting_a_token() -> None:
    tokens = StaticBotTokenSource()
    factory = AllowedHostsConnectorFactory(TEAMS, tokens)

    with pytest.raises(ServiceUrlNotAllowed):
        await factory.create("https://evil.example/", None)

    assert tokens.scopes == []


async def test_the_connector_factory_refuses_another_audience() -> None:
    factory = AllowedHostsConnectorFactory(TEAMS, StaticBotTokenSource())
    with pytest.raises(ServiceUrlNotAllowed):
        await factory.create("https://smba.trafficmanager.net/uk/", "api://some-skill")


async def test_the_connector_factory_builds_a_client_for_teams() -> None:
    tokens = StaticBotTokenSource()
    factory = AllowedHostsConnectorFactory(TEAMS, tokens)

    client = await factory.create("https://smba.trafficmanager.net/uk/", None)

    assert client.config.base_url == "https://smba.trafficmanager.net/uk/"
    assert tokens.scopes == ["https://api.botframework.com"]
