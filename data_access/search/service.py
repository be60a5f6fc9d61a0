"""Person search against the database: the retrieval plan of keys.py, then scoring.rank.

One search is one SQL statement (one round trip): every look-up of the plan
is a branch of a UNION ALL, the person ids found are capped at the plan's
maximum (case id and exact date of birth first), and the same statement
reads those people with their aliases. Restricted people are excluded in
that statement (and have no keys at all, see index.py), and `rank` drops
them again should one ever get through.

Each look-up is a seek in the primary key of person_search_key (key,
date_of_birth, person_id), which holds every column it reads: index-only on
PostgreSQL, the table itself on SQLite. What keeps it fast at a million
people:

- With a full date of birth typed, the date is the selective key: the
  typing-error keys find only people born on it, a near date or no recorded
  date (a filter on each key's few holders), and only the names as typed are
  looked up at any date (keys.py, step 5). At a million people that cut the
  candidates of the slowest searches (p95) from 476 to 119.
- Date ranges are looked up with the single-name keys only
  (`plan.broad_keys`): everyone holding one of the selective `plan.keys` is
  fetched anyway, whatever their date of birth, so a handful of keys times a
  range is enough.
- Those seeks are written one key at a time. Given a list of keys and a
  list of dates, SQLite's planner (whose statistics say every key is as
  rare as the average one) seeks each key and reads all its holders to
  filter the dates: all 40,000 holders of "l:smith" in a city. With one key
  and a list of dates it seeks each (key, date) pair, as PostgreSQL does
  either way.
- Key lists are one array parameter on PostgreSQL (`= ANY(:keys)`) and an
  expanding IN list on SQLite.

Nothing here logs names, dates of birth or search text: only counts.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    Text,
    any_,
    bindparam,
    func,
    literal_column,
    select,
    true,
    union_all,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from data_access.engine import for_single_reads
from data_access.models import Person, PersonAlias, PersonSearchKey
from data_access.precompiled import read_rows
from data_access.search.index import UNKNOWN_DATE_OF_BIRTH
from data_access.search.keys import RetrievalPlan, retrieval_plan
from data_access.search.parse import ParsedQuery, parse_query
from data_access.search.scoring import DEFAULT_LIMIT, Candidate, SearchOutcome, rank

log = logging.getLogger(__name__)

_person = Person.__table__
_alias = PersonAlias.__table__
_keys = PersonSearchKey.__table__

# Look-ups that find the person asked for outright come first when the
# candidates are capped.
_STEP_CASE_ID = 1
_STEP_EXACT_DATE = 2
_STEP_OTHER = 3


@dataclass(frozen=True, slots=True)
class _Shape:
    """Which look-ups a plan needs: one compiled statement per shape."""

    dialect: str
    case_id: bool
    exact_date: bool
    near_dates: bool
    date_range: bool
    any_date_keys: bool
    """Whether some selective keys are looked up whatever the date of birth: all of
    them, unless the look-ups by date (`keys_dated`) cover the others."""
    keys_dated: bool
    broad_keys: int
    broad_holders: bool
    """Whether each single name's holders are fetched whatever their date of birth
    (when there are few enough): not when a full date was typed with a name pair
    (see keys.py)."""
    dated_only: bool = False
    """The first, narrow pass (see `_first_pass`): holders of the selective keys born on
    the date typed, a near date, or on no recorded date, and nobody else."""


def _shape(plan: RetrievalPlan, dialect: str, *, dated_only: bool = False) -> _Shape:
    broad = bool(plan.broad_keys)
    return _Shape(
        dialect=dialect,
        case_id=plan.case_id is not None,
        exact_date=plan.exact_date is not None and not dated_only,
        near_dates=bool(plan.near_dates) and broad and not dated_only,
        date_range=plan.date_range is not None and broad and not dated_only,
        any_date_keys=bool(plan.any_date_keys) and not dated_only,
        keys_dated=bool(plan.keys) and (dated_only or plan.any_date_keys != plan.keys),
        broad_keys=0 if dated_only else len(plan.broad_keys),
        broad_holders=plan.broad_holders and not dated_only,
        dated_only=dated_only,
    )


def _in_list(column: Any, name: str, item_type: Any, dialect: str) -> ColumnElement[bool]:
    if dialect == "postgresql":
        return column == any_(bindparam(name, type_=postgresql.ARRAY(item_type)))  # type: ignore[no-any-return]
    return column.in_(bindparam(name, expanding=True, type_=item_type))  # type: ignore[no-any-return]


def _born_on(key: ColumnElement[bool], dates: str, number: int, dialect: str) -> Select[Any]:
    """Holders of one single-name key born on one of a list of dates: one index seek per
    (key, date), however many hold the name.

    PostgreSQL runs a prepared statement with a generic plan after a few executions,
    and a generic plan cannot tell "l:taylor" (fourteen thousand holders in a city of a
    million) from a rare name: it reads all the key's holders and filters them by date,
    milliseconds for a common name. A lateral subquery per date, kept apart from the
    outer query (OFFSET 0), leaves it only the seek."""
    if dialect != "postgresql":
        return select(_keys.c.person_id, _step(_STEP_OTHER)).where(
            key, _in_list(_keys.c.date_of_birth, dates, Date(), dialect)
        )
    days = (
        func.unnest(bindparam(dates, type_=postgresql.ARRAY(Date())))
        .table_valued("born")
        .render_derived(name=f"days_{number}")
    )
    holders = (
        select(_keys.c.person_id)
        .where(key, _keys.c.date_of_birth == days.c.born)
        .offset(literal_column("0"))
        .lateral(f"born_{number}")
    )
    return select(holders.c.person_id, _step(_STEP_OTHER)).select_from(days.join(holders, true()))


def _step(value: int) -> Any:
    return literal_column(str(value)).label("step")


@cache
def _statement(shape: _Shape) -> Select[Any] | None:
    """The whole search for plans of this shape, built once; None if it looks nothing up."""
    dialect = shape.dialect
    branches: list[Select[Any]] = []
    if shape.case_id:
        branches.append(
            select(_person.c.person_id, _step(_STEP_CASE_ID)).where(
                _person.c.cms_id == bindparam("case_id", type_=String())
            )
        )
    if shape.exact_date:
        branches.append(
            select(_person.c.person_id, _step(_STEP_EXACT_DATE)).where(
                _person.c.date_of_birth == bindparam("exact_date", type_=Date())
            )
        )
    if shape.keys_dated:
        # Holders of the selective keys born on the date typed, a near date or on no
        # recorded date: the keys are rare, so reading their holders and filtering is cheap.
        branches.append(
            select(_keys.c.person_id, _step(_STEP_OTHER)).where(
                _in_list(_keys.c.key, "keys", Text(), dialect),
                _in_list(_keys.c.date_of_birth, "dated_keys", Date(), dialect),
            )
        )
    if shape.any_date_keys:
        branches.append(
            select(_keys.c.person_id, _step(_STEP_OTHER)).where(
                _in_list(_keys.c.key, "any_date_keys", Text(), dialect)
            )
        )
    if shape.dated_only:
        # People with no date recorded, by the names as typed only (see `_first_pass`).
        branches.append(
            select(_keys.c.person_id, _step(_STEP_OTHER)).where(
                _in_list(_keys.c.key, "undated_keys", Text(), dialect),
                _keys.c.date_of_birth == bindparam("no_date", type_=Date()),
            )
        )
    for number in range(shape.broad_keys):
        # One branch per single name: with a list of keys and a list of dates,
        # SQLite's planner (which assumes every key is as rare as the average)
        # would seek each key and scan all its holders for the dates; with one
        # key it seeks each (key, date) pair.
        broad = _keys.c.key == bindparam(f"broad_{number}", type_=Text())
        if shape.near_dates:
            branches.append(_born_on(broad, "near_dates", number, dialect))
        if not shape.broad_holders:
            continue
        if shape.date_range:
            branches.append(
                select(_keys.c.person_id, _step(_STEP_OTHER)).where(
                    broad,
                    _keys.c.date_of_birth.between(
                        bindparam("range_start", type_=Date()),
                        bindparam("range_end", type_=Date()),
                    ),
                )
            )
        # All its holders, only when there are few enough of them: fetch one
        # more than allowed and keep them only if that one is absent.
        holders = (
            select(_keys.c.person_id)
            .where(broad)
            .limit(bindparam("broad_fetch", type_=Integer()))
            .subquery(f"holders_{number}")
        )
        counted = select(holders.c.person_id, func.count().over().label("holding")).subquery(
            f"counted_{number}"
        )
        branches.append(
            select(counted.c.person_id, _step(_STEP_OTHER)).where(
                counted.c.holding <= bindparam("broad_limit", type_=Integer())
            )
        )
    if not branches:
        return None
    hits = union_all(*branches).subquery("hits")
    first_step = func.min(hits.c.step)
    chosen = (
        select(hits.c.person_id, first_step.label("step"))
        .group_by(hits.c.person_id)
        .order_by(first_step, hits.c.person_id)
        .limit(bindparam("max_candidates", type_=Integer()))
        .subquery("chosen")
    )
    return (
        select(
            _person.c.person_id,
            _person.c.first_name,
            _person.c.last_name,
            _person.c.date_of_birth,
            _person.c.cms_id,
            _alias.c.first_name,
            _alias.c.last_name,
            _alias.c.kind,
        )
        .select_from(
            chosen.join(_person, _person.c.person_id == chosen.c.person_id).outerjoin(
                _alias, _alias.c.person_id == _person.c.person_id
            )
        )
        .where(_person.c.restricted.is_(False))
        .order_by(_person.c.person_id)
    )


def _parameters(plan: RetrievalPlan, shape: _Shape) -> dict[str, Any]:
    values: dict[str, Any] = {"max_candidates": plan.max_candidates}
    if shape.case_id:
        values["case_id"] = plan.case_id
    if shape.exact_date:
        values["exact_date"] = plan.exact_date
    if shape.near_dates:
        values["near_dates"] = list(plan.near_dates)
    if shape.date_range:
        assert plan.date_range is not None
        values["range_start"] = plan.date_range.start
        values["range_end"] = plan.date_range.end
    exact = [plan.exact_date] if plan.exact_date else []
    if shape.dated_only:
        values["keys"] = sorted(plan.keys)
        values["dated_keys"] = [*exact, *plan.near_dates]
        values["undated_keys"] = sorted(plan.pair_keys)
        values["no_date"] = UNKNOWN_DATE_OF_BIRTH
    elif shape.keys_dated:
        # Those looked up at any date already (the names as typed) need no second look.
        values["keys"] = sorted(plan.keys - plan.any_date_keys)
        # People with no date recorded only through the selective keys: one who holds
        # none of them has a different name, and scores too low to be listed.
        values["dated_keys"] = [*exact, *plan.near_dates, UNKNOWN_DATE_OF_BIRTH]
    if shape.any_date_keys:
        values["any_date_keys"] = sorted(plan.any_date_keys)
    if shape.broad_holders and shape.broad_keys:
        values["broad_fetch"] = plan.broad_limit + 1
        values["broad_limit"] = plan.broad_limit
    if shape.broad_keys:
        for number, key in enumerate(sorted(plan.broad_keys)):
            values[f"broad_{number}"] = key
    return values


def _candidates(rows: Sequence[Any]) -> list[Candidate]:
    """One Candidate per person from rows ordered by person_id (one row per alias)."""
    out: list[Candidate] = []
    index, count = 0, len(rows)
    while index < count:
        person_id, first, last, born, cms_id = rows[index][:5]
        aliases: list[tuple[str | None, str | None, str]] = []
        while index < count and rows[index][0] == person_id:
            if rows[index][7] is not None:
                aliases.append((rows[index][5], rows[index][6], rows[index][7]))
            index += 1
        out.append(Candidate(person_id, first, last, born, tuple(aliases), cms_id))
    return out


async def find_candidates(
    connection: AsyncConnection, plan: RetrievalPlan, *, dated_only: bool = False
) -> list[Candidate]:
    """Everyone the plan's look-ups find (at most plan.max_candidates), bar restricted people.

    `dated_only`: only people born on the exact or a near date, or with no date recorded."""
    shape = _shape(plan, connection.dialect.name, dated_only=dated_only)
    statement = _statement(shape)
    if statement is None:
        return []
    rows = await read_rows(connection, statement, _parameters(plan, shape))
    return _candidates(rows)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The ranked outcome, and the people it names (for showing them without another query)."""

    outcome: SearchOutcome
    people: Mapping[str, Candidate]


