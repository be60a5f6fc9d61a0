"""Building the botbuilder adapter from our settings (never from the environment).

The adapter never authenticates anything itself: `/api/messages` validates
each request first and hands it a pre-validated identity, and every
connector it builds comes from our allow-listed factory (bot/auth/).
"""

from __future__ import annotations

from botbuilder.integration.aiohttp import CloudAdapter

from bot.auth.bot_framework import PrevalidatedAuthentication
from bot.auth.bot_token import BotTokenSource, MsalBotTokenSource
from bot.auth.service_urls import ServiceUrlPolicy
from bot.settings import Settings


def create_authentication(
    settings: Settings, service_urls: ServiceUrlPolicy, token_source: BotTokenSource | None
) -> PrevalidatedAuthentication:
    if settings.authentication_disabled:
        token_source = None  # local Playground mode: the bot has no token to send
    elif token_source is None:
        token_source = MsalBotTokenSource.from_settings(settings)
    return PrevalidatedAuthentication(
        app_id=settings.microsoft_app_id,
        service_urls=service_urls,
        token_source=token_source,
        token_service_url=settings.bot_token_service_url,
    )


def create_adapter(authentication: PrevalidatedAuthentication) -> CloudAdapter:
    return CloudAdapter(authentication)
