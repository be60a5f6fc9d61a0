"""The welcome card (first contact) and the help card ("help" at any time).

Both say the same four things, because a social worker who types "help" in
the middle of an assessment needs the same answers as a new user: what
Family Context is for, what it shows, how to ask, and that every search is
recorded, with the council's own reminder about appropriate use.
"""

from __future__ import annotations

from cards.actions import ChangePurpose, execute
from cards.elements import Json, card, container, heading, text
from cards.text import is_missing, plain
from cards.views import WelcomeView

EXAMPLES = ("find Jayden Smith 12/03/2016", "Smith, Jayden", "case 7190247")


def welcome_card(view: WelcomeView) -> Json:
    """The first card a user sees when they add Family Context."""
    return card(
        [heading("Welcome to Family Context", size="large"), *_about(view)],
        fallback_text="Welcome to Family Context",
    )


def help_card(view: WelcomeView, *, current_purpose: str | None = None) -> Json:
    """The help card; `current_purpose` (the title of the user's reason) is shown if set."""
    body = [heading("How to use Family Context", size="large"), *_about(view)]
    if current_purpose is not None and not is_missing(current_purpose):
        body.append(text(f"Your reason for looking: {plain(current_purpose)}", spacing="medium"))
    title = "Change your reason" if current_purpose else "Give your reason for looking"
    return card(
        body,
        actions=[execute(ChangePurpose(), title)],
        fallback_text="How to use Family Context",
    )


def _about(view: WelcomeView) -> list[Json]:
    council = plain(view.council_name) if not is_missing(view.council_name) else "your council"
    body = [
        text(
            f"Family Context shows which services at {council} know a child, or a person "
            "important to a child, and who the practitioner is, so you know who to call.",
            spacing="small",
        ),
        heading("What it shows", size="default", separator=True),
        text(
            "Whether School, Housing, Adult Social Care and Police know the person, and the "
            "practitioner's name, role, phone and email. It's a starting point for "
            "conversations, not for making decisions, and it shows only what you need for that.",
            spacing="small",
        ),
        heading("How to ask", size="default", separator=True),
        text("Send a name, with a date of birth if you know it, or a case id. For example:"),
        *(text(f"• {example}", spacing="none", colour="accent") for example in EXAMPLES),
        text(
            "Before your first search you'll be asked why you're looking. Every search, and "
            "every record you open, is recorded with your reason.",
            spacing="medium",
        ),
    ]
    reminder = view.appropriate_use_text
    if not is_missing(reminder):
        body.append(
            container(
                [heading("Appropriate use", size="default"), text(plain(reminder))],
                style="emphasis",
                spacing="medium",
            )
        )
    body.append(text("Type help at any time to see this again.", subtle=True, spacing="medium"))
    return body
