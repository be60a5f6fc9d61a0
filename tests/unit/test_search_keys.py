"""The index contract: a corrupted query still meets the right person's keys."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from data_access.search.dates import DateRange, TypedDate, age_on, near_dates
from data_access.search.keys import (
    BROAD_KEY_LIMIT,
    BROAD_KEY_LIMIT_WITH_PAIR,
    candidate_dates,
    person_keys,
    prefix_neighbourhood,
    query_keys,
    retrieval_plan,
)
from data_access.search.parse import ParsedQuery, parse_query

TODAY = dt.date(2026, 11, 15)


def parse(text: str) -> ParsedQuery:
    return parse_query(text, TODAY)


def test_simple_person_has_fourteen_short_keys() -> None:
    keys = person_keys("Jayden", "Smith", [])
    assert len(keys) == 14
    assert {"f:jayden", "l:smith", "t:smith|jayd", "u:jayden|smit"} <= keys
    assert all(len(key) <= 40 for key in keys)


def test_key_counts_stay_small_for_realistic_names() -> None:
    people: list[tuple[str, str, list[tuple[str | None, str | None]]]] = [
        ("Jayden", "Smith", []),
        ("Amy", "Li", []),
        ("Mary-Jane", "O'Connor-Smith", []),
        ("Muhammad Ali", "Khan", []),
        ("Olivia", "Brown", [(None, "Jones")]),
        ("Robert", "Taylor", [("Bobby", None)]),
        ("Zoë", "Ó Súilleabháin", []),
    ]
    counts = [len(person_keys(first, last, aliases)) for first, last, aliases in people]
    assert max(counts) <= 50
    assert sum(counts) / len(counts) <= 25
    for first, last, aliases in people:
        assert all(len(key) <= 60 for key in person_keys(first, last, aliases))


def test_people_without_names_have_few_keys() -> None:
    assert person_keys("Baby", "Smith", []) == {"l:smith"}
    assert person_keys("", "", []) == set()
    assert person_keys(None, None, [(None, None)]) == set()


def test_query_keys_put_single_names_apart() -> None:
    found = query_keys(parse("John Smith"))
    assert "l:smith" in found.broad_keys
    assert "l:smith" not in found.keys
    assert found.broad_limit == BROAD_KEY_LIMIT_WITH_PAIR
    assert found.filter_keys == found.keys | found.broad_keys
    single = query_keys(parse("Wojciechowski"))
    assert not single.keys
    assert {"l:wojciechowski", "f:wojciechowski"} <= single.broad_keys
    assert single.broad_limit == BROAD_KEY_LIMIT


def test_query_keys_are_bounded() -> None:
    assert len(query_keys(parse("Jayden Smith")).keys) <= 30
    many = query_keys(parse("Mary Jane O Connor Smith Jones Brown Taylor"))
    assert len(many.keys) + len(many.broad_keys) <= 300
    assert query_keys(parse("")).is_empty
    assert query_keys(parse("12/03/2016")).is_empty


# (first name, surname, aliases, what the social worker typed)
FAMILIES: list[tuple[str, str, str, list[tuple[str | None, str | None]], str]] = [
    ("exact", "Jayden", "Smith", [], "Jayden Smith"),
    ("case and accents", "Zoë", "O'Brien", [], "ZOE OBRIEN"),
    ("apostrophe as space", "Zoë", "O'Brien", [], "zoe o brien"),
    ("surname first", "Jayden", "Smith", [], "Smith, Jayden"),
    ("swapped", "Jayden", "Smith", [], "smith jayden"),
    ("typo in first name, late", "Christopher", "Smith", [], "Christophre Smith"),
    ("two typos in first name, late", "Christopher", "Smith", [], "Chrisotpehr Smith"),
    ("typo in first letter", "Jayden", "Smith", [], "Hayden Smith"),
    ("letter dropped", "Jayden", "Smith", [], "Jaden Smith"),
    ("letter added", "Amy", "Smith", [], "Aimy Smith"),
    ("letters swapped", "Jayden", "Smith", [], "Jyaden Smith"),
    ("typo in surname", "Jayden", "Smith", [], "Jayden Smiht"),
    ("two typos in surname", "Jayden", "Butterworth", [], "Jayden Buttreowrth"),
    ("typo in surname first letter", "Jayden", "Smith", [], "Jayden Xmith"),
    ("sound-alike surname", "Jayden", "Smith", [], "Jayden Smyth"),
    ("sound-alike surname, far", "Jayden", "Thompson", [], "Jayden Tomson"),
    ("nickname", "Robert", "Smith", [], "Bob Smith"),
    ("nickname Alfie", "Alfred", "Smith", [], "Alfie Smith"),
    ("nickname Liam", "William", "Smith", [], "Liam Smith"),
    ("spelling variant", "Mohammed", "Khan", [], "Muhammad Khan"),
    ("spelling variant Aisha", "Aisha", "Begum", [], "Ayesha Begum"),
    ("Polish form", "Jakub", "Nowak", [], "Jacob Nowak"),
    ("prefix of first name", "Jayden", "Smith", [], "Jay Smith"),
    ("stray wildcards", "Jayden", "Smith", [], "*Jayden* %Smith%"),
    ("wildcard prefix of surname", "Jayden", "Smith", [], "Jayden Smi*"),
    ("part of double-barrelled", "Jayden", "O'Connor-Smith", [], "Jayden Smith"),
    ("other part", "Jayden", "O'Connor-Smith", [], "Jayden O'Connor"),
    ("double-barrelled run together", "Jayden", "Smith-Jones", [], "Jayden Smithjones"),
    ("double-barrelled with space", "Jayden", "Smith-Jones", [], "Jayden Smith Jones"),
    ("previous surname", "Jayden", "Smith", [(None, "Jones")], "Jayden Jones"),
    ("preferred first name", "Robert", "Smith", [("Bobby", None)], "Bobby Smith"),
    ("alias with both names", "Robert", "Smith", [("Rab", "Jones")], "Rab Jones"),
    ("middle name typed", "Jayden Lee", "Smith", [], "Jayden Lee Smith"),
    ("middle name only", "Jayden Lee", "Smith", [], "Lee Smith"),
    ("first names run together", "Mary-Jane", "Smith", [], "Maryjane Smith"),
    ("Irish spelling", "Siobhán", "Murphy", [], "Shivaun Murphy"),
]


@pytest.mark.parametrize(
    ("family", "first", "last", "aliases", "typed"), FAMILIES, ids=[f[0] for f in FAMILIES]
)
def test_corrupted_query_meets_the_persons_keys(
    family: str, first: str, last: str, aliases: list[tuple[str | None, str | None]], typed: str
) -> None:
    stored = person_keys(first, last, aliases)
    looked_up = query_keys(parse(typed)).keys
    assert stored & looked_up, family


def test_single_name_meets_the_broad_keys() -> None:
    assert (
        person_keys("Jayden", "Wojciechowski", []) & query_keys(parse("Wojciechowski")).broad_keys
    )
    assert person_keys("Jayden", "Smith", []) & query_keys(parse("baby Smith")).broad_keys


def test_unrelated_people_do_not_share_keys() -> None:
    assert not person_keys("Ella", "Brown", []) & query_keys(parse("Jayden Smith")).keys


@pytest.mark.parametrize("name", ["jayden", "amy", "christopher", "li", "mohammed"])
def test_prefix_neighbourhood_survives_any_single_edit(name: str) -> None:
    stored = prefix_neighbourhood(name)
    letters = "abcdefghijklmnopqrstuvwxyz"
    edits: set[str] = set()
    for i in range(len(name) + 1):
        edits.update(name[:i] + ch + name[i:] for ch in letters)
        if i < len(name):
            edits.add(name[:i] + name[i + 1 :])
            edits.update(name[:i] + ch + name[i + 1 :] for ch in letters)
        if i < len(name) - 1:
            edits.add(name[:i] + name[i + 1] + name[i] + name[i + 2 :])
    for edited in edits - {""}:
        assert stored & prefix_neighbourhood(edited), edited


# --- dates of birth ------------------------------------------------------------

TRUE_DOB = dt.date(2016, 3, 12)


def _one_digit_variants(day: dt.date) -> list[str]:
    digits = day.strftime("%d%m%Y")
    out = []
    for i, ch in itertools.product(range(8), "0123456789"):
        if ch != digits[i]:
            out.append(digits[:i] + ch + digits[i + 1 :])
    return out


def test_exact_date_comes_first() -> None:
    dates = candidate_dates(parse("jayden smith 12/03/2016"))
    assert isinstance(dates, tuple)
    assert dates[0] == TRUE_DOB
    assert len(dates) == len(set(dates))
    assert len(dates) <= 100
    assert all(dt.date(1900, 1, 1) <= day <= TODAY for day in dates)


@pytest.mark.parametrize(
    "typed",
    [
        "03/12/2016",  # day and month swapped
        "12/03/2015",  # year one less
        "12/03/2017",  # year one more
        "21/03/2016",  # digits transposed
        "12/30/2016",  # transposed into a month that does not exist
        "03/25/2016",  # American order of another date
    ],
)
def test_near_dates_hold_the_true_date(typed: str) -> None:
    true = dt.date(2016, 3, 12) if typed != "03/25/2016" else dt.date(2016, 3, 25)
    dates = candidate_dates(parse(f"jayden smith {typed}"))
    assert isinstance(dates, tuple)
    assert true in dates


@pytest.mark.parametrize("typed", _one_digit_variants(TRUE_DOB))
def test_every_one_digit_mistake_is_covered(typed: str) -> None:
    query = parse("jayden smith")
    mistyped = ParsedQuery(
        today=TODAY,
        names=query.names,
        display_names=query.display_names,
        typed_date=TypedDate(int(typed[:2]), int(typed[2:4]), int(typed[4:])),
    )
    dates = candidate_dates(mistyped)
    assert isinstance(dates, tuple)
    assert TRUE_DOB in dates


def test_near_dates_of_a_recent_birthday_stay_in_the_past() -> None:
    dates = near_dates(TypedDate(10, 11, 2026), TODAY)
    assert dt.date(2026, 11, 10) in dates
    assert all(day <= TODAY for day in dates)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("jayden smith 2016", dt.date(2016, 1, 1), dt.date(2016, 12, 31)),
        ("jayden smith March 2016", dt.date(2016, 3, 1), dt.date(2016, 3, 31)),
        ("jayden smith Feb 2016", dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
        ("jayden smith December 2015", dt.date(2015, 12, 1), dt.date(2015, 12, 31)),
        ("jayden smith 2026", dt.date(2026, 1, 1), TODAY),
    ],
)
def test_partial_dates_give_a_range(text: str, start: dt.date, end: dt.date) -> None:
    assert candidate_dates(parse(text)) == DateRange(start, end)


@pytest.mark.parametrize("age", [0, 1, 7, 17, 80])
def test_age_gives_the_dates_of_people_that_age(age: int) -> None:
    period = candidate_dates(parse(f"jayden smith aged {age}"))
    assert isinstance(period, DateRange)
    assert age_on(period.start, TODAY) == age
    assert age_on(period.end, TODAY) == age
    assert age_on(period.start - dt.timedelta(days=1), TODAY) == age + 1
    assert age_on(period.end + dt.timedelta(days=1), TODAY) == age - 1 or period.end == TODAY


def test_no_date_gives_nothing_to_look_up() -> None:
    assert candidate_dates(parse("jayden smith")) == []


def test_retrieval_plan() -> None:
    plan = retrieval_plan(parse("jayden smith 12/03/2016 case 7190247"))
    assert plan.case_id == "7190247"
    assert plan.exact_date == TRUE_DOB
    assert TRUE_DOB not in plan.near_dates
    assert dt.date(2016, 12, 3) in plan.near_dates
    assert plan.date_range is None
    assert plan.keys
    assert plan.broad_keys
    assert plan.filter_keys == plan.keys | plan.broad_keys
    ranged = retrieval_plan(parse("jayden smith 2016"))
    assert ranged.date_range == DateRange(dt.date(2016, 1, 1), dt.date(2016, 12, 31))
    assert ranged.exact_date is None


def test_with_a_full_date_only_the_names_as_typed_are_looked_up_at_any_date() -> None:
    dated = retrieval_plan(parse("jayden smith 12/03/2016"))
    assert {"t:smith|jayd", "u:jayden|smit"} <= dated.any_date_keys
    assert "t:smith|jyd" not in dated.any_date_keys  # a typing error: near the date only
    assert "t:smith|jyd" in dated.keys
    assert any(key.startswith("v:") for key in dated.any_date_keys)  # Jaden, Smyth
    assert dated.any_date_keys < dated.keys
    assert dated.broad_holders is False

    one_name = retrieval_plan(parse("wojciechowski 12/03/2016"))
    assert not one_name.keys
    assert one_name.broad_holders is True

    for undated in ("jayden smith", "jayden smith 2016", "jayden smith aged 10"):
        plan = retrieval_plan(parse(undated))
        assert plan.any_date_keys == plan.keys
        assert plan.broad_holders is True


def test_pair_keys_are_a_surname_form_with_a_first_name_forms_opening() -> None:
    # Every reading of the words: Mary (Jane) Smith, Mary Jane-Smith, surname first.
    plan = retrieval_plan(parse("mary jane smith 12/03/2016"))
    assert plan.pair_keys == {
        "t:smith|mary",
        "t:smith|jane",
        "t:janesmith|mary",
        "t:jane|mary",
        "t:mary|jane",
        "t:jane|smit",
        "t:mary|smit",
        "t:maryjane|smit",
    }
    assert plan.pair_keys <= plan.any_date_keys
    # Everyone with a first-name form and a surname form typed holds one.
    assert person_keys("Mary", "Smith") & plan.pair_keys
    assert person_keys("Mary Louise", "Smith-Jones") & plan.pair_keys
    assert not person_keys("Marie", "Smith") & plan.pair_keys
    assert not person_keys("Mary", "Smyth") & plan.pair_keys


def test_retrieval_plan_without_names_looks_up_the_exact_date_only() -> None:
    plan = retrieval_plan(parse("12/03/2016"))
    assert plan.exact_date == TRUE_DOB
    assert plan.near_dates == ()
    assert not plan.keys
    assert retrieval_plan(parse("2016")).date_range is None


def test_retrieval_plan_for_an_impossible_date() -> None:
    plan = retrieval_plan(parse("jayden smith 31/02/2016"))
    assert plan.exact_date is None
    assert dt.date(2016, 2, 21) in plan.near_dates  # one digit off
