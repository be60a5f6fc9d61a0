"""Ranking candidates, labelling them honestly, and saying why.

Each candidate gets a score between 0 and 1: the product of a factor for the
first name, one for the surname, one for the order of the words, one for an
alias, and one for the date of birth. A factor is 1 for exact agreement and
lower the weaker the evidence (a short form, a typing error, a date with a
digit wrong). The best reading of the typed words is kept (readings.py).

`confident` is the promise that the bot can go straight to this person, so
it is given only when every one of these holds:

- the case id typed is this person's, and nothing typed contradicts it; or
- the date of birth is exactly the one typed, the surname is the same (or a
  part of a double-barrelled one), the first name is the same or a known
  variant of it, the overall score is at least `CONFIDENT_MIN_SCORE`, and no
  other candidate comes within `CONFIDENT_MARGIN` of it.

The margin is wider than any single mistake costs (a variant, a typing
error, a near date of birth, a swapped order each cost 3 to 12 points), so a
second person who differs from the request by one plausible mistake, such as
a twin with a similar name or a namesake born a year apart, always blocks
`confident`. Names alone never give `confident`. When the best two are within
the margin the outcome is `ambiguous`.

Speed: the per-candidate work is a few dictionary look-ups. Name comparisons
are cached per search by the recorded first name and surname (thousands of
candidates share a few hundred names), word comparisons are cached across
searches, and reasons are worded only for the results returned.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from data_access.search.dates import (
    DobMatch,
    age_on,
    compare_age,
    compare_partial,
    compare_typed,
    near_date_set,
)
from data_access.search.name_match import NameMatch, compare_words
from data_access.search.nicknames import VariantKind, relation
from data_access.search.normalise import (
    SURNAME_PARTICLES,
    NameForms,
    display_name,
    first_name_forms,
    name_forms,
)
from data_access.search.parse import ParsedQuery
from data_access.search.readings import NameReading, readings

FIRST_NAME_FACTORS: dict[NameMatch, float] = {
    NameMatch.EXACT: 1.0,
    NameMatch.VARIANT: 0.92,
    NameMatch.SPELLING: 0.88,
    NameMatch.PREFIX: 0.8,
    NameMatch.TYPO: 0.75,
    NameMatch.INITIAL: 0.7,
    NameMatch.DIFFERENT: 0.3,
}
SURNAME_FACTORS: dict[NameMatch, float] = {
    NameMatch.EXACT: 1.0,
    NameMatch.VARIANT: 0.92,
    NameMatch.SPELLING: 0.88,
    NameMatch.PREFIX: 0.75,
    NameMatch.TYPO: 0.75,
    NameMatch.INITIAL: 0.6,
    NameMatch.DIFFERENT: 0.25,
}
FIRST_NAME_ABSENT = 0.7  # "baby Smith", or no first name recorded
SURNAME_ABSENT = 0.6  # one word typed, read as a first name
MIDDLE_NAME = 0.93  # the typed first name is a middle name, or the other way round
SURNAME_PART = 0.95  # part of a double-barrelled surname
EXTRA_WORD = 0.95  # a typed word that matched nothing (like a part of a surname)
SWAPPED_ORDER = 0.97  # surname typed first, and nothing said so
AGAINST_STATED_ORDER = 0.95  # the input said which word is the surname, and it is not
NO_NAME_GIVEN = 0.5  # searched by date of birth or case id only
ALIAS_FACTORS: dict[str, float] = {"previous": 0.95, "preferred": 0.97, "alias": 0.93}
# A near date of birth is weighed by how many dates that mistake could have
# produced: there is one day-month swap and two years off by one, but some
# forty dates one digit away, so a namesake born on the swapped date is a
# likelier match than one born a digit away. All stay within
# CONFIDENT_MARGIN of an exact date, so a namesake born on a near date always
# blocks `confident`.
DOB_FACTORS: dict[DobMatch, float] = {
    DobMatch.EXACT: 1.0,
    DobMatch.SWAPPED: 0.92,
    DobMatch.YEAR_OFF: 0.91,
    DobMatch.TRANSPOSED: 0.9,
    DobMatch.ONE_DIGIT: 0.89,
    DobMatch.IN_PERIOD: 0.9,
    DobMatch.AGE_MATCH: 0.9,
    DobMatch.NEAR_PERIOD: 0.75,
    DobMatch.AGE_NEAR: 0.75,
    DobMatch.NOT_RECORDED: 0.75,
    DobMatch.NOT_GIVEN: 0.8,
    DobMatch.DIFFERENT: 0.4,
}
# A case id is trusted unless the name typed with it is worse than this: a
# different first name with the right surname (0.3) contradicts it; a typing
# error (0.75) or a short form (0.92) does not.
CASE_ID_NAME_FLOOR = 0.375
CONFIDENT_MIN_SCORE = 0.85
CONFIDENT_MARGIN = 0.15
MIN_SCORE = 0.2
DEFAULT_LIMIT = 5
MAX_LIMIT = 50


class MatchLabel(StrEnum):
    CONFIDENT = "confident"
    POSSIBLE = "possible"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person found by retrieval, with what scoring needs and nothing more.

    `aliases` are (first name, surname, kind) with kind one of previous,
    preferred, alias (enums.AliasKind); a missing part means "as the main
    name". Restricted people should never reach scoring; if one does, it is
    dropped.
    """

    person_id: str
    first_name: str
    last_name: str
    date_of_birth: dt.date | None = None
    aliases: tuple[tuple[str | None, str | None, str], ...] = ()
    cms_id: str | None = None
    restricted: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    person_id: str
    score: float
    label: MatchLabel
    reason: str


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """Results best first; `ambiguous` when the best two are too close to call."""

    matches: tuple[Match, ...]
    ambiguous: bool
    considered: int

    @property
    def confident(self) -> Match | None:
        """The one person the bot may go straight to, if there is one."""
        if self.matches and self.matches[0].label is MatchLabel.CONFIDENT:
            return self.matches[0]
        return None


