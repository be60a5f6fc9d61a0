"""The synthetic demo extract: a valid interchange folder that shows every state.

The demo is what a council sees first and what the Agents Playground runs
on, so it must load cleanly and must not depend on luck to show a dual
registration, a teenager outside an age band or the "at most three
offences" rule.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from data_access.demo import write_interchange
from data_access.demo.names import HERITAGES, WHITE_BRITISH
from data_access.enums import AliasKind, RelationshipType, Service
from data_access.interchange import TABLES, Kind, TableSpec

TODAY = dt.date(2026, 11, 20)
PEOPLE = 2000
SEED = 20261120
CITY = 20_000  # large enough to see how names are spread

POSTCODE = re.compile(r"^MB[0-9]{1,2} [0-9][ABDEFGHJLNPQRSTUWXYZ]{2}$")
EMAIL = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.example$")
DRAMA_PHONE = re.compile(r"^(?:0161 496 0[0-9]{3}|07700 900[0-9]{3})$")
SPECS = {spec.table: spec for spec in TABLES}
BANDS = {  # the default age bands of the display rules
    "school_involvement": (4, 20),
    "housing_involvement": (16, None),
    "adult_social_care_involvement": (15, None),
    "police_involvement": (18, None),
}

Rows = dict[str, list[dict[str, str]]]


def read(folder: Path) -> Rows:
    tables: Rows = {}
    for spec in TABLES:
        with (folder / spec.file_name).open(encoding="utf-8", newline="") as handle:
            tables[spec.table] = list(csv.DictReader(handle))
    return tables


def age(born: str, today: dt.date = TODAY) -> int:
    day = dt.date.fromisoformat(born)
    return today.year - day.year - ((today.month, today.day) < (day.month, day.day))


@pytest.fixture(scope="module")
def extract(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], Rows]:
    folder = tmp_path_factory.mktemp("demo")
    counts = write_interchange(folder, people=PEOPLE, seed=SEED, today=TODAY)
    return folder, counts, read(folder)


@pytest.fixture(scope="module")
def rows(extract: tuple[Path, dict[str, int], Rows]) -> Rows:
    return extract[2]


@pytest.fixture(scope="module")
def ages(rows: Rows) -> dict[str, int | None]:
    return {
        person["person_id"]: age(person["date_of_birth"]) if person["date_of_birth"] else None
        for person in rows["person"]
    }


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    write_interchange(first, people=300, seed=5, today=TODAY)
    write_interchange(second, people=300, seed=5, today=TODAY)
    write_interchange(other, people=300, seed=6, today=TODAY)
    for spec in TABLES:
        assert (first / spec.file_name).read_bytes() == (second / spec.file_name).read_bytes()
    assert (first / "person.csv").read_bytes() != (other / "person.csv").read_bytes()


@pytest.mark.parametrize("people", [0, 1, 3, 9, 10_001])
def test_writes_exactly_the_people_asked_for(tmp_path: Path, people: int) -> None:
    counts = write_interchange(tmp_path, people=people, seed=1, today=TODAY)
    tables = read(tmp_path)
    assert counts["person"] == len(tables["person"]) == people
    assert [p["person_id"] for p in tables["person"]] == [f"P{n:07d}" for n in range(1, people + 1)]


def test_counts_returned_match_the_files(extract: tuple[Path, dict[str, int], Rows]) -> None:
    _, counts, tables = extract
    assert counts == {table: len(found) for table, found in tables.items()}


def test_headers_are_the_contract(extract: tuple[Path, dict[str, int], Rows]) -> None:
    folder = extract[0]
    for spec in TABLES:
        with (folder / spec.file_name).open(encoding="utf-8", newline="") as handle:
            assert tuple(next(csv.reader(handle))) == spec.column_names


def test_every_reference_points_to_an_existing_row(rows: Rows) -> None:
    people = {person["person_id"] for person in rows["person"]}
    services = {source["source_id"]: source["service"] for source in rows["data_source"]}
    for spec in TABLES:
        for row in rows[spec.table]:
            for column in spec.columns:
                value = row[column.name]
                if column.kind is Kind.PERSON_REF:
                    assert value in people, (spec.table, row)
                elif column.kind is Kind.SOURCE_REF:
                    assert spec.service is not None
                    assert services[value] == spec.service.value, (spec.table, row)
    for relationship in rows["relationship"]:
        assert relationship["person_id"] != relationship["related_person_id"]


def _check_cells(spec: TableSpec, row: dict[str, str]) -> None:
    for column in spec.columns:
        value = row[column.name]
        if column.required:
            assert value, (spec.table, column.name, row)
        if not value:
            continue
        assert value == value.strip()
        assert len(value) <= column.max_length
        if column.kind is Kind.ENUM:
            assert column.enum is not None
            assert value in {member.value for member in column.enum}, (column.name, value)
        elif column.kind is Kind.BOOLEAN:
            assert value in ("true", "false")
        elif column.kind is Kind.DATE:
            assert dt.date.fromisoformat(value) <= TODAY
        elif column.kind is Kind.TIMESTAMP:
            assert dt.datetime.fromisoformat(value).utcoffset() is not None
        elif column.kind is Kind.PHONE:
            assert DRAMA_PHONE.match(value), value
            digits = value.replace(" ", "")
            assert digits.startswith("0")
            assert len(digits) in (10, 11)
        elif column.kind is Kind.EMAIL:
            assert EMAIL.match(value), value
        elif column.kind is Kind.POSTCODE:
            assert POSTCODE.match(value), value


def test_every_cell_is_valid_for_its_column(rows: Rows) -> None:
    for spec in TABLES:
        for row in rows[spec.table]:
            _check_cells(spec, row)


def test_ids_are_unique(rows: Rows) -> None:
    ids = [person["person_id"] for person in rows["person"]]
    case_ids = [person["cms_id"] for person in rows["person"] if person["cms_id"]]
    assert len(set(ids)) == len(ids)
    assert len(set(case_ids)) == len(case_ids) > PEOPLE // 20
    assert all(re.fullmatch(r"[1-9][0-9]{6}", case_id) for case_id in case_ids)


def test_people_look_like_a_population(rows: Rows, ages: dict[str, int | None]) -> None:
    known = [value for value in ages.values() if value is not None]
    children = sum(1 for value in known if value < 18)
    adults = len(ages) - children
    unknown = sum(1 for value in ages.values() if value is None)
    assert 0.15 < children / len(ages) < 0.4
    assert 0.04 < unknown / adults < 0.12  # no date of birth: adults only, by construction
    assert max(known) <= 104
    genders = Counter(person["gender"] for person in rows["person"])
    assert genders["female"] + genders["male"] > 0.97 * len(ages)
    restricted = sum(person["restricted"] == "true" for person in rows["person"])
    assert 0 < restricted < 0.03 * len(ages)
    assert any("\n" in person["address"] for person in rows["person"])
    assert any(not person["address"] for person in rows["person"])


def test_names_are_as_varied_as_a_city(rows: Rows) -> None:
    names = [f"{p['first_name']} {p['last_name']}" for p in rows["person"]]
    surnames = [p["last_name"] for p in rows["person"]]
    assert any("'" in surname for surname in surnames)  # O'Connor, D'Souza
    assert any("-" in surname for surname in surnames)  # Smith-Jones
    assert any(not name.isascii() for name in names)  # Zoë, Łukasz, Wójcik
    firsts = {p["first_name"] for p in rows["person"]}
    assert len(firsts & {"Muhammad", "Mohammed", "Mohamed", "Mohammad"}) >= 2
    assert len(set(surnames)) > 0.3 * len(surnames)


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    folder = tmp_path_factory.mktemp("city")
    write_interchange(folder, people=CITY, seed=SEED, today=TODAY)
    with (folder / "person.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_surnames_have_a_long_tail(city: list[dict[str, str]]) -> None:
    """A few common surnames (Smith about 1 %), then thousands held by one or two families."""
    surnames = Counter(person["last_name"] for person in city)
    top_share = surnames.most_common(1)[0][1] / CITY
    top_100_share = sum(count for _, count in surnames.most_common(100)) / CITY
    assert len(surnames) > 0.2 * CITY
    assert 0.005 < top_share < 0.02
    assert 0.15 < top_100_share < 0.35  # about a fifth in England
    assert sum(count <= 2 for count in surnames.values()) > 0.4 * len(surnames)


def test_full_names_are_rarely_shared(city: list[dict[str, str]]) -> None:
    names = Counter(f"{p['first_name']} {p['last_name']}".casefold() for p in city)
    assert len(names) > 0.9 * CITY
    assert max(names.values()) < 20
    firsts = Counter(person["first_name"] for person in city)
    assert len(firsts) > 1500
    assert firsts.most_common(1)[0][1] < 0.015 * CITY


def test_first_names_follow_the_birth_year(city: list[dict[str, str]]) -> None:
    """The Margarets are old and the Islas young: first names follow fashion."""

    def names_born(first: str, last: str) -> Counter[str]:
        return Counter(
            person["first_name"]
            for person in city
            if first <= person["date_of_birth"][:4] <= last and person["date_of_birth"]
        )

    old, young = names_born("1900", "1959"), names_born("2010", "2099")
    assert not {n for n, _ in old.most_common(15)} & {n for n, _ in young.most_common(15)}
    assert old["Margaret"] > 10 * young["Margaret"]
    assert young["Olivia"] > 10 * old["Olivia"]


def test_name_pools_are_plausible() -> None:
    british = WHITE_BRITISH.surnames
    assert len(british) > 10_000
    for heritage in HERITAGES:
        assert len(set(heritage.surnames)) == len(heritage.surnames), heritage.key
        for name in heritage.surnames + heritage.compound_surnames:
            for form in name.split("/"):
                words = form.split(" ")
                assert all(
                    word[:1].isupper() or word in ("da", "de", "do", "dos") for word in words
                )
                assert all(char.isalpha() or char in " '-" for char in form), form
                assert "  " not in form, form
                assert 2 <= len(form) <= 32, form
        for _, girls, boys, _ in heritage.decades:
            assert len(girls) >= 10, heritage.key
            assert len(boys) >= 10, heritage.key
            for first in girls + boys:
                assert first[:1].isupper(), first
                assert all(char.isalpha() or char in " '-" for char in first), first
    for made in ("Sandwich", "Woodland", "Shitley", "Ibibisi"):
        assert all(made not in heritage.surnames for heritage in HERITAGES)


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Name pools are built from sets and dicts: their order must not follow str hashing."""
    code = (
        "import sys, datetime as dt; from pathlib import Path;"
        " from data_access.demo import write_interchange;"
        " write_interchange(Path(sys.argv[1]), people=200, seed=5, today=dt.date(2026, 11, 20))"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path / hash_seed)],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        for hash_seed in ("1", "2")
    ]
    assert [run.wait(timeout=60) for run in runs] == [0, 0]
    assert (tmp_path / "1" / "person.csv").read_bytes() == (
        tmp_path / "2" / "person.csv"
    ).read_bytes()


