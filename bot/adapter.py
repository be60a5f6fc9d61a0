"""Building the botbuilder adapter from our settings (never from the environment)."""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)

from bot.settings import AppType, Settings


@dataclass(frozen=True)
class _BotFrameworkConfiguration:
    """The attribute names botbuilder's configuration classes look for."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str


def create_adapter(settings: Settings) -> CloudAdapter:
    app_type = settings.microsoft_app_type.value
    if settings.authentication_disabled:
        # botbuilder treats an empty app id as "authentication off" only on this path.
        app_type = AppType.MULTI_TENANT.value
    configuration = _BotFrameworkConfiguration(
        APP_ID=settings.microsoft_app_id,
        APP_PASSWORD=settings.microsoft_app_password.get_secret_value(),
        APP_TYPE=app_type,
        APP_TENANTID=settings.microsoft_app_tenant_id,
    )
    return CloudAdapter(ConfigurationBotFrameworkAuthentication(configuration))
