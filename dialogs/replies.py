"""What the bot says back, independent of how the bot layer sends it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextReply:
    text: str


Reply = TextReply
