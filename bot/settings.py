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
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_SQLITE_PATH = Path("var") / "familycontext-demo.sqlite3"
"""Where the embedded demo database lives when FC_DATABASE_URL is not set
(relative to the working directory, so a fresh clone keeps it beside itself)."""

_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_HOST_NAME = re.compile(
    r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)

BOT_FRAMEWORK_OPENID_METADATA_URL = (
    "https://login.botframework.com/v1/.well-known/openidconfiguration"
)
"""Where the Bot Framework publishes the keys that sign the tokens Teams sends the bot."""

ENTRA_AUTHORITY = "https://login.microsoftonline.com"
BOT_FRAMEWORK_TOKEN_SERVICE_URL = "https://api.botframework.com"  # noqa: S105 (an address)

DEFAULT_PURPOSES: tuple[str, ...] = (
    "Child and family assessment (section 17)",
    "Child protection enquiry (section 47)",
    "Strategy discussion",
    "Another reason",
)
"""The reasons a social worker can give (product.md); the last one asks for their own words."""

DEFAULT_SERVICE_HOSTS: tuple[str, ...] = (
    "smba.trafficmanager.net",
    "smba.infra.gcc.teams.microsoft.com",
    "smba.infra.gov.teams.microsoft.us",
    "smba.infra.dod.teams.microsoft.us",
)
"""The Teams connector hosts the bot may reply to, with its token: the public cloud (the
one English councils use, whatever the region in the path: /uk/, /emea/, /teams/) and the
US government clouds (Microsoft's `TeamsServiceEndpoints`). Exact host names, never a
suffix: anyone can register a name under trafficmanager.net."""


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
    workers: int = Field(
        1,
        ge=1,
        le=64,
        validation_alias=_env("FC_WORKERS"),
        description="Worker processes `familycontext serve` runs (one per core is usual): "
        "one process uses one core at most.",
    )
    access_log: bool = Field(
        False,
        validation_alias=_env("FC_ACCESS_LOG"),
        description="Log a line per HTTP request (aiohttp's access log, at INFO). Off by "
        "default: the platform in front of the bot logs requests, /metrics counts them, and "
        "a line per request costs about 3 % of a busy instance's CPU.",
    )
    database_entra_auth: bool = Field(
        False,
        validation_alias=_env("FC_DATABASE_ENTRA_AUTH"),
        description="Sign in to PostgreSQL with the bot's Entra ID token instead of a password "
        "(Azure Database for PostgreSQL).",
    )

    # Identity and access (product.md, "Identity and access"; docs/admin-guide.md, section 4).
    channel_openid_metadata_url: str = Field(
        BOT_FRAMEWORK_OPENID_METADATA_URL,
        validation_alias=_env("FC_CHANNEL_OPENID_METADATA_URL"),
        description="OpenID metadata document whose keys sign Bot Framework channel tokens.",
    )
    signing_key_fetch_timeout: float = Field(
        5.0,
        gt=0,
        le=60,
        validation_alias=_env("FC_SIGNING_KEY_FETCH_TIMEOUT"),
        description="Seconds a fetch of signing keys may take before it is abandoned.",
    )
    allowed_service_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        validation_alias=_env("FC_ALLOWED_SERVICE_HOSTS"),
        description="Comma-separated exact host names the bot may send replies (and its "
        "token) to; empty means the Teams connector hosts.",
    )
    access_contact: str = Field(
        "your IT service desk",
        validation_alias=_env("FC_ACCESS_CONTACT"),
        description="Who a refused user should contact, completing 'To ask for access, "
        "contact ...'.",
    )
    role_social_worker: str = Field("SocialWorker", validation_alias=_env("FC_ROLE_SOCIAL_WORKER"))
    role_team_manager: str = Field("TeamManager", validation_alias=_env("FC_ROLE_TEAM_MANAGER"))
    role_auditor: str = Field("Auditor", validation_alias=_env("FC_ROLE_AUDITOR"))
    dev_roles: Annotated[list[str] | None, NoDecode] = Field(
        None,
        validation_alias=_env("FC_DEV_ROLES"),
        description="Local development without MicrosoftAppId only: the app roles every "
        "user holds (the Agents Playground has no single sign-on). Unset means "
        "SocialWorker; set but empty means none (to see the refusal).",
    )
    oauth_connection_name: str = Field(
        "FamilyContextSSO",
        validation_alias=_env("FC_OAUTH_CONNECTION_NAME"),
        description="The Azure Bot resource's OAuth connection used for Teams single sign-on.",
    )
    entra_authority: str = Field(
        ENTRA_AUTHORITY,
        validation_alias=_env("FC_ENTRA_AUTHORITY"),
        description="Entra ID's sign-in host; the tenant's signing keys are read from "
        "{authority}/{tenant}/v2.0/.well-known/openid-configuration.",
    )
    bot_token_service_url: str = Field(
        BOT_FRAMEWORK_TOKEN_SERVICE_URL,
        validation_alias=_env("FC_BOT_TOKEN_SERVICE_URL"),
        description="The Bot Framework token service (single sign-on exchanges).",
    )

    # The conversation (issue 4) and governance (issue 6).
    purpose_options: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_PURPOSES),
        validation_alias=_env("FC_PURPOSES"),
        description="The reasons a user can give for searching, separated by '|'; the last "
        "one lets the user type their own reason.",
    )
    purpose_ttl_minutes: int = Field(
        480,
        ge=5,
        le=7 * 24 * 60,
        validation_alias=_env("FC_PURPOSE_TTL_MINUTES"),
        description="How long a purpose covers searches in a conversation before it is asked "
        "for again.",
    )
    card_max_age_hours: float = Field(
        24,
        gt=0,
        le=24 * 30,
        validation_alias=_env("FC_CARD_MAX_AGE_HOURS"),
        description="After this long a card no longer shows personal data when it is viewed "
        "again: it says how to look again.",
    )
    database_pool_size: int = Field(
        20,
        ge=1,
        le=500,
        validation_alias=_env("FC_DATABASE_POOL_SIZE"),
        description="Database connections one instance keeps open for reuse (opened as "
        "needed). A lookup turn holds up to two at once; a connection opened beyond "
        "these is closed after use, and opening one costs more than the turn's queries.",
    )
    database_max_overflow: int = Field(
        20,
        ge=0,
        le=500,
        validation_alias=_env("FC_DATABASE_MAX_OVERFLOW"),
        description="Connections opened beyond FC_DATABASE_POOL_SIZE at busy moments.",
    )
    search_limit: int = Field(
        60,
        ge=1,
        validation_alias=_env("FC_SEARCH_LIMIT"),
        description="Searches one user may make within FC_SEARCH_WINDOW_MINUTES.",
    )
    search_window_minutes: int = Field(
        60, ge=1, le=24 * 60, validation_alias=_env("FC_SEARCH_WINDOW_MINUTES")
    )
    audit_retention_days: int = Field(
        2555,
        ge=30,
        validation_alias=_env("FC_AUDIT_RETENTION_DAYS"),
        description="`familycontext audit purge` removes audit entries older than this "
        "(default seven years).",
    )
    appropriate_use_text: str = Field(
        "Only look up people connected to a case you are working on. Check the council's "
        "policy on whether you need the family's consent first (section 17).",
        validation_alias=_env("FC_APPROPRIATE_USE_TEXT"),
        description="The council's reminder about appropriate use, shown on the welcome card.",
    )
    age_bands: Annotated[dict[str, str], NoDecode] = Field(
        default_factory=dict,
        validation_alias=_env("FC_AGE_BANDS"),
        description="Per-service age bands overriding the defaults, e.g. "
        "'school=4-20,housing=16-,adult_social_care=15-,police=18-'.",
    )

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

    @field_validator("purpose_options", mode="before")
    @classmethod
    def _split_bars(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split("|") if part.strip()]
        return value

    @field_validator("purpose_options", mode="after")
    @classmethod
    def _two_purposes_at_least(cls, value: list[str]) -> list[str]:
        if len(value) < 2:
            raise ValueError("give at least one reason and the last, free-text one")
        return value

    @field_validator("age_bands", mode="before")
    @classmethod
    def _split_bands(cls, value: Any) -> Any:
        if isinstance(value, str):
            pairs = [part.split("=", 1) for part in value.split(",") if part.strip()]
            if any(len(pair) != 2 for pair in pairs):
                raise ValueError("write age bands as service=MIN-MAX, e.g. school=4-20,police=18-")
            return {name.strip(): band.strip() for name, band in pairs}
        return value

    @field_validator("allowed_tenant_ids", "allowed_service_hosts", "dev_roles", mode="before")
    @classmethod
    def _split_commas(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("allowed_service_hosts", mode="after")
    @classmethod
    def _lower_hosts(cls, value: list[str]) -> list[str]:
        return [host.strip().lower() for host in value if host.strip()]

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
        "channel_openid_metadata_url",
        "access_contact",
        "oauth_connection_name",
        "entra_authority",
        "bot_token_service_url",
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

    @property
    def effective_dev_roles(self) -> list[str]:
        """The roles everyone holds in the Playground mode; none anywhere else."""
        if not self.authentication_disabled:
            return []
        return [self.role_social_worker] if self.dev_roles is None else list(self.dev_roles)

    @property
    def effective_allowed_service_hosts(self) -> frozenset[str]:
        return frozenset(self.allowed_service_hosts or DEFAULT_SERVICE_HOSTS)

    @property
    def loopback_service_urls_allowed(self) -> bool:
        """Replies to a loopback service URL (the Agents Playground) only in local."""
        return self.environment is Environment.LOCAL


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
    _check_identity_endpoints(settings)


def is_host_name(value: str) -> bool:
    """An exact host name or IP address: no scheme, port, path or wildcard."""
    if _HOST_NAME.match(value):
        return True
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def _check_identity_endpoints(settings: Settings) -> None:
    if not settings.authentication_disabled:
        for tenant in settings.allowed_tenant_ids:
            if not is_guid(tenant):
                raise ConfigurationError(
                    f"FC_ALLOWED_TENANT_IDS: {tenant!r} is not a tenant id (a GUID)"
                )
    for host in settings.allowed_service_hosts:
        if not is_host_name(host):
            raise ConfigurationError(
                f"FC_ALLOWED_SERVICE_HOSTS: {host!r} is not an exact host name "
                "(no scheme, port, path or wildcard)"
            )
        if is_loopback(host) and settings.environment is Environment.PRODUCTION:
            raise ConfigurationError(
                f"FC_ALLOWED_SERVICE_HOSTS: {host} is a loopback address, "
                "which is only allowed with FC_ENVIRONMENT=local or test"
            )
    for name, value in (
        ("FC_CHANNEL_OPENID_METADATA_URL", settings.channel_openid_metadata_url),
        ("FC_ENTRA_AUTHORITY", settings.entra_authority),
        ("FC_BOT_TOKEN_SERVICE_URL", settings.bot_token_service_url),
    ):
        if not _is_secure_url(value, settings.environment):
            raise ConfigurationError(
                f"{name} must be an https:// address "
                "(http:// only on a loopback address, and not in production)"
            )
    for name, value in (
        ("FC_ROLE_SOCIAL_WORKER", settings.role_social_worker),
        ("FC_ROLE_TEAM_MANAGER", settings.role_team_manager),
        ("FC_ROLE_AUDITOR", settings.role_auditor),
    ):
        if not value or any(character.isspace() for character in value):
            raise ConfigurationError(f"{name} must be an app role value, without spaces")
    if not settings.oauth_connection_name:
        raise ConfigurationError("FC_OAUTH_CONNECTION_NAME must not be empty")
    if settings.dev_roles:
        if not settings.authentication_disabled:
            raise ConfigurationError(
                "FC_DEV_ROLES is only for local development without MicrosoftAppId "
                "(FC_ENVIRONMENT=local); roles come from Entra ID otherwise"
            )
        known = {settings.role_social_worker, settings.role_team_manager, settings.role_auditor}
        unknown = [role for role in settings.dev_roles if role not in known]
        if unknown:
            raise ConfigurationError(
                f"FC_DEV_ROLES: unknown role {unknown[0]!r} (one of {', '.join(sorted(known))})"
            )


def _is_secure_url(value: str, environment: Environment) -> bool:
    url = urlsplit(value)
    return bool(url.hostname) and (
        url.scheme == "https"
        or (
            url.scheme == "http"
            and environment is not Environment.PRODUCTION
            and is_loopback(url.hostname or "")
        )
    )