async def _first_pass(
    connection: AsyncConnection, query: ParsedQuery, plan: RetrievalPlan, today: dt.date
) -> tuple[SearchOutcome | None, list[Candidate]]:
    """With a full date of birth, look first at the people born on it or on a near date
    who hold one of the query's selective name keys (`plan.keys`, not single names),
    and at the people with no date recorded who hold a first-name form and a surname
    form as typed (`plan.pair_keys`); if one of them is a confident match, that person
    alone is the answer, as the bot goes straight to them.

    The match and its label are the full search's. A confident match scores at least
    CONFIDENT_MIN_SCORE (0.85) and must lead everyone by CONFIDENT_MARGIN (0.15), so
    only someone scoring over 0.7 could come first or block it. Anyone not read here:
    - was born on another date: at most DOB_FACTORS[DIFFERENT] (0.4);
    - was born on or near the date but holds none of the selective keys, which survive
      typing errors, short forms, variants and sound-alikes in either name: their name
      is different, well under 0.7 (two typing errors 0.56, a different first name with
      the same surname 0.3);
    - has no date recorded (0.75) and holds none of those keys: everyone holds
      "t:<surname form>|<first four letters of a first-name form>" for each pair of
      their forms (up to keys.MAX_FIRST_FORMS and MAX_LAST_FORMS of them), so none of
      their first-name forms is one typed, or none of their surname forms is; their
      name scores at most 0.92 (a variant first name), and 0.75 x 0.92 < 0.7.
    A person with no date recorded is about one in seventeen of a city, so looking
    them up by the typing-error keys too read a number of people that grew with the
    city (candidates p95 2 at 100,000 people, 12 at 1,000,000).

    The full search also reads everyone born on the date, the holders of each single
    name born near it and every holder of the names as typed, whatever their date of
    birth: at a million people, dozens to a hundred more candidates to score.
    search_quality.py checks the agreement on every request it makes.
    """
    if plan.exact_date is None or plan.case_id is not None:
        return None, []
    candidates = await find_candidates(connection, plan, dated_only=True)
    if len(candidates) >= plan.max_candidates:
        return None, []  # capped: someone who matters may have been cut, so look at everyone
    outcome = rank(query, candidates, today, 1)
    confident = outcome.confident
    if confident is None:
        return None, []
    return SearchOutcome((confident,), ambiguous=False, considered=outcome.considered), [
        c for c in candidates if c.person_id == confident.person_id
    ]


