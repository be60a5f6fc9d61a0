"""Realistic, made-up inputs for the card tests: every state the cards must show.

One family in the style of the demo showcase (data_access/demo/showcase.py):
a child known to every service, the states of display rule 3, a date of
birth that is not recorded, contacts with parts missing, police offences at
the limit, twenty related people with long labels for the size test.
Names, numbers and addresses are invented (Ofcom drama numbers, example.org).
"""

from __future__ import annotations

import datetime as dt

from cards.views import (
    CardContext,
    MatchInfo,
    PurposeOption,
    PurposeView,
    ResultRow,
    ResultsView,
    WelcomeView,
)
from data_access.disclosure.records import (
    DEFAULT_AGE_BANDS,
    AdultSocialCareRecord,
    Contact,
    DataLimitations,
    HousingRecord,
    Offence,
    PersonListing,
    PersonSummary,
    PoliceRecord,
    RelatedPerson,
    SchoolRecord,
    ServiceDetails,
    ServiceFlag,
    ServiceState,
)
from data_access.enums import Service

TODAY = dt.date(2026, 11, 22)
ISSUED_AT = dt.datetime(2026, 11, 22, 9, 30, 15, tzinfo=dt.UTC)
VIEWER = "29:1a2b3c4d5e6f7g8h9i0jKLMNOPQRSTUVWXyz-abcdefghijklmnopqrstuvwxyzABCDEFGH"

CONTEXT = CardContext(viewer_ids=(VIEWER,), issued_at=ISSUED_AT, today=TODAY)
CHANNEL_CONTEXT = CardContext(
    viewer_ids=tuple(f"29:{n:02d}{VIEWER[5:]}" for n in range(60)),
    issued_at=ISSUED_AT,
    today=TODAY,
)

FEEDS: dict[Service, DataLimitations] = {
    Service.SCHOOL: DataLimitations(
        source_id="school-synergy",
        title="Stockport schools census",
        system_name="Synergy",
        organisation="Stockport Council Education Services",
        current_as_of=dt.datetime(2026, 11, 21, 2, 0, tzinfo=dt.UTC),
        coverage_start=dt.date(2014, 9, 1),
        coverage_end=dt.date(2026, 11, 20),
        coverage_area="Stockport",
        coverage_note="Pupils on roll at Stockport maintained schools and academies since 2014",
        available=True,
    ),
    Service.HOUSING: DataLimitations(
        source_id="housing-stockport-homes",
        title="Stockport Homes",
        system_name="Capita Open Housing",
        organisation="Stockport Homes Group",
        current_as_of=dt.datetime(2026, 11, 20, 23, 45, tzinfo=dt.UTC),
        coverage_start=dt.date(2014, 4, 1),
        coverage_end=dt.date(2026, 11, 20),
        coverage_area="Stockport",
        coverage_note=(
            "Current Stockport Homes tenants and anyone named in an anti-social behaviour "
            "case since 2014"
        ),
        available=True,
    ),
    Service.ADULT_SOCIAL_CARE: DataLimitations(
        source_id="asc-liquidlogic",
        title="Adult social care",
        system_name="LiquidLogic Adults",
        organisation="Stockport Council Adult Social Care",
        current_as_of=dt.datetime(2026, 11, 21, 1, 30, tzinfo=dt.UTC),
        coverage_start=dt.date(2016, 1, 1),
        coverage_end=dt.date(2026, 11, 20),
        coverage_area="Stockport",
        coverage_note="Adults with a social care assessment or service since 2016",
        available=True,
    ),
    Service.POLICE: DataLimitations(
        source_id="police-gmp",
        title="Greater Manchester Police safeguarding extract",
        system_name="PoliceWorks",
        organisation="Greater Manchester Police",
        current_as_of=dt.datetime(2026, 11, 19, 6, 0, tzinfo=dt.UTC),
        coverage_start=dt.date(2021, 11, 19),
        coverage_end=dt.date(2026, 11, 18),
        coverage_area="Greater Manchester",
        coverage_note="Convictions from the last 5 years and suspect records from the last year",
        available=True,
    ),
}

