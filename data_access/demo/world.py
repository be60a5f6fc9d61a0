"""Everything the generator looks up rather than computes per person.

A million-person run formats tens of millions of cells, so dates are kept as
"days before today" and turned into ISO text and exact ages by table lookup;
streets, schools and practitioner teams are drawn once per seed. The world
depends only on (seed, today), so each chunk of the population, in whatever
process it is generated, sees the same one.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from dataclasses import dataclass

from data_access.demo import contacts, places
from data_access.demo.contacts import Contact
from data_access.demo.names import HERITAGES, Heritage

MAX_AGE = 104
# Wide enough for the oldest person plus a margin for dates derived from ages.
MAX_DAYS = (MAX_AGE + 2) * 366


@dataclass(frozen=True, slots=True)
class Street:
    name: str
    locality: str
    postcodes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class School:
    name: str
    # The designated safeguarding lead first: the person a social worker wants.
    staff: tuple[Contact, ...]


@dataclass(frozen=True, slots=True)
class World:
    today: dt.date
    iso: tuple[str, ...]  # iso[d]: the date d days before today
    age: tuple[int, ...]  # age[d]: exact age in years of someone born d days ago
    age_start: tuple[int, ...]  # age_start[a]: fewest days old of anyone aged a
    birth_year: tuple[int, ...]  # birth_year[d]: the year of the date d days before today
    heritage_bag: tuple[Heritage, ...]
    streets: tuple[Street, ...]
    primary: tuple[School, ...]
    secondary: tuple[School, ...]
    sixth_form: tuple[School, ...]
    nursery: tuple[School, ...]
    special: tuple[School, ...]
    alternative: tuple[School, ...]
    housing_officers: tuple[Contact, ...]
    asb_officers: tuple[Contact, ...]
    income_officers: tuple[Contact, ...]
    social_care: tuple[Contact, ...]
    transitions: tuple[Contact, ...]
    police: tuple[Contact, ...]
    cms_step: int
    cms_offset: int

    def days_for_age(self, rng: random.Random, youngest: int, oldest: int) -> int:
        """Days old of someone whose age is between youngest and oldest inclusive."""
        low = self.age_start[youngest]
        high = self.age_start[oldest + 1]
        return low + int(rng.random() * (high - low))


CMS_SPACE = 9_000_000  # seven-digit case ids: 1000000 to 9999999


def cms_id(world: World, number: int) -> str:
    """A case id that does not look sequential, unique for person numbers up to CMS_SPACE.

    Multiplying by a step coprime with CMS_SPACE permutes the residues, so no
    set of ids has to be kept to avoid duplicates.
    """
    return str(1_000_000 + (number * world.cms_step + world.cms_offset) % CMS_SPACE)


def _dates(
    today: dt.date,
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    iso: list[str] = []
    ages: list[int] = []
    years: list[int] = []
    starts: list[int] = [0]
    one_day = dt.timedelta(days=1)
    day = today
    key = (today.month, today.day)
    for offset in range(MAX_DAYS + 1):
        iso.append(day.isoformat())
        age = today.year - day.year - (key < (day.month, day.day))
        if age == len(starts):
            starts.append(offset)
        ages.append(age)
        years.append(day.year)
        day -= one_day
    return tuple(iso), tuple(ages), tuple(starts), tuple(years)


def _school(rng: random.Random, name: str) -> School:
    domain = f"{contacts.email_part(name.replace('School', ''))[:30].strip('-')}.millbrook.example"
    lead = contacts.practitioner(rng, contacts.SCHOOL_ROLES[:1], domain, mobile_share=0.1)
    deputy = contacts.practitioner(rng, contacts.SCHOOL_ROLES[1:2], domain, mobile_share=0.1)
    other = contacts.practitioner(rng, contacts.SCHOOL_ROLES[2:], domain, mobile_share=0.1)
    return School(name, (lead, deputy, other))


def _streets(rng: random.Random) -> tuple[Street, ...]:
    names = [f"{word} {kind}" for word in places.STREET_WORDS for kind in places.STREET_KINDS]
    rng.shuffle(names)
    letters = places.POSTCODE_UNIT_LETTERS
    streets = []
    for index, name in enumerate(names[:480]):
        locality, district = places.LOCALITIES[index % len(places.LOCALITIES)]
        sector = rng.randrange(10)
        postcodes = tuple(
            f"{places.POSTCODE_AREA}{district} {sector}{rng.choice(letters)}{rng.choice(letters)}"
            for _ in range(3)
        )
        streets.append(Street(name, locality, postcodes))
    return tuple(streets)


@functools.lru_cache(maxsize=4)
def build_world(seed: int, today: dt.date) -> World:
    rng = random.Random(f"millbrook-world/{seed}")
    iso, ages, starts, years = _dates(today)
    bag = tuple(heritage for heritage in HERITAGES for _ in range(heritage.weight))
    council = "millbrook.example"
    homes = "millbrookhomes.example"
    police = "northshire.police.example"
    step = rng.randrange(1_000_003, CMS_SPACE, 2)
    while step % 3 == 0 or step % 5 == 0:
        step += 2
    return World(
        today=today,
        iso=iso,
        age=ages,
        age_start=starts,
        birth_year=years,
        heritage_bag=bag,
        streets=_streets(rng),
        primary=tuple(_school(rng, name) for name in places.PRIMARY_SCHOOLS),
        secondary=tuple(_school(rng, name) for name in places.SECONDARY_SCHOOLS),
        sixth_form=tuple(_school(rng, name) for name in places.SIXTH_FORMS),
        nursery=tuple(_school(rng, name) for name in places.NURSERY_SCHOOLS),
        special=tuple(_school(rng, name) for name in places.SPECIAL_SCHOOLS),
        alternative=tuple(_school(rng, name) for name in places.ALTERNATIVE_PROVISION),
        housing_officers=contacts.team(rng, 30, contacts.HOUSING_ROLES[:2], homes),
        asb_officers=contacts.team(rng, 8, contacts.HOUSING_ROLES[2:3], homes),
        income_officers=contacts.team(rng, 8, contacts.HOUSING_ROLES[3:4], homes),
        social_care=contacts.team(rng, 60, contacts.ADULT_SOCIAL_CARE_ROLES, council),
        transitions=contacts.team(rng, 6, (contacts.TRANSITIONS_ROLE,), council),
        police=contacts.team(rng, 40, contacts.POLICE_ROLES, police, mobile_share=0.5),
        cms_step=step,
        cms_offset=rng.randrange(CMS_SPACE),
    )
