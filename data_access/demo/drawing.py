"""Drawing one person or one home from the name pools and the world.

The cluster shapes in families.py decide who is related to whom; this
module decides what each person is called, how old they are and where they
live, with the customs of each community (gendered and women's own surnames,
nicknames recorded in place of the full name, the spellings of Muhammad).
"""

from __future__ import annotations

import functools
import itertools
import random
from bisect import bisect
from collections.abc import Sequence
from typing import Generic, TypeVar

from data_access.demo import places
from data_access.demo.names import ANGLICISED, HERITAGES, NICKNAMES, WHITE_BRITISH, Heritage
from data_access.demo.people import FEMALE, MALE, OTHER, UNKNOWN, Home, Member
from data_access.demo.world import World
from data_access.enums import AliasKind

T = TypeVar("T")
SurnamePair = tuple[str, str]
"""The male and the female form of a surname (equal unless gendered)."""

PREVIOUS = AliasKind.PREVIOUS.value
PREFERRED = AliasKind.PREFERRED.value
ALIAS = AliasKind.ALIAS.value

YEAR = 365
_MUHAMMAD = ("Muhammad", "Mohammed", "Mohammad", "Muhammed", "Mohamed", "Mahamed")
_CHILD_COUNTS = (1,) * 38 + (2,) * 37 + (3,) * 16 + (4,) * 6 + (5, 5, 6)
# Share of surname draws that are a community's own compound surname.
_COMPOUND_RATE = 0.0005
# First names: rank r (from 1) weighs (r + offset) ** -exponent, the decade's exponent.
_FIRST_NAME_OFFSET = 4.0
_FIRST_YEAR = 1850
_LAST_YEAR = 2200


class Drawer:
    """Draws the people of the cluster being built, and keeps them in `members`."""

    def __init__(self, world: World, rng: random.Random) -> None:
        self.world = world
        self.rng = rng
        self.rnd = rng.random
        self.ages = world.age
        self.age_start = world.age_start
        self.years = world.birth_year
        self.members: list[Member] = []
        self._pools = {heritage.key: _pools(heritage) for heritage in HERITAGES}
        self._english = self._pools[WHITE_BRITISH.key]

    def heritage(self) -> Heritage:
        bag = self.world.heritage_bag
        return bag[int(self.rnd() * len(bag))]

    def surname(self, heritage: Heritage) -> SurnamePair:
        rnd = self.rnd
        pools = self._pools[heritage.key]
        if pools.english_surnames and rnd() < pools.english_surnames:
            pools = self._english
        bag = pools.surnames
        r = rnd()
        if r < pools.compound_rate:
            compound = pools.compound
            return compound[int(rnd() * len(compound))]
        if r < pools.compound_rate + pools.hyphenated:
            first = bag.names[bisect(bag.cum, rnd() * bag.total)]
            return double_barrelled(first, bag.names[bisect(bag.cum, rnd() * bag.total)])
        return bag.names[bisect(bag.cum, rnd() * bag.total)]

    def own_surname(self, heritage: Heritage) -> SurnamePair:
        """A woman's own surname, which in some communities is not the family's.

        Her brothers (and sons who take it) carry the male form: Singh for
        Kaur, the family's surname for Begum or Bibi.
        """
        pair = self.surname(heritage)
        pools = self._pools[heritage.key]
        womens = pools.womens
        if womens and self.rnd() < pools.womens_share:
            male, female = womens[int(self.rnd() * len(womens))]
            return (male or pair[0], female)
        return pair

    def child_gender(self) -> int:
        r = self.rnd()
        return FEMALE if r < 0.497 else MALE if r < 0.994 else UNKNOWN if r < 0.998 else OTHER

    def child_days(self, youngest_eldest: int = 0) -> list[int]:
        """Days old of a family's children, eldest first, one to six years apart."""
        rnd = self.rnd
        count = _CHILD_COUNTS[int(rnd() * len(_CHILD_COUNTS))]
        low = self.age_start[youngest_eldest]
        eldest = low + int(rnd() * (self.age_start[21] - low))
        days = [eldest]
        current = eldest
        for _ in range(count - 1):
            current -= 0 if rnd() < 0.02 else 300 + int(rnd() * 1800)
            if current < 0:
                break
            days.append(current)
        return days

    def parent_days(self, eldest_child_days: int) -> int:
        """A mother aged 17 to 40 at her first child's birth."""
        return eldest_child_days + self.age_start[17] + int(self.rnd() * 23 * YEAR)

    def first_name(self, heritage: Heritage, gender: int, days: int) -> str:
        """A first name given in the year this person, `days` old today, was born."""
        rnd = self.rnd
        if gender > MALE:
            gender = FEMALE if rnd() < 0.5 else MALE
        pools = self._pools[heritage.key]
        if pools.english_first_names and rnd() < pools.english_first_names:
            pools = self._english
        girls, boys = pools.by_year[self.years[days] - _FIRST_YEAR]
        bag = girls if gender == FEMALE else boys
        return bag.names[bisect(bag.cum, rnd() * bag.total)]

    def person(
        self, heritage: Heritage, gender: int, days: int, surname: SurnamePair, home: Home
    ) -> Member:
        rnd = self.rnd
        age = self.ages[days]
        first = self.first_name(heritage, gender, days)
        member = Member(
            first, surname[1] if gender == FEMALE else surname[0], gender, days, age, home, heritage
        )
        # Two draws whatever the name, so that the names, which follow the
        # year of birth and so `today`, do not shift the rest of the stream.
        r = rnd()
        pick = rnd()
        short = NICKNAMES.get(first)
        if short is not None:
            if r < 0.12:
                member.first = short[int(pick * len(short))]  # recorded as "Bob"
            elif r < 0.2:
                member.alias(short[int(pick * len(short))], "", PREFERRED)
        elif first in ANGLICISED:
            if r < 0.3:
                member.alias(ANGLICISED[first], "", PREFERRED)
        elif first in _MUHAMMAD and r < 0.2:
            other = _MUHAMMAD[int(pick * len(_MUHAMMAD))]
            if other != first:
                member.alias(other, "", ALIAS)
        if age >= 18 and rnd() < 0.08:
            member.dob_known = False
        self.members.append(member)
        return member

    def home(self) -> Home:
        rnd = self.rnd
        world = self.world
        streets = world.streets
        street = streets[int(rnd() * len(streets))]
        number = 1 + int(rnd() * 160)
        locality = street.locality
        postcode = street.postcodes[int(rnd() * 3)]
        town = places.AREA
        r = rnd()
        if r < 0.62:
            if locality == town:
                address = f"{number} {street.name}, {town}"
            else:
                address = f"{number} {street.name}, {locality}, {town}"
        elif r < 0.8:
            if locality == town:
                address = f"{number} {street.name}\n{town}"
            else:
                address = f"{number} {street.name}\n{locality}\n{town}"
        elif r < 0.95:
            block = places.BLOCK_NAMES[int(rnd() * len(places.BLOCK_NAMES))]
            flat = 1 + int(rnd() * 40)
            if r < 0.9:
                address = f"Flat {flat}, {block}, {street.name}, {town}"
            else:
                address = f"Flat {flat}\n{block}\n{street.name}\n{town}"
        elif r < 0.975:
            address = f"{number} {street.name}, {town}"
            postcode = ""  # postcode not recorded
        elif r < 0.985:
            address = ""
        else:
            address = postcode = ""  # address not known
        return Home(
            address,
            postcode,
            int(rnd() * len(world.primary)),
            int(rnd() * len(world.secondary)),
        )


