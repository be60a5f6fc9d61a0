"""What the bot says back, independent of how the bot layer sends it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class TextReply:
    text: str


@dataclass(frozen=True, slots=True)
class CardReply:
    """An Adaptive Card. As the answer to a card action it replaces the card acted on."""

    card: dict[str, Any]
    personal: bool = False
    """It shows personal data, or leads to it: once older than the council allows, the
    message holding it is overwritten with a notice (bot/card_sweeper.py)."""


Reply = TextReply | CardReply
