"""The display rules as pure functions: age bands, states, order and caps (reader.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from data_access.disclosure.reader import (
    age_band,
    age_on,
    first_address_line,
    latest_offences,
    order_related,
    other_offences_found,
    recency_rank,
    relationship_rank,
    school_rank,
    service_flag,
    service_state,
    shown_state,
)
from data_access.disclosure.records import (
    DEFAULT_AGE_BANDS,
    AgeBand,
    DataLimitations,
    DisclosureRules,
    Offence,
    RelatedPerson,
    ServiceState,
)
from data_access.enums import Service

TODAY = dt.date(2026, 11, 22)


def _feed(source_id: str = "F1", *, available: bool = True, title: str = "Feed") -> DataLimitations:
    return DataLimitations(
        source_id=source_id,
        title=title,
        system_name="System",
        organisation="Council",
        current_as_of=dt.datetime(2026, 11, 22, 2, 0, tzinfo=dt.UTC),
        coverage_start=dt.date(2016, 9, 1),
        coverage_end=dt.date(2026, 11, 21),
        coverage_area="Millbrook",
        coverage_note=None,
        available=available,
    )


def _born_years_ago(years: int, today: dt.date = TODAY) -> dt.date:
    """Born exactly `years` ago: the birthday is today."""
    return today.replace(year=today.year - years)


# --- age ---------------------------------------------------------------------------------


def test_age_is_completed_years() -> None:
    assert age_on(dt.date(2016, 3, 12), TODAY) == 10
    assert age_on(dt.date(2016, 11, 23), TODAY) == 9  # birthday tomorrow
    assert age_on(dt.date(2016, 11, 22), TODAY) == 10  # birthday today
    assert age_on(TODAY, TODAY) == 0


def test_unknown_date_of_birth_has_no_age() -> None:
    assert age_on(None, TODAY) is None


@pytest.mark.parametrize(
    ("today", "age"),
    [
        (dt.date(2023, 2, 28), 14),  # common year: not yet
        (dt.date(2023, 3, 1), 15),  # the birthday is taken on 1 March
        (dt.date(2024, 2, 28), 15),
        (dt.date(2024, 2, 29), 16),  # leap year: on the day itself
    ],
)
def test_29_february_birthdays(today: dt.date, age: int) -> None:
    assert age_on(dt.date(2008, 2, 29), today) == age


# --- bands -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "age", "applicable"),
    [
        (Service.SCHOOL, 3, False),
        (Service.SCHOOL, 4, True),
        (Service.SCHOOL, 20, True),
        (Service.SCHOOL, 21, False),
        (Service.HOUSING, 15, False),
        (Service.HOUSING, 16, True),
        (Service.HOUSING, 90, True),
        (Service.ADULT_SOCIAL_CARE, 14, False),
        (Service.ADULT_SOCIAL_CARE, 15, True),
        (Service.POLICE, 17, False),
        (Service.POLICE, 18, True),
    ],
)
def test_default_band_boundaries_on_the_birthday(
    service: Service, age: int, applicable: bool
) -> None:
    """Each boundary on the very day of the birthday that crosses it."""
    rules = DisclosureRules()
    computed = age_on(_born_years_ago(age), TODAY)
    assert computed == age
    state = service_state(
        service, age_band(rules, service), computed, [_feed()], found=True, current=True
    )
    assert (state is not ServiceState.NOT_APPLICABLE) is applicable


def test_a_day_before_the_eighteenth_birthday_police_is_not_applicable() -> None:
    born = _born_years_ago(18) + dt.timedelta(days=1)
    age = age_on(born, TODAY)
    assert age == 17
    state = service_state(Service.POLICE, AgeBand(18), age, [_feed()], found=True, current=False)
    assert state is ServiceState.NOT_APPLICABLE


def test_a_band_left_out_of_the_rules_falls_back_to_the_default() -> None:
    rules = DisclosureRules(age_bands={Service.SCHOOL: AgeBand(5, 16)})
    assert age_band(rules, Service.SCHOOL) == AgeBand(5, 16)
    assert age_band(rules, Service.POLICE) == DEFAULT_AGE_BANDS[Service.POLICE]


def test_unknown_date_of_birth_applies_no_band_and_says_so() -> None:
    flag = service_flag(
        Service.POLICE, DisclosureRules(), None, [_feed()], found=True, current=False
    )
    assert flag.state is ServiceState.RECORDS_FOUND
    assert flag.age_unknown
    assert flag.age_band == AgeBand(18)
    known = service_flag(
        Service.POLICE, DisclosureRules(), 30, [_feed()], found=True, current=False
    )
    assert not known.age_unknown


# --- states ------------------------------------------------------------------------------


def _state(
    service: Service = Service.HOUSING,
    age: int | None = 30,
    feeds: tuple[DataLimitations, ...] = (_feed(),),
    *,
    found: bool = True,
    current: bool = True,
) -> ServiceState:
    band = DEFAULT_AGE_BANDS[service]
    return service_state(service, band, age, feeds, found=found, current=current)


def test_not_applicable_wins_over_everything() -> None:
    assert _state(age=10) is ServiceState.NOT_APPLICABLE
    assert _state(age=10, feeds=()) is ServiceState.NOT_APPLICABLE
    assert shown_state(AgeBand(16), 10, [_feed()]) is ServiceState.NOT_APPLICABLE


def test_no_feed_is_not_available_never_none_found() -> None:
    assert _state(feeds=(), found=False, current=False) is ServiceState.NOT_AVAILABLE
    assert _state(feeds=()) is ServiceState.NOT_AVAILABLE


def test_only_unavailable_feeds_is_not_available_even_with_rows() -> None:
    withheld = (_feed("A", available=False), _feed("B", available=False))
    assert _state(feeds=withheld, found=True, current=True) is ServiceState.NOT_AVAILABLE


def test_one_available_feed_is_enough_to_answer() -> None:
    mixed = (_feed("A", available=False), _feed("B"))
    assert _state(feeds=mixed, found=False, current=False) is ServiceState.NONE_FOUND
    assert shown_state(AgeBand(16), 30, mixed) is None


def test_none_found_current_historic() -> None:
    assert _state(found=False, current=False) is ServiceState.NONE_FOUND
    assert _state(found=True, current=True) is ServiceState.CURRENT
    assert _state(found=True, current=False) is ServiceState.HISTORIC


def test_police_is_records_found_never_current_or_historic() -> None:
    assert _state(Service.POLICE, found=True, current=True) is ServiceState.RECORDS_FOUND
    assert _state(Service.POLICE, found=True, current=False) is ServiceState.RECORDS_FOUND
    assert _state(Service.POLICE, found=False, current=False) is ServiceState.NONE_FOUND


def test_flag_lists_every_feed_by_title() -> None:
    feeds = [_feed("Z", title="Zeta", available=False), _feed("A", title="Alpha")]
    flag = service_flag(Service.HOUSING, DisclosureRules(), 30, feeds, found=False, current=False)
    assert [feed.title for feed in flag.limitations] == ["Alpha", "Zeta"]
    assert flag.state is ServiceState.NONE_FOUND


# --- police ------------------------------------------------------------------------------


def _offence(day: str, kind: str = "robbery") -> Offence:
    return Offence(dt.date.fromisoformat(day), kind, "convicted")


def test_offences_capped_most_recent_first() -> None:
    rows = [
        (1, _offence("2022-01-01")),
        (2, _offence("2025-06-01")),
        (3, _offence("2024-03-01")),
        (4, _offence("2021-12-31")),
        (5, _offence("2025-06-01", "rape")),
    ]
    shown = latest_offences(rows, 3)
    assert [offence.offence_date.isoformat() for offence in shown] == [
        "2025-06-01",
        "2025-06-01",
        "2024-03-01",
    ]
    # Same day: the feed's order (row id) decides, whatever order the rows came in.
    assert [offence.offence_type for offence in shown[:2]] == ["robbery", "rape"]
    assert latest_offences(reversed(rows), 3) == shown


def test_offence_cap_edges() -> None:
    rows = [(1, _offence("2022-01-01")), (2, _offence("2023-01-01"))]
    assert len(latest_offences(rows, 3)) == 2
    assert latest_offences(rows, 0) == ()
    assert latest_offences([], 3) == ()


@pytest.mark.parametrize(
    ("values", "found"),
    [
        ([True], True),
        ([False, True], True),
        ([None, True], True),
        ([False], False),
        ([False, False], False),
        ([False, None], None),  # a row that does not say is not a "no"
        ([None], None),
        ([], None),
    ],
)
def test_other_offences_found(values: list[bool | None], found: bool | None) -> None:
    assert other_offences_found(values) is found


# --- order -------------------------------------------------------------------------------


def test_school_order_current_then_main_secondary_off_site_unknown() -> None:
    rows = [
        (1, "historic", "main"),
        (2, "current", "off_site"),
        (3, "current", None),
        (4, "current", "main"),
        (5, "current", "secondary"),
        (6, None, "main"),
        (7, "historic", "secondary"),
    ]
    ordered = sorted(rows, key=lambda row: school_rank(row[1], row[2], row[0]))
    assert [row[0] for row in ordered] == [4, 5, 2, 3, 1, 6, 7]


def test_school_order_ties_by_row_id() -> None:
    rows = [(9, "current", "main"), (3, "current", "main")]
    ordered = sorted(rows, key=lambda row: school_rank(row[1], row[2], row[0]))
    assert [row[0] for row in ordered] == [3, 9]


def test_recency_order_current_first_then_latest_date() -> None:
    day = dt.date.fromisoformat
    rows: list[tuple[int, str | None, list[dt.date | None]]] = [
        (1, "historic", [day("2025-01-01")]),
        (2, "current", [day("2019-01-01")]),
        (3, "current", [None]),
        (4, "current", [day("2020-05-01"), day("2024-02-02")]),
        (5, None, [day("2026-01-01")]),
        (6, "historic", [day("2025-01-01")]),
    ]
    ordered = sorted(rows, key=lambda row: recency_rank(row[1], row[2], row[0]))
    assert [row[0] for row in ordered] == [4, 2, 3, 5, 1, 6]


def _related(
    person_id: str, relationship: str, last: str = "Smith", first: str = "Sam"
) -> RelatedPerson:
    return RelatedPerson(person_id, first, last, None, None, relationship, None)


def test_related_people_parents_first_then_partner_siblings_children_others_by_name() -> None:
    people = [
        _related("G", "grandparent"),
        _related("S2", "sibling", "Brown", "Zara"),
        _related("O", "other"),
        _related("C", "child", "Adams"),
        _related("M", "mother", "Smith"),
        _related("F", "father", "Jones"),
        _related("P", "partner"),
        _related("S1", "half_sibling", "Brown", "Amy"),
        _related("K", "carer", "Khan"),
    ]
    shown, more = order_related(people, 20)
    assert [person.person_id for person in shown] == ["F", "K", "M", "P", "C", "S1", "S2", "G", "O"]
    assert more == 0
    assert relationship_rank("unheard_of") == relationship_rank("other")


def test_related_people_capped_and_counted() -> None:
    people = [_related(f"P{n:02d}", "sibling", first=f"N{n:02d}") for n in range(25)]
    shown, more = order_related(people, 20)
    assert len(shown) == 20
    assert more == 5
    assert order_related(people, 0) == ((), 25)


def test_a_person_linked_twice_is_listed_once_under_the_closer_link() -> None:
    people = [
        _related("X", "other"),
        _related("X", "step_parent"),
        _related("Y", "sibling"),
        _related("Y", "half_sibling"),
    ]
    shown, more = order_related(people, 20)
    assert [(person.person_id, person.relationship) for person in shown] == [
        ("X", "step_parent"),
        ("Y", "sibling"),  # a tie: the first recorded link stays
    ]
    assert more == 0


# --- address -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "line"),
    [
        ("12 Mill Lane\nMillbrook\nMB1 2AB", "12 Mill Lane"),
        ("12 Mill Lane\r\nMillbrook", "12 Mill Lane"),
        ("Flat 3, 12 Mill Lane\nMillbrook", "Flat 3, 12 Mill Lane"),  # a newline wins
        ("12 Mill Lane, Millbrook, MB1 2AB", "12 Mill Lane"),
        ("\n  12 Mill Lane  \nMillbrook", "12 Mill Lane"),
        ("12 Mill Lane", "12 Mill Lane"),
        ("", None),
        ("   \n ", None),
        (", Millbrook", "Millbrook"),
        ("Flat 1, Wren House, Mill Lane", "Flat 1, Wren House"),  # a flat alone says too little
        ("Flat 1\nWren House\nMill Lane", "Flat 1, Wren House"),
        (None, None),
    ],
)
def test_first_address_line(address: str | None, line: str | None) -> None:
    assert first_address_line(address) == line
