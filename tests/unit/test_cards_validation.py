"""The card validator (tests/support/card_validation.py) catches what it promises to."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from tests.support import card_validation
from tests.support.card_validation import (
    MAX_CARD_BYTES,
    SCRIPT_PATH,
    card_problems,
    validate_card,
    validate_cards,
)

Json = dict[str, Any]


def card(*body: Json, **extra: Any) -> Json:
    return {"type": "AdaptiveCard", "version": "1.5", "body": list(body), **extra}


def tb(value: str, **extra: Any) -> Json:
    return {"type": "TextBlock", "text": value, "wrap": True, **extra}


def execute(verb: str | None = "person.open", **extra: Any) -> Json:
    action: Json = {"type": "Action.Execute", "title": "Open", **extra}
    if verb is not None:
        action["verb"] = verb
    return action


GOOD = card(tb("Hello"))


def problems_of(bad: Json) -> list[str]:
    return card_problems({"bad": bad}).get("bad", [])


def test_a_good_card_passes() -> None:
    validate_card(GOOD)
    assert card_problems([GOOD, GOOD]) == {}


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (card(tb("x", colour="good")), "schema: $.body[0]: Additional properties"),
        (card({"type": "TextBlock", "wrap": True}), "schema: $.body[0]: 'text' is a required"),
        (card(tb("x", spacing="huge")), "schema: $.body[0].spacing"),
        (
            card(
                {
                    "type": "Container",
                    "items": [tb("x")],
                    "selectAction": {"type": "Action.ShowCard"},
                }
            ),
            "schema: $.body[0].selectAction: element type 'Action.ShowCard' is not allowed here",
        ),
        (card(tb("x"), msteams={"width": "Full"}), "schema: $: Additional properties"),
        ({"type": "AdaptiveCard", "version": "1.6", "body": []}, 'card: must be {"type"'),
    ],
)
def test_schema_problems_are_explained_where_they_are(bad: Json, expected: str) -> None:
    found = problems_of(bad)
    assert any(problem.startswith(expected) for problem in found), found


def test_the_schema_rtl_quirk_is_corrected() -> None:
    validate_card(card({"type": "Container", "items": [tb("x")], "rtl": False}))


def test_oversized_cards_are_refused() -> None:
    big = card(*(tb("Family Context " * 20) for _ in range(120)))
    assert card_validation.card_size(big) > MAX_CARD_BYTES
    assert any(problem.startswith("size: ") for problem in problems_of(big))


@pytest.mark.parametrize(
    "shown",
    [
        card(tb("None")),
        card(tb("null")),
        card(tb("**nan**")),
        card(tb("School: None")),
        card(tb("   ")),
        card(tb("Born datetime.date(2016, 3, 12)")),
        card({"type": "FactSet", "facts": [{"title": "Phone", "value": "null"}]}),
        card({"type": "FactSet", "facts": [{"title": "", "value": "x"}]}),
        card(actions=[execute(title="", data={"person_id": "P1"})]),
        card(
            {
                "type": "Input.ChoiceSet",
                "id": "purpose",
                "choices": [{"title": "undefined", "value": "1"}],
            }
        ),
    ],
)
def test_placeholders_and_blanks_are_refused(shown: Json) -> None:
    assert any(
        "placeholder" in problem or "blank" in problem or "internals" in problem
        for problem in problems_of(shown)
    ), problems_of(shown)


def test_none_found_is_a_real_state_not_a_placeholder() -> None:
    validate_card(card(tb("None found — the data covers: current tenants")))


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (card(actions=[execute(verb=None)]), "verb: None is not one of"),
        (card(actions=[execute(verb="delete")]), "verb: 'delete' is not one of"),
        (
            card(actions=[execute(data={"person_id": "P1", "name": "Jayden Smith"})]),
            "data.name: only ids may travel",
        ),
        (
            card(actions=[execute(data={"person_id": "12/03/2016"})]),
            "data.person_id: '12/03/2016' does not look like an id",
        ),
        (
            card(actions=[execute(data={"person_id": "Jayden Smith"})]),
            "does not look like an id",
        ),
        (card(actions=[{"type": "Action.Submit", "title": "Go"}]), "not Action.Submit"),
        (
            card(actions=[{"type": "Action.OpenUrl", "title": "Go", "url": "http://x.org"}]),
            "is not a tel:, mailto: or Teams chat link",
        ),
        (
            card(
                actions=[
                    {
                        "type": "Action.OpenUrl",
                        "title": "Email",
                        "url": "mailto:a@example.org?subject=Jayden%20Smith",
                    }
                ]
            ),
            "is not a tel:, mailto: or Teams chat link",
        ),
        (
            card(
                tb("x"),
                refresh={
                    "action": execute("card.refresh", data={"person_id": "P1"}),
                    "userIds": [f"29:{n}" for n in range(61)],
                },
            ),
            "$.refresh.userIds: 61 users",
        ),
        (
            card(tb("x"), refresh={"action": execute("person.open", data={"person_id": "P1"})}),
            "$.refresh.action: verb must be 'card.refresh'",
        ),
    ],
)
def test_the_action_contract_is_enforced(bad: Json, expected: str) -> None:
    found = problems_of(bad)
    assert any(expected in problem for problem in found), found


def test_renderer_problems_are_reported() -> None:
    duplicate_ids = card(
        {"type": "Input.Text", "id": "purpose"}, {"type": "Input.Text", "id": "purpose"}
    )
    too_many_buttons = card(
        tb("x"), actions=[execute(data={"person_id": f"P{n}"}) for n in range(6)]
    )
    found = card_problems({"duplicate": duplicate_ids, "buttons": too_many_buttons})
    assert any("renderer:" in p and "DuplicateId" in p for p in found["duplicate"]), found
    assert any("renderer:" in p and "TooManyActions" in p for p in found["buttons"]), found


def test_failures_name_every_card_and_problem() -> None:
    with pytest.raises(AssertionError) as raised:
        validate_cards({"fine": GOOD, "person card": card(tb("null")), "other": card(tb(""))})
    message = str(raised.value)
    assert message.startswith("2 card(s) failed validation:")
    assert "- person card:" in message
    assert "- other:" in message
    assert "- fine:" not in message


def test_the_renderer_script_also_runs_one_batch_from_stdin() -> None:
    node = shutil.which("node")
    assert node is not None, "node must be on PATH"
    result = subprocess.run(
        [node, str(SCRIPT_PATH)],
        input=json.dumps([GOOD, card({"type": "Bogus"})]),
        capture_output=True,
        text=True,
        check=True,
        cwd=card_validation.PROJECT,
    )
    answer = json.loads(result.stdout)
    assert answer[0] == []
    assert "UnknownElementType" in answer[1][0]


def test_a_missing_node_is_a_clear_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    renderer = card_validation._Renderer()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(AssertionError, match="node is not on PATH"):
        renderer.problems([GOOD])
