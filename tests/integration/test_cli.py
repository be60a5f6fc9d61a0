"""The `familycontext` command as an admin runs it: exit codes and what it prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from tests.support.interchange import valid_extract, write_extract


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("FC_DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)  # no stray .env file is read
    return url


def test_db_upgrade_then_load(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    folder = write_extract(tmp_path / "extract", valid_extract())

    assert main(["data", "load", str(folder)]) == 0

    out, err = capsys.readouterr()
    summary = "data_source 2, person 2, relationship 1, school_involvement 1, housing_involvement 1"
    assert "\nloaded 7 rows in " in out  # the extract's rows, not the derived keys
    assert f"({summary}); search index rebuilt: " in out
    assert err == ""


def test_invalid_extract_exits_non_zero_with_one_line_per_problem(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    rows = valid_extract()
    rows["person"][0]["gender"] = "f"
    rows["person"][1]["date_of_birth"] = "30/02/1990"
    folder = write_extract(tmp_path / "extract", rows)
    capsys.readouterr()

    assert main(["data", "load", str(folder)]) == 1

    _, err = capsys.readouterr()
    assert err.splitlines() == [
        "person.csv:2: gender: must be one of female, male, other, unknown",
        "person.csv:3: date_of_birth: not a real date (use YYYY-MM-DD or DD/MM/YYYY)",
        "load rejected: 2 errors; the database is unchanged",
    ]


def test_load_into_an_unmigrated_database_says_what_to_do(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_extract(tmp_path / "extract", valid_extract())

    assert main(["data", "load", str(folder)]) == 2

    assert "familycontext db upgrade" in capsys.readouterr().err


def test_load_of_a_missing_folder(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    assert main(["data", "load", str(tmp_path / "nowhere")]) == 1
    assert "nowhere:0: -: not a folder" in capsys.readouterr().err


def test_serve_refuses_production_without_identity(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FC_ENVIRONMENT", "production")

    assert main(["serve"]) == 2

    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "refusing to start in production" in err
    assert "MicrosoftAppId" in err


def test_serve_refuses_unauthenticated_mode_off_loopback(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", "0.0.0.0"]) == 2  # noqa: S104 - the point of the test
    assert "loopback" in capsys.readouterr().err


def test_an_invalid_setting_is_one_clear_line(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FC_ENVIRONMENT", "prod")

    assert main(["db", "upgrade"]) == 2

    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "FC_ENVIRONMENT" in err


@pytest.mark.parametrize(("setting", "logger"), [(None, None), ("true", "aiohttp.access")])
def test_serve_logs_each_request_only_when_asked(
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    setting: str | None,
    logger: str | None,
) -> None:
    if setting is not None:
        monkeypatch.setenv("FC_ACCESS_LOG", setting)
    started: dict[str, Any] = {}

    def run_app(app: Any, **options: Any) -> None:
        app.close()  # the coroutine that would build the app: not needed here
        started.update(options)

    monkeypatch.setattr("bot.server.web.run_app", run_app)
    assert main(["db", "upgrade"]) == 0
    assert main(["serve"]) == 0
    access_log = started["access_log"]
    assert (access_log.name if access_log is not None else None) == logger