# --- name comparison ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Form:
    """One way of reading a name field: a word, or the words run together."""

    word: str  # folded
    shown: str  # as typed or recorded
    main: bool  # main given name or whole surname (or all the words together)
    index: int  # position of the word; -1 for all the words together


@dataclass(frozen=True, slots=True)
class _Side:
    """How one side (first name or surname) of a reading compared."""

    factor: float
    match: NameMatch | None  # None: absent on one side
    typed: str  # the typed form that matched, as typed
    recorded: str  # the recorded form that matched, as recorded
    typed_whole: str
    recorded_whole: str
    partial: bool  # a middle name, or a part of a double-barrelled surname
    typed_absent: bool
    extra: tuple[str, ...] = ()  # typed words that matched nothing


def _forms(words: tuple[str, ...], shown: tuple[str, ...], *, first: bool) -> tuple[_Form, ...]:
    """First names: main word, all together, other words; surnames: whole, then parts.

    A surname particle ("al", "de", "o") is never a part on its own.
    """
    if not words:
        return ()
    together = _Form("".join(words), " ".join(shown), True, -1)
    if len(words) == 1:
        return (_Form(words[0], shown[0], True, 0),)
    if first:
        rest = (_Form(w, s, False, i) for i, (w, s) in enumerate(zip(words, shown, strict=True)))
        return (_Form(words[0], shown[0], True, 0), together, *list(rest)[1:])
    parts = (
        _Form(w, s, False, i)
        for i, (w, s) in enumerate(zip(words, shown, strict=True))
        if len(w) >= 2 and w not in SURNAME_PARTICLES
    )
    return (together, *parts)


def _absent(factor: float, typed_absent: bool) -> _Side:
    return _Side(factor, None, "", "", "", "", False, typed_absent)


@lru_cache(maxsize=32768)
def _recorded_forms(raw: str | None, first: bool) -> tuple[NameForms, tuple[_Form, ...]]:
    recorded = first_name_forms(raw) if first else name_forms(raw)
    return recorded, _forms(recorded.tokens, recorded.display, first=first)


@lru_cache(maxsize=4096)
def _typed_forms(words: tuple[str, ...], shown: tuple[str, ...], first: bool) -> tuple[_Form, ...]:
    return _forms(words, shown, first=first)