UNAVAILABLE_ASC = DataLimitations(
    source_id="asc-liquidlogic",
    title="Adult social care",
    system_name="LiquidLogic Adults",
    organisation="Stockport Council Adult Social Care",
    current_as_of=dt.datetime(2026, 10, 2, 1, 30, tzinfo=dt.UTC),
    coverage_start=dt.date(2016, 1, 1),
    coverage_end=dt.date(2026, 10, 1),
    coverage_area="Stockport",
    coverage_note=None,
    available=False,
)


def flag(
    service: Service,
    state: ServiceState,
    *,
    age_unknown: bool = False,
    feeds: tuple[DataLimitations, ...] | None = None,
) -> ServiceFlag:
    if feeds is None:
        feeds = () if state is ServiceState.NOT_APPLICABLE else (FEEDS[service],)
    return ServiceFlag(
        service=service,
        state=state,
        age_band=DEFAULT_AGE_BANDS[service],
        age_unknown=age_unknown,
        limitations=feeds,
    )


# --- contacts ------------------------------------------------------------------------

FULL_CONTACT = Contact(
    name="Priya Ramanathan-Whitfield",
    role="Designated Safeguarding Lead",
    phone="01614960123",
    email="priya.ramanathan-whitfield@hillside-primary.example.org",
)
NO_PHONE_CONTACT = Contact(
    name="PC Aoife O'Donnell",
    role="Safeguarding officer",
    phone=None,
    email="a.odonnell@gmp.example.org",
)
NAME_ONLY_CONTACT = Contact(name="Tom Hardcastle", role=None, phone=None, email=None)
EMPTY_CONTACT = Contact(name=None, role=None, phone=None, email=None)
MOBILE_CONTACT = Contact(
    name="Dawn Fitzgerald",
    role="Housing officer",
    phone="07700900456",
    email="dawn.fitzgerald+asb@stockporthomes.example.org",
)

# --- summaries -----------------------------------------------------------------------

_RELATIONSHIPS = (
    ("mother", "Birth mother (shares parental responsibility under a child arrangements order)"),
    ("father", None),
    ("step_parent", "Mother's partner, living in the household since 2022 (not the birth father)"),
    (
        "sibling",
        "Full sibling, placed with maternal grandparents under a special guardianship order",
    ),
    ("half_sibling", None),
    ("grandparent", "Maternal grandmother (provides respite care at weekends and school holidays)"),
    ("carer", "Kinship carer"),
    ("other", "Paternal uncle, named on the child protection plan as a significant adult"),
    ("other", None),
    ("partner", "Former partner of the mother, subject of a non-molestation order"),
)


def age_on(born: dt.date, today: dt.date = TODAY) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def related_people(count: int) -> tuple[RelatedPerson, ...]:
    people = []
    for index in range(count):
        relationship, label = _RELATIONSHIPS[index % len(_RELATIONSHIPS)]
        born = None if index % 4 == 3 else dt.date(1960 + index * 3, 1 + index % 12, 1 + index)
        age = None if born is None else age_on(born)
        people.append(
            RelatedPerson(
                person_id=f"P{index + 100:07d}",
                first_name=("Alexandra-Louise", "Mohammed", "Bartholomew", "Siobhan")[index % 4],
                last_name=("Fitzwilliam-Oyelaran", "O'Connor-Smith", "Nakamura-Jones")[index % 3],
                date_of_birth=born,
                age=age,
                relationship=relationship,
                label=label,
            )
        )
    return tuple(people)


def summary(
    services: tuple[ServiceFlag, ...],
    *,
    date_of_birth: dt.date | None = dt.date(2016, 3, 12),
    age: int | None = 10,
    related: tuple[RelatedPerson, ...] = (),
    related_not_shown: int = 0,
    person_id: str = "P0000004",
) -> PersonSummary:
    return PersonSummary(
        person_id=person_id,
        cms_id="7190247",
        first_name="Jayden",
        last_name="O'Connor-Smith",
        date_of_birth=date_of_birth,
        age=age,
        gender="male",
        address="Flat 3, Brinnington Court\n14 Brinnington Road\nStockport",
        postcode="SK5 8AB",
        services=services,
        related=related,
        related_not_shown=related_not_shown,
    )


