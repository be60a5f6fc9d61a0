"""The words and numbers a card shows: one place, so every card says things the same way.

Pure functions, no I/O. Each turns a value from a disclosure record into the
text a social worker reads, and each returns readable words for a missing
value ("Not recorded") rather than an empty string, "None", "null" or "nan":
a blank or a programming word on a safeguarding card reads as "nothing
known", which is not what a missing value means.

Dates are written `12 Mar 2016` everywhere (no leading zero, English month
abbreviations, independent of the machine's locale), and timestamps are shown
as the date in UK time, since that is the day the council's extract was taken.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote
from zoneinfo import ZoneInfo

from data_access.disclosure.records import AgeBand, Contact, ServiceState
from data_access.enums import (
    AdmissionType,
    CaseStatus,
    Gender,
    Involvement,
    OffenceInvolvement,
    OffenceType,
    RelationshipType,
    Service,
)

NOT_RECORDED = "Not recorded"
UK_TIME = ZoneInfo("Europe/London")

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Values that are the leftovers of a missing value in some other system, never real content.
_PLACEHOLDERS = frozenset({"none", "null", "nan", "undefined", "n/a"})

_SERVICE_NAMES: dict[str, str] = {
    Service.SCHOOL: "School",
    Service.HOUSING: "Housing",
    Service.ADULT_SOCIAL_CARE: "Adult Social Care",
    Service.POLICE: "Police",
}
_GENDERS: dict[str, str] = {
    Gender.FEMALE: "Female",
    Gender.MALE: "Male",
    Gender.OTHER: "Other",
    Gender.UNKNOWN: "Not known",
}
_INVOLVEMENTS: dict[str, str] = {
    Involvement.CURRENT: "Current",
    Involvement.HISTORIC: "Historic",
}
_ADMISSION_TYPES: dict[str, str] = {
    AdmissionType.MAIN: "Main provision",
    AdmissionType.SECONDARY: "Secondary provision",
    AdmissionType.OFF_SITE: "Off-site provision",
}
# "none" is a real answer here (no such case), so it gets words, never "None".
_CASE_STATUSES: dict[str, str] = {
    CaseStatus.OPEN: "Open",
    CaseStatus.CLOSED: "Closed",
    CaseStatus.NONE: "No case",
}
_OFFENCE_TYPES: dict[str, str] = {
    OffenceType.HOMICIDE: "Homicide",
    OffenceType.RAPE: "Rape",
    OffenceType.OTHER_SEXUAL_OFFENCES: "Other sexual offences",
    OffenceType.VIOLENCE_WITH_INJURY: "Violence with injury",
    OffenceType.VIOLENCE_WITHOUT_INJURY: "Violence without injury",
    OffenceType.ROBBERY: "Robbery",
    OffenceType.POSSESSION_OF_WEAPONS: "Possession of weapons",
}
_OFFENCE_INVOLVEMENTS: dict[str, str] = {
    OffenceInvolvement.CONVICTED: "Convicted",
    OffenceInvolvement.SUSPECT: "Suspect",
}
_RELATIONSHIPS: dict[str, str] = {
    RelationshipType.MOTHER: "Mother",
    RelationshipType.FATHER: "Father",
    RelationshipType.PARENT: "Parent",
    RelationshipType.STEP_PARENT: "Step-parent",
    RelationshipType.CARER: "Carer",
    RelationshipType.SIBLING: "Sibling",
    RelationshipType.HALF_SIBLING: "Half-sibling",
    RelationshipType.GRANDPARENT: "Grandparent",
    RelationshipType.PARTNER: "Partner",
    RelationshipType.CHILD: "Child",
    RelationshipType.OTHER: "Other relationship",
}
_STATES: dict[ServiceState, str] = {
    ServiceState.CURRENT: "Current involvement",
    ServiceState.HISTORIC: "Historic involvement",
    ServiceState.RECORDS_FOUND: "Records found",
    ServiceState.NONE_FOUND: "None found",
    ServiceState.NOT_AVAILABLE: "Not available",
    ServiceState.NOT_APPLICABLE: "Not shown",
}
# A marker that is not colour alone: the shape differs for every state, so the
# states can be told apart in high contrast, in greyscale and by colour-blind readers.
_STATE_SYMBOLS: dict[ServiceState, str] = {
    ServiceState.CURRENT: "●",
    ServiceState.HISTORIC: "◐",
    ServiceState.RECORDS_FOUND: "■",
    ServiceState.NONE_FOUND: "○",
    ServiceState.NOT_AVAILABLE: "△",
    ServiceState.NOT_APPLICABLE: "⊘",
}

_WHITESPACE = re.compile(r"\s+")
_LINE_START_MARKDOWN = re.compile(r"^(\d{1,9}[.)]|[-+*#>]+) ")
_PHONE_NOISE = re.compile(r"[\s\-().]")
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_TEAMS_CHAT = "https://teams.microsoft.com/l/chat/0/0?users="


# --- missing values and free text ------------------------------------------------


def is_missing(value: str | None) -> bool:
    """True for None, blank text and the placeholder words other systems leave behind."""
    return value is None or not value.strip() or value.strip().casefold() in _PLACEHOLDERS


def plain(value: str) -> str:
    """Free text from a council system, safe to put in a TextBlock on one line.

    Lines are joined with commas (an address arrives as several lines, and a
    lone newline renders differently between Teams clients) and whitespace is
    collapsed. Text that Teams would read as Markdown structure is defused
    invisibly: a leading "1. " or "- " would become a list, and "](" a link,
    so a no-break space or a zero-width space goes in between. The letters
    themselves are never changed.
    """
    lines = (_WHITESPACE.sub(" ", line).strip() for line in value.splitlines())
    text = ", ".join(line for line in lines if line)
    text = _LINE_START_MARKDOWN.sub(lambda match: match.group(1) + "\u00a0", text)
    return text.replace("](", "]\u200b(")


def or_not_recorded(value: str | None) -> str:
    """The value as plain text, or "Not recorded" when it is missing."""
    if value is None or is_missing(value):
        return NOT_RECORDED
    return plain(value)


def full_name(first_name: str | None, last_name: str | None) -> str:
    """First name then family name; "Name not recorded" rather than a blank heading."""
    parts = [plain(part) for part in (first_name, last_name) if part and not is_missing(part)]
    return " ".join(parts) if parts else "Name not recorded"


def address_line(address: str | None, postcode: str | None) -> str:
    """The whole address on one line with the postcode, or "Not recorded"."""
    parts = [plain(part) for part in (address, postcode) if part and not is_missing(part)]
    return ", ".join(parts) if parts else NOT_RECORDED


# --- dates and ages ------------------------------------------------------------------


def format_date(value: dt.date | None) -> str:
    """`12 Mar 2016`, or "Not recorded"."""
    if value is None:
        return NOT_RECORDED
    if isinstance(value, dt.datetime):
        return format_timestamp(value)
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def format_timestamp(value: dt.datetime | None) -> str:
    """The day in UK time (`21 Nov 2026`); a naive time is taken as UTC, as stored."""
    if value is None:
        return NOT_RECORDED
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    local = aware.astimezone(UK_TIME)
    return format_date(local.date())


def format_period(start: dt.date | None, end: dt.date | None) -> str:
    """`1 Apr 2014 to 20 Nov 2026`."""
    return f"{format_date(start)} to {format_date(end)}"


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 year`, `7 years`."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def format_age(age: int | None, date_of_birth: dt.date | None, today: dt.date) -> str:
    """`7 years`; under a year `11 months` or `3 weeks` (a baby's age matters in weeks).

    `age` is the one the data layer computed on the day of the request, so it
    wins over a recomputation; the date of birth is only used below one year.
    """
    if age is None and date_of_birth is not None:
        age = age_in_years(date_of_birth, today)
    if age is None:
        return "Unknown"
    if age >= 1 or date_of_birth is None:
        return plural(max(age, 0), "year")
    months = (today.year - date_of_birth.year) * 12 + today.month - date_of_birth.month
    if today.day < date_of_birth.day:
        months -= 1
    if months >= 1:
        return plural(months, "month")
    days = max((today - date_of_birth).days, 0)
    if days >= 7:
        return plural(days // 7, "week")
    return plural(days, "day")


def age_in_years(date_of_birth: dt.date, today: dt.date) -> int:
    before_birthday = (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    return today.year - date_of_birth.year - int(before_birthday)


def birth_and_age(age: int | None, date_of_birth: dt.date | None, today: dt.date) -> str:
    """`Born 12 Mar 2016 (10 years)`, or `Date of birth not recorded`."""
    if date_of_birth is None:
        return "Date of birth not recorded"
    return f"Born {format_date(date_of_birth)} ({format_age(age, date_of_birth, today)})"


# --- closed vocabularies ------------------------------------------------------------


def _words(table: dict[str, str], value: str | None) -> str:
    """Words for a vocabulary value; an unexpected value is shown readably, never raw."""
    if value is None:
        return NOT_RECORDED
    known = table.get(value)  # before is_missing: "none" is a real case status
    if known is not None:
        return known
    if is_missing(value):
        return NOT_RECORDED
    readable = plain(value.replace("_", " ")).strip()
    return readable[:1].upper() + readable[1:] if readable else NOT_RECORDED


def service_name(service: str) -> str:
    return _words(_SERVICE_NAMES, service)


def gender_words(value: str | None) -> str:
    return _words(_GENDERS, value)


def involvement_words(value: str | None) -> str:
    return _words(_INVOLVEMENTS, value)


def admission_words(value: str | None) -> str:
    return _words(_ADMISSION_TYPES, value)


def case_status_words(value: str | None) -> str:
    return _words(_CASE_STATUSES, value)


def offence_type_words(value: str | None) -> str:
    return _words(_OFFENCE_TYPES, value)


def offence_involvement_words(value: str | None) -> str:
    return _words(_OFFENCE_INVOLVEMENTS, value)


def relationship_words(relationship: str | None, label: str | None) -> str:
    """The case system's own wording when there is one ("Maternal grandmother"), else the type."""
    if label is not None and not is_missing(label):
        return plain(label)
    return _words(_RELATIONSHIPS, relationship)


def yes_no(value: bool | None) -> str:
    if value is None:
        return NOT_RECORDED
    return "Yes" if value else "No"


def match_words(label: str) -> str:
    """Only the scorer's `confident` is a strong match; anything else claims only "possible"."""
    return "Strong match" if label == "confident" else "Possible match"


# --- service states -----------------------------------------------------------------


def state_words(state: ServiceState) -> str:
    return _STATES[state]


def state_symbol(state: ServiceState) -> str:
    return _STATE_SYMBOLS[state]


def age_band_words(band: AgeBand) -> str:
    """`aged 4 to 20`, `aged 18 and over`."""
    if band.maximum is None:
        return f"aged {band.minimum} and over"
    if band.minimum <= 0:
        return f"aged {band.maximum} and under"
    return f"aged {band.minimum} to {band.maximum}"


def not_shown_sentence(service: str, band: AgeBand) -> str:
    """Display rule 1: the band is the only thing that may be said about a hidden service."""
    return f"{service_name(service)} information is only shown for people {age_band_words(band)}"


def age_unknown_sentence(service: str, band: AgeBand) -> str:
    """Display rule 1 for an unknown date of birth: the service is shown, and the card says why."""
    limit = age_band_words(band).removeprefix("aged ")
    return f"Age unknown, so the {service_name(service)} age limit ({limit}) was not applied."


# --- contact details ----------------------------------------------------------------


def _uk_national_digits(phone: str) -> str | None:
    """The number as dialled from the UK (`01614960000`), or None if it is not a UK number."""
    digits = _PHONE_NOISE.sub("", phone)
    if digits.startswith("+44"):
        digits = "0" + digits[3:].removeprefix("0")
    elif digits.startswith("0044"):
        digits = "0" + digits[4:].removeprefix("0")
    if not (digits.isascii() and digits.isdigit() and digits.startswith("0")):
        return None
    return digits if 10 <= len(digits) <= 11 else None


def format_phone(phone: str | None) -> str:
    """A UK number grouped the way people read it out (`0161 496 0000`, `07700 900123`)."""
    if phone is None or is_missing(phone):
        return NOT_RECORDED
    digits = _uk_national_digits(phone)
    if digits is None:
        return plain(phone)
    if len(digits) == 10:
        return f"{digits[:5]} {digits[5:]}"
    if digits.startswith("02"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if digits.startswith(("011", "03", "08", "09")) or digits[3] == "1":
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    return f"{digits[:5]} {digits[5:]}"


def tel_url(phone: str | None) -> str | None:
    """`tel:+441614960000` (digits only, international form, which Teams dials reliably)."""
    if phone is None:
        return None
    digits = _uk_national_digits(phone)
    return None if digits is None else f"tel:+44{digits[1:]}"


def valid_email(email: str | None) -> str | None:
    if email is None:
        return None
    candidate = email.strip()
    return candidate if len(candidate) <= 254 and _EMAIL.match(candidate) else None


def mailto_url(email: str | None) -> str | None:
    """`mailto:` with nothing else: no subject, so no personal data travels in the link."""
    address = valid_email(email)
    return None if address is None else "mailto:" + quote(address, safe="@")


def teams_chat_url(email: str | None) -> str | None:
    """A Teams deep link that opens a chat with the practitioner, with no pre-filled message."""
    address = valid_email(email)
    return None if address is None else _TEAMS_CHAT + quote(address, safe="@")


def has_contact_details(contact: Contact) -> bool:
    return any(not is_missing(value) for value in (contact.phone, contact.email))
