"""Dates of birth as social workers type them, and how they go wrong.

A date of birth is the most selective thing a social worker can type, and the
most often mistyped: day and month swapped (the American order), one digit
wrong, two digits the wrong way round, the year off by one. This module keeps
what was typed (even when it is not a real date, such as 31/02/2016 or
12/25/2016) so that retrieval can look up the dates the person probably meant
and scoring can say which mistake explains the difference.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from enum import StrEnum

EARLIEST_BIRTH_YEAR = 1900
MAX_AGE = 120


@dataclass(frozen=True, slots=True)
class TypedDate:
    """A full date of birth as typed, day first; not necessarily a real date.

    The year has its century resolved ("12/3/16" is 2016, "1/2/85" is 1985).
    """

    day: int
    month: int
    year: int

    def as_date(self) -> dt.date | None:
        return make_date(self.year, self.month, self.day)

    def digits(self) -> str:
        """DDMMYYYY, the eight digits people type and mistype."""
        return f"{self.day % 100:02d}{self.month % 100:02d}{self.year % 10000:04d}"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A year, or a month and year ("2016", "March 2016")."""

    year: int
    month: int | None = None

    def date_range(self) -> DateRange:
        if self.month is None:
            return DateRange(dt.date(self.year, 1, 1), dt.date(self.year, 12, 31))
        start = dt.date(self.year, self.month, 1)
        following = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
        return DateRange(start, following - dt.timedelta(days=1))


@dataclass(frozen=True, slots=True)
class DateRange:
    """Inclusive range of dates of birth to look up."""

    start: dt.date
    end: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the numbers do not make a real date."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def resolve_two_digit_year(day: int, month: int, year: int, today: dt.date) -> int:
    """The century that keeps the date of birth out of the future.

    "12/3/16" written in 2026 is 2016; "1/2/85" is 1985. When the day and
    month are not a real date, only the year is compared.
    """
    candidate = 2000 + year
    as_date = make_date(candidate, month, day)
    if (as_date is not None and as_date > today) or candidate > today.year:
        return 1900 + year
    return candidate


def age_on(born: dt.date, today: dt.date) -> int:
    """Age in whole years on `today`."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _years_before(today: dt.date, years: int) -> dt.date:
    year = today.year - years
    return make_date(year, today.month, today.day) or dt.date(year, today.month, today.day - 1)


def age_range(age: int, today: dt.date) -> DateRange:
    """Dates of birth of the people who are `age` years old on `today`."""
    latest = _years_before(today, age)
    earliest = _years_before(today, age + 1) + dt.timedelta(days=1)
    return DateRange(earliest, latest)


@functools.lru_cache(maxsize=256)
def near_dates(typed: TypedDate, today: dt.date) -> tuple[dt.date, ...]:
    """Real dates the social worker may have meant, the date as typed first.

    Day and month swapped; each of the eight digits of DDMMYYYY replaced by
    another digit; two neighbouring digits exchanged; the year one more or
    one less. Only real dates between 1900 and `today` are kept, so the list
    holds at most about 90 dates, usually 40 to 60.

    Kept for the last few hundred dates: a search asks for them twice (the look-up
    keys, then the scoring), and a second pass or a repeated search again.
    """
    earliest = dt.date(EARLIEST_BIRTH_YEAR, 1, 1)
    seen: dict[dt.date, None] = {}

    def add(year: int, month: int, day: int) -> None:
        if 1 <= month <= 12 and 1 <= day <= 31:
            try:
                found = dt.date(year, month, day)
            except ValueError:
                return
            if earliest <= found <= today:
                seen.setdefault(found, None)

    def add_digits(d: list[int]) -> None:
        add(d[4] * 1000 + d[5] * 100 + d[6] * 10 + d[7], d[2] * 10 + d[3], d[0] * 10 + d[1])

    add(typed.year, typed.month, typed.day)
    add(typed.year, typed.day, typed.month)
    add(typed.year - 1, typed.month, typed.day)
    add(typed.year + 1, typed.month, typed.day)
    digits = [int(ch) for ch in typed.digits()]
    for i in range(8):
        original = digits[i]
        for replacement in range(10):
            if replacement != original:
                digits[i] = replacement
                add_digits(digits)
        digits[i] = original
    for i in range(7):
        if digits[i] != digits[i + 1]:
            swapped = digits.copy()
            swapped[i], swapped[i + 1] = digits[i + 1], digits[i]
            add_digits(swapped)
    return tuple(seen)


@functools.lru_cache(maxsize=256)
def near_date_set(typed: TypedDate, today: dt.date) -> frozenset[dt.date]:
    """`near_dates` as a set: any other recorded date is simply a different date."""
    return frozenset(near_dates(typed, today))


class DobMatch(StrEnum):
    """How a person's recorded date of birth relates to what was typed."""

    EXACT = "exact"
    SWAPPED = "swapped"  # day and month the other way round
    YEAR_OFF = "year_off"  # same day and month, year one more or less
    ONE_DIGIT = "one_digit"  # one digit of DDMMYYYY differs
    TRANSPOSED = "transposed"  # two neighbouring digits exchanged
    IN_PERIOD = "in_period"  # partial date given and the person was born in it
    NEAR_PERIOD = "near_period"  # partial date given, born just outside it
    AGE_MATCH = "age_match"  # age given and the person has that age
    AGE_NEAR = "age_near"  # age given and the person is a year older or younger
    NOT_RECORDED = "not_recorded"  # the person's date of birth is unknown
    NOT_GIVEN = "not_given"  # no date of birth or age in the search
    DIFFERENT = "different"


