"""The disclosed view of a person: what the rules allow a card to show, and nothing more.

Plain frozen dataclasses with no database types. `reader.py` builds them
with the display rules already applied (age bands, the police offence
limit, restricted people left out), so a card, an export or a log built
from them cannot show more than the rules allow. A missing value is None;
turning None into "not recorded" is the card's job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from data_access.enums import Service

SERVICE_ORDER: tuple[Service, ...] = (
    Service.SCHOOL,
    Service.HOUSING,
    Service.ADULT_SOCIAL_CARE,
    Service.POLICE,
)
"""The order services appear in, on every card."""


class ServiceState(StrEnum):
    """The states of display rule 3, which must never be confused."""

    NOT_APPLICABLE = "not_applicable"
    """Outside the service's age band: nothing about the service is shown."""
    NOT_AVAILABLE = "not_available"
    """No loaded feed for the service, or every feed is marked unavailable."""
    NONE_FOUND = "none_found"
    """The feed is loaded and this person is not in it (say who the feed covers)."""
    CURRENT = "current"
    HISTORIC = "historic"
    RECORDS_FOUND = "records_found"
    """Police only: the person is in the feed; police has no current/historic."""


@dataclass(frozen=True, slots=True)
class AgeBand:
    """Inclusive ages at which a service is shown; `maximum` None means no upper limit."""

    minimum: int
    maximum: int | None = None

    def contains(self, age: int) -> bool:
        return age >= self.minimum and (self.maximum is None or age <= self.maximum)


DEFAULT_AGE_BANDS: dict[Service, AgeBand] = {
    Service.SCHOOL: AgeBand(4, 20),
    Service.HOUSING: AgeBand(16),
    Service.ADULT_SOCIAL_CARE: AgeBand(15),
    Service.POLICE: AgeBand(18),
}
"""Stockport's bands (common-data-model.md, display rule 1)."""


@dataclass(frozen=True, slots=True)
class DisclosureRules:
    """The council's configurable rules; built from settings at start-up."""

    age_bands: dict[Service, AgeBand] = field(default_factory=lambda: dict(DEFAULT_AGE_BANDS))
    max_offences: int = 3
    max_related: int = 20


@dataclass(frozen=True, slots=True)
class DataLimitations:
    """Display rule 4: where a service's data comes from and what it covers (one feed)."""

    source_id: str
    title: str
    system_name: str
    organisation: str
    current_as_of: dt.datetime
    coverage_start: dt.date
    coverage_end: dt.date
    coverage_area: str
    coverage_note: str | None
    available: bool


@dataclass(frozen=True, slots=True)
class ServiceFlag:
    """One service on the person card (first level of disclosure)."""

    service: Service
    state: ServiceState
    age_band: AgeBand
    age_unknown: bool
    """The band could not be applied because the date of birth is not recorded."""
    limitations: tuple[DataLimitations, ...]
    """The feeds of this service (available or not); empty when none is loaded."""

    @property
    def shown(self) -> bool:
        """False when the age band hides the service: only the band itself may be said."""
        return self.state is not ServiceState.NOT_APPLICABLE

    @property
    def has_details(self) -> bool:
        return self.state in (
            ServiceState.CURRENT,
            ServiceState.HISTORIC,
            ServiceState.RECORDS_FOUND,
        )


@dataclass(frozen=True, slots=True)
class RelatedPerson:
    """Someone linked to the person in the case management system (never a restricted one)."""

    person_id: str
    first_name: str
    last_name: str
    date_of_birth: dt.date | None
    age: int | None
    relationship: str
    """enums.RelationshipType value."""
    label: str | None
    """The system's own wording ("Maternal grandmother"); shown instead when present."""


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """Basic details and one flag per service: the first level of disclosure."""

    person_id: str
    cms_id: str | None
    first_name: str
    last_name: str
    date_of_birth: dt.date | None
    age: int | None
    """Computed on the day of the request; None when the date of birth is unknown."""
    gender: str
    address: str | None
    postcode: str | None
    services: tuple[ServiceFlag, ...]
    """One per service, in SERVICE_ORDER."""
    related: tuple[RelatedPerson, ...]
    """At most DisclosureRules.max_related, restricted people left out."""
    related_not_shown: int = 0
    """How many more related people there are beyond the cap."""


@dataclass(frozen=True, slots=True)
class PersonListing:
    """One row of a results list: enough to tell namesakes apart, nothing about services."""

    person_id: str
    cms_id: str | None
    first_name: str
    last_name: str
    date_of_birth: dt.date | None
    age: int | None
    address_line: str | None
    """The first line of the address, or None."""
    postcode: str | None


@dataclass(frozen=True, slots=True)
class Contact:
    """The practitioner: the reason the tool exists. Any part may be missing."""

    name: str | None
    role: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True, slots=True)
class SchoolRecord:
    involvement: str | None
    school_name: str | None
    admission_type: str | None
    contact: Contact
    source_id: str


@dataclass(frozen=True, slots=True)
class HousingRecord:
    involvement: str | None
    housing_provider: str | None
    tenancy_start: dt.date | None
    anti_social_behaviour: str | None
    eviction: str | None
    notice_seeking_possession: str | None
    rent_arrears: str | None
    contact: Contact
    source_id: str


@dataclass(frozen=True, slots=True)
class AdultSocialCareRecord:
    involvement: str | None
    organisation: str | None
    last_involvement_start: dt.date | None
    most_recent_interaction: dt.date | None
    contact: Contact
    source_id: str


@dataclass(frozen=True, slots=True)
class PoliceRecord:
    police_area: str | None
    non_safeguarding_records: bool | None
    contact: Contact
    source_id: str


@dataclass(frozen=True, slots=True)
class Offence:
    offence_date: dt.date
    offence_type: str
    """enums.OffenceType value."""
    involvement: str
    """enums.OffenceInvolvement value."""


ServiceRecord = SchoolRecord | HousingRecord | AdultSocialCareRecord | PoliceRecord


@dataclass(frozen=True, slots=True)
class ServiceDetails:
    """One service's details and contacts: the second level of disclosure.

    When `flag.has_details` is false, `records` is empty and the card says
    why (flag.state). School records come main registration first; others
    current before historic.
    """

    person_id: str
    first_name: str
    last_name: str
    date_of_birth: dt.date | None
    age: int | None
    flag: ServiceFlag
    records: tuple[ServiceRecord, ...]
    offences: tuple[Offence, ...] = ()
    """Police: at most DisclosureRules.max_offences safeguarding offences, most recent first."""
    other_offences_found: bool | None = None
    """Police: "records found: yes / no" for offences that are not safeguarding types."""


@dataclass(frozen=True, slots=True)
class Restricted:
    """The person asked for by id is restricted: show "not found", audit the attempt."""

    person_id: str