def _best_pair(
    typed_forms: tuple[_Form, ...], recorded_forms: tuple[_Form, ...], first: bool
) -> tuple[float, _Form, _Form, NameMatch, bool, bool]:
    """The best-agreeing typed and recorded forms: (factor, typed, recorded,
    match, partial, extra). The one place where name factors are combined."""
    factors = FIRST_NAME_FACTORS if first else SURNAME_FACTORS
    partial_factor = MIDDLE_NAME if first else SURNAME_PART
    several = len(typed_forms) > 1
    best: tuple[float, _Form, _Form, NameMatch, bool, bool] | None = None
    for typed in typed_forms:
        # On the first-name side, typed words left over are middle names
        # that the record does not have.
        extra = first and several and typed.index >= 0
        for form in recorded_forms:
            match = compare_words(typed.word, form.word, first_name=first)
            factor = factors[match]
            partial = not (typed.main and form.main)
            if partial:
                factor *= partial_factor
                if not typed.main and not form.main:
                    factor *= partial_factor  # a part of each: weaker still
            if extra:
                factor *= EXTRA_WORD
            if best is None or factor > best[0]:
                best = (factor, typed, form, match, partial, extra)
    assert best is not None
    return best


@lru_cache(maxsize=65536)
def _side_factor(typed_words: tuple[str, ...], recorded_raw: str | None, first: bool) -> float:
    """The factor of `_compare_side`, without the wording: the fast path.

    Cached across searches: the same typed names meet the same recorded
    names again and again.
    """
    typed_forms = _typed_forms(typed_words, typed_words, first)
    _, recorded_forms = _recorded_forms(recorded_raw, first)
    if not typed_forms or not recorded_forms:
        return FIRST_NAME_ABSENT if first else SURNAME_ABSENT
    return _best_pair(typed_forms, recorded_forms, first)[0]


def _compare_side(
    typed_words: tuple[str, ...],
    typed_shown: tuple[str, ...],
    recorded_raw: str | None,
    first: bool,
) -> _Side:
    """Best agreement between the typed words and one recorded name field."""
    absent = FIRST_NAME_ABSENT if first else SURNAME_ABSENT
    typed_forms = _typed_forms(typed_words, typed_shown, first)
    if not typed_forms:
        return _absent(absent, typed_absent=True)
    recorded, recorded_forms = _recorded_forms(recorded_raw, first)
    if not recorded_forms:
        return _absent(absent, typed_absent=False)
    factor, typed, form, match, partial, extra = _best_pair(typed_forms, recorded_forms, first)
    left_over = tuple(s for i, s in enumerate(typed_shown) if i != typed.index) if extra else ()
    return _Side(
        factor,
        match,
        typed.shown,
        form.shown,
        " ".join(typed_shown),
        recorded.text,
        partial,
        False,
        left_over,
    )


def _compare_first(reading: NameReading, recorded: str | None) -> _Side:
    return _compare_side(reading.first, reading.first_display, recorded, True)


def _compare_last(reading: NameReading, recorded: str | None) -> _Side:
    return _compare_side(reading.last, reading.last_display, recorded, False)


def _order_factor(query: ParsedQuery, reading: NameReading) -> float:
    if query.surname_first is None:
        return SWAPPED_ORDER if reading.swapped else 1.0
    return 1.0 if reading.swapped == query.surname_first else AGAINST_STATED_ORDER


@dataclass(frozen=True, slots=True)
class _NameVersion:
    """A name the person is known by: the main one, or an alias."""

    first: str | None
    last: str | None
    kind: str | None  # None for the main name
    alias_first: str | None = None
    alias_last: str | None = None


