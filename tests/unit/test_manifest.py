"""`familycontext manifest build`: the Teams app package, validated against the official schema.

The schema comes from the npm package @microsoft/app-manifest (`npm ci` in the
repository root). These tests never skip: without it they fail at set-up,
saying how to install it.
"""

from __future__ import annotations

import json
import re
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from PIL import Image as PillowImage

from bot import cli
from bot.settings import ConfigurationError, Settings
from dialogs.commands import ALL_SCOPES, COMMANDS, is_command, match_command
from manifest import build, icons

APP_ID = "0b9ad8a6-7a52-4f27-9d65-3c1f3f2d8e11"
DOMAIN = "familycontext.example.gov.uk"
TEMPLATE = json.loads(build.TEMPLATE_PATH.read_text(encoding="utf-8"))
MANIFEST_VERSION = TEMPLATE["manifestVersion"]


def example_settings(**changes: Any) -> Settings:
    """Settings as an admin would give them, independent of this machine's environment."""
    values: dict[str, Any] = {
        "microsoft_app_id": APP_ID,
        "bot_domain": DOMAIN,
        "council_name": "",
        "council_website_url": "",
        "privacy_url": "",
        "terms_url": "",
        "manifest_schema_dir": None,
    }
    values.update(changes)
    return Settings(_env_file=None, **values)


@pytest.fixture(scope="session")
def schema_path() -> Path:
    try:
        return build.find_schema(example_settings(), MANIFEST_VERSION)
    except build.ManifestError as error:
        problem = str(error)
    pytest.fail(
        f"{problem}.\nThese tests validate the Teams app package against the official schema "
        "from the npm package @microsoft/app-manifest: run `npm ci` in the repository root "
        "(Node.js 20 or later), then run the tests again.",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def schema(schema_path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_path.read_text(encoding="utf-8-sig"))
    return loaded


@pytest.fixture
def package(tmp_path: Path, schema_path: Path) -> Path:
    out = tmp_path / "familycontext-teams-app.zip"
    assert build.build_command(example_settings(), out) == 0
    return out


def read_manifest(package: Path) -> dict[str, Any]:
    with zipfile.ZipFile(package) as archive:
        manifest: dict[str, Any] = json.loads(archive.read("manifest.json").decode("utf-8"))
    return manifest


def manifest_commands(manifest: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (scope, command)
        for bot in manifest["bots"]
        for command_list in bot["commandLists"]
        for scope in command_list["scopes"]
        for command in command_list["commands"]
    ]


# --- the package -----------------------------------------------------------------


def test_package_is_valid_against_the_official_schema(
    package: Path, schema: dict[str, Any]
) -> None:
    manifest = read_manifest(package)
    assert manifest["manifestVersion"] == MANIFEST_VERSION
    assert manifest["$schema"] == (
        f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}"
        "/MicrosoftTeams.schema.json"
    )
    assert build.schema_errors(manifest, schema) == []


