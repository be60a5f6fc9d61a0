"""Name normalisation, sound-alike codes, variant groups and word comparison."""

from __future__ import annotations

import pytest

from data_access.search.name_match import NameMatch, compare_words
from data_access.search.nicknames import (
    VariantKind,
    are_variants,
    parse_table,
    relation,
    table,
    variant_keys,
)
from data_access.search.normalise import (
    display_name,
    first_name_forms,
    fold,
    fold_token,
    name_forms,
    phonetic,
)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Zoë", "zoe"),
        ("ZOË", "zoe"),
        ("Chloé", "chloe"),
        ("Siobhán", "siobhan"),
        ("Łukasz", "lukasz"),
        ("Søren", "soren"),
        ("Straße", "strasse"),
        ("Æthelred", "aethelred"),
        ("Œuvre", "oeuvre"),
        ("Đorđe", "dorde"),
        ("Þór", "thor"),
        ("Nguyễn", "nguyen"),
        ("Dvořák", "dvorak"),
        ("İbrahim", "ibrahim"),
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("O‘Brien", "obrien"),
        ("O`Brien", "obrien"),
        ("D'Souza", "dsouza"),
        ("ﬁona", "fiona"),
    ],
)
def test_fold_token(raw: str, folded: str) -> None:
    assert fold_token(raw) == folded


def test_fold_keeps_separators_for_tokenising() -> None:
    assert fold("Smith-Jones") == "smith-jones"
    assert fold("Zoë O'Brien") == "zoe obrien"


def test_fold_keeps_other_scripts() -> None:
    assert fold_token("Смирнов") == "смирнов"


@pytest.mark.parametrize(
    ("raw", "tokens", "joined", "forms"),
    [
        ("Smith", ("smith",), "smith", ("smith",)),
        ("Smith-Jones", ("smith", "jones"), "smithjones", ("smithjones", "smith", "jones")),
        ("Smith Jones", ("smith", "jones"), "smithjones", ("smithjones", "smith", "jones")),
        ("SMITH JONES", ("smith", "jones"), "smithjones", ("smithjones", "smith", "jones")),
        (
            "O'Connor-Smith",
            ("oconnor", "smith"),
            "oconnorsmith",
            ("oconnorsmith", "oconnor", "smith"),
        ),
        ("O Brien", ("o", "brien"), "obrien", ("obrien", "brien")),
        ("Al-Hassan", ("al", "hassan"), "alhassan", ("alhassan", "hassan")),
        ("van der Berg", ("van", "der", "berg"), "vanderberg", ("vanderberg", "berg")),
        ("St. John", ("st", "john"), "stjohn", ("stjohn", "john")),
        ("", (), "", ()),
        ("  --  ", (), "", ()),
    ],
)
def test_name_forms(raw: str, tokens: tuple[str, ...], joined: str, forms: tuple[str, ...]) -> None:
    parsed = name_forms(raw)
    assert parsed.tokens == tokens
    assert parsed.joined == joined
    assert parsed.forms == forms


def test_name_forms_keeps_display_and_text() -> None:
    parsed = name_forms("O'Connor-Smith")
    assert parsed.display == ("O'Connor", "Smith")
    assert parsed.text == "O'Connor-Smith"
    assert name_forms(None).is_empty


@pytest.mark.parametrize("placeholder", ["Baby", "BABY", "Unborn", "unknown"])
def test_placeholder_first_names_are_no_first_name(placeholder: str) -> None:
    assert first_name_forms(placeholder).is_empty
    assert not name_forms(placeholder).is_empty


def test_long_names_are_bounded() -> None:
    parsed = name_forms("a" * 1000 + " " + "b " * 100)
    assert len(parsed.tokens) <= 6
    assert all(len(token) <= 30 for token in parsed.tokens)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("smith", "smyth"),
        ("mohammed", "muhammad"),
        ("mohamed", "mohammad"),
        ("mcdonald", "macdonald"),
        ("phillips", "philips"),
        ("catherine", "kathryn"),
        ("jayden", "jaiden"),
    ],
)
def test_sound_alike_codes(a: str, b: str) -> None:
    assert phonetic(a) == phonetic(b)


def test_phonetic_of_other_scripts_is_the_word() -> None:
    assert phonetic("смирнов") == "смирнов"
    assert phonetic("") == ""


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("o'brien", "O'Brien"),
        ("SMITH", "Smith"),
        ("smith-jones", "Smith-Jones"),
        ("McKay", "McKay"),
    ],
)
def test_display_name(raw: str, shown: str) -> None:
    assert display_name(raw) == shown


# --- variant groups -------------------------------------------------------

