"""The search index contract between the nightly load and the search.

The database half keeps one table of short string keys per person, written at
load time from `person_keys`, and at search time looks up the keys that
`query_keys` gives and the dates that `candidate_dates` gives. Everything it
finds is scored in Python by `scoring.rank`. This module decides what is
stored and what is looked up; the database only does exact look-ups, so the
same plan runs on SQLite and PostgreSQL.

Keys (names folded by normalise.py; ``p4`` is a name's first four letters;
``near(p4)`` is p4 with each of its letters deleted in turn, plus p4 itself):

- ``f:<first>`` and ``l:<surname>``: single names. Too common to fetch on
  their own ("l:smith" holds about 1 % of a city); used as a filter next to
  dates of birth, and fetched alone only when rare (see `BROAD_KEY_LIMIT`).
- ``t:<surname>|<near(p4 of first name)>``: the exact surname with the first
  name's opening letters. Survives any number of typing errors after the
  fourth letter of the first name, one error within it (symmetric deletion:
  "jayd" and "jyad" share "jad"), a short form that is a prefix (Jay, Alf,
  Chris), and a first name run together with a middle name.
- ``u:<first>|<near(p4 of surname)>``: the same with the roles exchanged:
  typing errors and sound-alike spellings of the surname (Smyth, Thomson).
- ``v:<group or ~sound of first name>|<sound of surname>``: nicknames and
  variant spellings (Bob for Robert, Muhammad for Mohammed) with a surname
  spelt any way that sounds the same.

Per person the full set of t/u keys is written for the main name only;
other forms (parts of a double-barrelled surname, middle names, aliases and
previous names) get the exact four-letter prefix, which a query's
neighbourhood still meets. A person with a simple name has 14 keys; over the
demo population of a million the average is 14.4 and the most about 50 (a
double-barrelled surname and several aliases).

Retrieval the database half should implement (see `RetrievalPlan`):

1. case id given: the person whose cms_id equals ``plan.case_id`` (letters
   upper-cased; scoring also forgives leading zeros and punctuation).
2. exact date of birth given (``plan.exact_date``): every person born that day
   (about 30 in a city of a million).
3. near dates (``plan.near_dates``: swapped, one digit, year +/- 1): people
   born on one of them who also hold one of ``plan.filter_keys``. With a
   ``(key, date_of_birth)`` index this is one index look-up per key.
4. partial date or age (``plan.date_range``): people born in the range who
   hold one of ``plan.filter_keys`` (nothing when the query has no name).
5. every person holding one of ``plan.any_date_keys``, whatever their date of
   birth. With no full date typed these are all of ``plan.keys`` (a few dozen
   to a few hundred keys, each matching few people; "John Smith" in a city of
   a million gives well under 2,000 people), which also finds the people
   whose date of birth is not recorded, or is wrong beyond the near dates.
   With a full date typed, the date is the selective key: only the names as
   typed and their variant and sound-alike spellings (``QueryKeys.exact_keys``)
   are looked up at any date, and the other keys (typing errors) find people
   born on the date typed, a near date, or on no recorded date. A namesake
   with a typing error in the name and a date of birth far off scores at most
   0.4 x 0.88 and is not worth a place in the list; reading every holder of
   every typing-error key at a million people was most of the search's time.
6. unless a full date of birth was typed with a first name and a surname
   (``plan.broad_holders``): each of ``plan.broad_keys``, its people, only when there are at most
   ``plan.broad_limit`` of them (fetch ``limit + 1`` rows and drop the key
   when it overflows). This finds "Jayden Wojciechowski" under any misspelling
   of Jayden, and finds a single rare name typed alone.

Union the person ids, cap them at ``plan.max_candidates`` (steps 1 and 2
first), drop restricted people (auditing the attempt), load them with their aliases as
`scoring.Candidate` and call `scoring.rank`. A suggested table:
``person_search_key(key TEXT, person_id TEXT, date_of_birth DATE NULL)`` with
primary key ``(key, person_id)`` and an index on ``(key, date_of_birth)``;
it is rebuilt with every load (the group ids of name_variants.txt are in it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from data_access.search.dates import MAX_AGE, DateRange, age_range, near_dates
from data_access.search.nicknames import variant_keys
from data_access.search.normalise import NameForms, first_name_forms, name_forms, phonetic
from data_access.search.parse import ParsedQuery
from data_access.search.readings import readings

PREFIX_LENGTH = 4
MAX_KEY_NAME_LENGTH = 24
MAX_FIRST_FORMS = 3
MAX_LAST_FORMS = 4
BROAD_KEY_LIMIT = 1000  # one name typed: "Wojciechowski" alone
BROAD_KEY_LIMIT_WITH_PAIR = 300  # first name and surname typed: a safety net only
MAX_CANDIDATES = 5000


@lru_cache(maxsize=32768)
def prefix_neighbourhood(token: str) -> frozenset[str]:
    """The first four letters, and each way of deleting one of them.

    Two names whose first four letters differ by one typing error
    (substitution, insertion, deletion or two letters swapped) share at least
    one member, which is what lets an exact key look-up survive a typo.
    """
    prefix = token[:PREFIX_LENGTH]
    out = {prefix}
    if len(prefix) > 1:
        out.update(prefix[:i] + prefix[i + 1 :] for i in range(len(prefix)))
    return frozenset(out)


def _cut(name: str) -> str:
    return name[:MAX_KEY_NAME_LENGTH]


@lru_cache(maxsize=16384)
def sound_keys(first: str) -> tuple[str, ...]:
    """Variant groups of a first name, and its own sound ("~JTN")."""
    return (*sorted(variant_keys(first)), "~" + phonetic(first))


def _first_forms(forms: NameForms) -> tuple[str, ...]:
    """Main given name first, then the words run together, then middle names."""
    if len(forms.tokens) <= 1:
        return forms.tokens
    others = (t for t in forms.tokens[1:] if len(t) >= 2)
    return tuple(dict.fromkeys((forms.primary, forms.joined, *others)))[:MAX_FIRST_FORMS]


def _last_forms(forms: NameForms) -> tuple[str, ...]:
    return forms.forms[:MAX_LAST_FORMS]


def _add_name_keys(keys: set[str], first: NameForms, last: NameForms, *, main: bool) -> None:
    firsts = _first_forms(first)
    lasts = _last_forms(last)
    keys.update("f:" + _cut(f) for f in firsts)
    keys.update("l:" + _cut(s) for s in lasts)
    for f in firsts:
        for s in lasts:
            if main and f == firsts[0] and s == lasts[0]:
                keys.update(f"t:{_cut(s)}|{d}" for d in prefix_neighbourhood(f))
                keys.update(f"u:{_cut(f)}|{d}" for d in prefix_neighbourhood(s))
            else:
                keys.add(f"t:{_cut(s)}|{f[:PREFIX_LENGTH]}")
                keys.add(f"u:{_cut(f)}|{s[:PREFIX_LENGTH]}")
    if firsts:
        for s in lasts:
            sound = phonetic(s)
            keys.update(f"v:{g}|{sound}" for g in sound_keys(firsts[0]))


def person_keys(
    first_name: str | None,
    last_name: str | None,
    aliases: Iterable[tuple[str | None, str | None]] = (),
) -> set[str]:
    """The keys to store for one person (main name and aliases).

    An alias with only a first name (a preferred name) is paired with the
    main surname, and one with only a surname (a previous surname) with the
    main first name, as people are searched for under such combinations.
    """
    first = first_name_forms(first_name)
    last = name_forms(last_name)
    keys: set[str] = set()
    _add_name_keys(keys, first, last, main=True)
    for alias_first, alias_last in aliases:
        other_first = first_name_forms(alias_first) if alias_first else first
        other_last = name_forms(alias_last) if alias_last else last
        if (other_first, other_last) != (first, last):
            _add_name_keys(keys, other_first, other_last, main=False)
    return keys


@dataclass(frozen=True, slots=True)
class QueryKeys:
    """The index keys a query looks up.

    `keys` are selective: fetch everyone who holds any of them. `broad_keys`
    are single names: fetch their holders only when there are at most
    `broad_limit`. `filter_keys` narrow people found by a near or partial
    date of birth.
    """

    keys: frozenset[str]
    broad_keys: frozenset[str]
    broad_limit: int = BROAD_KEY_LIMIT
    exact_keys: frozenset[str] = frozenset()
    """The selective keys of the names exactly as typed (no letter deleted, no variant):
    the few a namesake born on another date is looked up by."""
    pair_keys: frozenset[str] = frozenset()
    """Of those, the surname-and-first-name keys "t:<surname form>|<first four letters of
    a first-name form>": everyone whose name has a first-name form and a surname form
    that were both typed holds one."""

    @property
    def filter_keys(self) -> frozenset[str]:
        return self.keys | self.broad_keys

    @property
    def is_empty(self) -> bool:
        return not (self.keys or self.broad_keys)


def query_keys(query: ParsedQuery) -> QueryKeys:
    """Keys for every reading of the typed words (see the module docstring)."""
    keys: set[str] = set()
    exact: set[str] = set()
    pairs: set[str] = set()
    broad: set[str] = set()
    for reading in readings(query):
        firsts = [f for f in reading.first_forms if len(f) >= 2]
        lasts = [s for s in reading.last_forms if len(s) >= 2]
        broad.update("f:" + _cut(f) for f in firsts)
        broad.update("l:" + _cut(s) for s in lasts)
        for f in firsts:
            for s in lasts:
                keys.update(f"t:{_cut(s)}|{d}" for d in prefix_neighbourhood(f))
                keys.update(f"u:{_cut(f)}|{d}" for d in prefix_neighbourhood(s))
                pairs.add(f"t:{_cut(s)}|{f[:PREFIX_LENGTH]}")
                exact.add(f"u:{_cut(f)}|{s[:PREFIX_LENGTH]}")
                sound = phonetic(s)
                variants = {f"v:{g}|{sound}" for g in sound_keys(f)}
                keys.update(variants)
                exact.update(variants)
    limit = BROAD_KEY_LIMIT_WITH_PAIR if keys else BROAD_KEY_LIMIT
    return QueryKeys(
        frozenset(keys), frozenset(broad), limit, frozenset(exact | pairs), frozenset(pairs)
    )


def candidate_dates(query: ParsedQuery) -> Sequence[dt.date] | DateRange:
    """Dates of birth to look up.

    A full date gives a list: the date as typed first when it is a real date
    (look up everyone born that day), then the dates it may be a mistyping of
    (look up only people who also hold one of the query's name keys). A year,
    month and year, or age gives a `DateRange` (only with a name filter). No
    date gives an empty list.
    """
    if query.typed_date is not None:
        return near_dates(query.typed_date, query.today)
    if query.partial_date is not None:
        period = query.partial_date.date_range()
        return DateRange(period.start, min(period.end, query.today))
    if query.age is not None and 0 <= query.age <= MAX_AGE:
        return age_range(query.age, query.today)
    return []


@dataclass(frozen=True, slots=True)
class RetrievalPlan:
    """Everything the database half needs for one search, in one object.

    See the module docstring for the order of look-ups.
    """

    case_id: str | None
    exact_date: dt.date | None
    near_dates: tuple[dt.date, ...]
    date_range: DateRange | None
    keys: frozenset[str]
    broad_keys: frozenset[str]
    broad_limit: int
    max_candidates: int
    any_date_keys: frozenset[str]
    """The selective keys whose holders are fetched whatever their date of birth: all of
    them, unless a full date of birth was typed; then only `QueryKeys.exact_keys`, and
    the other keys find people born on the date typed, a near date or no recorded date."""
    broad_holders: bool
    """Whether step 6 applies: not when a full date of birth was typed with a name pair."""
    pair_keys: frozenset[str] = frozenset()
    """`QueryKeys.pair_keys`: how the bot's first look finds people with no date recorded
    who could block a confident match (service.py, `_first_pass`)."""

    @property
    def filter_keys(self) -> frozenset[str]:
        return self.keys | self.broad_keys


def retrieval_plan(query: ParsedQuery) -> RetrievalPlan:
    """The look-ups for `query`: keys, dates and case id together."""
    found_keys = query_keys(query)
    dates = candidate_dates(query)
    exact = query.date_of_birth
    typed = query.typed_date
    near: tuple[dt.date, ...] = ()
    period: DateRange | None = None
    if isinstance(dates, DateRange):
        period = dates if found_keys.filter_keys else None
    elif found_keys.filter_keys:
        near = tuple(d for d in dates if d != exact)
    return RetrievalPlan(
        case_id=query.case_id,
        exact_date=exact if exact and exact <= query.today else None,
        near_dates=near,
        date_range=period,
        keys=found_keys.keys,
        broad_keys=found_keys.broad_keys,
        broad_limit=found_keys.broad_limit,
        max_candidates=MAX_CANDIDATES,
        any_date_keys=found_keys.keys if typed is None else found_keys.exact_keys,
        # One name alone (or an initial and a surname) has no selective keys: its holders,
        # when few, are all it can be looked up by, whatever the date.
        broad_holders=typed is None or not found_keys.keys,
        pair_keys=found_keys.pair_keys,
    )