def test_every_display_state_is_present(rows: Rows, ages: dict[str, int | None]) -> None:
    for table, (youngest, oldest) in BANDS.items():
        outside = [
            row
            for row in rows[table]
            if (born := ages[row["person_id"]]) is not None
            and (born < youngest or (oldest is not None and born > oldest))
        ]
        assert outside, f"nobody outside the age band in {table}"
        if youngest >= 15:  # age unknown: the band cannot be applied
            assert any(ages[row["person_id"]] is None for row in rows[table]), table
    registrations = Counter(
        row["person_id"] for row in rows["school_involvement"] if row["involvement"] == "current"
    )
    dual = {
        row["person_id"]
        for row in rows["school_involvement"]
        if row["admission_type"] in ("secondary", "off_site")
    }
    assert any(registrations[person] >= 2 for person in dual)
    assert {row["involvement"] for row in rows["school_involvement"]} >= {"current", "historic"}
    offences = Counter(row["person_id"] for row in rows["police_offence"])
    assert max(offences.values()) >= 4
    assert {row["non_safeguarding_records"] for row in rows["police_involvement"]} >= {
        "true",
        "false",
    }
    flags = {row["anti_social_behaviour"] for row in rows["housing_involvement"]}
    assert flags >= {"open", "closed", "none"}
    asc = {row["involvement"] for row in rows["adult_social_care_involvement"]}
    assert asc >= {"current", "historic"}
    for table in BANDS:
        assert any("" in row.values() for row in rows[table]), f"no missing detail in {table}"
    assert any(row["school_name"] == "" for row in rows["school_involvement"])
    assert any(row["available"] == "false" for row in rows["data_source"])
    assert {row["service"] for row in rows["data_source"]} == {s.value for s in Service}


