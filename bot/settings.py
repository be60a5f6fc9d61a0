"""The one place configuration is read: environment variables and `.env`.

`Settings` is built once at start-up (`load_settings`) and passed down; no
other module reads the environment. Names are a contract (product.md): the
Bot Framework names as Azure documents them, and `FC_...` for our own.
"""

from __future__ import annotations

import ipaddress
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_SQLITE_PATH = Path("var") / "familycontext-demo.sqlite3"
"""Where the embedded demo database lives when FC_DATABASE_URL is not set
(relative to the working directory, so a fresh clone keeps it beside itself)."""

_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


class Environment(StrEnum):
    LOCAL = "local"
    TEST = "test"
    PRODUCTION = "production"


class AppType(StrEnum):
    SINGLE_TENANT = "SingleTenant"
    MULTI_TENANT = "MultiTenant"
    USER_ASSIGNED_MSI = "UserAssignedMSI"


class ConfigurationError(Exception):
    """A setting that would make the bot unsafe or unable to run; the message is one line."""


def is_guid(value: str) -> bool:
    return bool(_GUID.match(value))


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    microsoft_app_id: str = Field("", validation_alias=_env("MicrosoftAppId"))
    microsoft_app_password: SecretStr = Field(
        SecretStr(""), validation_alias=_env("MicrosoftAppPassword")
    )
    microsoft_app_type: AppType = Field(
        AppType.SINGLE_TENANT, validation_alias=_env("MicrosoftAppType")
    )
    microsoft_app_tenant_id: str = Field("", validation_alias=_env("MicrosoftAppTenantId"))

    database_url: str = Field(
        "",
        validation_alias=_env("FC_DATABASE_URL"),
        description="Any SQLAlchemy async URL; empty means the embedded SQLite demo database.",
    )
    allowed_tenant_ids: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        validation_alias=_env("FC_ALLOWED_TENANT_IDS"),
        description="Comma-separated tenant ids; empty means the bot's own tenant only.",
    )
    bot_domain: str = Field("", validation_alias=_env("FC_BOT_DOMAIN"))
    environment: Environment = Field(Environment.LOCAL, validation_alias=_env("FC_ENVIRONMENT"))
    demo_people: int = Field(
        2000,
        ge=10,
        le=2_000_000,
        validation_alias=_env("FC_DEMO_PEOPLE"),
        description="How many synthetic people the embedded demo database gets on first run.",
    )
    log_level: str = Field("INFO", validation_alias=_env("FC_LOG_LEVEL"))

    # The Teams app package (`familycontext manifest build`).
    council_name: str = Field(
        "",
        validation_alias=_env("FC_COUNCIL_NAME"),
        description="Shown in Teams as the app's publisher (at most 32 characters); "
        "empty means 'Family Context'.",
    )
    council_website_url: str = Field(
        "",
        validation_alias=_env("FC_COUNCIL_WEBSITE_URL"),
        description="https:// page about the service; empty means https://FC_BOT_DOMAIN/.",
    )
    privacy_url: str = Field(
        "",
        validation_alias=_env("FC_PRIVACY_URL"),
        description="https:// privacy notice; empty means the website address.",
    )
    terms_url: str = Field(
        "",
        validation_alias=_env("FC_TERMS_URL"),
        description="https:// terms of use; empty means the website address.",
    )
    manifest_schema_dir: Path | None = Field(
        None,
        validation_alias=_env("FC_MANIFEST_SCHEMA_DIR"),
        description="Folder of the Teams manifest JSON schemas (the one holding v1.NN/); "
        "empty means node_modules/@microsoft/app-manifest/build/json-schemas/teams.",
    )

    @field_validator("allowed_tenant_ids", mode="before")
    @classmethod
    def _split_commas(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("manifest_schema_dir", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator(
        "microsoft_app_id",
        "microsoft_app_tenant_id",
        "bot_domain",
        "council_name",
        "council_website_url",
        "privacy_url",
        "terms_url",
        mode="after",
    )
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @property
    def uses_embedded_database(self) -> bool:
        return not self.database_url

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{DEFAULT_SQLITE_PATH}"

    @property
    def authentication_disabled(self) -> bool:
        """True only in the local, app-id-less mode that the Agents Playground needs."""
        return self.environment is Environment.LOCAL and not self.microsoft_app_id

    @property
    def effective_allowed_tenant_ids(self) -> frozenset[str]:
        tenants = set(self.allowed_tenant_ids)
        if not tenants and self.microsoft_app_tenant_id:
            tenants.add(self.microsoft_app_tenant_id)
        return frozenset(t.lower() for t in tenants)


def load_settings(**overrides: Any) -> Settings:
    """Build the settings from the environment (and `.env`); overrides win."""
    return Settings(**overrides)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_can_serve(settings: Settings, host: str) -> None:
    """Refuse configurations that would expose the bot without authentication.

    Raises ConfigurationError with a one-line explanation.
    """
    if settings.environment is Environment.PRODUCTION:
        missing = []
        if not is_guid(settings.microsoft_app_id):
            missing.append("MicrosoftAppId (a GUID)")
        if not settings.microsoft_app_password.get_secret_value():
            missing.append("MicrosoftAppPassword")
        if settings.microsoft_app_type is not AppType.SINGLE_TENANT:
            missing.append("MicrosoftAppType=SingleTenant")
        if not is_guid(settings.microsoft_app_tenant_id):
            missing.append("MicrosoftAppTenantId (a GUID)")
        if settings.uses_embedded_database:
            missing.append("FC_DATABASE_URL")
        if missing:
            raise ConfigurationError(
                "refusing to start in production without a complete identity: set "
                + ", ".join(missing)
            )
    if not settings.microsoft_app_id:
        if settings.environment is not Environment.LOCAL:
            raise ConfigurationError(
                f"MicrosoftAppId is empty: unauthenticated requests are only allowed with "
                f"FC_ENVIRONMENT=local, not {settings.environment.value}"
            )
        if not is_loopback(host):
            raise ConfigurationError(
                f"MicrosoftAppId is empty: unauthenticated mode only listens on a loopback "
                f"address, not {host}"
            )
    elif not is_guid(settings.microsoft_app_id):
        raise ConfigurationError("MicrosoftAppId must be a GUID")
