"""From what a social worker types to a structured search.

Requests arrive as free text in a chat: "find jayden smith born 12/3/16",
"SMITH Jayden", "Smith, Jayden", "jayden o'connor-smith 2016", "case 7190247",
"baby Smith dob 1st March 2024". Dates are always read day first, as people
in England write them. Every request is untrusted input: it is cut to
`MAX_QUERY_LENGTH` characters, parsed with bounded regular expressions, and
`parse_query` never raises: any string gives a `ParsedQuery`, possibly empty.

The parser keeps what it cannot settle for the matcher to settle: which word
is the surname (it says so only when the input does: a comma, or a surname in
capitals), and the date as typed even when it is not a real date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from data_access.search.dates import (
    EARLIEST_BIRTH_YEAR,
    MAX_AGE,
    PartialDate,
    TypedDate,
    make_date,
    resolve_two_digit_year,
)
from data_access.search.normalise import (
    APOSTROPHES,
    MAX_TOKEN_LENGTH,
    MAX_TOKENS,
    fold_token,
    split_raw,
)

MAX_QUERY_LENGTH = 200


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A search request, ready for retrieval (keys.py) and scoring (scoring.py).

    `names` are folded tokens (lower case, no accents or apostrophes) in the
    order typed; `display_names` are the same words as typed, for messages.
    `surname_first` is True when the input put the surname first ("Smith,
    Jayden", "SMITH Jayden"), False when it marked the surname last ("Jayden
    SMITH"), and None when it did not say (matching tries both orders anyway).
    """

    today: dt.date
    names: tuple[str, ...] = ()
    display_names: tuple[str, ...] = ()
    surname_first: bool | None = None
    no_first_name: bool = False
    typed_date: TypedDate | None = None
    partial_date: PartialDate | None = None
    age: int | None = None
    case_id: str | None = None
    case_id_explicit: bool = False
    truncated: bool = False

    @property
    def date_of_birth(self) -> dt.date | None:
        """The date of birth typed, when it is a real date."""
        return self.typed_date.as_date() if self.typed_date else None

    @property
    def has_date(self) -> bool:
        return bool(self.typed_date or self.partial_date or self.age is not None)

    @property
    def is_empty(self) -> bool:
        """Nothing to search with: no name, date, age or case id."""
        return not (self.names or self.has_date or self.case_id)

    @property
    def too_vague(self) -> bool:
        """Too little to find one person among a city's population.

        A case id is enough; otherwise a first name and surname, or one name
        with a date of birth, year or age. The bot should ask for more rather
        than list a crowd of people who share a surname or a birthday.
        """
        if self.case_id:
            return False
        real_names = [n for n in self.names if len(n) >= 2]
        if len(self.names) >= 2 and real_names:
            return False
        return not (real_names and self.has_date)


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_FLAGS = re.IGNORECASE | re.ASCII

_CASE_ID = re.compile(
    r"\b(?:case|cms|mosaic|lcs|eclipse)(?:\s*(?:id|no|num|number|ref|reference))?\s*\.?\s*[:#]?\s*"
    r"(?P<id>[a-z]{0,4}-?\d[\d-]{2,19})\b",
    _FLAGS,
)
_ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b", _FLAGS)
_NUMERIC_DATE = re.compile(
    r"\b(?P<day>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<year>\d{4}|\d{2})\b",
    _FLAGS,
)
_SPACED_DATE = re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>\d{1,2})\s+(?P<year>\d{4})\b", _FLAGS)
_TEXT_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}}){_ORDINAL}(?:\s+of)?[\s\-/.,]*{_MONTH}[\s\-/.,]*"
    r"(?P<year>\d{4}|\d{2})\b",
    _FLAGS,
)
_TEXT_DATE_MONTH_FIRST = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+(?P<year>\d{{4}})\b", _FLAGS
)
_COMPACT_DATE = re.compile(r"\b(?P<digits>\d{6}|\d{8})\b", _FLAGS)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}[\s\-/,]*(?P<year>\d{{4}})\b", _FLAGS)
_NUMERIC_MONTH_YEAR = re.compile(r"\b(?P<month>\d{1,2})\s*[/.\-]\s*(?P<year>\d{4})\b", _FLAGS)
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+{_MONTH}(?![a-z])", _FLAGS)
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b", _FLAGS)
_AGES = (
    re.compile(r"\b(?:aged?|age\s*:)\s*(?P<age>\d{1,3})\b", _FLAGS),
    re.compile(
        r"\b(?P<age>\d{1,3})\s*-?\s*(?:years?|yrs?|yr)(?:\s*-?\s*old)?(?![a-z])",
        _FLAGS,
    ),
    re.compile(r"\b(?P<age>\d{1,3})\s*(?:yo|y\.o\.?|y/o|y)(?![a-z])", _FLAGS),
)
_AGE_IN_MONTHS = re.compile(
    r"\b(?P<months>\d{1,2})\s*-?\s*(?:months?|mths?|mos?|weeks?|wks?|days?)(?:\s*-?\s*old)?\b",
    _FLAGS,
)
_BARE_CASE_ID = re.compile(r"\b(?P<id>\d{6,8})\b", _FLAGS)
_NUMBER = re.compile(r"\d+")
_WILDCARDS = re.compile(r"[*%?_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"})