def test_relationships_and_aliases_use_every_kind(rows: Rows) -> None:
    used = {row["relationship"] for row in rows["relationship"]}
    assert used == {kind.value for kind in RelationshipType}
    labels = {row["label"] for row in rows["relationship"]}
    assert {"Mum's partner", "Maternal grandmother", "Son", "Daughter"} <= labels
    assert {row["kind"] for row in rows["person_alias"]} == {kind.value for kind in AliasKind}
    assert all(row["first_name"] or row["last_name"] for row in rows["person_alias"])
    pairs = {(row["person_id"], row["related_person_id"]) for row in rows["relationship"]}
    both_ways = sum((b, a) in pairs for a, b in pairs)
    assert both_ways > 0.95 * len(pairs)


def test_activity_is_within_each_feeds_coverage(rows: Rows) -> None:
    coverage = {
        source["source_id"]: dt.date.fromisoformat(source["coverage_start"])
        for source in rows["data_source"]
    }
    for offence in rows["police_offence"]:
        assert coverage[offence["source_id"]] <= dt.date.fromisoformat(offence["offence_date"])
    for row in rows["housing_involvement"]:
        if row["tenancy_start"]:
            assert coverage[row["source_id"]].isoformat() <= row["tenancy_start"]
    for row in rows["adult_social_care_involvement"]:
        if row["last_involvement_start"] and row["most_recent_interaction"]:
            assert row["last_involvement_start"] <= row["most_recent_interaction"]
            assert coverage[row["source_id"]].isoformat() <= row["last_involvement_start"]
    (police,) = (source for source in rows["data_source"] if source["service"] == "police")
    assert police["coverage_note"].startswith("Convictions from the last 5 years")
    for source in rows["data_source"]:
        taken = dt.datetime.fromisoformat(source["current_as_of"])
        assert taken.date() <= TODAY  # last night's extract, or an older one
        assert taken.hour < 4


def test_ages_are_relative_to_today(tmp_path: Path) -> None:
    later = dt.date(2041, 2, 28)
    write_interchange(tmp_path / "a", people=300, seed=3, today=TODAY)
    write_interchange(tmp_path / "b", people=300, seed=3, today=later)
    before, after = read(tmp_path / "a")["person"], read(tmp_path / "b")["person"]
    for old, new in zip(before, after, strict=True):
        assert bool(old["date_of_birth"]) == bool(new["date_of_birth"])
        if old["date_of_birth"]:
            then, now = age(old["date_of_birth"]), age(new["date_of_birth"], later)
            assert abs(now - then) <= 1  # the same people, the same age, whenever generated


def test_withhold_marks_every_feed_of_a_service_unavailable(tmp_path: Path) -> None:
    write_interchange(
        tmp_path, people=50, seed=1, today=TODAY, withhold=frozenset({Service.POLICE})
    )
    sources = read(tmp_path)["data_source"]
    police = [source for source in sources if source["service"] == "police"]
    assert police
    assert all(source["available"] == "false" for source in police)
    school = [source for source in sources if source["service"] == "school"]
    assert all(source["available"] == "true" for source in school)