CHILD = summary(
    (
        flag(Service.SCHOOL, ServiceState.CURRENT),
        flag(Service.HOUSING, ServiceState.NONE_FOUND),
        flag(Service.ADULT_SOCIAL_CARE, ServiceState.NOT_AVAILABLE, feeds=()),
        flag(Service.POLICE, ServiceState.NOT_APPLICABLE),
    ),
    related=related_people(4),
)
ADULT = summary(
    (
        flag(Service.SCHOOL, ServiceState.NOT_APPLICABLE),
        flag(Service.HOUSING, ServiceState.HISTORIC),
        flag(Service.ADULT_SOCIAL_CARE, ServiceState.NOT_AVAILABLE, feeds=(UNAVAILABLE_ASC,)),
        flag(Service.POLICE, ServiceState.RECORDS_FOUND),
    ),
    date_of_birth=dt.date(1985, 7, 1),
    age=41,
    person_id="P0000002",
)
UNKNOWN_AGE = summary(
    (
        flag(Service.SCHOOL, ServiceState.NONE_FOUND, age_unknown=True),
        flag(Service.HOUSING, ServiceState.CURRENT, age_unknown=True),
        flag(Service.ADULT_SOCIAL_CARE, ServiceState.HISTORIC, age_unknown=True),
        flag(Service.POLICE, ServiceState.RECORDS_FOUND, age_unknown=True),
    ),
    date_of_birth=None,
    age=None,
    person_id="P0000008",
)
BABY = summary(
    (
        flag(Service.SCHOOL, ServiceState.NOT_APPLICABLE),
        flag(Service.HOUSING, ServiceState.NOT_APPLICABLE),
        flag(Service.ADULT_SOCIAL_CARE, ServiceState.NOT_APPLICABLE),
        flag(Service.POLICE, ServiceState.NOT_APPLICABLE),
    ),
    date_of_birth=dt.date(2026, 1, 5),
    age=0,
    person_id="P0000011",
)
LARGEST = summary(
    (
        flag(Service.SCHOOL, ServiceState.CURRENT, age_unknown=True),
        flag(Service.HOUSING, ServiceState.CURRENT, age_unknown=True),
        flag(
            Service.ADULT_SOCIAL_CARE,
            ServiceState.HISTORIC,
            age_unknown=True,
            feeds=(FEEDS[Service.ADULT_SOCIAL_CARE], UNAVAILABLE_ASC),
        ),
        flag(Service.POLICE, ServiceState.RECORDS_FOUND, age_unknown=True),
    ),
    date_of_birth=None,
    age=None,
    related=related_people(20),
    related_not_shown=7,
)
MATCH = MatchInfo("confident", "name and date of birth match exactly")

# --- service details -----------------------------------------------------------------


def details(
    service_flag: ServiceFlag,
    records: tuple[object, ...] = (),
    *,
    offences: tuple[Offence, ...] = (),
    other_offences_found: bool | None = None,
    date_of_birth: dt.date | None = dt.date(2016, 3, 12),
    age: int | None = 10,
) -> ServiceDetails:
    return ServiceDetails(
        person_id="P0000004",
        first_name="Jayden",
        last_name="O'Connor-Smith",
        date_of_birth=date_of_birth,
        age=age,
        flag=service_flag,
        records=records,  # type: ignore[arg-type]
        offences=offences,
        other_offences_found=other_offences_found,
    )