# Words that say what to do rather than who to find. Removed only when typed
# as separate words; none of them is a plausible first name or surname on
# its own (Will, May or Young are not here on purpose).
_FILLER_WORDS = frozenset(
    """
    find search searching lookup look looking show get check fetch please pls plz
    thanks thank thankyou cheers hi hello hey
    mr mrs ms miss mx dr prof rev master mstr
    born dob birth birthday date aged age yrs old yo
    the for of on in about me my
    child kid person boy girl
    called named name
    who is are was has
    can could would you i need want to see
    details detail info information record records file
    any anyone someone somebody with
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
_MULTI_WORD_FILLERS: tuple[tuple[str, ...], ...] = (
    ("date", "of", "birth"),
    ("d", "o", "b"),
    ("look", "up"),
    ("search", "for"),
    ("who", "is"),
)
_ARTICLES = frozenset({"a", "an"})
_NO_FIRST_NAME = frozenset({"baby", "unborn", "newborn", "infant"})


@dataclass
class _Scan:
    """The text being parsed; matched spans are blanked out as they are used."""

    text: str

    def take(self, match: re.Match[str]) -> None:
        start, end = match.span()
        self.text = self.text[:start] + " " * (end - start) + self.text[end:]


def parse_query(text: str, today: dt.date) -> ParsedQuery:
    """Parse a request; never raises, whatever `text` holds."""
    try:
        return _parse(text, today)
    except Exception:  # untrusted input must never break a conversation
        return ParsedQuery(today=today)


def _clean(text: str) -> tuple[str, bool]:
    if not isinstance(text, str):
        return "", False
    truncated = len(text) > MAX_QUERY_LENGTH
    text = unicodedata.normalize("NFKC", text[:MAX_QUERY_LENGTH])[:MAX_QUERY_LENGTH]
    text = _CONTROL.sub(" ", text).translate(_DASHES)
    return text, truncated


def _parse(text: str, today: dt.date) -> ParsedQuery:
    cleaned, truncated = _clean(text)
    scan = _Scan(cleaned)
    case_id, explicit = _take_case_id(scan)
    typed_date = _take_full_date(scan, today)
    compact_number: str | None = None
    if typed_date is None:
        typed_date, compact_number = _take_compact_date(scan, today)
    age = _take_age(scan)
    partial = None if typed_date else _take_partial_date(scan, today)
    _take_day_month(scan)
    if case_id is None:
        case_id = compact_number or _take_bare_case_id(scan)
    scan.text = _NUMBER.sub(" ", scan.text)
    names, display, surname_first, no_first_name = _take_names(scan.text)
    return ParsedQuery(
        today=today,
        names=names,
        display_names=display,
        surname_first=surname_first,
        no_first_name=no_first_name,
        typed_date=typed_date,
        partial_date=partial,
        age=age,
        case_id=case_id,
        case_id_explicit=explicit,
        truncated=truncated,
    )


def _take_case_id(scan: _Scan) -> tuple[str | None, bool]:
    match = _CASE_ID.search(scan.text)
    if match is None:
        return None, False
    scan.take(match)
    return match["id"].upper(), True


def _year(raw: str, day: int, month: int, today: dt.date) -> int:
    year = int(raw)
    return resolve_two_digit_year(day, month, year, today) if len(raw) <= 2 else year


def _month_number(raw: str) -> int:
    return _MONTHS[raw[:3].lower()]


def _take_full_date(scan: _Scan, today: dt.date) -> TypedDate | None:
    """The first full date in the text, day first; other full dates are dropped."""
    found: list[tuple[int, re.Match[str]]] = []
    for pattern in (
        _ISO_DATE,
        _NUMERIC_DATE,
        _SPACED_DATE,
        _TEXT_DATE,
        _TEXT_DATE_MONTH_FIRST,
    ):
        found.extend((m.start(), m) for m in pattern.finditer(scan.text))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    typed: TypedDate | None = None
    taken: list[tuple[int, int]] = []
    for _, match in found:
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        taken.append(match.span())
        scan.take(match)
        if typed is not None:
            continue
        raw_month = match["month"]
        month = int(raw_month) if raw_month.isdigit() else _month_number(raw_month)
        day = int(match["day"])
        typed = TypedDate(day, month, _year(match["year"], day, month, today))
    return typed


def _take_compact_date(scan: _Scan, today: dt.date) -> tuple[TypedDate | None, str | None]:
    """DDMMYYYY or DDMMYY without separators ("12032016").

    Such a number may also be a case id: it is returned as both, and scoring
    decides (a case id finds one person; a date must agree with the name).
    """
    for match in _COMPACT_DATE.finditer(scan.text):
        digits = match["digits"]
        day, month = int(digits[:2]), int(digits[2:4])
        year = _year(digits[4:], day, month, today)
        real = make_date(year, month, day)
        if real is not None and dt.date(EARLIEST_BIRTH_YEAR, 1, 1) <= real <= today:
            scan.take(match)
            return TypedDate(day, month, year), digits
    return None, None


def _take_age(scan: _Scan) -> int | None:
    age: int | None = None
    for pattern in _AGES:
        match = pattern.search(scan.text)
        if match is not None:
            scan.take(match)
            value = int(match["age"])
            if age is None and value <= MAX_AGE:
                age = value
    months = _AGE_IN_MONTHS.search(scan.text)
    if months is not None:
        scan.take(months)
        if age is None:
            age = 0
    return age


def _take_partial_date(scan: _Scan, today: dt.date) -> PartialDate | None:
    for pattern in (_MONTH_YEAR, _NUMERIC_MONTH_YEAR):
        match = pattern.search(scan.text)
        if match is None:
            continue
        raw_month = match["month"]
        month = int(raw_month) if raw_month.isdigit() else _month_number(raw_month)
        year = int(match["year"])
        if 1 <= month <= 12 and EARLIEST_BIRTH_YEAR <= year <= today.year:
            scan.take(match)
            return PartialDate(year, month)
    match = _YEAR.search(scan.text)
    if match is not None and EARLIEST_BIRTH_YEAR <= int(match["year"]) <= today.year:
        scan.take(match)
        return PartialDate(int(match["year"]))
    return None


def _take_day_month(scan: _Scan) -> None:
    """A day and month without a year ("12 March") says too little: drop it."""
    match = _DAY_MONTH.search(scan.text)
    if match is not None:
        scan.take(match)


def _take_bare_case_id(scan: _Scan) -> str | None:
    match = _BARE_CASE_ID.search(scan.text)
    if match is None:
        return None
    scan.take(match)
    return match["id"]


def _all_capitals(token: str) -> bool:
    """ "SMITH", "O'BRIEN", "STRAßE" (ß has no capital form in common use)."""
    letters = token.replace("ß", "")
    return len(token) >= 2 and letters.isupper()


def _surname_side(raw_tokens: list[str]) -> bool | None:
    """True/False when capitals mark the surname at the start/end, else None.

    Case management systems and police forms write the surname in capitals
    ("SMITH Jayden"); a request typed all in lower or upper case says nothing.
    """
    lettered = [t for t in raw_tokens if any(ch.isalpha() for ch in t)]
    caps = [_all_capitals(t) for t in lettered]
    if len(lettered) < 2 or all(caps) or not any(caps):
        return None
    if caps[0] and not caps[-1]:
        return True
    if caps[-1] and not caps[0]:
        return False
    return None


def _remove_fillers(folded: list[str]) -> list[int]:
    """Indices of the tokens that are names, fillers and titles left out."""
    keep = [True] * len(folded)
    for phrase in _MULTI_WORD_FILLERS:
        width = len(phrase)
        for i in range(len(folded) - width + 1):
            if tuple(folded[i : i + width]) == phrase:
                for j in range(i, i + width):
                    keep[j] = False
    for i, token in enumerate(folded):
        if token in _FILLER_WORDS:
            keep[i] = False
    # "a child called ...", "an infant": an article before a filler word.
    for i, token in enumerate(folded[:-1]):
        following = folded[i + 1]
        if token in _ARTICLES and (
            following in _FILLER_WORDS or following in _NO_FIRST_NAME or not keep[i + 1]
        ):
            keep[i] = False
    return [i for i, flag in enumerate(keep) if flag]


def _take_names(
    text: str,
) -> tuple[tuple[str, ...], tuple[str, ...], bool | None, bool]:
    text = _WILDCARDS.sub("", text)
    before_comma, comma, _ = text.partition(",")
    raw_tokens = split_raw(text)
    folded = [fold_token(raw) for raw in raw_tokens]
    kept = [i for i in _remove_fillers(folded) if folded[i]]
    no_first_name = any(folded[i] in _NO_FIRST_NAME for i in kept)
    kept = [i for i in kept if folded[i] not in _NO_FIRST_NAME][: MAX_TOKENS - 1]
    names = tuple(folded[i] for i in kept)
    display = tuple(raw_tokens[i].strip(APOSTROPHES)[:MAX_TOKEN_LENGTH] for i in kept)
    surname_first: bool | None = None
    if comma:
        # "Smith, Jayden": the words before the comma are the surname.
        tokens_before = len(split_raw(before_comma))
        named_before = sum(1 for i in kept if i < tokens_before)
        if 0 < named_before < len(kept):
            surname_first = True
    if surname_first is None:
        surname_first = _surname_side([raw_tokens[i] for i in kept])
    return names, display, surname_first, no_first_name
