"""`familycontext manifest build`: the Teams app package.

The package is a zip with `manifest.json`, `color.png` and `outline.png` at
its root. The manifest comes from `manifest.template.json` beside this file,
with the app id, bot id, host name and version filled in from the settings,
and the bot's command menu taken from `dialogs.commands` (so Teams never
offers a command the bot does not answer). Before anything is written, the
manifest is validated against the official Teams JSON schema for its
version, from the npm package `@microsoft/app-manifest` (`npm ci`), and the
icons are checked; a package that Teams would refuse is never written.

Manifest version 1.30: the newest that `@microsoft/app-manifest` 1.1.2 ships
(v1.0 to v1.30, plus devPreview) and the newest generally available one in
Microsoft's app manifest reference (August 2026), so Teams accepts it. When
moving to a newer version, update `$schema` and `manifestVersion` in the
template together, and `@microsoft/app-manifest` in package.json if it lacks
the schema; the tests validate against whatever the template names.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema.validators
import regex

from bot.settings import ConfigurationError, Settings, is_guid
from dialogs.commands import ALL_SCOPES, COMMANDS, BotCommand
from manifest import icons

TEMPLATE_PATH = Path(__file__).resolve().with_name("manifest.template.json")
REPOSITORY_ROOT = Path(__file__).resolve().parents[1]
SCHEMA_SUBDIR = Path("node_modules/@microsoft/app-manifest/build/json-schemas/teams")
"""Where `npm ci` puts the Teams manifest schemas, relative to the repository root."""

MANIFEST_FILE = "manifest.json"
PACKAGE_FILES = (MANIFEST_FILE, icons.COLOUR_FILE, icons.OUTLINE_FILE)
DEFAULT_PUBLISHER = "Family Context"

_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
_HOST_NAME = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$"
)
_RELEASE_VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
_ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
"""Fixed, so that the same inputs give the same package."""


class ManifestError(Exception):
    """The package cannot be built (not a settings problem); the message is one line."""


@dataclass(frozen=True)
class AppPackage:
    manifest: dict[str, Any]
    files: dict[str, bytes]
    """File name at the zip's root -> content, in PACKAGE_FILES order."""

    @property
    def manifest_version(self) -> str:
        return str(self.manifest["manifestVersion"])


# --- settings ----------------------------------------------------------------


def _shown(value: str) -> str:
    """A setting's value quoted for a one-line message (never multi-line, never long)."""
    return repr(value if len(value) <= 80 else value[:77] + "...")


def _https_url(name: str, value: str) -> str:
    if not value.lower().startswith("https://") or any(c.isspace() for c in value):
        raise ConfigurationError(f"{name} must be an https:// address, not {_shown(value)}")
    return value


def package_version() -> str:
    """The app's version: the installed `familycontext` distribution's, as Teams wants it."""
    try:
        version = metadata.version("familycontext")
    except metadata.PackageNotFoundError:
        raise ManifestError(
            "the familycontext package is not installed: run `pip install -e .` first"
        ) from None
    if not _RELEASE_VERSION.match(version):
        raise ManifestError(
            f"the package version {version!r} is not MAJOR.MINOR.PATCH, which Teams requires"
        )
    return version


def substitutions(settings: Settings, version: str) -> dict[str, Any]:
    """The template's placeholders, filled in from the settings.

    Raises ConfigurationError (one line) for settings that cannot make a package.
    """
    app_id = settings.microsoft_app_id
    if not app_id:
        raise ConfigurationError(
            "MicrosoftAppId is empty: set it to the bot's Entra application (client) ID"
        )
    if not is_guid(app_id):
        raise ConfigurationError(
            f"MicrosoftAppId must be a GUID (the Entra application (client) ID), "
            f"not {_shown(app_id)}"
        )
    domain = settings.bot_domain.lower().rstrip(".")
    if not domain:
        raise ConfigurationError(
            "FC_BOT_DOMAIN is empty: set it to the bot's public host name, "
            "for example familycontext.example.gov.uk"
        )
    if not _HOST_NAME.match(domain):
        raise ConfigurationError(
            "FC_BOT_DOMAIN must be a host name such as familycontext.example.gov.uk "
            f"(no https://, path or port), not {_shown(settings.bot_domain)}"
        )
    publisher = settings.council_name or DEFAULT_PUBLISHER
    if len(publisher) > 32:
        raise ConfigurationError(
            f"FC_COUNCIL_NAME must be at most 32 characters (it has {len(publisher)})"
        )
    website = _https_url(
        "FC_COUNCIL_WEBSITE_URL", settings.council_website_url or f"https://{domain}/"
    )
    return {
        "APP_ID": app_id,
        "BOT_DOMAIN": domain,
        "VERSION": version,
        "PUBLISHER_NAME": publisher,
        "WEBSITE_URL": website,
        "PRIVACY_URL": _https_url("FC_PRIVACY_URL", settings.privacy_url or website),
        "TERMS_URL": _https_url("FC_TERMS_URL", settings.terms_url or website),
        "ACCENT_COLOUR": icons.ACCENT_COLOUR,
        "COMMAND_LISTS": command_lists(COMMANDS),
    }


# --- the manifest --------------------------------------------------------------


def command_lists(commands: Sequence[BotCommand]) -> list[dict[str, Any]]:
    """The bot's `commandLists`: one list per scope, each command in its scopes' lists."""
    lists = []
    for scope in ALL_SCOPES:
        listed = [
            {"title": command.title, "description": command.description}
            for command in commands
            if scope in command.scopes
        ]
        if listed:
            lists.append({"scopes": [scope], "commands": listed})
    return lists


