"""Practitioners to phone or email: fictional, and unreachable by design.

Phone numbers come only from Ofcom's ranges reserved for drama
(0161 496 0000-0999, 07700 900000-900999), and emails use the reserved
`.example` top-level domain, so a demo user who taps "call" or "email" can
never reach a real person.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence

from data_access.demo.names import HERITAGES, Heritage

Contact = tuple[str, str, str, str]
"""(contact_name, contact_role, contact_phone, contact_email), as written."""

# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d"})

SCHOOL_ROLES = (
    "Designated Safeguarding Lead",
    "Deputy Designated Safeguarding Lead",
    "Head of Year",
    "SENCo",
    "Pastoral Manager",
    "Headteacher",
    "Family Support Worker",
)
HOUSING_ROLES = (
    "Housing Officer",
    "Tenancy Sustainment Officer",
    "Anti-social Behaviour Officer",
    "Income Recovery Officer",
    "Neighbourhood Housing Officer",
)
ADULT_SOCIAL_CARE_ROLES = (
    "Social Worker",
    "Senior Social Worker",
    "Occupational Therapist",
    "Community Care Officer",
    "Social Care Assessor",
    "Reablement Coordinator",
)
TRANSITIONS_ROLE = "Transitions Worker"
POLICE_ROLES = (
    "Neighbourhood Officer",
    "Police Community Support Officer",
    "Detective Constable, Public Protection Unit",
    "MASH Researcher",
    "Sergeant, Neighbourhood Policing Team",
    "Integrated Offender Manager",
)


def email_part(name: str) -> str:
    """A name as the local part of an address: `Siobhán O'Connor` -> `siobhan`, `oconnor`."""
    folded = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    kept = [
        "-" if char in " -" else char
        for char in folded.lower()
        if char.isascii() and (char.isalnum() or char in " -")
    ]
    return "".join(kept).strip("-") or "staff"


def landline(rng: random.Random) -> str:
    return f"0161 496 0{rng.randrange(1000):03d}"


def mobile(rng: random.Random) -> str:
    return f"07700 900{rng.randrange(1000):03d}"


def _adult_name(rng: random.Random) -> tuple[str, str]:
    heritage: Heritage = rng.choices(HERITAGES, weights=[h.weight for h in HERITAGES])[0]
    women = rng.random() < 0.7  # most of this workforce is female
    _, girls, boys, _ = heritage.decade(rng.randrange(1960, 2000))
    first = rng.choice(girls if women else boys)
    surname = rng.choice(heritage.surnames[:300]).split("/")
    last = surname[-1] if women else surname[0]
    return first, last


def practitioner(
    rng: random.Random, roles: Sequence[str], domain: str, mobile_share: float = 0.3
) -> Contact:
    first, last = _adult_name(rng)
    phone = mobile(rng) if rng.random() < mobile_share else landline(rng)
    email = f"{email_part(first)}.{email_part(last)}@{domain}"
    return (f"{first} {last}", rng.choice(roles), phone, email)


def team(
    rng: random.Random, size: int, roles: Sequence[str], domain: str, mobile_share: float = 0.3
) -> tuple[Contact, ...]:
    return tuple(practitioner(rng, roles, domain, mobile_share) for _ in range(size))
