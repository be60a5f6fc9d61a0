"""The commands the bot answers: defined once, here.

The conversation layer routes typed text with `match_command`, and the Teams
app package (`manifest.build`) lists exactly these commands in the bot's
command menu, so the menu can never offer something the bot does not answer.

Pure data: no Bot Framework, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["personal", "team", "groupChat"]
"""A Teams conversation scope the bot is installed in (the manifest's names)."""

ALL_SCOPES: tuple[Scope, ...] = ("personal", "team", "groupChat")


@dataclass(frozen=True)
class BotCommand:
    """A command as Teams shows it in the bot's command menu.

    `title` is the word the user types first (lower case, one word); Teams
    puts it in the compose box when the command is picked from the menu.
    `description` is shown under it: British English, a short phrase.
    `scopes` are the conversation scopes whose menu lists it.
    """

    title: str
    description: str
    scopes: tuple[Scope, ...] = ALL_SCOPES

    def __post_init__(self) -> None:
        if not self.title or self.title != self.title.strip().casefold() or " " in self.title:
            raise ValueError(f"a command title is one lower-case word: {self.title!r}")
        if not self.description.strip():
            raise ValueError(f"command {self.title!r} needs a description")
        if not self.scopes or not set(self.scopes) <= set(ALL_SCOPES):
            raise ValueError(f"command {self.title!r} has invalid scopes {self.scopes!r}")


COMMANDS: tuple[BotCommand, ...] = (
    BotCommand("find", "Find a person: a name, and a date of birth if you know it"),
    BotCommand("case", "Find a person by their case id"),
    BotCommand("purpose", "Give or change the reason you are looking people up"),
    BotCommand("audit", "Auditors: recent lookups by a user or of a person"),
    BotCommand("help", "What Family Context does and how to ask it"),
    # Add a command here in the same change that makes the conversation layer
    # answer it, and raise the app version: the Teams app package is built from
    # this list.
)


@dataclass(frozen=True)
class CommandMatch:
    command: BotCommand
    arguments: str
    """The rest of the text after the command word, with whitespace collapsed."""


def match_command(text: str) -> CommandMatch | None:
    """The command that `text` starts with, or None.

    Case and surrounding whitespace don't matter, and neither does a leading
    `/` (people type slash commands out of habit). The command word must stand
    alone: "help me" is `help` with the arguments "me", "helpful" is nothing.
    Mentions (`<at>...</at>`) must already be removed by the caller.
    """
    words = text.split()
    if not words:
        return None
    first = words[0].removeprefix("/").casefold()
    for command in COMMANDS:
        if command.title == first:
            return CommandMatch(command, " ".join(words[1:]))
    return None


def is_command(text: str) -> bool:
    """True when `text` is one of the commands the bot answers (see match_command)."""
    return match_command(text) is not None
