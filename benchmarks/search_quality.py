"""Search quality: is the right person first, in the top 5, in the top 10, for corrupted requests?

A demo population is written with `familycontext data demo --out` and loaded
by `familycontext data load` (the real loader, which builds the search
index). People are then sampled with a fixed seed, and for each one a
request is typed with one family of mistake at a time: the names with
their case, accents and apostrophes changed, surname first, first name and
surname swapped, one and two typing errors, a sound-alike spelling, a
nickname or variant, one part of a double-barrelled surname, an alias or
previous surname, "baby Smith" for a child without a first name, and the
date of birth exact, with day and month swapped, one digit wrong, the year
off by one, or only a year or month. Name families run with and without the
date of birth. Every request goes through `PersonSearch` (the bot's search)
and, side by side, through the earlier open-source Family Context search:
people whose first name contains the typed first name, or whose surname
contains the typed surname, or who share the date of birth, ranked by +4 for
each name that is exactly the same (ignoring case), +2 for each name that
starts with the typed one, and +1 each for the same year, month and day of
birth. It had separate fields; here it reads the first word as the first
name and the last word as the surname, as a form filled in order would.

Goals (issue 3): with a date of birth, the person first >= 98 % and in the
top 5 >= 99.5 %; `confident` right >= 99.9 % of the times it is given;
name only, the person in the top 10 >= 95 %. The "ceiling" column is the
share of the sampled people who share their exact full name with at most 9
others: when more share it, no search can promise them a place in a top 10
by name alone.

Nicknames are drawn from name_variants.txt, the table the search itself
uses: that family measures finding and ranking known variants, not how
complete the table is.

    python benchmarks/search_quality.py [--people 100000] [--per-family 400]
        [--backend sqlite|postgresql] [--work DIR] [--show-misses N]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import heapq
import random
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from _common import FAMILYCONTEXT, POSTGRES_ADMIN_DSN, fresh_postgres_database, run_measured
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from data_access.engine import create_engine
from data_access.migrate import current_revision, head_revision
from data_access.models import Person, PersonAlias
from data_access.search.nicknames import table as variant_table
from data_access.search.normalise import SURNAME_PARTICLES as PARTICLES
from data_access.search.normalise import fold_token
from data_access.search.service import PersonSearch

TODAY = dt.date.today()
LIMIT = 10
MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


@dataclass(frozen=True)
class Someone:
    person_id: str
    first: str
    last: str
    born: dt.date | None
    aliases: tuple[tuple[str | None, str | None, str], ...]


# --- how people mistype ---------------------------------------------------------

Corrupt = Callable[[Someone, random.Random], str | None]

_QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
_NEIGHBOURS: dict[str, str] = {}
for _row_index, _row in enumerate(_QWERTY):
    for _col, _letter in enumerate(_row):
        near = _row[max(0, _col - 1) : _col] + _row[_col + 1 : _col + 2]
        for _other_row in (_row_index - 1, _row_index + 1):
            if 0 <= _other_row < len(_QWERTY):
                near += _QWERTY[_other_row][max(0, _col - 1) : _col + 1]
        _NEIGHBOURS[_letter] = near


def _typing_error(word: str, rnd: random.Random) -> str:
    """One slip of the fingers: a neighbouring key, a letter missed, doubled or swapped."""
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    if len(letters) < 3:
        return word
    i = rnd.choice(letters[1:])  # people rarely get the first letter wrong
    ch = word[i]
    kind = rnd.choice(("substitute", "delete", "insert", "transpose"))
    if kind == "substitute":
        choices = _NEIGHBOURS.get(ch.lower(), "aeiou")
        new = rnd.choice(choices)
        return word[:i] + (new.upper() if ch.isupper() else new) + word[i + 1 :]
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "insert":
        new = rnd.choice(_NEIGHBOURS.get(ch.lower(), ch.lower()) + ch.lower())
        return word[:i] + new + word[i:]
    j = i - 1 if i == letters[-1] else i
    if j + 1 >= len(word) or not word[j + 1].isalpha():
        return word[:i] + word[i + 1 :]
    return word[:j] + word[j + 1] + word[j] + word[j + 2 :]


def _typos(count: int) -> Corrupt:
    def corrupt(p: Someone, rnd: random.Random) -> str | None:
        names = [p.first, p.last]
        if min(len(n) for n in names) < 3:
            return None
        for _ in range(count):
            which = rnd.randrange(2)
            names[which] = _typing_error(names[which], rnd)
        return f"{names[0]} {names[1]}"

    return corrupt


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _case_and_marks(p: Someone, rnd: random.Random) -> str | None:
    text = f"{p.first} {p.last}"
    text = _strip_marks(text)
    text = rnd.choice(
        (
            lambda t: t.replace("'", ""),
            lambda t: t.replace("'", " "),
            lambda t: t.replace("-", " "),
            lambda t: t,
        )
    )(text)
    return rnd.choice((str.lower, str.upper, str.title, lambda t: t))(text)


def _surname_first(p: Someone, rnd: random.Random) -> str | None:
    if rnd.random() < 0.5:
        return f"{p.last}, {p.first}"
    return f"{p.last.upper()} {p.first}"


def _swapped(p: Someone, rnd: random.Random) -> str | None:
    return f"{p.last} {p.first}".lower()


# English respellings that sound the same; the first that applies to a
# randomly chosen name is used.
_SOUND_ALIKE = [
    (r"ph", "f"),
    (r"(?<=[a-z])f(?=[aeiou])", "ph"),
    (r"ck", "k"),
    (r"(?<=[aeiou])k(?=[aeiou])", "ck"),
    (r"(?<=[a-z])y(?=[a-z])", "i"),
    (r"(?<=[a-z])i(?=[a-z])", "y"),
    (r"ee", "ea"),
    (r"ea", "ee"),
    (r"ai", "ay"),
    (r"ay", "ai"),
    (r"ou", "ow"),
    (r"(?<=[a-z])s$", "z"),
    (r"(?<=[a-z])ie$", "y"),
    (r"(?<=[a-z])y$", "ie"),
    (r"mm", "m"),
    (r"nn", "n"),
    (r"ll", "l"),
    (r"tt", "t"),
    (r"(?<=[aeiou])l(?=[aeiou])", "ll"),
    (r"(?<=[aeiou])n(?=[aeiou])", "nn"),
    (r"th", "t"),
    (r"c(?=[aou])", "k"),
    (r"k", "c"),
]


def _sound_alike(p: Someone, rnd: random.Random) -> str | None:
    names = [p.first, p.last]
    order = [0, 1]
    rnd.shuffle(order)
    for which in order:
        word = names[which]
        lower = word.lower()
        rules = [(pattern, repl) for pattern, repl in _SOUND_ALIKE if re.search(pattern, lower)]
        if not rules:
            continue
        pattern, repl = rnd.choice(rules)
        changed = re.sub(pattern, repl, lower, count=1)
        if changed == lower:
            continue
        names[which] = changed.capitalize() if word[:1].isupper() else changed
        return f"{names[0]} {names[1]}"
    return None


def _nickname(p: Someone, rnd: random.Random) -> str | None:
    table = variant_table()
    folded = fold_token(p.first.split()[0]) if p.first.split() else ""
    others: set[str] = set()
    for group_id in table.by_name.get(folded, ()):
        group = table.groups[group_id]
        others |= group.full | group.short
    others.discard(folded)
    if not others:
        return None
    return f"{rnd.choice(sorted(others)).capitalize()} {p.last}"


def _surname_part(p: Someone, rnd: random.Random) -> str | None:
    """One part of "Smith-Jones" or "Al-Hassan" (never "Al", "de" or "O" alone)."""
    parts = [part for part in re.split(r"[\s-]+", p.last) if part]
    usable = [part for part in parts if len(part) >= 2 and fold_token(part) not in PARTICLES]
    if len(parts) < 2 or not usable:
        return None
    return f"{p.first} {rnd.choice(usable)}"


def _alias_surname(p: Someone, rnd: random.Random) -> str | None:
    surnames = sorted({last for _, last, _ in p.aliases if last and last != p.last})
    if not surnames:
        return None
    return f"{p.first} {rnd.choice(surnames)}"


def _baby(p: Someone, rnd: random.Random) -> str | None:
    return f"baby {p.last}"


def _exact(p: Someone, rnd: random.Random) -> str | None:
    return f"{p.first} {p.last}"


# Dates of birth, as typed.


def _formats(born: dt.date, rnd: random.Random) -> str:
    return rnd.choice(
        (
            f"{born:%d/%m/%Y}",
            f"{born.day}/{born.month}/{born:%y}",
            f"{born.day} {MONTHS[born.month - 1]} {born.year}",
            f"born {born:%d.%m.%Y}",
            f"dob {born:%Y-%m-%d}",
        )
    )


def _digits_date(day: int, month: int, year: int) -> str:
    return f"{day:02d}/{month:02d}/{year:04d}"


def _date_swapped(born: dt.date, rnd: random.Random) -> str | None:
    if born.day == born.month:
        return None
    return _digits_date(born.month, born.day, born.year)


def _date_one_digit(born: dt.date, rnd: random.Random) -> str | None:
    digits = list(f"{born.day:02d}{born.month:02d}{born.year:04d}")
    i = rnd.randrange(len(digits))
    digits[i] = rnd.choice([d for d in "0123456789" if d != digits[i]])
    text = "".join(digits)
    return f"{text[:2]}/{text[2:4]}/{text[4:]}"


def _date_year_off(born: dt.date, rnd: random.Random) -> str | None:
    year = born.year + rnd.choice((-1, 1))
    if year > TODAY.year:
        year = born.year - 1
    return _digits_date(born.day, born.month, year)


def _date_partial(born: dt.date, rnd: random.Random) -> str | None:
    if rnd.random() < 0.5:
        return str(born.year)
    return f"{MONTHS[born.month - 1]} {born.year}"


@dataclass(frozen=True)
class Family:
    name: str
    names: Corrupt
    date: Callable[[dt.date, random.Random], str | None] | None  # None: name only
    needs_date: bool = True


NAME_FAMILIES: list[tuple[str, Corrupt]] = [
    ("as recorded (no mistake)", _exact),
    ("case, accents, apostrophes", _case_and_marks),
    ("surname first", _surname_first),
    ("first name and surname swapped", _swapped),
    ("one typing error", _typos(1)),
    ("two typing errors", _typos(2)),
    ("sound-alike spelling", _sound_alike),
    ("nickname or variant", _nickname),
    ("part of a double-barrelled surname", _surname_part),
    ("alias or previous surname", _alias_surname),
]
DATE_FAMILIES: list[tuple[str, Callable[[dt.date, random.Random], str | None]]] = [
    ("date of birth: day and month swapped", _date_swapped),
    ("date of birth: one digit wrong", _date_one_digit),
    ("date of birth: year off by one", _date_year_off),
    ("date of birth: year or month only", _date_partial),
]


def families() -> list[Family]:
    out = [Family(name, corrupt, _formats) for name, corrupt in NAME_FAMILIES]
    out.append(Family('no first name ("baby Smith")', _baby, _formats))
    out += [Family(name, _exact, date) for name, date in DATE_FAMILIES]
    out += [Family(name, corrupt, None, needs_date=False) for name, corrupt in NAME_FAMILIES]
    return out


# --- the earlier Family Context search ------------------------------------------

_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b|\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NOT_NAMES = {"baby", "born", "dob"} | {m.lower() for m in MONTHS}


class Baseline:
    """The previous open-source search, over the same people (restricted ones left out)."""

    def __init__(self, people: list[Someone]) -> None:
        self.people = people
        self.by_first: dict[str, list[int]] = defaultdict(list)
        self.by_last: dict[str, list[int]] = defaultdict(list)
        self.by_born: dict[dt.date, list[int]] = defaultdict(list)
        for index, person in enumerate(people):
            self.by_first[person.first.lower()].append(index)
            self.by_last[person.last.lower()].append(index)
            if person.born is not None:
                self.by_born[person.born].append(index)

    @staticmethod
    def fields(text: str) -> tuple[str | None, str | None, dt.date | None]:
        born: dt.date | None = None
        match = _DATE.search(text)
        if match is not None:
            if match.group(1):
                day, month, year = (int(match.group(i)) for i in (1, 2, 3))
            else:
                year, month, day = (int(match.group(i)) for i in (4, 5, 6))
            try:
                born = dt.date(year, month, day)
            except ValueError:
                born = None
            text = text[: match.start()] + " " + text[match.end() :]
        words = [w.lower() for w in _WORD.findall(text) if w.lower() not in _NOT_NAMES]
        if text.lower().startswith("baby"):  # the surname field only
            return None, words[-1] if words else None, born
        first = words[0] if words else None
        last = words[-1] if len(words) > 1 else None
        return first, last, born

    def search(self, text: str, limit: int) -> list[str]:
        first, last, born = self.fields(text)
        first_scores = self._name_scores(self.by_first, first)
        last_scores = self._name_scores(self.by_last, last)
        candidates: set[int] = set()
        for name in first_scores:
            candidates.update(self.by_first[name])
        for name in last_scores:
            candidates.update(self.by_last[name])
        if born is not None:
            candidates.update(self.by_born.get(born, ()))
        scored = []
        for index in candidates:
            person = self.people[index]
            score = first_scores.get(person.first.lower(), 0) + last_scores.get(
                person.last.lower(), 0
            )
            if born is not None and person.born is not None:
                score += (
                    (person.born.year == born.year)
                    + (person.born.month == born.month)
                    + (person.born.day == born.day)
                )
            scored.append((-score, person.person_id))
        return [person_id for _, person_id in heapq.nsmallest(limit, scored)]

    @staticmethod
    def _name_scores(index: dict[str, list[int]], typed: str | None) -> dict[str, int]:
        if not typed:
            return {}
        out = {}
        for name in index:
            if typed in name:
                out[name] = 4 if name == typed else 2 if name.startswith(typed) else 0
        return out


# --- running it -------------------------------------------------------------------


@dataclass
class Tally:
    queries: int = 0
    top1: int = 0
    top5: int = 0
    top10: int = 0
    base1: int = 0
    base5: int = 0
    base10: int = 0
    confident: int = 0
    confident_right: int = 0
    ceiling: int = 0
    bot_checked: int = 0
    bot_same: int = 0
    misses: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


_COUNTS = (
    *("queries", "top1", "top5", "top10", "base1", "base5", "base10"),
    *("confident", "confident_right", "ceiling", "bot_checked", "bot_same"),
)


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


def prepare(args: argparse.Namespace, work: Path) -> str:
    """The database with the demo population loaded (reused from --work when it is there)."""
    extract = work / f"extract-{args.people}-{args.seed}"
    if not extract.is_dir():
        run_measured(
            [
                *FAMILYCONTEXT,
                *("data", "demo", "--people", str(args.people), "--seed", str(args.seed)),
                *("--out", str(extract)),
            ],
            {},
        )
    name = f"quality-{args.people}-{args.seed}"
    if args.backend == "sqlite":
        url = f"sqlite+aiosqlite:///{work / (name + '.sqlite3')}"
    else:
        base = POSTGRES_ADMIN_DSN.rsplit("/", 1)[0].replace(
            "postgresql://", "postgresql+asyncpg://"
        )
        url = f"{base}/fc_bench_{name.replace('-', '_')}"
    if asyncio.run(ready(url)):
        return url
    if args.backend == "postgresql":
        url = asyncio.run(fresh_postgres_database(url.rsplit("/", 1)[1]))
    env = {"FC_DATABASE_URL": url}
    run_measured([*FAMILYCONTEXT, "db", "upgrade"], env)
    run_measured([*FAMILYCONTEXT, "data", "load", str(extract)], env)
    return url


async def ready(url: str) -> bool:
    try:
        return await current_revision(url) == head_revision()
    except (OSError, SQLAlchemyError):  # no such database yet
        return False


async def read_people(url: str) -> list[Someone]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            aliases: dict[str, list[tuple[str | None, str | None, str]]] = defaultdict(list)
            for person_id, first, last, kind in await connection.execute(
                select(
                    PersonAlias.person_id,
                    PersonAlias.first_name,
                    PersonAlias.last_name,
                    PersonAlias.kind,
                )
            ):
                aliases[person_id].append((first, last, kind))
            rows = await connection.execute(
                select(Person.person_id, Person.first_name, Person.last_name, Person.date_of_birth)
                .where(Person.restricted.is_(False))
                .order_by(Person.person_id)
            )
            return [
                Someone(person_id, first, last, born, tuple(aliases.get(person_id, ())))
                for person_id, first, last, born in rows
            ]
    finally:
        await engine.dispose()


def requests_for(
    family: Family, people: list[Someone], count: int, seed: int
) -> list[tuple[Someone, str]]:
    rnd = random.Random(f"{seed}:{family.name}:{family.date is not None}")
    order = list(range(len(people)))
    rnd.shuffle(order)
    out: list[tuple[Someone, str]] = []
    for index in order:
        person = people[index]
        if family.needs_date and person.born is None:
            continue
        names = family.names(person, rnd)
        if names is None:
            continue
        if family.date is not None:
            assert person.born is not None
            date = family.date(person.born, rnd)
            if date is None:
                continue
            names = f"{names} {date}"
        out.append((person, names))
        if len(out) >= count:
            break
    return out


def run(args: argparse.Namespace) -> None:
    work = args.work or Path(tempfile.mkdtemp(prefix="fc-bench-quality-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        url = prepare(args, work)
        tallies = asyncio.run(measure(args, url))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    report(args, tallies)


async def measure(args: argparse.Namespace, url: str) -> dict[tuple[str, bool], Tally]:
    people = await read_people(url)
    same_name = Counter((p.first.casefold(), p.last.casefold()) for p in people)
    baseline = Baseline(people)
    gc.collect()
    gc.freeze()  # hundreds of thousands of long-lived objects: keep the collector off them
    engine = create_engine(url)
    search = PersonSearch(engine)
    tallies: dict[tuple[str, bool], Tally] = {}
    try:
        for family in families():
            tally = Tally()
            for person, text in requests_for(family, people, args.per_family, args.seed):
                # The bot's search, as `familycontext search` runs it.
                outcome = await search.search(text, limit=LIMIT, today=TODAY)
                found = [match.person_id for match in outcome.matches]
                # Its shortcut (settle_for_confident) must name the same best match with
                # the same label as the full search, every time.
                full = await search.search(
                    text, limit=LIMIT, today=TODAY, settle_for_confident=False
                )
                tally.bot_checked += 1
                tally.bot_same += (full.matches[:1] == outcome.matches[:1]) and (
                    full.confident == outcome.confident
                )
                old = baseline.search(text, LIMIT)
                target = person.person_id
                tally.queries += 1
                tally.top1 += found[:1] == [target]
                tally.top5 += target in found[:5]
                tally.top10 += target in found[:10]
                tally.base1 += old[:1] == [target]
                tally.base5 += target in old[:5]
                tally.base10 += target in old[:10]
                confident = outcome.confident
                if confident is not None:
                    tally.confident += 1
                    tally.confident_right += confident.person_id == target
                tally.ceiling += same_name[person.first.casefold(), person.last.casefold()] <= 10
                if target not in found[:5] or (confident and confident.person_id != target):
                    tally.misses.append((text, found[:3]))
            tallies[family.name, family.date is not None] = tally
            print(f"  {family.name}: {tally.queries} requests", file=sys.stderr)
    finally:
        await engine.dispose()
    return tallies


def report(args: argparse.Namespace, tallies: dict[tuple[str, bool], Tally]) -> None:
    checked = sum(t.bot_checked for t in tallies.values())
    same = sum(t.bot_same for t in tallies.values())
    print()
    print(
        f"The bot's shortcut (settle_for_confident) gave the same best match and label as "
        f"the full search in {same:,} of {checked:,} requests."
    )
    print(
        f"{args.people:,} demo people (seed {args.seed}) on {args.backend}; up to "
        f"{args.per_family} requests per family; the same search code runs on both databases."
    )
    for with_date in (True, False):
        print()
        if with_date:
            print("With a date of birth (name families: the date as recorded):")
            print()
            print(
                "| family | requests | top 1 | top 5 | old top 1 | old top 5 "
                "| confident given | confident right |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---:|")
        else:
            print("Name only:")
            print()
            print(
                "| family | requests | top 1 | top 5 | top 10 | old top 1 | old top 10 "
                "| ceiling top 10 |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---:|")
        total = Tally()
        for (name, dated), t in tallies.items():
            if dated != with_date:
                continue
            total.add(t)
            print(row(name, t, with_date))
        print(row("**all**", total, with_date))
    everything = Tally()
    for t in tallies.values():
        everything.add(t)
    dated = Tally()
    undated = Tally()
    for (_, with_date), t in tallies.items():
        (dated if with_date else undated).add(t)
    print()
    print("| goal | target | measured | old search |")
    print("|---|---:|---:|---:|")
    print(
        f"| with a date of birth: first | 98 % | {share(dated.top1, dated.queries)} "
        f"| {share(dated.base1, dated.queries)} |"
    )
    print(
        f"| with a date of birth: top 5 | 99.5 % | {share(dated.top5, dated.queries)} "
        f"| {share(dated.base5, dated.queries)} |"
    )
    print(
        f"| `confident` right | 99.9 % | {share(everything.confident_right, everything.confident)} "
        f"({everything.confident_right:,} of {everything.confident:,}) | - |"
    )
    print(
        f"| name only: top 10 | 95 % | {share(undated.top10, undated.queries)} "
        f"| {share(undated.base10, undated.queries)} |"
    )
    print(
        f"| name only: top 10 ceiling (10 or fewer share the full name) | - "
        f"| {share(undated.ceiling, undated.queries)} | - |"
    )
    if args.show_misses:
        print()
        for (name, dated_family), t in tallies.items():
            for text, found in t.misses[: args.show_misses]:
                print(f"miss [{name}{'' if dated_family else ', name only'}] {text!r} -> {found}")


def row(name: str, t: Tally, with_date: bool) -> str:
    if with_date:
        return (
            f"| {name} | {t.queries:,} | {share(t.top1, t.queries)} | {share(t.top5, t.queries)} "
            f"| {share(t.base1, t.queries)} | {share(t.base5, t.queries)} | "
            f"{share(t.confident, t.queries)} | {share(t.confident_right, t.confident)} |"
        )
    return (
        f"| {name} | {t.queries:,} | {share(t.top1, t.queries)} | {share(t.top5, t.queries)} "
        f"| {share(t.top10, t.queries)} | {share(t.base1, t.queries)} "
        f"| {share(t.base10, t.queries)} | {share(t.ceiling, t.queries)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--per-family", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--work", type=Path, help="keep (and reuse) the extract and database here")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
