"""Person search on real SQLite and PostgreSQL: the index the loader builds, and what it finds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cli import main
from data_access.demo_command import load_demo
from data_access.engine import create_engine
from data_access.loader import load_folder
from data_access.models import Person, PersonAlias, PersonSearchKey
from data_access.search import keys
from data_access.search.index import UNKNOWN_DATE_OF_BIRTH
from data_access.search.keys import person_keys
from data_access.search.scoring import MatchLabel, SearchOutcome
from data_access.search.service import PersonSearch
from tests.support.databases import PostgresTemplate
from tests.support.interchange import Rows, valid_extract, write_extract

TODAY = dt.date(2026, 11, 22)


def _person(
    person_id: str,
    first: str,
    last: str,
    born: str,
    *,
    cms_id: str = "",
    restricted: bool = False,
) -> dict[str, str]:
    return {
        "person_id": person_id,
        "cms_id": cms_id,
        "first_name": first,
        "last_name": last,
        "date_of_birth": born,
        "gender": "unknown",
        "address": "",
        "postcode": "",
        "restricted": "true" if restricted else "false",
    }


def search_extract() -> Rows:
    """A handful of people chosen so that each kind of mistake has one right answer."""
    rows = valid_extract()  # P1 Jayden Smith 12/03/2016 (case 7190247), P2 Zoë O'Connor-Smith
    rows["person"] += [
        _person("P3", "Robert", "Taylor", "1985-06-01", cms_id="5550001"),
        _person("P4", "Jaden", "Smith", "2015-01-20"),
        _person("P5", "Amelia", "Hartley-Quinn", "2012-05-05", cms_id="9999999", restricted=True),
        _person("P6", "Mohammed", "Khan", "2001-07-07"),
        _person("P7", "Olivia", "Brown", "1992-02-02"),
        _person("P8", "Lily", "Evans", ""),
        _person("P9", "Amelia", "Hartley", "2012-05-06"),
    ]
    rows["person_alias"] = [
        {"person_id": "P3", "first_name": "Bobby", "last_name": "", "kind": "preferred"},
        {"person_id": "P7", "first_name": "", "last_name": "Jones", "kind": "previous"},
        {"person_id": "P5", "first_name": "Millie", "last_name": "", "kind": "alias"},
    ]
    return rows


async def load(engine: AsyncEngine, folder: Path) -> dict[str, int]:
    result = await load_folder(engine, folder, today=TODAY)
    assert result.ok, result.problem_lines()
    return result.rows


@pytest.fixture
async def searchable(engine: AsyncEngine, tmp_path: Path) -> PersonSearch:
    await load(engine, write_extract(tmp_path / "extract", search_extract()))
    return PersonSearch(engine)


async def find(search: PersonSearch, text: str, limit: int = 5) -> SearchOutcome:
    """The full search, every runner-up listed: what retrieval and ranking find."""
    return await search.search(text, limit=limit, today=TODAY, settle_for_confident=False)


def ids(outcome: SearchOutcome) -> list[str]:
    return [match.person_id for match in outcome.matches]


async def test_the_load_writes_every_key_of_every_person_who_may_be_found(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    rows = await load(engine, write_extract(tmp_path / "extract", search_extract()))

    async with engine.connect() as connection:
        stored = {
            (row.key, row.date_of_birth, row.person_id)
            for row in await connection.execute(select(PersonSearchKey))
        }
    expected = {
        (key, born, person_id)
        for person_id, first, last, born, aliases in [
            ("P1", "Jayden", "Smith", dt.date(2016, 3, 12), []),
            ("P2", "Zoë", "O'Connor-Smith", dt.date(1990, 3, 12), []),
            ("P3", "Robert", "Taylor", dt.date(1985, 6, 1), [("Bobby", None)]),
            ("P4", "Jaden", "Smith", dt.date(2015, 1, 20), []),
            ("P6", "Mohammed", "Khan", dt.date(2001, 7, 7), []),
            ("P7", "Olivia", "Brown", dt.date(1992, 2, 2), [(None, "Jones")]),
            ("P8", "Lily", "Evans", UNKNOWN_DATE_OF_BIRTH, []),
            ("P9", "Amelia", "Hartley", dt.date(2012, 5, 6), []),
        ]
        for key in person_keys(first, last, aliases)
    }
    assert stored == expected
    assert rows["person_search_key"] == len(expected)
    assert "P5" not in {person_id for _, _, person_id in stored}  # restricted: no keys at all


async def test_exact_name_and_date_of_birth_is_confident(searchable: PersonSearch) -> None:
    outcome = await find(searchable, "find jayden smith born 12/3/16")

    assert ids(outcome)[0] == "P1"
    assert outcome.matches[0].label is MatchLabel.CONFIDENT
    assert outcome.matches[0].reason == "same name and date of birth"
    assert outcome.ambiguous is False


async def test_misspelt_name_with_date_of_birth(searchable: PersonSearch) -> None:
    outcome = await find(searchable, "Jaydn Smtih 12/03/2016")

    assert ids(outcome)[0] == "P1"
    assert outcome.matches[0].label is MatchLabel.POSSIBLE  # a typing error is never confident
    assert "spelt differently" in outcome.matches[0].reason


async def test_a_full_date_leaves_out_misspelt_namesakes_born_on_another_date(
    searchable: PersonSearch,
) -> None:
    # P4 Jaden Smith, born 20/01/2015: the same name by its usual variant spelling, so
    # listed whatever the date; "Jayen" is a typing error of it, which with a date of
    # birth far off as well is too weak to list.
    assert "P4" in ids(await find(searchable, "Jayden Smith 12/03/2016"))
    assert "P4" not in ids(await find(searchable, "Jayen Smith 12/03/2016"))
    assert "P4" in ids(await find(searchable, "Jayen Smith 20/01/2015"))
    assert "P4" in ids(await find(searchable, "Jayen Smith 21/01/2015"))
    assert "P4" in ids(await find(searchable, "Jayen Smith"))
    # P8 Lily Evans has no date recorded: a misspelling still finds her, and so does
    # one name with a date (no pair of names: its few holders are read at any date).
    assert "P8" in ids(await find(searchable, "Lilly Evans 01/01/2010"))
    # Found only among the holders of "Lily"'s typing-error keys filed under no date:
    # "Kily" neither sounds like "Lily" nor starts like it.
    assert "P8" in ids(await find(searchable, "Kily Evans 01/01/2010"))
    assert "P8" in ids(await searchable.search("Kily Evans 01/01/2010", today=TODAY))
    assert "P8" in ids(await find(searchable, "Evans 01/01/2010"))
    assert "P8" in ids(await find(searchable, "L Evans 01/01/2010"))
    assert "P4" in ids(await find(searchable, "Jaden 01/01/2010"))


async def test_nickname_and_preferred_name(searchable: PersonSearch) -> None:
    outcome = await find(searchable, "Bob Taylor 01/06/1985")

    assert ids(outcome)[0] == "P3"
    assert outcome.matches[0].label is MatchLabel.CONFIDENT
    assert "Bob" in outcome.matches[0].reason


async def test_surname_first_and_swapped_names(searchable: PersonSearch) -> None:
    comma = await find(searchable, "Smith, Jayden 12/03/2016")
    swapped = await find(searchable, "smith jayden 12/03/2016")

    assert ids(comma)[0] == "P1"
    assert ids(swapped)[0] == "P1"
    assert "swapped" in swapped.matches[0].reason


async def test_date_of_birth_with_day_and_month_swapped(searchable: PersonSearch) -> None:
    outcome = await find(searchable, "Robert Taylor 06/01/1985")

    assert ids(outcome)[0] == "P3"
    assert "day and month swapped" in outcome.matches[0].reason


async def test_near_dates_and_years_meet_people_through_a_single_name(
    searchable: PersonSearch, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In a population this small every single name is fetched whole; with that
    # turned off, only the near-date and date-range look-ups find P6 by surname.
    monkeypatch.setattr(keys, "BROAD_KEY_LIMIT", 0)
    monkeypatch.setattr(keys, "BROAD_KEY_LIMIT_WITH_PAIR", 0)

    near = await find(searchable, "Zed Khan 07/07/2011")
    year = await find(searchable, "Zed Khan 2001")
    no_date = await find(searchable, "Zed Khan")

    assert ids(near) == ["P6"]
    assert "differs by one digit" in near.matches[0].reason
    assert ids(year) == ["P6"]
    assert ids(no_date) == []


async def test_previous_surname(searchable: PersonSearch) -> None:
    outcome = await find(searchable, "Olivia Jones 2/2/1992")

    assert ids(outcome)[0] == "P7"
    assert "previous surname Jones" in outcome.matches[0].reason


async def test_person_without_a_date_of_birth_is_found_by_name(searchable: PersonSearch) -> None:
    by_name = await find(searchable, "lily evans")
    with_a_date = await find(searchable, "lily evans 01/01/2010")

    assert ids(by_name) == ["P8"]
    assert ids(with_a_date) == ["P8"]
    assert "date of birth not recorded" in with_a_date.matches[0].reason


async def test_case_id(searchable: PersonSearch) -> None:
    outcome = await find(searchable, "case 7190247")

    assert ids(outcome) == ["P1"]
    assert outcome.matches[0].label is MatchLabel.CONFIDENT


@pytest.mark.parametrize(
    "request_text",
    [
        "Amelia Hartley-Quinn 05/05/2012",  # exact name and date of birth
        "case 9999999",  # case id
        "Amelia Hartley-Quinn",  # name only
        "Millie Hartley-Quinn 2012",  # alias and year
        "Hartley-Quinn",  # surname alone
        "05/05/2012",  # date of birth alone
    ],
)
async def test_a_restricted_person_is_never_returned(
    searchable: PersonSearch, request_text: str
) -> None:
    outcome = await find(searchable, request_text, limit=50)

    assert "P5" not in ids(outcome)


async def test_restricted_person_does_not_hide_a_similar_one(searchable: PersonSearch) -> None:
    outcome = await find(searchable, "Amelia Hartley 05/05/2012", limit=50)

    assert ids(outcome)[0] == "P9"
    assert "P5" not in ids(outcome)


async def test_no_match(searchable: PersonSearch) -> None:
    assert (await find(searchable, "Xavier Quennell 01/01/2000")).matches == ()
    assert (await find(searchable, "case 1234567")).matches == ()
    assert (await find(searchable, "")).matches == ()
    assert (await find(searchable, "please find")).matches == ()


async def test_each_load_rebuilds_the_index(engine: AsyncEngine, tmp_path: Path) -> None:
    search = PersonSearch(engine)
    await load(engine, write_extract(tmp_path / "first", search_extract()))
    assert ids(await find(search, "Jaden Smith 20/01/2015"))[0] == "P4"

    rows = search_extract()
    rows["person"] = [row for row in rows["person"] if row["person_id"] != "P4"]
    rows["person"][0]["first_name"] = "Jay"  # P1 renamed
    await load(engine, write_extract(tmp_path / "second", rows))

    assert "P4" not in ids(await find(search, "Jaden Smith 20/01/2015", limit=50))
    renamed = await find(search, "Jay Smith 12/03/2016")
    assert ids(renamed)[0] == "P1"
    assert renamed.matches[0].label is MatchLabel.CONFIDENT
    async with engine.connect() as connection:
        keys_of_p4 = await connection.scalar(
            select(func.count()).where(PersonSearchKey.person_id == "P4")
        )
        keys_of_p1 = set(
            await connection.scalars(
                select(PersonSearchKey.key).where(PersonSearchKey.person_id == "P1")
            )
        )
    assert keys_of_p4 == 0
    assert keys_of_p1 == person_keys("Jay", "Smith")


async def test_a_rejected_load_keeps_the_previous_index(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    search = PersonSearch(engine)
    await load(engine, write_extract(tmp_path / "first", search_extract()))
    rows = search_extract()
    rows["person"][3]["gender"] = "not a gender"

    result = await load_folder(engine, write_extract(tmp_path / "bad", rows), today=TODAY)

    assert not result.ok
    assert ids(await find(search, "Jaden Smith 20/01/2015"))[0] == "P4"


@pytest.mark.postgres
async def test_postgresql_swap_keeps_grants_and_names(
    postgres_template: PostgresTemplate, tmp_path: Path
) -> None:
    """PostgreSQL swaps in a newly built table; what others may do with it carries over."""
    async with postgres_template.database() as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as connection:
                await connection.execute(text("GRANT SELECT ON person_search_key TO PUBLIC"))

            await load(engine, write_extract(tmp_path / "x", search_extract()))

            async with engine.connect() as connection:
                allowed = await connection.scalar(
                    text("SELECT has_table_privilege('public', 'person_search_key', 'SELECT')")
                )
                primary_key = await connection.scalar(
                    text(
                        "SELECT conname FROM pg_constraint "
                        "WHERE conrelid = 'person_search_key'::regclass AND contype = 'p'"
                    )
                )
                leftovers = await connection.scalar(
                    text("SELECT count(*) FROM pg_class WHERE relname LIKE 'person_search_key_%'")
                )
        finally:
            await engine.dispose()
    assert allowed is True
    assert primary_key == "pk_person_search_key"
    assert leftovers == 0


async def test_demo_population_people_are_found_by_name_and_date_of_birth(
    db_url: str, engine: AsyncEngine
) -> None:
    await load_demo(db_url, people=400, seed=11)
    async with engine.connect() as connection:
        people = (
            await connection.execute(
                select(Person.person_id, Person.first_name, Person.last_name, Person.date_of_birth)
                .where(Person.restricted.is_(False), Person.date_of_birth.is_not(None))
                .order_by(Person.person_id)
                .limit(40)
            )
        ).all()
        aliases = await connection.scalar(select(func.count()).select_from(PersonAlias))
    assert aliases
    search = PersonSearch(engine)
    for person_id, first, last, born in people:
        outcome = await search.search(f"{first} {last} {born:%d/%m/%Y}", limit=5)
        assert person_id in ids(outcome), (person_id, ids(outcome))
        assert outcome.matches[0].score == 1.0


# --- the command ---------------------------------------------------------------


@pytest.fixture
def cli_database(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, searchable: PersonSearch
) -> str:
    monkeypatch.setenv("FC_DATABASE_URL", db_url)
    monkeypatch.chdir(tmp_path)  # no stray .env file is read
    return db_url


def test_search_command_prints_one_line_per_result(
    cli_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "Robert", "Taylor", "01/06/1985"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == [
        "1.00",
        "confident",
        "P3",
        "Robert",
        "Taylor",
        "1",
        "Jun",
        "1985",
        "(same",
        "name",
        "and",
        "date",
        "of",
        "birth)",
    ]


def test_search_command_json(cli_database: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "case 7190247", "--json"]) == 0

    answer = json.loads(capsys.readouterr().out)
    assert answer["ambiguous"] is False
    assert [(r["person_id"], r["label"], r["score"]) for r in answer["results"]] == [
        ("P1", "confident", 1.0)
    ]


def test_search_command_says_when_nothing_matches(
    cli_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "Xavier Quennell 01/01/2000"]) == 0

    assert "No match" in capsys.readouterr().out


def test_batch_answers_every_line_and_carries_on_after_a_bad_one(
    cli_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "queries.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps({"id": "q1", "text": "Jayden Smith 12/03/2016"}),
                "{not json",
                json.dumps({"id": 3, "text": ["not", "a", "string"]}),
                "",
                json.dumps({"id": "q4", "text": "Amelia Hartley-Quinn 05/05/2012"}),
                json.dumps({"id": "q5", "text": "Bob Taylor 1/6/85"}),
                json.dumps({"id": "q6", "text": "Jayden Smith"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )

    assert main(["search", "--batch", str(batch), "--limit", "2"]) == 0

    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [answer["id"] for answer in answers] == ["q1", None, 3, "q4", "q5", "q6"]
    # The bot's search: a confident match, and nobody else born on or near that date
    # (P4 Jaden Smith, born in 2015, is listed only by the full search).
    assert answers[0]["results"] == [
        {
            "person_id": "P1",
            "score": 1.0,
            "label": "confident",
            "reason": "same name and date of birth",
        }
    ]
    assert [r["person_id"] for r in answers[5]["results"]] == ["P1", "P4"]  # --limit 2
    assert answers[1] == {"id": None, "error": "not valid JSON"}
    assert answers[2] == {"id": 3, "error": '"text" must be a string'}
    assert "P5" not in [r["person_id"] for r in answers[3]["results"]]
    assert answers[4]["results"][0]["person_id"] == "P3"


def test_batch_of_a_missing_file_fails(
    cli_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--batch", str(tmp_path / "missing.jsonl")]) == 1

    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    [
        "find jayden smith born 12/3/16",
        "Jaydn Smtih 12/03/2016",
        "jayden smith 03/12/2016",  # day and month swapped: two namesakes born near
        "jaden smith 20/01/2015",
        "Bobby Taylor 01/06/1985",
        "olivia jones 02/02/1992",  # previous surname
        "mohamed khan 07/07/2001",
        "lily evans 01/01/1990",  # no date recorded for her
        "amelia hartley 06/05/2012",
        "zoe o'connor-smith 2016",
        "case 7190247",
    ],
)
async def test_the_bots_shortcut_names_the_same_best_match_and_label(
    searchable: PersonSearch, text: str
) -> None:
    full = (await searchable.search_people(text, today=TODAY, settle_for_confident=False)).outcome
    bot = (await searchable.search_people(text, today=TODAY)).outcome
    assert bot.matches[:1] == full.matches[:1]
    assert bot.confident == full.confident


async def test_the_bots_search_answers_a_confident_match_alone_and_heeds_undated_namesakes(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    rows = valid_extract()
    rows["person"] += [
        _person("Q1", "Robert", "Smithson", "2010-04-05"),
        _person("Q2", "Bob", "Jones", ""),  # no date of birth recorded
        _person("Q3", "Robert", "Smithson", "1970-01-01"),
    ]
    rows["person_alias"] = [
        {"person_id": "Q1", "first_name": "", "last_name": "Jones", "kind": "previous"},
    ]
    await load(engine, write_extract(tmp_path / "extract", rows))
    search = PersonSearch(engine)

    # Q1 by their short first name: confident, and answered alone (the full search also
    # lists Q3, the same name born on another date).
    bot = await search.search("Bob Smithson 05/04/2010", today=TODAY)
    full = await search.search("Bob Smithson 05/04/2010", today=TODAY, settle_for_confident=False)
    assert [(m.person_id, m.label) for m in bot.matches] == [("Q1", MatchLabel.CONFIDENT)]
    assert ids(full) == ["Q1", "Q3"]
    # By a short first name and a previous surname Q1 scores 0.87; Q2, the name exactly
    # as typed with no date recorded, 0.75: too close to call, and the bot's search
    # must look up Q2 to know it.
    bot = await search.search("Bob Jones 05/04/2010", today=TODAY)
    full = await search.search("Bob Jones 05/04/2010", today=TODAY, settle_for_confident=False)
    assert bot == full
    assert ids(bot) == ["Q1", "Q2"]
    assert bot.confident is None
    assert bot.ambiguous
