"""The disclosure reader on real SQLite and PostgreSQL: the demo's showcase family, which
shows every display state (data_access/demo/showcase.py), and small extracts for the
states the demo does not reach (a feed with rows but withheld, no feed at all)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from data_access.demo import sources, write_interchange
from data_access.disclosure.reader import PersonDirectory, _related_statement, first_address_line
from data_access.disclosure.records import (
    SERVICE_ORDER,
    AdultSocialCareRecord,
    AgeBand,
    DisclosureRules,
    HousingRecord,
    PersonSummary,
    PoliceRecord,
    Restricted,
    SchoolRecord,
    ServiceDetails,
    ServiceFlag,
    ServiceState,
)
from data_access.enums import Service
from data_access.loader import load_folder
from data_access.models import Person, PoliceOffence, Relationship
from tests.support.interchange import Rows, valid_extract, write_extract

TODAY = dt.date(2026, 11, 22)
"""The demo is generated for this day too, so every showcase age is exact."""
SEED = 7
PEOPLE = 40

MOTHER, PARTNER, SON17, DAUGHTER14, SON12, DAUGHTER8, SON3, FATHER, GRANDMOTHER = (
    f"P{number:07d}" for number in range(1, 10)
)
RESTRICTED = "P0000010"

S = ServiceState


# --- fixtures ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_extract(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    write_interchange(folder, people=PEOPLE, seed=SEED, today=TODAY)
    return folder


@pytest.fixture(scope="module")
def police_withheld_extract(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same people with the police feed marked unavailable but its rows still loaded."""
    folder = tmp_path_factory.mktemp("withheld")
    write_interchange(
        folder, people=PEOPLE, seed=SEED, today=TODAY, withhold=frozenset({Service.POLICE})
    )
    return folder


async def _load(engine: AsyncEngine, folder: Path) -> None:
    result = await load_folder(engine, folder, today=TODAY)
    assert result.ok, result.problem_lines()


@pytest.fixture
async def demo(engine: AsyncEngine, demo_extract: Path) -> PersonDirectory:
    await _load(engine, demo_extract)
    return PersonDirectory(engine, DisclosureRules())


async def _summary(
    directory: PersonDirectory, person_id: str, today: dt.date = TODAY
) -> PersonSummary:
    summary = await directory.summary(person_id, today)
    assert isinstance(summary, PersonSummary)
    return summary


async def _details(
    directory: PersonDirectory, person_id: str, service: Service, today: dt.date = TODAY
) -> ServiceDetails:
    details = await directory.service_details(person_id, service, today)
    assert isinstance(details, ServiceDetails)
    return details


def _states(summary: PersonSummary) -> dict[Service, ServiceState]:
    return {flag.service: flag.state for flag in summary.services}


