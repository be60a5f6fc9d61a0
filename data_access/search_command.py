"""`familycontext search`: the bot's person search from the command line.

`search TEXT` answers one request, for a person (one line per result) or a
program (`--json`). `search --batch FILE` answers one request per line of a
JSON Lines file and is how search quality is measured from outside: it
keeps one engine for the whole run, writes each answer as soon as it has it,
and answers a line it cannot read with an error object rather than stopping,
so thousands of requests go through in one run and the output lines up with
the input by `id`.

It runs the bot's search, so what is measured from outside is what the bot
does: with a date of birth, a confident match among the people born on or
near that date is the answer, and the other results are only people found
there (PersonSearch.search_people). Namesakes born on other dates are listed
when nobody there is a confident match.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from data_access.engine import DatabaseLike, create_engine
from data_access.migrate import current_revision, head_revision
from data_access.search.scoring import DEFAULT_LIMIT, Candidate, Match, SearchOutcome
from data_access.search.service import PersonSearch, SearchResult

SCHEMA_HINT = "the database schema is not up to date: run `familycontext db upgrade` first"
AMBIGUOUS_NOTE = (
    "The best matches are too close to call: check the date of birth, address or case id "
    "before choosing."
)
NO_MATCH_NOTE = "No match. Try adding a date of birth, or check the spelling."
BATCH_FIELD_ERRORS = {
    "json": "not valid JSON",
    "object": 'not a JSON object with "id" and "text"',
    "text": '"text" must be a string',
}


def _result_json(match: Match) -> dict[str, Any]:
    return {
        "person_id": match.person_id,
        "score": match.score,
        "label": match.label.value,
        "reason": match.reason,
    }


def outcome_json(outcome: SearchOutcome) -> dict[str, Any]:
    return {
        "results": [_result_json(match) for match in outcome.matches],
        "ambiguous": outcome.ambiguous,
    }


def _date_words(person: Candidate | None) -> str:
    born = person.date_of_birth if person else None
    return f"{born.day} {born:%b %Y}" if born else "date of birth not recorded"


def human_lines(result: SearchResult) -> list[str]:
    """One line per result, best first, then what the social worker should know."""
    outcome = result.outcome
    if not outcome.matches:
        return [NO_MATCH_NOTE]
    lines = []
    for match in outcome.matches:
        person = result.people.get(match.person_id)
        name = f"{person.first_name} {person.last_name}" if person else "?"
        lines.append(
            f"{match.score:.2f}  {match.label.value:<9}  {match.person_id}  {name}  "
            f"{_date_words(person)}  ({match.reason})"
        )
    if outcome.ambiguous:
        lines.append(AMBIGUOUS_NOTE)
    return lines


async def _schema_ready(database: DatabaseLike) -> bool:
    if await current_revision(database) == head_revision():
        return True
    print(f"familycontext: {SCHEMA_HINT}", file=sys.stderr)
    return False


async def run_search(
    database: DatabaseLike, text: str, *, limit: int = DEFAULT_LIMIT, as_json: bool = False
) -> int:
    if not await _schema_ready(database):
        return 2
    engine = create_engine(database)
    try:
        result = await PersonSearch(engine).search_people(text, limit=limit)
    finally:
        await engine.dispose()
    if as_json:
        print(json.dumps(outcome_json(result.outcome), ensure_ascii=False))
    else:
        print("\n".join(human_lines(result)))
    return 0


def _batch_request(line: str) -> tuple[Any, str | None, str | None]:
    """(id, text, error) for one input line; id is None when it cannot be read."""
    try:
        request = json.loads(line)
    except ValueError:
        return None, None, BATCH_FIELD_ERRORS["json"]
    if not isinstance(request, dict):
        return None, None, BATCH_FIELD_ERRORS["object"]
    request_id = request.get("id")
    text = request.get("text")
    if not isinstance(text, str):
        return request_id, None, BATCH_FIELD_ERRORS["text"]
    return request_id, text, None


async def answer_batch(
    search: PersonSearch, lines: Iterable[str], out: TextIO, *, limit: int = DEFAULT_LIMIT
) -> int:
    """Answer each non-blank line with one JSON line; the number of lines answered."""
    answered = 0
    for line in lines:
        if not line.strip():
            continue
        request_id, text, error = _batch_request(line)
        answer: dict[str, Any]
        if text is None:
            answer = {"id": request_id, "error": error}
        else:
            outcome = await search.search(text, limit=limit)
            answer = {"id": request_id, "results": outcome_json(outcome)["results"]}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        out.flush()
        answered += 1
    return answered


class _Unreadable(Exception):
    """The batch file failed while being read (not a bad line: the file itself)."""


def _read_lines(source: TextIO) -> Iterator[str]:
    while True:
        try:
            line = source.readline()
        except OSError as error:
            raise _Unreadable(error.strerror or type(error).__name__) from error
        if not line:
            return
        yield line


async def run_batch(database: DatabaseLike, path: Path, *, limit: int = DEFAULT_LIMIT) -> int:
    """`search --batch FILE` (FILE `-` is standard input)."""
    try:
        source: TextIO = (
            sys.stdin if str(path) == "-" else path.open(encoding="utf-8", errors="replace")
        )
    except OSError as error:
        print(f"familycontext: cannot read {path}: {error.strerror}", file=sys.stderr)
        return 1
    try:
        if not await _schema_ready(database):
            return 2
        engine = create_engine(database)
        try:
            await answer_batch(PersonSearch(engine), _read_lines(source), sys.stdout, limit=limit)
        finally:
            await engine.dispose()
    except _Unreadable as error:
        print(f"familycontext: cannot read {path}: {error}", file=sys.stderr)
        return 1
    finally:
        if source is not sys.stdin:
            source.close()
    return 0
