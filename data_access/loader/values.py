"""Turning one CSV cell into a typed value, or saying in plain words why not.

A converter returns the value (None for an empty optional cell) or raises
`Invalid` (the load is rejected) or `Dropped` (the value is loaded as
missing with a warning: contact details and postcodes must not stop a
nightly load). Converters are built once per column so the per-cell work in
a million-row load is a dictionary lookup or a fast parse.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

from data_access.interchange import Column, Kind

UK_TIME = ZoneInfo("Europe/London")
EARLIEST_DATE = dt.date(1880, 1, 1)

Converter = Callable[[str], object]


class Invalid(ValueError):
    """The cell breaks the format: the whole load is rejected."""


class Dropped(ValueError):
    """The cell is unusable but harmless: loaded as missing, reported as a warning."""


_TRUE = frozenset({"true", "yes"})
_FALSE = frozenset({"false", "no"})
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_PHONE_NOISE = re.compile(r"[\s\-().]")
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_date(text: str) -> dt.date:
    """ISO 8601 (`2015-03-12`) or day first (`12/03/2015`), as the format allows."""
    try:
        if "/" in text:
            match = _DAY_FIRST.match(text)
            if match is None:
                raise Invalid("not a date (use YYYY-MM-DD or DD/MM/YYYY)")
            day, month, year = (int(part) for part in match.groups())
            value = dt.date(year, month, day)
        else:
            if len(text) != 10:
                raise Invalid("not a date (use YYYY-MM-DD or DD/MM/YYYY)")
            value = dt.date.fromisoformat(text)
    except ValueError as error:
        if isinstance(error, Invalid):
            raise
        raise Invalid("not a real date (use YYYY-MM-DD or DD/MM/YYYY)") from None
    if value < EARLIEST_DATE:
        raise Invalid(f"before {EARLIEST_DATE.year}")
    return value


def parse_timestamp(text: str) -> dt.datetime:
    """ISO 8601; a time without an offset is UK local time, as a council's extract would be."""
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise Invalid("not an ISO 8601 timestamp (e.g. 2026-11-21T02:00:00Z)") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UK_TIME)
    return value.astimezone(dt.UTC)


def parse_boolean(text: str) -> bool:
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise Invalid("must be true or false (or yes or no)")


def normalise_uk_phone(text: str) -> str:
    """A UK number as dialled from the UK: 10 or 11 digits starting with 0."""
    digits = _PHONE_NOISE.sub("", text)
    if digits.startswith("+44"):
        digits = "0" + digits[3:].removeprefix("0")
    elif digits.startswith("0044"):
        digits = "0" + digits[4:].removeprefix("0")
    valid = digits.isascii() and digits.isdigit() and digits.startswith("0")
    if not (valid and 10 <= len(digits) <= 11):
        raise Dropped("not a UK phone number (10 or 11 digits); loaded as missing")
    return digits


def normalise_email(text: str) -> str:
    if len(text) > 254 or not _EMAIL.match(text):
        raise Dropped("not a valid email address; loaded as missing")
    return text


def normalise_postcode(text: str) -> str:
    """Upper case with one space (`MB4 7QT`), as the data model stores postcodes."""
    match = _POSTCODE.match(re.sub(r"\s+", "", text.upper()))
    if match is None:
        raise Dropped("not a UK postcode; loaded as missing")
    return f"{match.group(1)} {match.group(2)}"


def converter_for(column: Column) -> Converter:
    """The function that turns this column's non-empty cells into values."""
    kind = column.kind
    limit = column.max_length

    def text(value: str) -> str:
        if len(value) > limit:
            raise Invalid(f"longer than {limit} characters")
        if value.isprintable():  # the common case, checked in C
            return value
        if _CONTROL.search(value):
            raise Invalid("contains control characters")
        return value.replace("\r\n", "\n")

    if kind in (Kind.TEXT, Kind.ID, Kind.PERSON_REF, Kind.SOURCE_REF):
        return text
    if kind is Kind.DATE:
        return parse_date
    if kind is Kind.TIMESTAMP:
        return parse_timestamp
    if kind is Kind.BOOLEAN:
        return parse_boolean
    if kind is Kind.ENUM:
        assert column.enum is not None
        allowed = {member.value: member.value for member in column.enum}
        expected = ", ".join(allowed)

        def enumeration(value: str) -> str:
            found = allowed.get(value) or allowed.get(value.lower())
            if found is None:
                raise Invalid(f"must be one of {expected}")
            return found

        return enumeration
    if kind is Kind.PHONE:
        return normalise_uk_phone
    if kind is Kind.EMAIL:
        return normalise_email
    if kind is Kind.POSTCODE:
        return normalise_postcode
    raise AssertionError(f"no converter for {kind}")