@contextmanager
def _statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements sent while the block runs (round trips, not rows)."""
    sent: list[str] = []

    def record(*args: Any) -> None:
        sent.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


# --- first level: the person card --------------------------------------------------------


async def test_showcase_family_flags(demo: PersonDirectory) -> None:
    expected = {
        MOTHER: (38, [S.NOT_APPLICABLE, S.CURRENT, S.HISTORIC, S.NONE_FOUND]),
        PARTNER: (41, [S.NOT_APPLICABLE, S.CURRENT, S.NONE_FOUND, S.RECORDS_FOUND]),
        SON17: (17, [S.CURRENT, S.NONE_FOUND, S.NONE_FOUND, S.NOT_APPLICABLE]),
        DAUGHTER14: (14, [S.CURRENT, S.NOT_APPLICABLE, S.NOT_APPLICABLE, S.NOT_APPLICABLE]),
        SON12: (12, [S.CURRENT, S.NOT_APPLICABLE, S.NOT_APPLICABLE, S.NOT_APPLICABLE]),
        DAUGHTER8: (8, [S.CURRENT, S.NOT_APPLICABLE, S.NOT_APPLICABLE, S.NOT_APPLICABLE]),
        SON3: (3, [S.NOT_APPLICABLE] * 4),
        FATHER: (None, [S.NONE_FOUND, S.HISTORIC, S.NONE_FOUND, S.RECORDS_FOUND]),
        GRANDMOTHER: (None, [S.NONE_FOUND, S.CURRENT, S.CURRENT, S.NONE_FOUND]),
    }
    for person_id, (age, states) in expected.items():
        summary = await _summary(demo, person_id)
        assert summary.person_id == person_id
        assert summary.age == age, person_id
        assert [flag.service for flag in summary.services] == list(SERVICE_ORDER)
        assert [flag.state for flag in summary.services] == states, person_id
        assert all(flag.age_unknown is (age is None) for flag in summary.services)


async def test_flags_carry_every_feed_with_its_limitations(demo: PersonDirectory) -> None:
    summary = await _summary(demo, MOTHER)
    feeds = {feed.source_id: feed for feed in sources.feeds(TODAY)}
    for flag in summary.services:
        expected = sorted(
            (feed for feed in feeds.values() if feed.service is flag.service),
            key=lambda feed: feed.title,
        )
        assert [limits.source_id for limits in flag.limitations] == [
            feed.source_id for feed in expected
        ]
        for limits in flag.limitations:
            feed = feeds[limits.source_id]
            assert limits.current_as_of == feed.current_as_of
            assert limits.current_as_of.tzinfo is not None
            assert (limits.coverage_start, limits.coverage_end) == (
                feed.coverage_start,
                feed.coverage_end,
            )
            assert limits.system_name == feed.system_name
            assert limits.coverage_note == feed.coverage_note
            assert limits.available is feed.available
    housing = _flag(summary, Service.HOUSING)
    # One feed withheld, one loaded: the loaded one answers.
    assert [feed.available for feed in housing.limitations].count(False) == 1
    assert housing.state is S.CURRENT


def _flag(summary: PersonSummary, service: Service) -> ServiceFlag:
    return next(flag for flag in summary.services if flag.service is service)


async def test_basic_details(demo: PersonDirectory, engine: AsyncEngine) -> None:
    summary = await _summary(demo, MOTHER)
    async with engine.connect() as connection:
        row = (await connection.execute(select(Person).where(Person.person_id == MOTHER))).one()
    assert (summary.first_name, summary.last_name) == (row.first_name, row.last_name)
    assert summary.date_of_birth == row.date_of_birth
    assert summary.cms_id == row.cms_id is not None
    assert summary.address == row.address
    assert summary.postcode == row.postcode
    assert summary.gender == "female"


async def test_related_people_parents_first_never_restricted(demo: PersonDirectory) -> None:
    son = await _summary(demo, SON12)
    ranks = [r.relationship for r in son.related]
    # Carer (grandmother, for respite), mother and father first; then siblings.
    assert set(ranks[:3]) == {"carer", "mother", "father"}
    assert {r.person_id for r in son.related} == {
        MOTHER,
        PARTNER,
        SON17,
        DAUGHTER14,
        DAUGHTER8,
        SON3,
        FATHER,
        GRANDMOTHER,
    }
    carer = next(r for r in son.related if r.person_id == GRANDMOTHER)
    assert carer.label == "Respite carer (maternal grandmother)"
    assert carer.age is None
    assert son.related_not_shown == 0
    mother = next(r for r in son.related if r.person_id == MOTHER)
    assert mother.age == 38


async def test_related_people_capped(engine: AsyncEngine, demo_extract: Path) -> None:
    await _load(engine, demo_extract)
    directory = PersonDirectory(engine, DisclosureRules(max_related=3))
    summary = await _summary(directory, SON12)
    assert len(summary.related) == 3
    assert summary.related_not_shown == 5
    assert {r.relationship for r in summary.related} == {"carer", "mother", "father"}


async def test_restricted_relatives_are_never_listed(
    demo: PersonDirectory, engine: AsyncEngine
) -> None:
    related = Person.__table__.alias("related")
    async with engine.connect() as connection:
        links = (
            await connection.execute(
                select(Relationship.person_id, Relationship.related_person_id)
                .join(related, related.c.person_id == Relationship.related_person_id)
                .where(related.c.restricted.is_(True))
            )
        ).all()
    assert links, "the demo links someone to a restricted person (seed 7)"
    for person_id, restricted_id in links:
        summary = await demo.summary(person_id, TODAY)
        if isinstance(summary, PersonSummary):
            assert restricted_id not in {r.person_id for r in summary.related}


async def test_restricted_and_unknown_people(demo: PersonDirectory) -> None:
    assert await demo.summary(RESTRICTED, TODAY) == Restricted(RESTRICTED)
    for service in SERVICE_ORDER:
        assert await demo.service_details(RESTRICTED, service, TODAY) == Restricted(RESTRICTED)
    assert await demo.summary("P9999999", TODAY) is None
    assert await demo.service_details("P9999999", Service.POLICE, TODAY) is None


async def test_turning_18_shows_the_police_record(demo: PersonDirectory) -> None:
    son = await _summary(demo, SON17)
    assert son.date_of_birth is not None
    birthday = son.date_of_birth.replace(year=son.date_of_birth.year + 18)
    eve = birthday - dt.timedelta(days=1)
    assert _states(await _summary(demo, SON17, eve))[Service.POLICE] is S.NOT_APPLICABLE
    assert (await _details(demo, SON17, Service.POLICE, eve)).records == ()
    on_the_day = await _summary(demo, SON17, birthday)
    assert on_the_day.age == 18
    assert _states(on_the_day)[Service.POLICE] is S.RECORDS_FOUND
    details = await _details(demo, SON17, Service.POLICE, birthday)
    assert len(details.records) == 1
    assert len(details.offences) == 1
    assert details.other_offences_found is False
    record = details.records[0]
    assert isinstance(record, PoliceRecord)
    assert record.contact.phone is None  # not recorded
    assert record.contact.name is not None


# --- second level: a service's details ---------------------------------------------------


async def test_police_shows_three_most_recent_of_five_offences(
    demo: PersonDirectory, engine: AsyncEngine
) -> None:
    details = await _details(demo, PARTNER, Service.POLICE)
    async with engine.connect() as connection:
        dates = sorted(
            (
                await connection.execute(
                    select(PoliceOffence.offence_date).where(PoliceOffence.person_id == PARTNER)
                )
            ).scalars(),
            reverse=True,
        )
    assert len(dates) == 5
    assert details.flag.state is S.RECORDS_FOUND
    assert [offence.offence_date for offence in details.offences] == dates[:3]
    assert details.other_offences_found is True
    assert len(details.records) == 1
    assert isinstance(details.records[0], PoliceRecord)


async def test_offence_cap_is_the_councils(engine: AsyncEngine, demo_extract: Path) -> None:
    await _load(engine, demo_extract)
    one = PersonDirectory(engine, DisclosureRules(max_offences=1))
    assert len((await _details(one, PARTNER, Service.POLICE)).offences) == 1
    none = PersonDirectory(engine, DisclosureRules(max_offences=0))
    details = await _details(none, PARTNER, Service.POLICE)
    assert details.offences == ()
    assert details.flag.state is S.RECORDS_FOUND


async def test_police_record_without_safeguarding_offences(demo: PersonDirectory) -> None:
    details = await _details(demo, FATHER, Service.POLICE)
    assert details.flag.state is S.RECORDS_FOUND
    assert details.flag.age_unknown
    assert details.offences == ()
    assert details.other_offences_found is True


async def test_outside_the_band_nothing_is_returned(demo: PersonDirectory) -> None:
    for person_id, service in [
        (SON17, Service.POLICE),  # a police record and an offence exist
        (DAUGHTER14, Service.HOUSING),  # named in the household's ASB case
        (SON12, Service.ADULT_SOCIAL_CARE),  # transitions work
        (SON3, Service.SCHOOL),  # nursery
    ]:
        details = await _details(demo, person_id, service)
        assert details.flag.state is S.NOT_APPLICABLE, (person_id, service)
        assert not details.flag.shown
        assert details.records == ()
        assert details.offences == ()
        assert details.other_offences_found is None


async def test_school_order_and_missing_details(demo: PersonDirectory) -> None:
    dual = await _details(demo, DAUGHTER14, Service.SCHOOL)
    assert dual.flag.state is S.CURRENT
    assert [(r.involvement, r.admission_type) for r in _school(dual)] == [
        ("current", "main"),
        ("current", "off_site"),
    ]
    moved_on = await _details(demo, SON17, Service.SCHOOL)
    assert [(r.involvement, r.admission_type) for r in _school(moved_on)] == [
        ("current", "main"),
        ("historic", "main"),
    ]
    blank = _school(await _details(demo, DAUGHTER8, Service.SCHOOL))
    assert len(blank) == 1
    assert blank[0].school_name is None
    assert dataclasses.astuple(blank[0].contact) == (None, None, None, None)


def _school(details: ServiceDetails) -> list[SchoolRecord]:
    assert all(isinstance(record, SchoolRecord) for record in details.records)
    return [record for record in details.records if isinstance(record, SchoolRecord)]


async def test_housing_and_adult_social_care_details(demo: PersonDirectory) -> None:
    tenancy = await _details(demo, MOTHER, Service.HOUSING)
    assert tenancy.flag.state is S.CURRENT
    (record,) = tenancy.records
    assert isinstance(record, HousingRecord)
    assert (record.anti_social_behaviour, record.rent_arrears) == ("open", "open")
    assert record.source_id == sources.MILLBROOK_HOMES

    closed = await _details(demo, MOTHER, Service.ADULT_SOCIAL_CARE)
    assert closed.flag.state is S.HISTORIC
    (care,) = closed.records
    assert isinstance(care, AdultSocialCareRecord)
    assert dataclasses.astuple(care.contact) == (None, None, None, None)
    assert care.last_involvement_start is not None

    former = await _details(demo, FATHER, Service.HOUSING)
    assert former.flag.state is S.HISTORIC
    (old,) = former.records
    assert isinstance(old, HousingRecord)
    assert old.tenancy_start is None
    assert old.anti_social_behaviour == "closed"


async def test_none_found_has_no_records(demo: PersonDirectory) -> None:
    details = await _details(demo, MOTHER, Service.POLICE)
    assert details.flag.state is S.NONE_FOUND
    assert details.flag.limitations[0].coverage_note
    assert details.records == ()
    assert details.other_offences_found is None


async def test_details_flag_matches_the_summary(demo: PersonDirectory) -> None:
    for number in range(1, 10):
        person_id = f"P{number:07d}"
        summary = await _summary(demo, person_id)
        for flag in summary.services:
            details = await _details(demo, person_id, flag.service)
            assert details.flag == flag, (person_id, flag.service)
            assert bool(details.records or details.offences) is flag.has_details


# --- feeds withheld or missing -----------------------------------------------------------


async def test_withheld_feed_is_not_available_and_its_rows_never_shown(
    engine: AsyncEngine, police_withheld_extract: Path
) -> None:
    await _load(engine, police_withheld_extract)
    directory = PersonDirectory(engine, DisclosureRules())
    summary = await _summary(directory, PARTNER)
    police = _flag(summary, Service.POLICE)
    assert police.state is S.NOT_AVAILABLE
    assert [feed.available for feed in police.limitations] == [False]
    details = await _details(directory, PARTNER, Service.POLICE)
    assert details.flag.state is S.NOT_AVAILABLE
    assert details.records == ()
    assert details.offences == ()
    assert details.other_offences_found is None
    # A person not in the feed is not available either, never "none found".
    assert _states(await _summary(directory, MOTHER))[Service.POLICE] is S.NOT_AVAILABLE


def _feeds_extract() -> Rows:
    """Two housing feeds, one withheld with rows in it; no adult social care or police feed."""
    rows = valid_extract()
    withheld = dict(rows["data_source"][1])
    withheld.update(source_id="HOU2", title="A withheld housing association", available="false")
    rows["data_source"].append(withheld)
    rows["person"].append(
        {
            "person_id": "P3",
            "first_name": "Casey",
            "last_name": "Smith",
            "date_of_birth": "1970-01-01",
            "gender": "unknown",
            "address": "Flat 2\nWren House\nTestville",
            "restricted": "true",
        }
    )
    rows["relationship"].append(
        {"person_id": "P1", "related_person_id": "P3", "relationship": "grandparent"}
    )
    base = rows["housing_involvement"][0]
    rows["housing_involvement"] += [
        {**base, "source_id": "HOU2", "housing_provider": "Withheld HA"},
        {**base, "person_id": "P1", "source_id": "HOU2", "housing_provider": "Withheld HA"},
    ]
    rows["housing_involvement"][0]["involvement"] = ""  # not recorded: counts as historic
    return rows


@pytest.fixture
async def feeds_directory(engine: AsyncEngine, tmp_path: Path) -> PersonDirectory:
    await _load(engine, write_extract(tmp_path / "extract", _feeds_extract()))
    return PersonDirectory(engine, DisclosureRules(age_bands={Service.HOUSING: AgeBand(5)}))


async def test_rows_of_a_withheld_feed_never_count(feeds_directory: PersonDirectory) -> None:
    # P1 is only in the withheld feed: with the other feed loaded, "none found".
    child = await _summary(feeds_directory, "P1")
    housing = _flag(child, Service.HOUSING)
    assert housing.state is S.NONE_FOUND
    assert [(f.title, f.available) for f in housing.limitations] == [
        ("A withheld housing association", False),
        ("Testshire Homes", True),
    ]
    assert (await _details(feeds_directory, "P1", Service.HOUSING)).records == ()
    # P2 is in both: only the loaded feed's row is shown; its involvement is not recorded.
    adult = await _details(feeds_directory, "P2", Service.HOUSING)
    assert adult.flag.state is S.HISTORIC
    (record,) = adult.records
    assert isinstance(record, HousingRecord)
    assert record.source_id == "HOU"
    assert record.involvement is None
    assert record.housing_provider == "Testshire Homes"
    assert record.contact.name is None
    assert record.contact.role == "Housing Officer"


async def test_a_service_with_no_feed_file_is_not_available(
    feeds_directory: PersonDirectory,
) -> None:
    summary = await _summary(feeds_directory, "P2")
    for service in (Service.ADULT_SOCIAL_CARE, Service.POLICE):
        flag = _flag(summary, service)
        assert flag.state is S.NOT_AVAILABLE
        assert flag.limitations == ()
        details = await _details(feeds_directory, "P2", service)
        assert details.flag.state is S.NOT_AVAILABLE
        assert details.records == ()


async def test_a_restricted_relative_is_not_listed(feeds_directory: PersonDirectory) -> None:
    child = await _summary(feeds_directory, "P1")
    assert [r.person_id for r in child.related] == ["P2"]
    assert child.related[0].label == "Mother"
    assert child.related_not_shown == 0
    assert await feeds_directory.summary("P3", TODAY) == Restricted("P3")


# --- results lists -----------------------------------------------------------------------


async def test_listings_skip_restricted_and_unknown_people(demo: PersonDirectory) -> None:
    listed = await demo.listings([MOTHER, RESTRICTED, GRANDMOTHER, "P9999999", MOTHER], TODAY)
    assert set(listed) == {MOTHER, GRANDMOTHER}
    mother = listed[MOTHER]
    summary = await _summary(demo, MOTHER)
    assert (mother.first_name, mother.last_name, mother.age) == (
        summary.first_name,
        summary.last_name,
        38,
    )
    assert mother.postcode == summary.postcode
    assert summary.address is not None
    assert mother.address_line == first_address_line(summary.address)
    assert mother.address_line
    assert mother.address_line in summary.address
    assert listed[GRANDMOTHER].age is None
    assert await demo.listings([], TODAY) == {}


async def test_listing_address_line(feeds_directory: PersonDirectory) -> None:
    listed = await feeds_directory.listings(["P1", "P2", "P3"], TODAY)
    assert set(listed) == {"P1", "P2"}
    assert listed["P1"].address_line == "1 Test Street"  # "1 Test Street, Testville"
    assert listed["P1"].postcode == "TS1 1AA"
    assert listed["P1"].cms_id == "7190247"
    assert listed["P2"].cms_id is None


async def test_listings_read_the_demo_population_in_one_statement(
    demo: PersonDirectory, engine: AsyncEngine, demo_extract: Path
) -> None:
    with (demo_extract / "person.csv").open(encoding="utf-8") as handle:
        people = list(csv.DictReader(handle))
    with _statements(engine) as sent:
        listed = await demo.listings([person["person_id"] for person in people], TODAY)
    assert len(sent) == 1
    assert set(listed) == {p["person_id"] for p in people if p["restricted"] == "false"}


# --- round trips -------------------------------------------------------------------------


async def test_each_level_is_a_few_statements(demo: PersonDirectory, engine: AsyncEngine) -> None:
    with _statements(engine) as sent:
        await demo.summary(MOTHER, TODAY)
    assert len(sent) == 2
    with _statements(engine) as sent:
        await demo.service_details(MOTHER, Service.HOUSING, TODAY)
    assert len(sent) == 2
    with _statements(engine) as sent:
        await demo.service_details(PARTNER, Service.POLICE, TODAY)
    assert len(sent) == 3
    with _statements(engine) as sent:
        # Outside the band the records are not even read.
        await demo.service_details(SON17, Service.POLICE, TODAY)
    assert len(sent) == 1
    with _statements(engine) as sent:
        assert isinstance(await demo.summary(RESTRICTED, TODAY), Restricted)
    # The person and the related people are read at once, but of a restricted person's
    # relations the database gives nothing back.
    assert len(sent) == 2
    async with engine.connect() as connection:
        related = await connection.execute(_related_statement(), {"person_id": RESTRICTED})
        assert related.all() == []
        recorded = await connection.execute(
            text("SELECT count(*) FROM relationship WHERE person_id = :p"), {"p": RESTRICTED}
        )
        assert recorded.scalar_one() > 0  # there were relations to leave out