def test_package_has_exactly_the_manifest_and_icons_at_its_root(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        assert archive.testzip() is None
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        assert archive.read("color.png") == (icons.ICON_DIR / "color.png").read_bytes()
        assert archive.read("outline.png") == (icons.ICON_DIR / "outline.png").read_bytes()
    assert not [p.name for p in package.parent.iterdir() if p != package], "no leftovers"


def test_package_icons_have_teams_sizes_and_transparency(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        colour = archive.read(read_manifest(package)["icons"]["color"])
        outline = archive.read(read_manifest(package)["icons"]["outline"])
    with PillowImage.open(zipfile.Path(package, "color.png").open("rb")) as image:
        assert image.size == (192, 192)
    with PillowImage.open(zipfile.Path(package, "outline.png").open("rb")) as image:
        assert image.size == (32, 32)
        assert image.mode == "RGBA"
    icons.check_colour_icon(colour)
    icons.check_outline_icon(outline)


def test_manifest_carries_the_settings_and_the_package_version(package: Path) -> None:
    manifest = read_manifest(package)
    assert manifest["id"] == APP_ID
    assert manifest["version"] == metadata.version("familycontext")
    [bot] = manifest["bots"]
    assert bot["botId"] == APP_ID
    assert manifest["webApplicationInfo"] == {"id": APP_ID, "resource": f"api://botid-{APP_ID}"}
    assert manifest["validDomains"] == [DOMAIN, "token.botframework.com"]
    assert manifest["developer"]["websiteUrl"] == f"https://{DOMAIN}/"
    assert "{{" not in json.dumps(manifest), "every placeholder is filled in"


def test_manifest_declares_exactly_the_bot_in_three_scopes(package: Path) -> None:
    manifest = read_manifest(package)
    [bot] = manifest["bots"]
    assert sorted(bot["scopes"]) == ["groupChat", "personal", "team"]
    assert bot["isNotificationOnly"] is False
    assert bot["supportsFiles"] is False
    assert bot["supportsCalling"] is False
    assert bot["supportsVideo"] is False
    capabilities = {"staticTabs", "configurableTabs", "composeExtensions", "connectors"}
    capabilities |= {"extensions", "copilotAgents", "meetingExtensionDefinition", "activities"}
    assert not capabilities & manifest.keys(), "only the capabilities the bot implements"
    assert manifest["defaultInstallScope"] == "personal"


def test_council_details_come_from_the_settings(tmp_path: Path, schema_path: Path) -> None:
    settings = example_settings(
        council_name="Anytown Borough Council",
        council_website_url="https://www.anytown.gov.uk/family-context",
        privacy_url="https://www.anytown.gov.uk/privacy/family-context",
        terms_url="https://www.anytown.gov.uk/family-context/acceptable-use",
        bot_domain="FamilyContext.Anytown.gov.uk",
    )
    out = tmp_path / "package.zip"
    assert build.build_command(settings, out) == 0
    manifest = read_manifest(out)
    assert manifest["developer"] == {
        "name": "Anytown Borough Council",
        "websiteUrl": "https://www.anytown.gov.uk/family-context",
        "privacyUrl": "https://www.anytown.gov.uk/privacy/family-context",
        "termsOfUseUrl": "https://www.anytown.gov.uk/family-context/acceptable-use",
    }
    assert manifest["validDomains"][0] == "familycontext.anytown.gov.uk", "lower case for SSO"


def test_building_twice_gives_the_same_bytes(tmp_path: Path, schema_path: Path) -> None:
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    assert build.build_command(example_settings(), first) == 0
    assert build.build_command(example_settings(), second) == 0
    assert first.read_bytes() == second.read_bytes()


def test_building_replaces_an_older_package(tmp_path: Path, schema_path: Path) -> None:
    out = tmp_path / "nested" / "package.zip"
    out.parent.mkdir()
    out.write_bytes(b"an older package")
    assert build.build_command(example_settings(), out) == 0
    assert zipfile.is_zipfile(out)


# --- commands ---------------------------------------------------------------------


def test_every_listed_command_is_one_the_bot_answers(package: Path) -> None:
    listed = manifest_commands(read_manifest(package))
    assert listed, "the command menu is not empty"
    for scope, command in listed:
        assert is_command(command["title"]), command["title"]
        match = match_command(command["title"])
        assert match is not None
        assert match.command.description == command["description"]
        assert scope in match.command.scopes


def test_command_lists_are_derived_from_the_commands_module(package: Path) -> None:
    listed = {
        (scope, command["title"]) for scope, command in manifest_commands(read_manifest(package))
    }
    defined = {(scope, command.title) for command in COMMANDS for scope in command.scopes}
    assert listed == defined
    for command_list in read_manifest(package)["bots"][0]["commandLists"]:
        assert len(command_list["scopes"]) == 1, "one list per scope, as Teams recommends"
    assert [tuple(lst["scopes"]) for lst in build.command_lists(COMMANDS)] == [
        (scope,) for scope in ALL_SCOPES
    ]


# --- wording ----------------------------------------------------------------------

AMERICAN = re.compile(
    r"\b(color|colors|center|behavior|favorite|organization|organizations|organize|authorize|"
    r"authorized|authorization|analyze|catalog|license|program|enrollment|judgment|gray)\b",
    re.IGNORECASE,
)


def test_names_and_descriptions_are_present_short_enough_and_british(package: Path) -> None:
    manifest = read_manifest(package)
    texts = {
        "name.short": (manifest["name"]["short"], 30),
        "name.full": (manifest["name"]["full"], 100),
        "description.short": (manifest["description"]["short"], 80),
        "description.full": (manifest["description"]["full"], 4000),
    }
    for scope, command in manifest_commands(manifest):
        texts[f"{scope} command {command['title']}"] = (command["description"], 4000)
    for where, (text, limit) in texts.items():
        assert text.strip(), f"{where} is empty"
        assert len(text) <= limit, f"{where} is longer than {limit} characters"
        assert not AMERICAN.search(text), f"{where} is not British English: {text!r}"
    assert manifest["name"]["short"] != manifest["name"]["full"]
    assert manifest["description"]["short"] not in manifest["description"]["full"]
    assert manifest["localizationInfo"]["defaultLanguageTag"] == "en-gb"


# --- refusals -----------------------------------------------------------------------


def run_cli(monkeypatch: pytest.MonkeyPatch, settings: Settings, out: Path) -> int:
    monkeypatch.setattr(cli, "load_settings", lambda: settings)
    return cli.main(["manifest", "build", "--out", str(out)])


def assert_one_line_error(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("familycontext: ")
    for word in words:
        assert word in lines[0]
    return lines[0]


def assert_nothing_written(directory: Path) -> None:
    assert list(directory.iterdir()) == [], "no zip, not even a partial one"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"microsoft_app_id": "my-bot"}, ["MicrosoftAppId", "GUID"]),
        ({"microsoft_app_id": ""}, ["MicrosoftAppId", "empty"]),
        ({"microsoft_app_id": APP_ID + "0"}, ["MicrosoftAppId", "GUID"]),
        ({"bot_domain": ""}, ["FC_BOT_DOMAIN", "empty"]),
        ({"bot_domain": "https://familycontext.example.gov.uk/api/messages"}, ["FC_BOT_DOMAIN"]),
        ({"bot_domain": "localhost:3978"}, ["FC_BOT_DOMAIN"]),
        ({"council_name": "The Royal Borough of Somewhere Very Long"}, ["FC_COUNCIL_NAME", "32"]),
        ({"privacy_url": "http://www.anytown.gov.uk/privacy"}, ["FC_PRIVACY_URL", "https://"]),
        ({"council_website_url": "www.anytown.gov.uk"}, ["FC_COUNCIL_WEBSITE_URL"]),
    ],
)
def test_invalid_settings_give_one_line_exit_2_and_no_zip(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    changes: dict[str, Any],
    words: list[str],
) -> None:
    settings = example_settings(**changes)
    with pytest.raises(ConfigurationError):
        build.build_command(settings, tmp_path / "package.zip")
    assert run_cli(monkeypatch, settings, tmp_path / "package.zip") == 2
    assert_one_line_error(capsys, "configuration error", *words)
    assert_nothing_written(tmp_path)


