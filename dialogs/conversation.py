"""The conversation's entry point: a request in, the replies to send out."""

from __future__ import annotations

from dialogs.commands import match_command
from dialogs.replies import Reply, TextReply
from dialogs.requests import TextRequest

HELP_TEXT = (
    "**Family Context** tells you which services (School, Housing, Adult Social Care, "
    "Police) know a child or a person relevant to a child, and who the practitioner is, "
    "so you know who to call.\n\n"
    "It is a signposting tool to start conversations, not for making decisions, and it "
    "shows the minimum data needed for that. Every search is recorded.\n\n"
    "Type **help** at any time to see this again."
)

NOT_UNDERSTOOD_TEXT = (
    "Sorry, I didn't understand that. Searching for people isn't switched on yet. "
    "Type **help** to see what I can do."
)


GREETINGS = frozenset({"?", "hi", "hello", "hey"})


async def handle_text(request: TextRequest) -> list[Reply]:
    match = match_command(request.text)
    if match is not None and match.command.title == "help":
        return [TextReply(HELP_TEXT)]
    if request.text.strip().casefold() in GREETINGS:
        return [TextReply(HELP_TEXT)]
    return [TextReply(NOT_UNDERSTOOD_TEXT)]