def _versions(candidate: Candidate) -> list[_NameVersion]:
    out = [_NameVersion(candidate.first_name, candidate.last_name, None)]
    for alias_first, alias_last, kind in candidate.aliases:
        if not alias_first and not alias_last:
            continue
        out.append(
            _NameVersion(
                alias_first or candidate.first_name,
                alias_last or candidate.last_name,
                kind,
                alias_first or None,
                alias_last or None,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class _Explanation:
    score: float
    name_factor: float
    first: _Side | None
    last: _Side | None
    swapped: bool
    version: _NameVersion | None
    dob: DobMatch
    case_id_match: bool
    confident_evidence: bool


class _Scorer:
    """One search's scoring state: the readings and per-search caches."""

    def __init__(self, query: ParsedQuery, today: dt.date) -> None:
        self.query = query
        self.today = today
        self.readings = readings(query)
        self.orders = tuple(_order_factor(query, r) for r in self.readings)
        self._first_cache: dict[str | None, tuple[float, ...]] = {}
        self._last_cache: dict[str | None, tuple[float, ...]] = {}
        self._name_cache: dict[tuple[str | None, str | None], float] = {}
        self._dob_cache: dict[dt.date | None, DobMatch] = {}
        # Every date a typing mistake explains: any other recorded date is simply different.
        self._near: frozenset[dt.date] = frozenset()
        if query.typed_date is not None:
            self._near = near_date_set(query.typed_date, today)
        self._dob_cache[None] = DobMatch.NOT_RECORDED if query.has_date else DobMatch.NOT_GIVEN
        self.case_id = _normalise_case_id(query.case_id)
        self.nobody_else = not self.readings and not query.has_date

    # Fast path: only numbers.

    def name_factor(self, first: str | None, last: str | None) -> float:
        key = (first, last)
        cached = self._name_cache.get(key)
        if cached is not None:
            return cached
        if not self.readings:
            best = NO_NAME_GIVEN
        else:
            firsts = self._first_cache.get(first)
            if firsts is None:
                firsts = tuple(_side_factor(r.first, first, True) for r in self.readings)
                self._first_cache[first] = firsts
            lasts = self._last_cache.get(last)
            if lasts is None:
                lasts = tuple(_side_factor(r.last, last, False) for r in self.readings)
                self._last_cache[last] = lasts
            best = 0.0
            orders = self.orders
            for i in range(len(orders)):
                value = firsts[i] * lasts[i] * orders[i]
                if value > best:
                    best = value
        self._name_cache[key] = best
        return best

    def dob(self, born: dt.date | None) -> DobMatch:
        cached = self._dob_cache.get(born)
        if cached is None:
            cached = self._compare_dob(born)
            self._dob_cache[born] = cached
        return cached

    def _compare_dob(self, born: dt.date | None) -> DobMatch:
        query = self.query
        if born is None:
            return DobMatch.NOT_RECORDED if query.has_date else DobMatch.NOT_GIVEN
        if query.typed_date is not None:
            if born in self._near:
                return compare_typed(query.typed_date, born)
            return DobMatch.DIFFERENT
        if query.partial_date is not None:
            return compare_partial(query.partial_date, born)
        if query.age is not None:
            return compare_age(query.age, born, self.today)
        return DobMatch.NOT_GIVEN

    def score(self, candidate: Candidate) -> tuple[float, bool]:
        """The candidate's score, and whether it is the case id searched for."""
        name = self.name_factor(candidate.first_name, candidate.last_name)
        for alias_first, alias_last, kind in candidate.aliases:
            if alias_first or alias_last:
                value = self.name_factor(
                    alias_first or candidate.first_name, alias_last or candidate.last_name
                ) * ALIAS_FACTORS.get(kind, ALIAS_FACTORS["alias"])
                if value > name:
                    name = value
        if (
            self.case_id
            and candidate.cms_id
            and _normalise_case_id(candidate.cms_id) == self.case_id
            and not self._contradicts(name, candidate)
        ):
            return 1.0, True
        if self.nobody_else:
            return 0.0, False  # searched by case id alone: nobody else is evidence
        return name * DOB_FACTORS[self.dob(candidate.date_of_birth)], False

    def _contradicts(self, name_factor: float, candidate: Candidate) -> bool:
        """Whether what was typed besides the case id says it is someone else."""
        if self.readings and name_factor < CASE_ID_NAME_FLOOR:
            return True
        return self.dob(candidate.date_of_birth) is DobMatch.DIFFERENT

    # Slow path: the full explanation, for the few results shown.

    def explain(self, candidate: Candidate, score: float) -> _Explanation:
        best: tuple[float, _Side | None, _Side | None, bool, _NameVersion | None]
        best = (-1.0, None, None, False, None)
        for version in _versions(candidate):
            alias_factor = (
                1.0
                if version.kind is None
                else ALIAS_FACTORS.get(version.kind, ALIAS_FACTORS["alias"])
            )
            for reading, order in zip(self.readings, self.orders, strict=True):
                first_side = _compare_first(reading, version.first)
                last_side = _compare_last(reading, version.last)
                value = first_side.factor * last_side.factor * order * alias_factor
                if value > best[0]:
                    alias = version if version.kind is not None else None
                    swapped = reading.swapped if self.query.surname_first is None else order < 1
                    best = (value, first_side, last_side, swapped, alias)
        name_factor, first, last, swapped, used_alias = best
        if not self.readings:
            name_factor = NO_NAME_GIVEN
        dob = self.dob(candidate.date_of_birth)
        case_match = bool(
            self.case_id and _normalise_case_id(candidate.cms_id) == self.case_id
        ) and not self._contradicts(name_factor, candidate)
        evidence = case_match or (
            dob is DobMatch.EXACT
            and first is not None
            and first.match in (NameMatch.EXACT, NameMatch.VARIANT)
            and last is not None
            and last.match is NameMatch.EXACT
            and score >= CONFIDENT_MIN_SCORE
        )
        return _Explanation(
            score, name_factor, first, last, swapped, used_alias, dob, case_match, evidence
        )


def _normalise_case_id(value: str | None) -> str | None:
    if not value:
        return None
    cleaned = "".join(ch for ch in value if ch.isalnum()).upper()
    return cleaned.lstrip("0") or cleaned or None


# --- wording -------------------------------------------------------------


def _variant_words(typed: str, recorded: str) -> str:
    t, r = name_forms(typed).joined, name_forms(recorded).joined
    found = relation(t, r)
    if found is None:
        return f"{typed} is another form of {recorded}"
    if found.kind is VariantKind.SHORT_FORM:
        return f"{typed} is a short form of {recorded}"
    if found.kind is VariantKind.LONG_FORM:
        return f"{recorded} is a short form of {typed}"
    if found.kind is VariantKind.SPELLING:
        return f"{typed} is another spelling of {recorded}"
    return f"{typed} and {recorded} are both short for {found.full_name.capitalize()}"


def _first_words(side: _Side) -> str | None:
    typed, recorded = display_name(side.typed), side.recorded
    if side.match is None:
        return "no first name given" if side.typed_absent else "first name not recorded"
    if side.match is NameMatch.EXACT:
        if side.partial and side.typed == side.typed_whole:
            return f"{typed} is a middle name"
        if side.extra:
            extra = " ".join(display_name(word) for word in side.extra)
            return f"middle name {extra} not recorded"
        return None
    if side.match is NameMatch.VARIANT:
        return _variant_words(typed, recorded)
    if side.match in (NameMatch.SPELLING, NameMatch.TYPO):
        return f"first name spelt differently ({typed} / {recorded})"
    if side.match is NameMatch.PREFIX:
        if len(side.typed) < len(side.recorded):
            return f"{typed} could be short for {recorded}"
        return f"{recorded} could be short for {typed}"
    if side.match is NameMatch.INITIAL:
        return f"initial {typed[:1]} matches {recorded}"
    return "different first name"


def _last_words(side: _Side) -> str | None:
    typed, recorded = display_name(side.typed), side.recorded
    if side.match is None:
        return "no surname given" if side.typed_absent else "surname not recorded"
    if side.match is NameMatch.EXACT:
        if not side.partial:
            return None
        if len(side.typed_whole) <= len(side.recorded_whole):
            return f"surname {typed} is part of {side.recorded_whole}"
        return f"surname {recorded} is part of {display_name(side.typed_whole)}"
    if side.match in (NameMatch.SPELLING, NameMatch.TYPO, NameMatch.VARIANT):
        if side.partial and recorded != side.recorded_whole:
            return f"surname spelt differently ({typed} / {recorded} in {side.recorded_whole})"
        return f"surname spelt differently ({typed} / {recorded})"
    if side.match is NameMatch.PREFIX:
        return f"surname {recorded} starts with {typed}"
    if side.match is NameMatch.INITIAL:
        return f"surname initial {typed[:1]} matches {recorded}"
    return "different surname"


def _alias_words(version: _NameVersion) -> str:
    if version.kind == "previous":
        if version.alias_last and not version.alias_first:
            return f"previous surname {version.alias_last}"
        if version.alias_first and not version.alias_last:
            return f"previous first name {version.alias_first}"
        return f"previous name {version.alias_first} {version.alias_last}"
    if version.kind == "preferred":
        shown = " ".join(n for n in (version.alias_first, version.alias_last) if n)
        return f"prefers to be called {shown}"
    shown = " ".join(n for n in (version.alias_first, version.alias_last) if n)
    return f"also known as {shown}"


_MONTHS = "January February March April May June July August September October November December"
_MONTH_NAMES = _MONTHS.split()


def _dob_words(dob: DobMatch, query: ParsedQuery, born: dt.date | None, today: dt.date) -> str:
    period = ""
    if query.partial_date is not None:
        month = query.partial_date.month
        period = (f"{_MONTH_NAMES[month - 1]} " if month else "") + str(query.partial_date.year)
    match dob:
        case DobMatch.EXACT:
            return "same date of birth"
        case DobMatch.SWAPPED:
            return "date of birth day and month swapped"
        case DobMatch.YEAR_OFF:
            return "year of birth differs by one"
        case DobMatch.ONE_DIGIT:
            return "date of birth differs by one digit"
        case DobMatch.TRANSPOSED:
            return "date of birth has two digits the wrong way round"
        case DobMatch.IN_PERIOD:
            return f"born in {period}"
        case DobMatch.NEAR_PERIOD:
            return f"born just outside {period}"
        case DobMatch.AGE_MATCH:
            return f"aged {query.age}"
        case DobMatch.AGE_NEAR:
            actual = age_on(born, today) if born else None
            return f"aged {actual}, not {query.age}" if actual is not None else "age differs"
        case DobMatch.NOT_RECORDED:
            return "date of birth not recorded"
        case DobMatch.NOT_GIVEN:
            return "name only: no date of birth given"
        case _:
            return "different date of birth"


def _reason(
    explanation: _Explanation, query: ParsedQuery, candidate: Candidate, today: dt.date
) -> str:
    pieces: list[str] = []
    if explanation.case_id_match:
        pieces.append(f"case id {candidate.cms_id} matches")
    name_pieces: list[str] = []
    if explanation.first is not None and explanation.last is not None:
        if explanation.swapped:
            name_pieces.append("first name and surname swapped")
        name_pieces.extend(
            words
            for words in (_first_words(explanation.first), _last_words(explanation.last))
            if words
        )
        if explanation.version is not None:
            name_pieces.append(_alias_words(explanation.version))
    dob_piece = _dob_words(explanation.dob, query, candidate.date_of_birth, today)
    if query.names and not name_pieces:
        if explanation.dob is DobMatch.EXACT:
            pieces.append("same name and date of birth")
            return "; ".join(pieces)
        name_pieces.append("same name")
    pieces.extend(name_pieces)
    if not (explanation.case_id_match and explanation.dob is DobMatch.NOT_GIVEN):
        pieces.append(dob_piece)
    return "; ".join(pieces)


# --- ranking -------------------------------------------------------------------


def rank(
    query: ParsedQuery,
    candidates: Iterable[Candidate],
    today: dt.date,
    limit: int = DEFAULT_LIMIT,
) -> SearchOutcome:
    """Score candidates and return the best `limit`, best first.

    Ties are broken by person id, so the same data always gives the same
    answer. Restricted people and repeated person ids are dropped; scores
    below `MIN_SCORE` are not returned.
    """
    limit = max(1, min(limit, MAX_LIMIT))
    scorer = _Scorer(query, today)
    # (-score, 0 for the case id searched for, person id): sorting these
    # puts the best first and breaks ties the same way every time.
    scored: list[tuple[float, int, str, Candidate]] = []
    seen: set[str] = set()
    for candidate in candidates:
        if candidate.restricted or candidate.person_id in seen:
            continue
        seen.add(candidate.person_id)
        score, is_case = scorer.score(candidate)
        if score >= MIN_SCORE:
            scored.append((-score, 0 if is_case else 1, candidate.person_id, candidate))
    # Person ids are unique here, so tuples never compare the candidates.
    scored = heapq.nsmallest(max(limit, 2), scored)
    if not scored:
        return SearchOutcome((), ambiguous=False, considered=len(seen))

    best_score = -scored[0][0]
    runner_up = -scored[1][0] if len(scored) > 1 else None
    close = runner_up is not None and best_score - runner_up < CONFIDENT_MARGIN
    matches: list[Match] = []
    for position, (negative, _, _, candidate) in enumerate(scored[:limit]):
        explanation = scorer.explain(candidate, -negative)
        confident = position == 0 and explanation.confident_evidence
        if confident and not explanation.case_id_match and close:
            confident = False
        label = MatchLabel.CONFIDENT if confident else MatchLabel.POSSIBLE
        reason = _reason(explanation, query, candidate, today)
        matches.append(Match(candidate.person_id, round(-negative, 4), label, reason))
    ambiguous = close and matches[0].label is not MatchLabel.CONFIDENT
    return SearchOutcome(tuple(matches), ambiguous=ambiguous, considered=len(seen))