class PersonSearch:
    """The search the bot, the CLI and the benchmarks share: text in, ranked people out."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = for_single_reads(engine)

    async def search(
        self,
        text: str,
        *,
        limit: int = DEFAULT_LIMIT,
        today: dt.date | None = None,
        settle_for_confident: bool = True,
    ) -> SearchOutcome:
        return (
            await self.search_people(
                text, limit=limit, today=today, settle_for_confident=settle_for_confident
            )
        ).outcome

    async def search_people(
        self,
        text: str,
        *,
        limit: int = DEFAULT_LIMIT,
        today: dt.date | None = None,
        settle_for_confident: bool = True,
    ) -> SearchResult:
        """The bot's search, which the search command runs too (product.md).

        `settle_for_confident`: stop at a confident match found among the people born on
        or near the date typed (see `_first_pass`) and answer with that person alone,
        as the bot goes straight to them. The match and its label are the full
        search's. False is the full search, which lists runners-up after a confident
        match too: the benchmarks and tests compare the two."""
        today = today or dt.date.today()
        query = parse_query(text, today)
        if query.is_empty:
            return SearchResult(SearchOutcome((), ambiguous=False, considered=0), {})
        plan = retrieval_plan(query)
        async with self._engine.connect() as connection:
            outcome: SearchOutcome | None = None
            if settle_for_confident:
                outcome, candidates = await _first_pass(connection, query, plan, today)
            if outcome is None:
                candidates = await find_candidates(connection, plan)
                outcome = rank(query, candidates, today, limit)
        log.debug("search: %d candidates, %d results", len(candidates), len(outcome.matches))
        chosen = {match.person_id for match in outcome.matches}
        people = {c.person_id: c for c in candidates if c.person_id in chosen}
        return SearchResult(outcome, people)
