"""Disclosed records for tests of flows and cards: one small, made-up family."""

from __future__ import annotations

import datetime as dt

from data_access.disclosure.records import (
    DEFAULT_AGE_BANDS,
    Contact,
    DataLimitations,
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
from data_access.search.scoring import Candidate

TODAY = dt.date(2026, 11, 22)


def limitations(service: Service) -> DataLimitations:
    return DataLimitations(
        source_id=f"src-{service.value}",
        title=f"{service.value.replace('_', ' ').title()} feed",
        system_name="Synergy",
        organisation="Example Council",
        current_as_of=dt.datetime(2026, 11, 21, 2, 0, tzinfo=dt.UTC),
        coverage_start=dt.date(2014, 1, 1),
        coverage_end=dt.date(2026, 11, 20),
        coverage_area="Exampleton",
        coverage_note="Pupils on roll in Exampleton schools",
        available=True,
    )


def flag(service: Service, state: ServiceState) -> ServiceFlag:
    return ServiceFlag(
        service=service,
        state=state,
        age_band=DEFAULT_AGE_BANDS[service],
        age_unknown=False,
        limitations=(limitations(service),),
    )


def summary(person_id: str = "P1", first: str = "Jayden", last: str = "Smith") -> PersonSummary:
    return PersonSummary(
        person_id=person_id,
        cms_id="7190247",
        first_name=first,
        last_name=last,
        date_of_birth=dt.date(2016, 3, 12),
        age=10,
        gender="male",
        address="12 Acacia Avenue\nExampleton",
        postcode="EX1 2AB",
        services=(
            flag(Service.SCHOOL, ServiceState.CURRENT),
            flag(Service.HOUSING, ServiceState.NOT_APPLICABLE),
            flag(Service.ADULT_SOCIAL_CARE, ServiceState.NOT_APPLICABLE),
            flag(Service.POLICE, ServiceState.NOT_APPLICABLE),
        ),
        related=(RelatedPerson("P2", "Kelly", "Smith", dt.date(1988, 5, 1), 38, "mother", None),),
    )


def school_details(person_id: str = "P1") -> ServiceDetails:
    return ServiceDetails(
        person_id=person_id,
        first_name="Jayden",
        last_name="Smith",
        date_of_birth=dt.date(2016, 3, 12),
        age=10,
        flag=flag(Service.SCHOOL, ServiceState.CURRENT),
        records=(
            SchoolRecord(
                involvement="current",
                school_name="Exampleton Primary",
                admission_type="main",
                contact=Contact(
                    "Ann Teacher",
                    "Designated safeguarding lead",
                    "0161 496 0000",
                    "ann@example.org",
                ),
                source_id="src-school",
            ),
        ),
    )


def police_details(person_id: str = "P2") -> ServiceDetails:
    return ServiceDetails(
        person_id=person_id,
        first_name="Kelly",
        last_name="Smith",
        date_of_birth=dt.date(1988, 5, 1),
        age=38,
        flag=flag(Service.POLICE, ServiceState.RECORDS_FOUND),
        records=(
            PoliceRecord(
                "Greater Exampleton Police", False, Contact(None, None, None, None), "src-police"
            ),
        ),
        other_offences_found=False,
    )


def listing(person_id: str, first: str, last: str, born: dt.date | None) -> PersonListing:
    return PersonListing(
        person_id=person_id,
        cms_id=None,
        first_name=first,
        last_name=last,
        date_of_birth=born,
        age=None if born is None else TODAY.year - born.year,
        address_line="1 High Street",
        postcode="EX1 1AA",
    )


CANDIDATES = (
    Candidate("P1", "Jayden", "Smith", dt.date(2016, 3, 12), cms_id="7190247"),
    Candidate("P2", "Kelly", "Smith", dt.date(1988, 5, 1)),
    Candidate("P3", "Jayden", "Smyth", dt.date(2015, 7, 1)),
    Candidate("P4", "Jaden", "Smith", dt.date(2014, 2, 2)),
    Candidate("P9", "Secret", "Person", dt.date(2010, 1, 1), restricted=True),
)