VARIANT_PAIRS = [
    ("bob", "robert"),
    ("rob", "robert"),
    ("robbie", "bob"),
    ("alfie", "alfred"),
    ("alf", "alfie"),
    ("liam", "william"),
    ("will", "william"),
    ("billy", "william"),
    ("kate", "catherine"),
    ("katie", "katherine"),
    ("kathryn", "catherine"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("jack", "john"),
    ("johnny", "john"),
    ("jon", "john"),
    ("peggy", "margaret"),
    ("maggie", "margaret"),
    ("harry", "henry"),
    ("hal", "henry"),
    ("mohammed", "muhammad"),
    ("mohamed", "mohammad"),
    ("muhammed", "mohamad"),
    ("aisha", "ayesha"),
    ("stephen", "steven"),
    ("zoe", "zoey"),
    ("sean", "shaun"),
    ("shawn", "sean"),
    ("siobhan", "shivaun"),
    ("aleksander", "alexander"),
    ("oliwia", "olivia"),
    ("jakub", "jacob"),
    ("jake", "jacob"),
    ("alex", "alexander"),
    ("alex", "alexandra"),
    ("niamh", "neve"),
    ("ciaran", "kieran"),
    ("eoin", "owen"),
    ("padraig", "patrick"),
    ("yusuf", "yousef"),
    ("fatima", "fatimah"),
    ("wojtek", "wojciech"),
    ("zofia", "sophia"),
    ("bimbo", "abimbola"),
    ("emeka", "chukwuemeka"),
    ("tony", "anthony"),
    ("libby", "elizabeth"),
    ("ted", "edward"),
    ("ted", "theodore"),
]


@pytest.mark.parametrize(("a", "b"), VARIANT_PAIRS)
def test_variants_share_a_group(a: str, b: str) -> None:
    assert are_variants(a, b)
    assert are_variants(b, a)
    assert variant_keys(a) & variant_keys(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("aaron", "erin"),
        ("john", "sean"),
        ("oliver", "olivia"),
        ("jayden", "aiden"),
        ("tom", "tim"),
    ],
)
def test_different_names_are_not_variants(a: str, b: str) -> None:
    assert not are_variants(a, b)


def test_a_name_is_not_its_own_variant() -> None:
    assert not are_variants("robert", "robert")
    assert variant_keys("zzzzz") == frozenset()


def test_alex_is_in_several_groups() -> None:
    assert {"alexander", "alexandra", "alexis"} <= variant_keys("alex")


def test_table_is_large_clean_and_ids_are_unique() -> None:
    loaded = table()
    assert len(loaded.groups) >= 400
    for group_id, group in loaded.groups.items():
        assert group_id in group.full
        assert len(group.full | group.short) >= 2
        assert not (group.full & group.short)
        for name in group.full | group.short:
            assert name == fold_token(name)
            assert name.isalpha()


def test_parse_table_format() -> None:
    parsed = parse_table(
        "# comment\nrobert roberto | bob bobby\n\nlonely\nzoë zoey\nrobert | robbie  # more\n"
    )
    assert set(parsed.groups) == {"robert", "zoe"}
    assert parsed.groups["robert"].short == {"bob", "bobby", "robbie"}
    assert parsed.groups["zoe"].full == {"zoe", "zoey"}
    assert parsed.by_name["bob"] == frozenset({"robert"})


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("bob", "robert", VariantKind.SHORT_FORM),
        ("robert", "bob", VariantKind.LONG_FORM),
        ("muhammad", "mohammed", VariantKind.SPELLING),
        ("bob", "rob", VariantKind.SAME_SHORT),
    ],
)
def test_relation(a: str, b: str, kind: VariantKind) -> None:
    found = relation(a, b)
    assert found is not None
    assert found.kind is kind
    assert relation("robert", "robert") is None
    assert relation("robert", "zoe") is None


# --- word comparison ---------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "recorded", "first", "expected"),
    [
        ("smith", "smith", False, NameMatch.EXACT),
        ("bob", "robert", True, NameMatch.VARIANT),
        ("bob", "robert", False, NameMatch.DIFFERENT),
        ("smyth", "smith", False, NameMatch.SPELLING),
        ("jaydn", "jayden", True, NameMatch.SPELLING),
        ("jyaden", "jayden", True, NameMatch.SPELLING),
        ("thomson", "thompson", False, NameMatch.SPELLING),
        ("li", "ali", False, NameMatch.SPELLING),
        ("jaxdem", "jayden", True, NameMatch.TYPO),
        ("smiht", "smith", False, NameMatch.SPELLING),
        ("smhti", "smith", False, NameMatch.TYPO),
        ("jay", "jayden", True, NameMatch.PREFIX),
        ("smi", "smith", False, NameMatch.PREFIX),
        ("j", "jayden", True, NameMatch.INITIAL),
        ("jayden", "j", True, NameMatch.INITIAL),
        ("k", "jayden", True, NameMatch.DIFFERENT),
        ("ella", "jayden", True, NameMatch.DIFFERENT),
        ("jane", "june", True, NameMatch.SPELLING),
        ("", "smith", False, NameMatch.DIFFERENT),
    ],
)
def test_compare_words(typed: str, recorded: str, first: bool, expected: NameMatch) -> None:
    assert compare_words(typed, recorded, first_name=first) is expected
