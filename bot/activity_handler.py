"""Translating Teams activities into our own requests, and our replies back into activities."""

from __future__ import annotations

import re

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity

from dialogs.conversation import handle_text
from dialogs.replies import Reply
from dialogs.requests import TextRequest, User

_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)


def text_without_mentions(activity: Activity) -> str:
    """The typed text with any @mention of the bot removed (group chats and channels)."""
    text = activity.text or ""
    recipient_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        if entity.type != "mention":
            continue
        props = entity.additional_properties or {}
        mentioned = props.get("mentioned") or {}
        if recipient_id is None or mentioned.get("id") == recipient_id:
            mention_text = props.get("text")
            if mention_text:
                text = text.replace(mention_text, " ")
    return " ".join(_MENTION.sub(" ", text).split())


def user_of(activity: Activity) -> User:
    sender = activity.from_property
    channel_data = activity.channel_data or {}
    tenant = ""
    if isinstance(channel_data, dict):
        tenant = (channel_data.get("tenant") or {}).get("id", "")
    if not tenant and activity.conversation is not None:
        tenant = activity.conversation.tenant_id or ""
    return User(
        object_id=(sender.aad_object_id or "") if sender else "",
        tenant_id=tenant,
        display_name=(sender.name or "") if sender else "",
    )


def to_activity(reply: Reply) -> Activity:
    return MessageFactory.text(reply.text)


class FamilyContextBot(TeamsActivityHandler):  # type: ignore[misc]
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        request = TextRequest(
            user=user_of(activity),
            conversation_id=activity.conversation.id if activity.conversation else "",
            text=text_without_mentions(activity),
        )
        for reply in await handle_text(request):
            await turn_context.send_activity(to_activity(reply))
