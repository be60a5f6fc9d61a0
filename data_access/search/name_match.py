"""How one typed name word compares with one recorded name word.

The kinds are ordered from the strongest to the weakest evidence that the two
words name the same person. Comparisons are cached: a search compares the
same few words with thousands of candidates, and popular names recur in
every search.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

import jellyfish

from data_access.search.nicknames import are_variants
from data_access.search.normalise import phonetic

# Sound-alike codes match names that only sound alike ("Jane" and "June" are
# both JN): the spellings must also look alike to count.
SOUND_ALIKE_MIN_SIMILARITY = 0.8


class NameMatch(StrEnum):
    EXACT = "exact"
    VARIANT = "variant"  # first names in the same group: Bob / Robert, Mohammed / Muhammad
    SPELLING = "spelling"  # one typing error, or spelt differently but sounds the same
    PREFIX = "prefix"  # one is the start of the other: Jay / Jayden, Smi / Smith
    TYPO = "typo"  # two typing errors
    INITIAL = "initial"  # only an initial on one side
    DIFFERENT = "different"


@lru_cache(maxsize=32768)
def _letters(word: str) -> frozenset[str]:
    return frozenset(word)


@lru_cache(maxsize=65536)
def compare_words(typed: str, recorded: str, *, first_name: bool) -> NameMatch:
    """Compare two folded name words; nickname groups apply to first names only."""
    if typed == recorded:
        return NameMatch.EXACT
    if not typed or not recorded:
        return NameMatch.DIFFERENT
    if first_name and are_variants(typed, recorded):
        return NameMatch.VARIANT
    shorter = min(len(typed), len(recorded))
    if shorter == 1:
        return NameMatch.INITIAL if typed[0] == recorded[0] else NameMatch.DIFFERENT
    distance = 3
    # Two words more than two letters apart in length, or with more than
    # four letters that are in one and not the other, are more than two
    # edits apart: skip the (comparatively slow) edit distance.
    if abs(len(typed) - len(recorded)) <= 2 and len(_letters(typed) ^ _letters(recorded)) <= 4:
        distance = jellyfish.damerau_levenshtein_distance(typed, recorded)
    if distance == 1 and max(len(typed), len(recorded)) >= 3:
        return NameMatch.SPELLING
    if (
        phonetic(typed) == phonetic(recorded)
        and jellyfish.jaro_winkler_similarity(typed, recorded) >= SOUND_ALIKE_MIN_SIMILARITY
    ):
        return NameMatch.SPELLING
    if shorter >= 3 and (recorded.startswith(typed) or typed.startswith(recorded)):
        return NameMatch.PREFIX
    if distance <= 2 and shorter >= 3:
        return NameMatch.TYPO
    return NameMatch.DIFFERENT