SCHOOL_DETAILS = details(
    flag(Service.SCHOOL, ServiceState.CURRENT),
    (
        SchoolRecord("current", "Hillside Primary School", "main", FULL_CONTACT, "school-synergy"),
        SchoolRecord("current", None, "off_site", EMPTY_CONTACT, "school-synergy"),
        SchoolRecord(
            "historic", "Little Acorns Nursery", None, NAME_ONLY_CONTACT, "school-synergy"
        ),
    ),
)
HOUSING_DETAILS = details(
    flag(Service.HOUSING, ServiceState.CURRENT),
    (
        HousingRecord(
            "current",
            "Stockport Homes",
            dt.date(2019, 5, 13),
            "open",
            "none",
            "closed",
            "open",
            MOBILE_CONTACT,
            "housing-stockport-homes",
        ),
        HousingRecord(
            "historic", None, None, None, None, None, None, EMPTY_CONTACT, "housing-stockport-homes"
        ),
    ),
)
ASC_DETAILS = details(
    flag(Service.ADULT_SOCIAL_CARE, ServiceState.HISTORIC),
    (
        AdultSocialCareRecord(
            "historic",
            "Stockport Council Adult Social Care",
            dt.date(2021, 2, 1),
            dt.date(2023, 8, 30),
            EMPTY_CONTACT,
            "asc-liquidlogic",
        ),
    ),
    date_of_birth=dt.date(1988, 11, 23),
    age=37,
)
OFFENCES = (
    Offence(dt.date(2026, 6, 2), "violence_with_injury", "suspect"),
    Offence(dt.date(2024, 1, 19), "possession_of_weapons", "convicted"),
    Offence(dt.date(2022, 3, 12), "violence_without_injury", "convicted"),
)
POLICE_DETAILS = details(
    flag(Service.POLICE, ServiceState.RECORDS_FOUND),
    (PoliceRecord("Greater Manchester Police", True, NO_PHONE_CONTACT, "police-gmp"),),
    offences=OFFENCES,
    other_offences_found=True,
    date_of_birth=dt.date(1985, 7, 1),
    age=41,
)
POLICE_NO_OFFENCES = details(
    flag(Service.POLICE, ServiceState.RECORDS_FOUND, age_unknown=True),
    (PoliceRecord(None, None, EMPTY_CONTACT, "police-gmp"),),
    other_offences_found=None,
    date_of_birth=None,
    age=None,
)
NONE_FOUND_DETAILS = details(flag(Service.HOUSING, ServiceState.NONE_FOUND))
NOT_AVAILABLE_DETAILS = details(
    flag(Service.ADULT_SOCIAL_CARE, ServiceState.NOT_AVAILABLE, feeds=())
)
NOT_APPLICABLE_DETAILS = details(flag(Service.POLICE, ServiceState.NOT_APPLICABLE))

# --- results, purpose, welcome -------------------------------------------------------


def listing(
    person_id: str,
    *,
    first: str = "Jayden",
    last: str = "Smith",
    born: dt.date | None = dt.date(2016, 3, 12),
    address: str | None = "14 Brinnington Road",
    postcode: str | None = "SK5 8AB",
    cms_id: str | None = "7190247",
) -> PersonListing:
    age = None if born is None else age_on(born)
    return PersonListing(person_id, cms_id, first, last, born, age, address, postcode)


RESULTS = ResultsView(
    rows=(
        ResultRow(
            listing("P0000004"), "possible", "name matches; date of birth 12/03/2016 matches"
        ),
        ResultRow(
            listing("P0000021", born=dt.date(2016, 12, 3), address=None, cms_id=None),
            "possible",
            "name matches; day and month of the date of birth swapped",
        ),
        ResultRow(
            listing("P0000033", first="Jaden", born=None, address=None, postcode=None),
            "possible",
            "first name spelt differently (Jaden); no date of birth recorded",
        ),
    ),
    ambiguous=True,
)
MANY_RESULTS = ResultsView(
    rows=tuple(
        ResultRow(
            listing(f"P{n:07d}", first="Bartholomew-Alexander", last="Fitzwilliam-Oyelaran"),
            "possible",
            "nickname Bart for Bartholomew; surname matches one part of a double-barrelled name",
        )
        for n in range(10)
    ),
    more_available=True,
    search_id="S-2026-11-22-000123",
)
DEFAULT_PURPOSES = (
    PurposeOption("1", "Child and family assessment (section 17)"),
    PurposeOption("2", "Child protection enquiry (section 47)"),
    PurposeOption("3", "Strategy discussion"),
    PurposeOption("4", "Other"),
)
PURPOSE_FIRST = PurposeView(options=DEFAULT_PURPOSES, has_pending_request=True)
PURPOSE_CHANGE = PurposeView(
    options=DEFAULT_PURPOSES,
    current_code="4",
    current_text="Pre-birth assessment requested by the midwife",
    case_reference="CR-2026-00421",
    problem="Choose a reason, or describe your own in a few words.",
)
WELCOME = WelcomeView(
    council_name="Stockport Council",
    appropriate_use_text=(
        "Only look up people connected to a case you are working on. Under section 17, talk "
        "to the family about checking with other services unless doing so would put a child "
        "at risk. Misuse is a disciplinary matter."
    ),
)