class _Weighted(Generic[T]):
    """Names listed most common first, drawn with Zipf weights by one bisection:
    rank r (from 1) weighs (r + offset) ** -exponent."""

    __slots__ = ("cum", "names", "total")

    def __init__(self, names: Sequence[T], exponent: float, offset: float) -> None:
        self.names = tuple(dict.fromkeys(names))
        weights = ((rank + offset) ** -exponent for rank in range(1, len(self.names) + 1))
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1]


class _Pools:
    """A heritage's names, ready to draw; they do not depend on the seed."""

    __slots__ = (
        "by_year",
        "compound",
        "compound_rate",
        "english_first_names",
        "english_surnames",
        "hyphenated",
        "surnames",
        "womens",
        "womens_share",
    )

    def __init__(self, heritage: Heritage) -> None:
        decades = [
            (
                _Weighted(girls, exponent, _FIRST_NAME_OFFSET),
                _Weighted(boys, exponent, _FIRST_NAME_OFFSET),
            )
            for _, girls, boys, exponent in heritage.decades
        ]
        # by_year[year - _FIRST_YEAR]: the girls' and boys' names of that year of birth.
        self.by_year = tuple(
            decades[
                next(
                    (index for index, decade in enumerate(heritage.decades) if year <= decade[0]),
                    len(decades) - 1,
                )
            ]
            for year in range(_FIRST_YEAR, _LAST_YEAR)
        )
        exponent, offset = heritage.surname_zipf
        self.surnames = _Weighted(_pairs(heritage.surnames), exponent, offset)
        self.compound = _pairs(heritage.compound_surnames)
        self.compound_rate = _COMPOUND_RATE if self.compound else 0.0
        self.hyphenated = heritage.hyphenated
        self.english_first_names = heritage.english_first_names
        self.english_surnames = heritage.english_surnames
        self.womens_share = heritage.womens_surname_share
        # "Singh/Kaur" names both forms; a lone "Begum" has no male form.
        self.womens = tuple(
            (forms[0], forms[-1]) if len(forms) == 2 else ("", forms[0])
            for forms in (name.split("/") for name in heritage.womens_surnames)
        )


@functools.cache
def _pools(heritage: Heritage) -> _Pools:
    return _Pools(heritage)


def _pairs(surnames: Sequence[str]) -> tuple[SurnamePair, ...]:
    return tuple((forms[0], forms[-1]) for forms in (name.split("/") for name in surnames))


def double_barrelled(first: SurnamePair, second: SurnamePair) -> SurnamePair:
    if first == second:
        return first
    return (f"{first[0]}-{second[0]}", f"{first[1]}-{second[1]}")
