"""The in-memory shape of one family cluster while it is generated.

Plain slotted classes rather than dataclasses: a million-person run creates
a million of them, and only one cluster is alive at a time.
"""

from __future__ import annotations

from data_access.demo.names import Heritage

FEMALE, MALE, OTHER, UNKNOWN = 0, 1, 2, 3
GENDER_VALUES = ("female", "male", "other", "unknown")


class Home:
    """One address; members of a household share it and its tenancy."""

    __slots__ = ("address", "postcode", "primary", "secondary", "tenancy")

    def __init__(self, address: str, postcode: str, primary: int, secondary: int) -> None:
        self.address = address
        self.postcode = postcode
        self.primary = primary  # index into World.primary: siblings share a school
        self.secondary = secondary
        # None until the first adult asks; then () for no tenancy or the row's values.
        self.tenancy: tuple[str, ...] | None = None


class Member:
    __slots__ = (
        "age",
        "aliases",
        "cms",
        "days",
        "dob_known",
        "first",
        "gender",
        "heritage",
        "home",
        "last",
        "pid",
        "showcase",
    )

    def __init__(
        self,
        first: str,
        last: str,
        gender: int,
        days: int,
        age: int,
        home: Home,
        heritage: Heritage,
    ) -> None:
        self.first = first
        self.last = last
        self.gender = gender
        self.days = days  # days old today; the date of birth is a table lookup
        self.age = age
        self.dob_known = True
        self.home = home
        self.heritage = heritage
        self.cms = False
        self.pid = ""
        # (first_name, last_name, kind) rows for person_alias.
        self.aliases: list[tuple[str, str, str]] | None = None
        # The part this person plays in the showcase family (see showcase.py).
        self.showcase = ""

    def alias(self, first: str, last: str, kind: str) -> None:
        if self.aliases is None:
            self.aliases = []
        self.aliases.append((first, last, kind))


Relation = tuple[Member, Member, str, str]
"""(person, related person, relationship type, label) before ids are known."""
