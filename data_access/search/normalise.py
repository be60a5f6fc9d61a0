"""Name normalisation and sound-alike keys shared by indexing, parsing and scoring.

Everything that compares names goes through `fold` and `name_forms` so that the
index written at load time and the query typed by a social worker meet on the
same spelling: "Zoë O'Brien-Smith", "ZOE OBRIEN SMITH" and "zoe o brien smith"
all become the same tokens. The functions are pure and cached: a nightly load
normalises a million names and a search compares thousands of candidates, and
real populations repeat the same few thousand names over and over.

Phonetic codes come from `jellyfish` (metaphone implemented in Rust): it is
fast, typed, has no dependencies, and metaphone copes with the English
spellings that matter here (Smith/Smyth, Mohammed/Muhammad, Thompson/Thomson,
McDonald/MacDonald) while staying more selective than Soundex.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import jellyfish

# Letters that Unicode decomposition does not reduce to a base letter plus a
# combining mark (NFKD leaves "ł" or "ø" alone), mapped the way English
# records usually transliterate them. Applied after casefold, which already
# turns "ß" into "ss".
_SPECIAL_LETTERS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŋ": "n",
        "ĸ": "k",
        "ſ": "s",
    }
)

# Apostrophes (and the characters people type instead of them) are removed
# rather than treated as separators: O'Brien is filed as OBrien as often as
# O'Brien, and "O Brien" is handled by the joined form below.
APOSTROPHES = "'’‘`´ʼʻ′‛"
_APOSTROPHE_TABLE = str.maketrans("", "", APOSTROPHES)

# Anything that is not a letter, digit or apostrophe separates tokens:
# spaces, hyphens (Smith-Jones), dots (St. John), commas, slashes.
_SEPARATORS = re.compile(r"[^\w" + re.escape(APOSTROPHES) + r"]+|_")

# Names longer than this are cut: no real name is longer, and index keys and
# caches must stay small whatever a data feed or a user sends.
MAX_TOKEN_LENGTH = 30
MAX_TOKENS = 6


@lru_cache(maxsize=32768)
def fold(text: str) -> str:
    """Return `text` casefolded, without diacritics and apostrophes.

    Only letters and separators survive the later tokenisation; this step
    makes "Zoë" equal "zoe", "Łukasz" equal "lukasz" and "O'Brien" equal
    "obrien". Letters of other scripts are kept (casefolded) rather than
    dropped, so that a name typed in Cyrillic still equals itself.
    """
    folded = text.casefold().translate(_SPECIAL_LETTERS).translate(_APOSTROPHE_TABLE)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _letters_only(token: str) -> str:
    return "".join(ch for ch in token if ch.isalpha())[:MAX_TOKEN_LENGTH]


def split_raw(text: str) -> list[str]:
    """Split text as typed into tokens, keeping apostrophes inside tokens.

    Used where the original spelling is still needed next to the folded one
    (for the wording of reasons, or for the all-capitals surname convention).
    """
    return [part for part in _SEPARATORS.split(text) if part]


def fold_token(raw_token: str) -> str:
    """Fold one raw token to the letters used for matching ("" if none)."""
    return _letters_only(fold(raw_token))


@dataclass(frozen=True, slots=True)
class NameForms:
    """The forms under which one name field (first or last name) is matched.

    `tokens` are the separate words ("o", "connor", "smith" for
    "O Connor-Smith"), `joined` is all of them run together ("oconnorsmith"),
    so "Smith-Jones" matches "smith jones", "smithjones", "smith" and
    "jones". `display` keeps the words as written, parallel to `tokens`, for
    messages shown to the social worker.
    """

    tokens: tuple[str, ...]
    display: tuple[str, ...]
    joined: str
    text: str = ""  # the field as written, trimmed

    @property
    def is_empty(self) -> bool:
        return not self.joined

    @property
    def primary(self) -> str:
        """The first word: the given name people are usually called by."""
        return self.tokens[0] if self.tokens else ""

    @property
    def parts(self) -> tuple[str, ...]:
        """The words that can stand for the whole name on their own.

        Particles ("al", "de", "van", "o") cannot: "Al-Hassan" is not "Al".
        """
        if len(self.tokens) <= 1:
            return ()
        return tuple(
            dict.fromkeys(t for t in self.tokens if len(t) >= 2 and t not in SURNAME_PARTICLES)
        )

    @property
    def forms(self) -> tuple[str, ...]:
        """Joined form first, then each word that can stand alone."""
        if len(self.tokens) <= 1:
            return self.tokens
        return (self.joined, *(t for t in self.parts if t != self.joined))


_EMPTY = NameForms((), (), "")

# Words that begin surnames but do not identify anyone alone.
SURNAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "ul",
        "bin",
        "ibn",
        "bint",
        "abu",
        "ben",
        "de",
        "del",
        "della",
        "da",
        "das",
        "dos",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "mac",
        "mc",
        "o",
        "ni",
        "nic",
        "ui",
        "st",
        "san",
        "y",
        "ap",
        "ab",
    }
)

# First names that a case management system records for someone whose real
# first name is not known yet ("Baby Smith", "Unborn Smith").
PLACEHOLDER_FIRST_NAMES = frozenset({"baby", "unborn", "infant", "newborn", "unknown", "unnamed"})


@lru_cache(maxsize=32768)
def name_forms(text: str | None) -> NameForms:
    """Tokenise and fold one name field; cached because names repeat."""
    if not text:
        return _EMPTY
    tokens: list[str] = []
    display: list[str] = []
    for raw in split_raw(text[: MAX_TOKEN_LENGTH * MAX_TOKENS]):
        token = fold_token(raw)
        if token:
            tokens.append(token)
            display.append(raw[:MAX_TOKEN_LENGTH])
        if len(tokens) == MAX_TOKENS:
            break
    if not tokens:
        return _EMPTY
    joined = "".join(tokens)[: MAX_TOKEN_LENGTH * 2]
    return NameForms(tuple(tokens), tuple(display), joined, " ".join(text.split())[:100])


@lru_cache(maxsize=32768)
def first_name_forms(text: str | None) -> NameForms:
    """Like `name_forms`, but a placeholder such as "Baby" means no first name."""
    forms = name_forms(text)
    if forms.joined in PLACEHOLDER_FIRST_NAMES:
        return _EMPTY
    return forms


@lru_cache(maxsize=32768)
def phonetic(token: str) -> str:
    """Metaphone code of a folded token ("" when it has none).

    Metaphone only understands Latin letters; tokens in other scripts get
    their own text as code, so they still match themselves.
    """
    if not token:
        return ""
    if not token.isascii():
        return token
    return jellyfish.metaphone(token) or token


def display_name(raw: str) -> str:
    """Typed words in the case names are usually written ("o'brien" -> "O'Brien").

    Reasons quote what the social worker typed; all-lower or all-upper input
    is re-cased so that the message reads naturally.
    """
    if raw != raw.lower() and raw != raw.upper():
        return raw
    out: list[str] = []
    start = True
    for ch in raw:
        out.append(ch.upper() if start else ch.lower())
        start = ch in APOSTROPHES or ch in "- "
    return "".join(out)
