"""Drawing one person or one home from the name pools and the world.

The cluster shapes in families.py decide who is related to whom; this
module decides what each person is called, how old they are and where they
live, with the customs of each community (gendered and women's own surnames,
nicknames recorded in place of the full name, the spellings of Muhammad).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from data_access.demo import places
from data_access.demo.names import ANGLICISED, HERITAGES, NICKNAMES, Heritage
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


class Drawer:
    """Draws the people of the cluster being built, and keeps them in `members`."""

    def __init__(self, world: World, rng: random.Random) -> None:
        self.world = world
        self.rng = rng
        self.rnd = rng.random
        self.ages = world.age
        self.age_start = world.age_start
        self.members: list[Member] = []
        self._pools = {heritage.key: _Pools(heritage) for heritage in HERITAGES}

    def heritage(self) -> Heritage:
        bag = self.world.heritage_bag
        return bag[int(self.rnd() * len(bag))]

    def surname(self, heritage: Heritage) -> SurnamePair:
        pools = self._pools[heritage.key]
        pairs = pools.compound if pools.compound and self.rnd() < 0.04 else pools.surnames
        return pairs[int(self.rnd() * len(pairs))]

    def own_surname(self, heritage: Heritage) -> SurnamePair:
        """A woman's own surname, which in some communities is not the family's.

        Her brothers (and sons who take it) carry the male form: Singh for
        Kaur, the family's surname for Begum or Bibi.
        """
        pair = self.surname(heritage)
        womens = self._pools[heritage.key].womens
        if womens and self.rnd() < 0.5:
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

    def first_name(self, heritage: Heritage, gender: int, age: int) -> str:
        if gender > MALE:
            gender = FEMALE if self.rnd() < 0.5 else MALE
        pools = self._pools[heritage.key]
        if age <= 20:
            pool = pools.girls if gender == FEMALE else pools.boys
        elif age <= 55:
            pool = pools.women if gender == FEMALE else pools.men
        else:
            pool = pools.older_women if gender == FEMALE else pools.older_men
        return pool[int(self.rnd() * len(pool))]

    def person(
        self, heritage: Heritage, gender: int, days: int, surname: SurnamePair, home: Home
    ) -> Member:
        rnd = self.rnd
        age = self.ages[days]
        first = self.first_name(heritage, gender, age)
        member = Member(
            first, surname[1] if gender == FEMALE else surname[0], gender, days, age, home, heritage
        )
        short = NICKNAMES.get(first)
        if short is not None:
            r = rnd()
            if r < 0.12:
                member.first = short[int(rnd() * len(short))]  # recorded as "Bob"
            elif r < 0.2:
                member.alias(short[int(rnd() * len(short))], "", PREFERRED)
        elif first in ANGLICISED and rnd() < 0.3:
            member.alias(ANGLICISED[first], "", PREFERRED)
        elif first in _MUHAMMAD and rnd() < 0.2:
            other = _MUHAMMAD[int(rnd() * len(_MUHAMMAD))]
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


class _Pools:
    """A heritage's names as weighted bags, so a draw is one index."""

    __slots__ = (
        "boys",
        "compound",
        "girls",
        "men",
        "older_men",
        "older_women",
        "surnames",
        "women",
        "womens",
    )

    def __init__(self, heritage: Heritage) -> None:
        self.girls = _ranked(heritage.girls)
        self.boys = _ranked(heritage.boys)
        self.women = _ranked(heritage.women)
        self.men = _ranked(heritage.men)
        self.older_women = _ranked(heritage.older_women or heritage.women)
        self.older_men = _ranked(heritage.older_men or heritage.men)
        self.surnames = _ranked(_pairs(heritage.surnames))
        self.compound = _pairs(heritage.compound_surnames)
        # "Singh/Kaur" names both forms; a lone "Begum" has no male form.
        self.womens = tuple(
            (forms[0], forms[-1]) if len(forms) == 2 else ("", forms[0])
            for forms in (name.split("/") for name in heritage.womens_surnames)
        )


def _ranked(names: Sequence[T]) -> tuple[T, ...]:
    """Names listed most common first, repeated so that the first come up most."""
    return tuple(
        name
        for rank, name in enumerate(names)
        for _ in range(max(1, round(12 / (rank + 1) ** 0.5)))
    )


def _pairs(surnames: Sequence[str]) -> tuple[SurnamePair, ...]:
    return tuple((forms[0], forms[-1]) for forms in (name.split("/") for name in surnames))


def double_barrelled(first: SurnamePair, second: SurnamePair) -> SurnamePair:
    if first == second:
        return first
    return (f"{first[0]}-{second[0]}", f"{first[1]}-{second[1]}")
