"""The dependency rules of the architecture, checked on the source: bot -> dialogs ->
(cards, data_access); only bot/ knows Bot Framework; SQL stays in data_access/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imports_of(package: str) -> dict[str, set[str]]:
    """Every module of a package, with the top-level names of what it imports."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{module} imports {name}"
        for module, names in imports_of(package).items()
        for name in sorted(names)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


@pytest.mark.parametrize("package", ["dialogs", "cards", "data_access"])
def test_only_bot_knows_bot_framework_and_http(package: str) -> None:
    assert offenders(package, ("botbuilder", "botframework", "aiohttp", "msrest", "bot")) == []


@pytest.mark.parametrize("package", ["dialogs", "cards"])
def test_no_database_library_outside_data_access(package: str) -> None:
    assert offenders(package, ("sqlalchemy", "aiosqlite", "asyncpg", "alembic")) == []


def test_cards_read_only_the_disclosed_records_of_data_access() -> None:
    allowed = ("data_access.disclosure.records", "data_access.enums")
    leaks = [
        f"{module} imports {name}"
        for module, names in imports_of("cards").items()
        for name in names
        if name.startswith("data_access") and name not in allowed
    ]
    assert leaks == []
    assert offenders("cards", ("dialogs",)) == []


def test_data_access_knows_nothing_above_it() -> None:
    assert offenders("data_access", ("dialogs", "cards")) == []