def compare_typed(typed: TypedDate, actual: dt.date) -> DobMatch:
    """Which typing mistake, if any, turns `actual` into what was typed."""
    if (typed.day, typed.month, typed.year) == (actual.day, actual.month, actual.year):
        return DobMatch.EXACT
    if (typed.day, typed.month, typed.year) == (actual.month, actual.day, actual.year):
        return DobMatch.SWAPPED
    if (typed.day, typed.month) == (actual.day, actual.month) and abs(
        typed.year - actual.year
    ) == 1:
        return DobMatch.YEAR_OFF
    typed_digits = typed.digits()
    actual_digits = f"{actual.day:02d}{actual.month:02d}{actual.year:04d}"
    differ = [i for i in range(8) if typed_digits[i] != actual_digits[i]]
    if len(differ) == 1:
        return DobMatch.ONE_DIGIT
    if len(differ) == 2:
        i, j = differ
        if (
            j == i + 1
            and typed_digits[i] == actual_digits[j]
            and typed_digits[j] == actual_digits[i]
        ):
            return DobMatch.TRANSPOSED
    return DobMatch.DIFFERENT


def compare_partial(partial: PartialDate, actual: dt.date) -> DobMatch:
    """Born in the year (or month) given, just outside it, or not."""
    if partial.month is None:
        if actual.year == partial.year:
            return DobMatch.IN_PERIOD
        return DobMatch.NEAR_PERIOD if abs(actual.year - partial.year) == 1 else DobMatch.DIFFERENT
    if (actual.year, actual.month) == (partial.year, partial.month):
        return DobMatch.IN_PERIOD
    months_apart = abs((actual.year * 12 + actual.month) - (partial.year * 12 + partial.month))
    if months_apart == 1 or (
        actual.month == partial.month and abs(actual.year - partial.year) == 1
    ):
        return DobMatch.NEAR_PERIOD
    return DobMatch.DIFFERENT


def compare_age(age: int, actual: dt.date, today: dt.date) -> DobMatch:
    """The person has the age given, or is a year older or younger."""
    difference = abs(age_on(actual, today) - age)
    if difference == 0:
        return DobMatch.AGE_MATCH
    return DobMatch.AGE_NEAR if difference == 1 else DobMatch.DIFFERENT
