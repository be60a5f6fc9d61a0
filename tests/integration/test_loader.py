"""The loader on real SQLite and PostgreSQL: all of an extract, or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.loader import SchemaNotReady, load_folder
from data_access.models import DataSource, HousingInvolvement, Person, SchoolInvolvement
from data_access.search.keys import person_keys
from tests.support.interchange import Rows, valid_extract, write_extract
from tests.support.snapshot import snapshot

TODAY = dt.date(2026, 11, 22)


async def load(engine: AsyncEngine, folder: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    return await load_folder(engine, folder, today=TODAY, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
async def loaded(engine: AsyncEngine, tmp_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """The database after a valid load: what a rejected load must leave untouched."""
    result = await load(engine, write_extract(tmp_path / "first", valid_extract()))
    assert result.ok, result.problem_lines()
    return await snapshot(engine)


async def test_valid_extract_is_loaded_and_normalised(engine: AsyncEngine, tmp_path: Path) -> None:
    result = await load(engine, write_extract(tmp_path / "x", valid_extract()))

    assert result.ok
    assert result.problem_lines() == []
    assert result.rows == {
        "data_source": 2,
        "person": 2,
        "relationship": 1,
        "school_involvement": 1,
        "housing_involvement": 1,
        "person_search_key": len(person_keys("Jayden", "Smith"))
        + len(person_keys("Zoë", "O'Connor-Smith")),
    }
    async with engine.connect() as connection:
        jayden = (await connection.execute(select(Person).where(Person.person_id == "P1"))).one()
        zoe = (await connection.execute(select(Person).where(Person.person_id == "P2"))).one()
        housing = (await connection.execute(select(HousingInvolvement))).one()
        housing_source = (
            await connection.execute(select(DataSource).where(DataSource.source_id == "HOU"))
        ).one()
    assert jayden.date_of_birth == dt.date(2016, 3, 12)
    assert jayden.address == "1 Test Street, Testville"
    assert jayden.postcode == "TS1 1AA"
    assert jayden.restricted is False
    assert zoe.first_name == "Zoë"
    assert zoe.last_name == "O'Connor-Smith"
    assert zoe.date_of_birth == dt.date(1990, 3, 12)
    assert zoe.cms_id is None
    assert housing.contact_phone == "07700900123"
    assert housing.contact_name is None
    assert housing.rent_arrears == "open"
    assert housing_source.coverage_start == dt.date(2014, 1, 1)
    assert housing_source.coverage_note is None
    assert housing_source.available is True
    assert housing_source.current_as_of == dt.datetime(2026, 11, 21, 2, 0, tzinfo=dt.UTC)


async def test_a_new_load_replaces_the_previous_data(
    engine: AsyncEngine, tmp_path: Path, loaded: object
) -> None:
    rows = valid_extract()
    rows["person"] = rows["person"][1:]
    rows["relationship"] = []
    rows["school_involvement"] = []
    result = await load(engine, write_extract(tmp_path / "second", rows))

    assert result.ok, result.problem_lines()
    after = await snapshot(engine)
    assert [row[0] for row in after["person"]] == ["P2"]
    assert after["school_involvement"] == []
    assert len(after["housing_involvement"]) == 1


def _break(rows: Rows, table: str, index: int, column: str, value: str) -> Rows:
    """Set one cell; an index just past the end adds a copy of the last row first."""
    if index == len(rows[table]):
        rows[table].append(dict(rows[table][-1]))
    rows[table][index][column] = value
    return rows


BAD_CELLS = [
    pytest.param(
        ("person", 0, "gender", "f"),
        "person.csv:2: gender: must be one of female, male, other, unknown",
        id="unknown-enumeration-value",
    ),
    pytest.param(
        ("person", 1, "date_of_birth", "2016-02-30"),
        "person.csv:3: date_of_birth: not a real date (use YYYY-MM-DD or DD/MM/YYYY)",
        id="impossible-date",
    ),
    pytest.param(
        ("person", 1, "date_of_birth", "31/02/1990"),
        "person.csv:3: date_of_birth: not a real date (use YYYY-MM-DD or DD/MM/YYYY)",
        id="impossible-day-first-date",
    ),
    pytest.param(
        ("person", 1, "date_of_birth", "2027-01-01"),
        "person.csv:3: date_of_birth: in the future",
        id="birth-in-the-future",
    ),
    pytest.param(
        ("relationship", 0, "related_person_id", "P9"),
        "relationship.csv:2: related_person_id: unknown person (not in person.csv)",
        id="unknown-person",
    ),
    pytest.param(
        ("person", 2, "person_id", "P1"),
        "person.csv:4: person_id: duplicate person_id (line 2)",
        id="duplicate-id",
    ),
    pytest.param(
        ("person", 1, "cms_id", "7190247"),
        "person.csv:3: cms_id: duplicate cms_id (line 2)",
        id="duplicate-case-id",
    ),
    pytest.param(
        ("person", 0, "last_name", ""),
        "person.csv:2: last_name: required, but empty",
        id="missing-required-value",
    ),
    pytest.param(
        ("person", 0, "restricted", "maybe"),
        "person.csv:2: restricted: must be true or false (or yes or no)",
        id="bad-boolean",
    ),
    pytest.param(
        ("school_involvement", 0, "source_id", "HOU"),
        "school_involvement.csv:2: source_id: data source HOU is a housing feed, not school",
        id="source-of-another-service",
    ),
    pytest.param(
        ("school_involvement", 0, "source_id", "NOPE"),
        "school_involvement.csv:2: source_id: unknown data source (not in data_source.csv)",
        id="unknown-source",
    ),
    pytest.param(
        ("data_source", 0, "current_as_of", "last night"),
        "data_source.csv:2: current_as_of: not an ISO 8601 timestamp (e.g. 2026-11-21T02:00:00Z)",
        id="bad-timestamp",
    ),
    pytest.param(
        ("data_source", 0, "coverage_end", "2019-01-01"),
        "data_source.csv:2: coverage_end: before coverage_start",
        id="coverage-reversed",
    ),
]


@pytest.mark.parametrize(("change", "expected"), BAD_CELLS)
async def test_a_bad_cell_rejects_the_load_and_changes_nothing(
    engine: AsyncEngine,
    tmp_path: Path,
    loaded: dict[str, list[tuple[object, ...]]],
    change: tuple[str, int, str, str],
    expected: str,
) -> None:
    folder = write_extract(tmp_path / "bad", _break(valid_extract(), *change))

    result = await load(engine, folder)

    assert not result.ok
    assert result.problem_lines() == [expected]
    assert await snapshot(engine) == loaded


def _rewrite(folder: Path, name: str, old: bytes, new: bytes) -> None:
    path = folder / name
    content = path.read_bytes()
    assert old in content
    path.write_bytes(content.replace(old, new, 1))


FILE_DAMAGE = [
    pytest.param(
        ("person.csv", b",gender,", b","),
        ["person.csv:1: gender: missing column"],
        id="missing-column",
    ),
    pytest.param(
        ("person.csv", b"P2,", b"P2,extra,"),
        ["person.csv:3: -: expected 9 fields but found 10"],
        id="wrong-number-of-fields",
    ),
    pytest.param(
        ("person.csv", b"P2,,", b'P2,"7"1,'),
        ["person.csv:3: -: malformed CSV: ',' expected after '\"'"],
        id="malformed-quoting",
    ),
    pytest.param(
        ("person.csv", "Zoë".encode(), "Zoë".encode("latin-1")),
        ["person.csv:3: -: not valid UTF-8 (save the file as UTF-8)"],
        id="not-utf-8",
    ),
]


@pytest.mark.parametrize(("damage", "expected"), FILE_DAMAGE)
async def test_a_damaged_file_rejects_the_load_and_changes_nothing(
    engine: AsyncEngine,
    tmp_path: Path,
    loaded: dict[str, list[tuple[object, ...]]],
    damage: tuple[str, bytes, bytes],
    expected: list[str],
) -> None:
    folder = write_extract(tmp_path / "bad", valid_extract())
    _rewrite(folder, *damage)

    result = await load(engine, folder)

    assert not result.ok
    assert result.problem_lines()[: len(expected)] == expected
    assert await snapshot(engine) == loaded


async def test_duplicates_are_found_across_batches(engine: AsyncEngine, tmp_path: Path) -> None:
    rows = valid_extract()
    rows["person"].append({**rows["person"][0], "cms_id": ""})

    result = await load(engine, write_extract(tmp_path / "bad", rows), batch_size=1)

    assert result.problem_lines() == [
        "person.csv:4: person_id: duplicate person_id (on an earlier line)"
    ]


async def test_every_problem_is_reported_not_just_the_first(
    engine: AsyncEngine, tmp_path: Path, loaded: object
) -> None:
    rows = valid_extract()
    rows["person"][0]["gender"] = "boy"
    rows["person"][1]["date_of_birth"] = "1990-13-01"
    rows["school_involvement"][0]["admission_type"] = "primary"
    rows["housing_involvement"][0]["person_id"] = "P404"

    result = await load(engine, write_extract(tmp_path / "bad", rows))

    assert result.problem_lines() == [
        "person.csv:2: gender: must be one of female, male, other, unknown",
        "person.csv:3: date_of_birth: not a real date (use YYYY-MM-DD or DD/MM/YYYY)",
        # P1 and P2 were rejected above, so the relationship between them is not reported again.
        "school_involvement.csv:2: admission_type: must be one of main, secondary, off_site",
        "housing_involvement.csv:2: person_id: unknown person (not in person.csv)",
    ]


async def test_errors_stop_at_the_cap(engine: AsyncEngine, tmp_path: Path) -> None:
    rows = valid_extract()
    rows["person"] = [{**rows["person"][1], "person_id": f"Q{i}", "gender": "?"} for i in range(50)]
    rows["relationship"] = []

    result = await load(engine, write_extract(tmp_path / "bad", rows), max_errors=10)

    lines = result.problem_lines()
    assert len(lines) == 11
    assert lines[-1] == "stopped after 10 errors; the rest of the extract was not read"


async def test_invalid_contacts_are_loaded_as_missing_with_a_warning(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    rows = valid_extract()
    rows["school_involvement"][0]["contact_phone"] = "12345"
    rows["school_involvement"][0]["contact_email"] = "dsl at school"
    rows["person"][0]["postcode"] = "NOT A POSTCODE"

    result = await load(engine, write_extract(tmp_path / "x", rows))

    assert result.ok
    assert result.problem_lines() == [
        "person.csv:2: postcode: warning: not a UK postcode; loaded as missing",
        "school_involvement.csv:2: contact_email: warning: not a valid email address;"
        " loaded as missing",
        "school_involvement.csv:2: contact_phone: warning: not a UK phone number"
        " (10 or 11 digits); loaded as missing",
    ]
    async with engine.connect() as connection:
        school = (await connection.execute(select(SchoolInvolvement))).one()
    assert school.contact_phone is None
    assert school.contact_email is None
    assert school.contact_name == "A Teacher"


async def test_missing_required_file(engine: AsyncEngine, tmp_path: Path, loaded: object) -> None:
    folder = write_extract(tmp_path / "bad", valid_extract())
    (folder / "person.csv").unlink()

    result = await load(engine, folder)

    assert result.problem_lines() == ["person.csv:0: -: required file is missing"]
    assert await snapshot(engine) == loaded


async def test_optional_files_may_be_absent(engine: AsyncEngine, tmp_path: Path) -> None:
    rows = valid_extract()
    del rows["school_involvement"], rows["housing_involvement"], rows["relationship"]

    result = await load(engine, write_extract(tmp_path / "x", rows))

    assert result.ok
    assert result.rows == {
        "data_source": 2,
        "person": 2,
        "person_search_key": len(person_keys("Jayden", "Smith"))
        + len(person_keys("Zoë", "O'Connor-Smith")),
    }


async def test_line_numbers_count_physical_lines_of_multi_line_records(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    rows = valid_extract()
    rows["person"][0]["address"] = "Flat 2\n3 Long Road\nTestville"
    rows["person"][1]["gender"] = "x"

    result = await load(engine, write_extract(tmp_path / "x", rows))

    assert result.problem_lines() == [
        "person.csv:5: gender: must be one of female, male, other, unknown"
    ]


async def test_unmigrated_database_is_refused(tmp_path: Path) -> None:
    from data_access.engine import create_engine

    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        with pytest.raises(SchemaNotReady):
            await load(engine, write_extract(tmp_path / "x", valid_extract()))
    finally:
        await engine.dispose()


async def test_references_to_a_header_only_person_file_are_reported(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    rows = valid_extract()
    rows["person"] = []

    result = await load(engine, write_extract(tmp_path / "x", rows))

    assert result.problem_lines() == [
        "relationship.csv:2: person_id: unknown person (not in person.csv)",
        "relationship.csv:2: related_person_id: unknown person (not in person.csv)",
        "school_involvement.csv:2: person_id: unknown person (not in person.csv)",
        "housing_involvement.csv:2: person_id: unknown person (not in person.csv)",
    ]


async def test_an_unreadable_person_file_is_one_error_not_one_per_reference(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    folder = write_extract(tmp_path / "x", valid_extract())
    _rewrite(folder, "person.csv", b"person_id,", b"id,")

    result = await load(engine, folder)

    assert result.problem_lines() == [
        "person.csv:1: person_id: missing column",
        "person.csv:1: id: warning: unknown column, ignored",
    ]
