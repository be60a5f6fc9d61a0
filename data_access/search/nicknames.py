"""First-name variants and short forms ("Bob" for "Robert", "Muhammad" for "Mohammed").

The table is our own `name_variants.txt`, written for names common in England
(English, Welsh, Irish and Scottish names, and names of South Asian, African
and Eastern European families). The `nicknames` package on PyPI was looked at
and not used: it is an American genealogy table that lacks Alfie, Liam and the
Muhammad family, and links names such as Aaron and Erin that would make
different people look alike here.

A name belongs to zero or more groups; two names are variants of each other
when they share a group. Group ids are the first full form of each line, so
they are short, readable and stable enough to be written into index keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from data_access.search.normalise import fold_token

DATA_FILE = "name_variants.txt"


@dataclass(frozen=True, slots=True)
class VariantGroup:
    """One line of the table: full forms, then short forms."""

    group_id: str
    full: frozenset[str]
    short: frozenset[str]


@dataclass(frozen=True, slots=True)
class VariantTable:
    groups: dict[str, VariantGroup]
    by_name: dict[str, frozenset[str]]


def parse_table(text: str) -> VariantTable:
    """Parse the table format (see the head of `name_variants.txt`).

    Lines are folded like every other name, so the file may be written with
    accents. A line with a single name says nothing and is skipped; a line
    whose group id is already taken is merged into the earlier group.
    """
    groups: dict[str, VariantGroup] = {}
    for raw_line in text.splitlines():
        line = raw_line.split("#", 1)[0].strip()
        if not line:
            continue
        full_part, _, short_part = line.partition("|")
        full = [t for t in (fold_token(w) for w in full_part.split()) if t]
        short = [t for t in (fold_token(w) for w in short_part.split()) if t]
        if not full or len(set(full) | set(short)) < 2:
            continue
        group_id = full[0]
        previous = groups.get(group_id)
        if previous is not None:
            full = [*previous.full, *full]
            short = [*previous.short, *short]
        groups[group_id] = VariantGroup(group_id, frozenset(full), frozenset(short) - set(full))
    by_name: dict[str, set[str]] = {}
    for group in groups.values():
        for name in group.full | group.short:
            by_name.setdefault(name, set()).add(group.group_id)
    return VariantTable(groups, {name: frozenset(ids) for name, ids in by_name.items()})


@lru_cache(maxsize=1)
def table() -> VariantTable:
    """The packaged table, read once per process."""
    text = resources.files("data_access.search").joinpath(DATA_FILE).read_text("utf-8")
    return parse_table(text)


_NO_GROUPS: frozenset[str] = frozenset()


@lru_cache(maxsize=16384)
def variant_keys(token: str) -> frozenset[str]:
    """Group ids of a folded first-name token (empty when it is in no group)."""
    return table().by_name.get(token, _NO_GROUPS)


def are_variants(a: str, b: str) -> bool:
    """True when two folded tokens share a group (and are not equal)."""
    by_name = table().by_name
    groups = by_name.get(a)
    if not groups or a == b:
        return False
    other = by_name.get(b)
    return other is not None and not groups.isdisjoint(other)


class VariantKind(StrEnum):
    SHORT_FORM = "short_form"  # a is a short form of b
    LONG_FORM = "long_form"  # b is a short form of a
    SPELLING = "spelling"  # two full forms: spellings of one name
    SAME_SHORT = "same_short"  # two short forms of the same name


@dataclass(frozen=True, slots=True)
class VariantRelation:
    kind: VariantKind
    full_name: str  # the full form the two names share, for SAME_SHORT


def relation(a: str, b: str) -> VariantRelation | None:
    """How two folded tokens are related, for the wording of a reason."""
    groups = table().groups
    shared = sorted(variant_keys(a) & variant_keys(b))
    if not shared or a == b:
        return None
    # Prefer the most direct relation: two spellings, then a short form of
    # the other, then two short forms of the same name.
    found: list[tuple[int, VariantRelation]] = []
    for group_id in shared:
        group = groups[group_id]
        a_full, b_full = a in group.full, b in group.full
        if a_full and b_full:
            found.append((0, VariantRelation(VariantKind.SPELLING, group_id)))
        elif b_full:
            found.append((1, VariantRelation(VariantKind.SHORT_FORM, group_id)))
        elif a_full:
            found.append((1, VariantRelation(VariantKind.LONG_FORM, group_id)))
        else:
            found.append((2, VariantRelation(VariantKind.SAME_SHORT, group_id)))
    return min(found, key=lambda item: item[0])[1]
