"""What a user asked, in our own terms: the bot layer translates Bot Framework activities
into these so that the flows never see botbuilder types."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class User:
    """Who is asking. Decisions use the Entra object id, never the display name."""

    object_id: str
    tenant_id: str
    display_name: str = ""


@dataclass(frozen=True, slots=True)
class TextRequest:
    user: User
    conversation_id: str
    text: str
