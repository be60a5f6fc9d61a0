"""Short cards that stand in for data: what happened, in plain words, and what to do next.

A notice never carries an exception's text, a stack trace, a person's name or
what was searched for: it is read by a worried social worker, and it may be
read again later by someone else in the chat. An unexpected error may quote
a short reference so the service desk can find the log entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cards.actions import ShowHelp, execute
from cards.elements import Json, card, heading, text
from cards.text import plural
from cards.views import NoticeKind

_REFERENCE = re.compile(r"^[A-Za-z0-9-]{4,40}$")


@dataclass(frozen=True, slots=True)
class _Notice:
    title: str
    body: tuple[str, ...]
    offer_help: bool = False


_NOTICES: dict[NoticeKind, _Notice] = {
    NoticeKind.NOT_FOUND: _Notice(
        "This record can't be shown",
        (
            "It may have been merged with another record or removed since you last looked.",
            "To look again, send the person's name, or their case id.",
        ),
        offer_help=True,
    ),
    NoticeKind.NOT_ALLOWED: _Notice(
        "You don't have access to this",
        (
            "Your account isn't set up to use Family Context for this.",
            "If you need it for your work, ask your manager to request access from your "
            "IT service desk.",
        ),
    ),
    NoticeKind.UNAVAILABLE: _Notice(
        "Family Context is unavailable at the moment",
        (
            "Nothing was looked up or shown. This is usually short-lived.",
            "Please try again in a few minutes.",
        ),
    ),
    NoticeKind.ERROR: _Notice(
        "Sorry, something went wrong",
        (
            "I couldn't finish that, and nothing was shown. Please try again.",
            "If it keeps happening, contact your IT service desk.",
        ),
    ),
    NoticeKind.EXPIRED: _Notice(
        "This card has expired",
        (
            "This card has expired to protect personal information. "
            "To look again, send the person's name.",
        ),
    ),
    NoticeKind.RATE_LIMITED: _Notice(
        "Please slow down a little",
        (
            "You've made a lot of requests in a short time, so I've paused for a moment.",
            "Please wait a minute, then try again.",
        ),
    ),
    NoticeKind.NOTHING_MATCHED: _Notice(
        "No one matched",
        (
            "I couldn't find anyone who matches. You could:",
            "• add a date of birth, for example 12/03/2016",
            "• check the spelling, or try another form of the first name",
            "• search by case id, for example case 7190247",
            "No match only means no one in Family Context matches these details.",
        ),
        offer_help=True,
    ),
    NoticeKind.NARROW_DOWN_IN_SHARED: _Notice(
        "More than one person could match",
        (
            "A list of matches would show their details to everyone here, so I haven't shown it.",
            "Add a date of birth to narrow it down, or search in your one-to-one chat with "
            "Family Context.",
        ),
    ),
    NoticeKind.PURPOSE_RECORDED: _Notice(
        "Thanks, your reason is recorded",
        (
            "Now send the name of the person you're looking for, with their date of birth if "
            "you know it, or their case id.",
        ),
    ),
    NoticeKind.ACTION_NOT_RECOGNISED: _Notice(
        "That button didn't work",
        (
            "This card may be from an older version of Family Context.",
            "To look again, send the person's name, or their case id.",
        ),
    ),
}


def notice_card(
    kind: NoticeKind,
    *,
    retry_after_seconds: int | None = None,
    reference: str | None = None,
) -> Json:
    """The notice for `kind`.

    `retry_after_seconds` (rate limited) says how long to wait; `reference`
    (unexpected error) is a short correlation id to quote to the service desk,
    shown only if it looks like one (letters, digits and hyphens).
    """
    notice = _NOTICES[kind]
    body: list[Json] = [heading(notice.title)]
    lines = list(notice.body)
    if kind is NoticeKind.RATE_LIMITED and retry_after_seconds is not None:
        wait = max(1, min(retry_after_seconds, 3600))
        wait_words = plural(round(wait / 60), "minute") if wait >= 90 else plural(wait, "second")
        lines[-1] = f"Please wait about {wait_words}, then try again."
    body.extend(text(line, spacing="none" if line.startswith("•") else "small") for line in lines)
    if kind is NoticeKind.ERROR and reference is not None and _REFERENCE.match(reference):
        body.append(text(f"Reference: {reference}", subtle=True, size="small", spacing="small"))
    actions = [execute(ShowHelp(), "How to search")] if notice.offer_help else []
    return card(body, actions=actions, fallback_text=notice.title)
