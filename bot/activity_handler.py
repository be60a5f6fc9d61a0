"""Translating Teams activities into our own requests, and our replies back into activities.

Every message and every invoke passes the access gate (bot/auth/access.py)
first: nothing reaches dialogs/ for a user of another tenant, without an
Entra object id, or without a role, checked again on each turn. Other
activity types (conversation updates and the like) go on only from an
allowed tenant, and disclose nothing.
"""

from __future__ import annotations

import re

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, ActivityTypes

from bot.auth.access import AccessGate
from bot.auth.roles import Role
from dialogs.conversation import handle_text
from dialogs.replies import Reply
from dialogs.requests import TextRequest, User

_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)


def parse_activity(body: object) -> Activity:
    """An activity from a request's JSON; ValueError when it is not one."""
    if not isinstance(body, dict):
        raise ValueError("not an object")
    try:
        activity: Activity = Activity().deserialize(body)
    except (TypeError, AttributeError) as error:
        raise ValueError("not an activity") from error
    return activity


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


def to_activity(reply: Reply) -> Activity:
    return MessageFactory.text(reply.text)


ROLES_KEY = "familycontext.roles"
"""Where a turn that passed the gate keeps the user's roles (frozenset[Role])."""
USER_KEY = "familycontext.user"
"""Where it keeps the user (dialogs.requests.User), identified by Entra object id."""

GATED_TYPES = frozenset({ActivityTypes.message, ActivityTypes.invoke})


class FamilyContextBot(TeamsActivityHandler):  # type: ignore[misc]
    def __init__(self, gate: AccessGate) -> None:
        super().__init__()
        self._gate = gate

    async def on_turn(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if activity.type not in GATED_TYPES:
            if self._gate.tenant_allowed(activity):
                await super().on_turn(turn_context)
            return
        admission = await self._gate.admit(turn_context)
        if admission is None:
            return
        admission.turn.turn_state[USER_KEY] = admission.user
        admission.turn.turn_state[ROLES_KEY] = admission.roles
        await super().on_turn(admission.turn)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        request = TextRequest(
            user=user_of(turn_context),
            conversation_id=activity.conversation.id if activity.conversation else "",
            text=text_without_mentions(activity),
        )
        for reply in await handle_text(request):
            await turn_context.send_activity(to_activity(reply))


def user_of(turn_context: TurnContext) -> User:
    """The user the gate admitted on this turn."""
    user = turn_context.turn_state.get(USER_KEY)
    if not isinstance(user, User):
        raise RuntimeError("a turn reached the bot without passing the access gate")
    return user


def roles_of(turn_context: TurnContext) -> frozenset[Role]:
    """The roles the gate found for this turn's user."""
    roles = turn_context.turn_state.get(ROLES_KEY)
    return roles if isinstance(roles, frozenset) else frozenset()
