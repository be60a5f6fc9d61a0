"""Ways of reading the typed words as a first name and a surname.

"Jayden Lee Smith" may be Jayden (middle name Lee) Smith or Jayden Lee-Smith;
"Smith Jayden" may be a surname typed first. Rather than guess, the search
tries every split of the words into a first name and a surname, in both
orders, and lets the index (keys.py) and the scoring (scoring.py) consider
each. A query has at most `MAX_READING_WORDS` words in play, so there are at
most six readings.
"""

from __future__ import annotations

from dataclasses import dataclass

from data_access.search.normalise import SURNAME_PARTICLES
from data_access.search.parse import ParsedQuery

MAX_READING_WORDS = 4


@dataclass(frozen=True, slots=True)
class NameReading:
    """One reading of the typed words: which are the first name, which the surname.

    `swapped` is True when the surname words come before the first-name
    words in what was typed.
    """

    first: tuple[str, ...]
    last: tuple[str, ...]
    first_display: tuple[str, ...]
    last_display: tuple[str, ...]
    swapped: bool

    @property
    def first_forms(self) -> tuple[str, ...]:
        """The first word, the words run together, then the other words."""
        if len(self.first) <= 1:
            return self.first
        others = tuple(t for t in self.first[1:] if len(t) >= 2)
        return tuple(dict.fromkeys((self.first[0], "".join(self.first), *others)))

    @property
    def last_forms(self) -> tuple[str, ...]:
        """The words run together ("smith jones" -> "smithjones"), then each word."""
        if len(self.last) <= 1:
            return self.last
        parts = tuple(t for t in self.last if len(t) >= 2 and t not in SURNAME_PARTICLES)
        return tuple(dict.fromkeys(("".join(self.last), *parts)))


def readings(query: ParsedQuery) -> tuple[NameReading, ...]:
    """Every split of the typed words into first name and surname, both orders.

    One word is read as a first name alone or a surname alone; after "baby"
    ("baby Smith") all the words are the surname.
    """
    words = query.names[:MAX_READING_WORDS]
    shown = query.display_names[:MAX_READING_WORDS]
    if not words:
        return ()
    if query.no_first_name:
        return (NameReading((), words, (), shown, swapped=False),)
    if len(words) == 1:
        return (
            NameReading(words, (), shown, (), swapped=False),
            NameReading((), words, (), shown, swapped=False),
        )
    out: list[NameReading] = []
    for split in range(1, len(words)):
        head, tail = words[:split], words[split:]
        head_shown, tail_shown = shown[:split], shown[split:]
        out.append(NameReading(head, tail, head_shown, tail_shown, swapped=False))
        out.append(NameReading(tail, head, tail_shown, head_shown, swapped=True))
    return tuple(out)
