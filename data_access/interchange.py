"""The interchange format: one CSV file per table (common-data-model.md).

This is the contract with a council's nightly extract. The loader validates
against it, the demo generator writes it, and the documentation is generated
from nothing else, so the three cannot drift apart.

Every column named here must appear in the file's header (a missing column is
a structural problem). A column that is `required` must also have a value in
every row; an optional one may be an empty cell, which means "missing".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum

from data_access.enums import (
    AdmissionType,
    AliasKind,
    CaseStatus,
    Gender,
    Involvement,
    OffenceInvolvement,
    OffenceType,
    RelationshipType,
    Service,
)


class Kind(Enum):
    ID = "id"  # a key of this table: non-empty, no surrounding spaces, unique
    TEXT = "text"
    DATE = "date"
    TIMESTAMP = "timestamp"
    BOOLEAN = "boolean"
    ENUM = "enum"
    PERSON_REF = "person_ref"  # must name a person in person.csv
    SOURCE_REF = "source_ref"  # must name a data source of this file's service
    PHONE = "phone"  # a UK number; an invalid one is loaded as missing, with a warning
    EMAIL = "email"  # likewise
    POSTCODE = "postcode"  # a UK postcode; likewise


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: Kind
    required: bool = False
    enum: type[StrEnum] | None = None
    max_length: int = 200
    default: object = None  # used for an empty optional cell


@dataclass(frozen=True, slots=True)
class TableSpec:
    table: str
    columns: tuple[Column, ...]
    service: Service | None = None  # the service whose data_source rows this file may name

    @property
    def file_name(self) -> str:
        return f"{self.table}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def index(self, column: str) -> int:
        """Where a column's value sits in a row of this table."""
        return self.column_names.index(column)


def _enum(name: str, enum: type[StrEnum], required: bool = False) -> Column:
    return Column(name, Kind.ENUM, required=required, enum=enum, max_length=32)


_PERSON_REF = Column("person_id", Kind.PERSON_REF, required=True, max_length=64)
_SOURCE_REF = Column("source_id", Kind.SOURCE_REF, required=True, max_length=64)
_CONTACT = (
    Column("contact_name", Kind.TEXT),
    Column("contact_role", Kind.TEXT),
    Column("contact_phone", Kind.PHONE, max_length=32),
    Column("contact_email", Kind.EMAIL, max_length=254),
)

DATA_SOURCE = TableSpec(
    "data_source",
    (
        Column("source_id", Kind.ID, required=True, max_length=64),
        _enum("service", Service, required=True),
        Column("title", Kind.TEXT, required=True),
        Column("system_name", Kind.TEXT, required=True),
        Column("organisation", Kind.TEXT, required=True),
        Column("current_as_of", Kind.TIMESTAMP, required=True),
        Column("coverage_start", Kind.DATE, required=True),
        Column("coverage_end", Kind.DATE, required=True),
        Column("coverage_area", Kind.TEXT, required=True),
        Column("coverage_note", Kind.TEXT, max_length=2000),
        Column("available", Kind.BOOLEAN, required=True),
    ),
)

PERSON = TableSpec(
    "person",
    (
        Column("person_id", Kind.ID, required=True, max_length=64),
        Column("cms_id", Kind.ID, max_length=64),
        Column("first_name", Kind.TEXT, required=True),
        Column("last_name", Kind.TEXT, required=True),
        Column("date_of_birth", Kind.DATE),
        _enum("gender", Gender, required=True),
        Column("address", Kind.TEXT, max_length=1000),
        Column("postcode", Kind.POSTCODE, max_length=10),
        Column("restricted", Kind.BOOLEAN, default=False),
    ),
)

PERSON_ALIAS = TableSpec(
    "person_alias",
    (
        _PERSON_REF,
        Column("first_name", Kind.TEXT),
        Column("last_name", Kind.TEXT),
        _enum("kind", AliasKind, required=True),
    ),
)

RELATIONSHIP = TableSpec(
    "relationship",
    (
        _PERSON_REF,
        Column("related_person_id", Kind.PERSON_REF, required=True, max_length=64),
        _enum("relationship", RelationshipType, required=True),
        Column("label", Kind.TEXT),
        Column("source", Kind.TEXT, max_length=100),
    ),
)

SCHOOL_INVOLVEMENT = TableSpec(
    "school_involvement",
    (
        _PERSON_REF,
        _SOURCE_REF,
        _enum("involvement", Involvement),
        Column("school_name", Kind.TEXT),
        _enum("admission_type", AdmissionType),
        *_CONTACT,
    ),
    service=Service.SCHOOL,
)

HOUSING_INVOLVEMENT = TableSpec(
    "housing_involvement",
    (
        _PERSON_REF,
        _SOURCE_REF,
        _enum("involvement", Involvement),
        Column("housing_provider", Kind.TEXT),
        Column("tenancy_start", Kind.DATE),
        _enum("anti_social_behaviour", CaseStatus),
        _enum("eviction", CaseStatus),
        _enum("notice_seeking_possession", CaseStatus),
        _enum("rent_arrears", CaseStatus),
        *_CONTACT,
    ),
    service=Service.HOUSING,
)

ADULT_SOCIAL_CARE_INVOLVEMENT = TableSpec(
    "adult_social_care_involvement",
    (
        _PERSON_REF,
        _SOURCE_REF,
        _enum("involvement", Involvement),
        Column("organisation", Kind.TEXT),
        Column("last_involvement_start", Kind.DATE),
        Column("most_recent_interaction", Kind.DATE),
        *_CONTACT,
    ),
    service=Service.ADULT_SOCIAL_CARE,
)

POLICE_INVOLVEMENT = TableSpec(
    "police_involvement",
    (
        _PERSON_REF,
        _SOURCE_REF,
        Column("police_area", Kind.TEXT),
        Column("non_safeguarding_records", Kind.BOOLEAN),
        *_CONTACT,
    ),
    service=Service.POLICE,
)

POLICE_OFFENCE = TableSpec(
    "police_offence",
    (
        _PERSON_REF,
        _SOURCE_REF,
        Column("offence_date", Kind.DATE, required=True),
        _enum("offence_type", OffenceType, required=True),
        _enum("involvement", OffenceInvolvement, required=True),
    ),
    service=Service.POLICE,
)

# The order a load reads the files in: every file's references point to
# files read before it.
TABLES: tuple[TableSpec, ...] = (
    DATA_SOURCE,
    PERSON,
    PERSON_ALIAS,
    RELATIONSHIP,
    SCHOOL_INVOLVEMENT,
    HOUSING_INVOLVEMENT,
    ADULT_SOCIAL_CARE_INVOLVEMENT,
    POLICE_INVOLVEMENT,
    POLICE_OFFENCE,
)

REQUIRED_FILES = frozenset({DATA_SOURCE.file_name, PERSON.file_name})
