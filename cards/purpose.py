"""The purpose card: why the user is looking, recorded before the first search.

The purpose goes into the audit trail with every search and disclosure it
covers. When a search is waiting for it, the card says so without repeating
what was typed: the card stays in the chat, and the search text is personal.
"""

from __future__ import annotations

from cards.actions import (
    CASE_REFERENCE_INPUT,
    MAX_CASE_REFERENCE_LENGTH,
    MAX_PURPOSE_TEXT_LENGTH,
    PURPOSE_INPUT,
    PURPOSE_OTHER_INPUT,
    SetPurpose,
    execute,
)
from cards.elements import Json, card, heading, text
from cards.text import is_missing, plain
from cards.views import PurposeView


def purpose_card(view: PurposeView) -> Json:
    """Choose a reason (or describe another), optionally give the case reference, and save."""
    body: list[Json] = [heading("Why are you looking?")]
    if view.problem is not None and not is_missing(view.problem):
        body.append(text(plain(view.problem), colour="attention", weight="bolder"))
    if view.has_pending_request:
        body.append(
            text("I'll run your search as soon as you've given a purpose.", weight="bolder")
        )
    body.append(
        text(
            "Your reason is recorded with every search and every record you open in this chat. "
            "You can change it at any time.",
            spacing="small",
        )
    )
    choices: Json = {
        "type": "Input.ChoiceSet",
        "id": PURPOSE_INPUT,
        "label": "Reason",
        "style": "expanded",
        "isRequired": True,
        "errorMessage": "Choose a reason",
        "choices": [
            {"title": plain(option.title), "value": option.code} for option in view.options
        ],
    }
    codes = {option.code for option in view.options}
    if view.current_code in codes:
        choices["value"] = view.current_code
    body.append(choices)
    other: Json = {
        "type": "Input.Text",
        "id": PURPOSE_OTHER_INPUT,
        "label": "If your reason isn't listed, describe it",
        "maxLength": MAX_PURPOSE_TEXT_LENGTH,
    }
    if view.current_text and not is_missing(view.current_text):
        other["value"] = view.current_text[:MAX_PURPOSE_TEXT_LENGTH]
    body.append(other)
    reference: Json = {
        "type": "Input.Text",
        "id": CASE_REFERENCE_INPUT,
        "label": "Case reference (optional)",
        "maxLength": MAX_CASE_REFERENCE_LENGTH,
    }
    if view.case_reference and not is_missing(view.case_reference):
        reference["value"] = view.case_reference[:MAX_CASE_REFERENCE_LENGTH]
    body.append(reference)
    title = "Save and search" if view.has_pending_request else "Save reason"
    return card(
        body,
        actions=[execute(SetPurpose(""), title, style="positive")],
        fallback_text="Why are you looking?",
    )