def test_invalid_settings_leave_an_existing_package_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "package.zip"
    out.write_bytes(b"the package from last time")
    assert run_cli(monkeypatch, example_settings(bot_domain=""), out) == 2
    assert out.read_bytes() == b"the package from last time"
    assert [p.name for p in tmp_path.iterdir()] == ["package.zip"]


def test_missing_schema_says_to_run_npm_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setattr(build, "REPOSITORY_ROOT", elsewhere)
    out = tmp_path / "out" / "package.zip"
    assert run_cli(monkeypatch, example_settings(), out) == 1
    assert_one_line_error(capsys, "npm ci", f"v{MANIFEST_VERSION}")
    assert not out.exists()
    assert not out.parent.exists() or not list(out.parent.iterdir())


def test_schema_folder_can_be_given_by_a_setting(
    tmp_path: Path, schema_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "REPOSITORY_ROOT", tmp_path)
    monkeypatch.chdir(tmp_path)
    settings = example_settings(manifest_schema_dir=schema_path.parent.parent)
    assert build.build_command(settings, tmp_path / "package.zip") == 0


def test_a_schema_folder_without_the_version_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = example_settings(manifest_schema_dir=tmp_path / "schemas")
    assert build.build_command(settings, tmp_path / "package.zip") == 1
    assert_one_line_error(capsys, "FC_MANIFEST_SCHEMA_DIR", f"v{MANIFEST_VERSION}")
    assert not (tmp_path / "package.zip").exists()


def test_a_manifest_that_breaks_the_schema_is_never_written(
    tmp_path: Path,
    schema_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    broken = json.loads(json.dumps(TEMPLATE))
    broken["bots"][0]["scopes"].append("meetings")
    template = tmp_path / "manifest.template.json"
    template.write_text(json.dumps(broken), encoding="utf-8")
    monkeypatch.setattr(build, "TEMPLATE_PATH", template)
    out = tmp_path / "out" / "package.zip"
    assert build.build_command(example_settings(), out) == 1
    line = assert_one_line_error(capsys, "does not match the Teams schema", "bots/0/scopes")
    assert "meetings" in line
    assert not out.exists()


# --- the validator itself -----------------------------------------------------------


def test_validator_honours_const_and_patterns(package: Path, schema: dict[str, Any]) -> None:
    manifest = read_manifest(package)
    manifest["manifestVersion"] = "1.22"  # `const`, which the declared draft-04 would ignore
    manifest["bots"][0]["botId"] = "not-a-guid"
    errors = build.schema_errors(manifest, schema)
    assert any(error.startswith("manifestVersion:") for error in errors)
    assert any(error.startswith("bots/0/botId:") for error in errors)


def test_validator_understands_unicode_letter_classes() -> None:
    # From v1.23 the schemas use \p{L}, which Python's `re` rejects.
    schema = {"type": "string", "pattern": r"^[\p{L}][\p{L}0-9._]*$"}
    assert build.schema_errors("Ystävä_1", schema) == []
    assert build.schema_errors("1abc", schema) != []
