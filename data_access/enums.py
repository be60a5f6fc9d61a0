"""The closed vocabularies of the common data model.

They are `StrEnum`s so that a value read from the database compares equal to
the lower-case text of the interchange format (common-data-model.md), and so
that the database CHECK constraints, the loader and the demo generator share
one list of allowed values.
"""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class Service(StrEnum):
    SCHOOL = "school"
    HOUSING = "housing"
    ADULT_SOCIAL_CARE = "adult_social_care"
    POLICE = "police"


class Involvement(StrEnum):
    CURRENT = "current"
    HISTORIC = "historic"


class AdmissionType(StrEnum):
    MAIN = "main"
    SECONDARY = "secondary"
    OFF_SITE = "off_site"


class CaseStatus(StrEnum):
    """State of a housing case (anti-social behaviour, eviction, ...)."""

    OPEN = "open"
    CLOSED = "closed"
    NONE = "none"


class OffenceType(StrEnum):
    HOMICIDE = "homicide"
    RAPE = "rape"
    OTHER_SEXUAL_OFFENCES = "other_sexual_offences"
    VIOLENCE_WITH_INJURY = "violence_with_injury"
    VIOLENCE_WITHOUT_INJURY = "violence_without_injury"
    ROBBERY = "robbery"
    POSSESSION_OF_WEAPONS = "possession_of_weapons"


class OffenceInvolvement(StrEnum):
    CONVICTED = "convicted"
    SUSPECT = "suspect"


class AliasKind(StrEnum):
    PREVIOUS = "previous"
    PREFERRED = "preferred"
    ALIAS = "alias"


class RelationshipType(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    PARENT = "parent"
    STEP_PARENT = "step_parent"
    CARER = "carer"
    SIBLING = "sibling"
    HALF_SIBLING = "half_sibling"
    GRANDPARENT = "grandparent"
    PARTNER = "partner"
    CHILD = "child"
    OTHER = "other"


def values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)