def _fill(value: Any, values: Mapping[str, Any]) -> Any:
    if isinstance(value, dict):
        return {key: _fill(item, values) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill(item, values) for item in value]
    if not isinstance(value, str):
        return value
    whole = _PLACEHOLDER.fullmatch(value)
    if whole:
        return _value(whole.group(1), values)

    def text(match: re.Match[str]) -> str:
        found = _value(match.group(1), values)
        if not isinstance(found, str):
            raise ManifestError(f"placeholder {match.group(0)} must stand alone in its string")
        return found

    return _PLACEHOLDER.sub(text, value)


def _value(name: str, values: Mapping[str, Any]) -> Any:
    if name not in values:
        raise ManifestError(f"the manifest template has an unknown placeholder {{{{{name}}}}}")
    return values[name]


def render_manifest(values: Mapping[str, Any]) -> dict[str, Any]:
    """The template with every placeholder replaced: one inside text by a string,
    one standing alone in a string by any JSON value."""
    template = json.loads(TEMPLATE_PATH.read_text(encoding="utf-8"))
    manifest: dict[str, Any] = _fill(template, values)
    return manifest


# --- the schema ----------------------------------------------------------------


def _schema_dirs(settings: Settings) -> list[Path]:
    if settings.manifest_schema_dir is not None:
        return [settings.manifest_schema_dir]
    return [Path.cwd() / SCHEMA_SUBDIR, REPOSITORY_ROOT / SCHEMA_SUBDIR]


def find_schema(settings: Settings, manifest_version: str) -> Path:
    """The official schema file for `manifest_version`, or ManifestError saying how to get it."""
    name = Path(f"v{manifest_version}") / "MicrosoftTeams.schema.json"
    for directory in _schema_dirs(settings):
        if (directory / name).is_file():
            return directory / name
    if settings.manifest_schema_dir is not None:
        raise ManifestError(
            f"FC_MANIFEST_SCHEMA_DIR ({settings.manifest_schema_dir}) has no {name.as_posix()}"
        )
    raise ManifestError(
        f"the Teams manifest schema v{manifest_version} is not installed: "
        "run `npm ci` in the repository root (it installs @microsoft/app-manifest)"
    )


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: Mapping[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    # The schemas use \p{L} (since v1.23), which Python's re does not know.
    if validator.is_type(instance, "string") and not regex.search(pattern, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


# The schemas declare draft-04 but use `const` (draft-06 on): Draft 7 checks both.
TeamsSchemaValidator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    jsonschema.Draft7Validator, {"pattern": _pattern}
)


def schema_errors(manifest: Mapping[str, Any], schema: Mapping[str, Any]) -> list[str]:
    """Every way `manifest` breaks `schema`, one line each, most relevant first."""
    errors = sorted(
        TeamsSchemaValidator(schema).iter_errors(manifest), key=jsonschema.exceptions.relevance
    )
    lines = []
    for error in errors:
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        message = " ".join(error.message.split())
        lines.append(f"{where}: {message[:200]}")
    return lines


def validate_manifest(manifest: Mapping[str, Any], schema_path: Path) -> None:
    schema = json.loads(schema_path.read_text(encoding="utf-8-sig"))
    version = manifest.get("manifestVersion")
    if f"/v{version}/" not in str(manifest.get("$schema", "")):
        raise ManifestError(f"the manifest's $schema does not name version {version}")
    problems = schema_errors(manifest, schema)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ManifestError(
            f"the manifest does not match the Teams schema v{version}: {problems[0]}{more}"
        )


# --- the package ----------------------------------------------------------------


def build_package(settings: Settings) -> AppPackage:
    """The validated package in memory.

    Raises ConfigurationError for unusable settings, ManifestError otherwise.
    """
    manifest = render_manifest(substitutions(settings, package_version()))
    validate_manifest(manifest, find_schema(settings, str(manifest["manifestVersion"])))
    if manifest["icons"] != {"color": icons.COLOUR_FILE, "outline": icons.OUTLINE_FILE}:
        raise ManifestError("the manifest's icons must be color.png and outline.png")
    colour = (icons.ICON_DIR / icons.COLOUR_FILE).read_bytes()
    outline = (icons.ICON_DIR / icons.OUTLINE_FILE).read_bytes()
    try:
        icons.check_colour_icon(colour)
        icons.check_outline_icon(outline)
    except icons.IconError as error:
        raise ManifestError(str(error)) from None
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    return AppPackage(
        manifest,
        {
            MANIFEST_FILE: text.encode("utf-8"),
            icons.COLOUR_FILE: colour,
            icons.OUTLINE_FILE: outline,
        },
    )


def write_package(package: AppPackage, out: Path) -> None:
    """Write the zip to `out` atomically: a complete package or nothing."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file, zipfile.ZipFile(file, "w") as archive:
            for name in PACKAGE_FILES:
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIMESTAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, package.files[name])
        os.chmod(temporary, 0o644)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def build_command(settings: Settings, out: Path) -> int:
    """`familycontext manifest build [--out FILE]`.

    Unusable settings raise ConfigurationError, which the CLI reports as one
    line with exit status 2; any other failure is reported here as one line
    with exit status 1. Either way no zip is written.
    """
    try:
        package = build_package(settings)
        write_package(package, out)
    except ManifestError as error:
        print(f"familycontext: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"familycontext: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    manifest = package.manifest
    print(
        f"wrote {out}: Teams app {manifest['version']} (manifest v{package.manifest_version}) "
        f"for bot {manifest['id']} at {manifest['validDomains'][0]}"
    )
    return 0
