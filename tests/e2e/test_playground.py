"""End to end: the bot in the Microsoft 365 Agents Playground, driven in headless Chromium.

`test_help` talks to the real bot. The card tests talk to a throwaway bot that answers
with an Adaptive Card 1.5 (support/card_echo_bot.py): they prove that the Playground
renders cards and that the harness can fill inputs, click Action.Execute and see the
card the invoke returned, which the lookup journey (support/playground.py,
`run_lookup_journey`) relies on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.support.card_echo_bot import ADAPTIVE_CARD, CardEchoBot
from tests.e2e.support.playground import (
    Playground,
    PlaygroundError,
    journey_query,
    run_lookup_journey,
)
from tests.e2e.support.servers import BotServer


def test_help(playground: Playground, e2e_output: Path) -> None:
    reply = playground.send("help")

    assert "Family Context" in playground.text_of(reply)
    playground.screenshot(e2e_output / "help.png")
    assert (e2e_output / "help.png").stat().st_size > 0


def test_plain_text_reply(card_playground: Playground, card_echo_bot: CardEchoBot) -> None:
    reply = card_playground.send("text: hello from the harness")

    assert card_playground.text_of(reply) == "Echo: hello from the harness"
    assert card_echo_bot.messages == ["text: hello from the harness"]


def test_card_inputs_and_action_execute(
    card_playground: Playground, card_echo_bot: CardEchoBot, e2e_output: Path
) -> None:
    card_playground.send("show me a card")
    shown = card_playground.last_card_text()
    assert "You said: show me a card" in shown
    assert card_playground.actions() == [
        ("Open", "Open the record for Jaden Smith"),
        ("Submit", None),
        ("Police", None),
    ]

    with pytest.raises(PlaygroundError, match="sent no invoke"):
        card_playground.click("Submit", timeout_ms=1500)  # "Your name" is required
    assert "A name is needed" in card_playground.last_card_text()
    assert card_echo_bot.invokes == []

    card_playground.fill("Your name", "Alex Example")  # Input.Text, by label
    card_playground.fill("colour", "green")  # compact Input.ChoiceSet, by id and choice value
    card_playground.fill("Reason", "Assessment")  # expanded Input.ChoiceSet, by choice title
    card_playground.screenshot(e2e_output / "card-echo-filled.png")
    result = card_playground.click("Submit")

    assert result.response_type == ADAPTIVE_CARD
    assert result.note == "Your response was sent to the app"
    assert result.new_messages == 0
    updated = card_playground.last_card_text()
    assert "Card echo: updated" in updated
    assert "Thanks, Alex Example." in updated
    assert "Colour: green" in updated
    assert "Reason: assessment" in updated
    assert "Your name" not in updated  # the old card is gone, replaced in place
    assert card_playground.bot_message_count() == 1
    card_playground.screenshot(e2e_output / "card-echo-updated.png")

    # What the Playground sent: Teams' adaptiveCard/action shape, inputs merged into data.
    (invoke,) = card_echo_bot.invokes
    assert invoke["action"]["type"] == "Action.Execute"
    assert invoke["action"]["verb"] == "submit"
    assert invoke["action"]["data"] == {
        "step": 1,
        "name": "Alex Example",
        "colour": "green",
        "reason": "assessment",
    }


def test_select_action_and_second_invoke(
    card_playground: Playground, card_echo_bot: CardEchoBot
) -> None:
    """A row with a selectAction (as in the results list), then a button on the new card."""
    card_playground.send("rows")

    first = card_playground.click("Open the record for Jaden Smith")
    assert "Opened the row jaden" in card_playground.last_card_text()
    assert first.value["body"][0]["text"] == "Card echo: updated"
    second = card_playground.click("Start again")

    assert second.response_type == ADAPTIVE_CARD
    assert [i["action"]["verb"] for i in card_echo_bot.invokes] == ["open", "again"]
    assert card_echo_bot.invokes[0]["action"]["data"]["row"] == "jaden"


def test_lookup_journey(playground: Playground, bot_server: BotServer, e2e_output: Path) -> None:
    """Issue 4's journey: a misspelt name, a purpose, the choice, Police details, a relative.

    The screenshots land in var/e2e/journey/; the best of them are copied into docs/
    by hand when the cards change (docs/screenshots/)."""
    database = Path(bot_server.database_url.split("///", 1)[1])
    shots = run_lookup_journey(playground, e2e_output / "journey", query=journey_query(database))
    assert len(shots) >= 5
    assert all(shot.stat().st_size > 10_000 for shot in shots)
