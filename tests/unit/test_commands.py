"""The commands the bot answers, as the conversation layer and the app package see them."""

from __future__ import annotations

import pytest

from dialogs.commands import ALL_SCOPES, COMMANDS, BotCommand, is_command, match_command


def test_the_commands_the_conversation_answers() -> None:
    assert [command.title for command in COMMANDS] == ["find", "case", "purpose", "audit", "help"]
    assert all(command.scopes == ALL_SCOPES for command in COMMANDS)


@pytest.mark.parametrize("text", ["help", "Help", "  HELP  ", "/help", "help\n"])
def test_command_word_matches_whatever_the_case_and_spacing(text: str) -> None:
    match = match_command(text)
    assert match is not None
    assert match.command.title == "help"
    assert match.arguments == ""


def test_arguments_are_the_rest_of_the_text() -> None:
    match = match_command("help   me  please")
    assert match is not None
    assert match.arguments == "me please"


@pytest.mark.parametrize("text", ["", "   ", "helpful", "Jayden Smith 12/03/2016", "Help, Jay"])
def test_other_text_is_not_a_command(text: str) -> None:
    assert match_command(text) is None
    assert not is_command(text)


def test_titles_are_unique() -> None:
    titles = [command.title for command in COMMANDS]
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize(
    ("title", "description", "scopes"),
    [
        ("Help", "x", ALL_SCOPES),
        ("find person", "x", ALL_SCOPES),
        ("", "x", ALL_SCOPES),
        ("help", " ", ALL_SCOPES),
        ("help", "x", ()),
        ("help", "x", ("meetings",)),
    ],
)
def test_malformed_commands_are_refused(
    title: str, description: str, scopes: tuple[str, ...]
) -> None:
    with pytest.raises(ValueError, match="command"):
        BotCommand(title, description, scopes)  # type: ignore[arg-type]
