"""Which database to open, and how to sign in to it: decided once, from the settings.

With `FC_DATABASE_ENTRA_AUTH`, every new PostgreSQL connection signs in with a
fresh Entra ID access token of the bot's own identity (client secret or
managed identity) for Azure Database for PostgreSQL, instead of a stored
password. msal fetches the token off the event loop and it is reused until
five minutes before it expires (`MsalBotTokenSource`), so a pool that opens
connections all day never presents an expired token.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url

from bot.auth.bot_token import BotTokenSource, MsalBotTokenSource
from bot.settings import AppType, ConfigurationError, Settings
from data_access.engine import Database, PasswordProvider

AZURE_POSTGRES_SCOPE = "https://ossrdbms-aad.database.windows.net"
"""The audience Azure Database for PostgreSQL expects in an Entra ID token."""


def entra_password(tokens: BotTokenSource) -> PasswordProvider:
    async def password() -> str:
        return await tokens.token(AZURE_POSTGRES_SCOPE)

    return password


def database_for(settings: Settings, tokens: BotTokenSource | None = None) -> Database:
    """The database of these settings; `tokens` replaces msal in tests."""
    url = settings.effective_database_url
    if not settings.database_entra_auth:
        return Database(url)
    if make_url(url).get_backend_name() != "postgresql":
        raise ConfigurationError("FC_DATABASE_ENTRA_AUTH needs a PostgreSQL FC_DATABASE_URL")
    if not settings.microsoft_app_id:
        raise ConfigurationError("FC_DATABASE_ENTRA_AUTH needs the bot's MicrosoftAppId")
    if (
        settings.microsoft_app_type is not AppType.USER_ASSIGNED_MSI
        and not settings.microsoft_app_password.get_secret_value()
    ):
        raise ConfigurationError(
            "FC_DATABASE_ENTRA_AUTH needs MicrosoftAppPassword or MicrosoftAppType=UserAssignedMSI"
        )
    return Database(
        url, password=entra_password(tokens or MsalBotTokenSource.from_settings(settings))
    )
