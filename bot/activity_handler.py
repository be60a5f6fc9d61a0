"""Translating Teams activities into our own requests, and our replies back into activities.

Every message and every invoke passes the access gate (bot/auth/access.py)
first: nothing reaches dialogs/ for a user of another tenant, without an
Entra object id, or without a role, checked again on each turn. Other
activity types (conversation updates and the like) go on only from an
allowed tenant, and disclose nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from http import HTTPStatus
from typing import Any

from botbuilder.core import InvokeResponse, MessageFactory, TurnContext
from botbuilder.core.teams import TeamsActivityHandler, TeamsInfo
from botbuilder.schema import Activity, ActivityTypes, Attachment

from bot.auth.access import AccessGate
from bot.auth.roles import Role
from bot.auth.tenants import tenant_of
from data_access.sent_cards import SentCardRef, SentCards
from dialogs.conversation import handle_action, handle_text, welcome_reply
from dialogs.replies import CardReply, Reply
from dialogs.requests import ActionRequest, Scope, TextRequest, Turn, User
from dialogs.services import Services

log = logging.getLogger(__name__)

_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)


def parse_activity(body: object) -> Activity:
    """An activity from a request's JSON; ValueError when it is not one."""
    if not isinstance(body, dict):
        raise ValueError("not an object")
    try:
        activity: Activity = Activity().deserialize(body)
    except Exception:
        # msrest's DeserializationError quotes the data it could not read: drop it.
        raise ValueError("not an activity") from None
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


CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_ACTION_INVOKE = "adaptiveCard/action"
INVOKE_CARD_TYPE = "application/vnd.microsoft.card.adaptive"
INVOKE_MESSAGE_TYPE = "application/vnd.microsoft.activity.message"


class CardAttachment(Attachment):  # type: ignore[misc]
    """A card as it goes out, never changed after: botbuilder deep-copies every activity
    it sends (a third of a millisecond for a person card's JSON), and a copy of this is
    this. Everything else sees an Attachment, whose content is a plain dict."""

    def __deepcopy__(self, memo: dict[int, Any]) -> CardAttachment:
        return self


def to_activity(reply: Reply) -> Activity:
    if isinstance(reply, CardReply):
        return MessageFactory.attachment(
            CardAttachment(content_type=CARD_CONTENT_TYPE, content=reply.card)
        )
    return MessageFactory.text(reply.text)


def invoke_response(reply: Reply) -> InvokeResponse:
    """The answer to an `adaptiveCard/action` invoke: a card replaces the one acted on.

    The body is a plain dict (app.py serialises it): botbuilder cannot serialise a
    message-typed answer itself (platform-notes.md).
    """
    if isinstance(reply, CardReply):
        body = {"statusCode": 200, "type": INVOKE_CARD_TYPE, "value": reply.card}
    else:
        body = {"statusCode": 200, "type": INVOKE_MESSAGE_TYPE, "value": reply.text}
    return InvokeResponse(status=HTTPStatus.OK, body=body)


def scope_of(activity: Activity) -> Scope:
    kind = activity.conversation.conversation_type if activity.conversation else None
    return Scope.PERSONAL if kind in (None, "", "personal") else Scope.SHARED


ROLES_KEY = "familycontext.roles"
"""Where a turn that passed the gate keeps the user's roles (frozenset[Role])."""
USER_KEY = "familycontext.user"
"""Where it keeps the user (dialogs.requests.User), identified by Entra object id."""

GATED_TYPES = frozenset({ActivityTypes.message, ActivityTypes.invoke})


class FamilyContextBot(TeamsActivityHandler):  # type: ignore[misc]
    def __init__(
        self, gate: AccessGate, services: Services, sent_cards: SentCards | None = None
    ) -> None:
        super().__init__()
        self._gate = gate
        self._services = services
        self._sent_cards = sent_cards

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
            turn=turn_of(turn_context),
            text=text_without_mentions(activity),
            team_members=team_roster(turn_context),
        )
        for reply in await handle_text(request, self._services):
            sent = await turn_context.send_activity(to_activity(reply))
            if sent is not None and sent.id:
                self._remember(turn_context, reply, sent.id)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        activity = turn_context.activity
        if activity.name != CARD_ACTION_INVOKE:
            return await super().on_invoke_activity(turn_context)
        value: dict[str, Any] = activity.value if isinstance(activity.value, dict) else {}
        found = value.get("action")
        action: dict[str, Any] = found if isinstance(found, dict) else {}
        request = ActionRequest(
            turn=turn_of(turn_context),
            verb=action.get("verb") if isinstance(action.get("verb"), str) else None,
            data=action.get("data"),
            automatic=value.get("trigger") == "automatic",
            team_members=team_roster(turn_context),
        )
        reply = await handle_action(request, self._services)
        if activity.reply_to_id:  # the message whose card this answer replaces
            self._remember(turn_context, reply, activity.reply_to_id)
        return invoke_response(reply)

    def _remember(self, turn_context: TurnContext, reply: Reply, activity_id: str) -> None:
        """Note a message that now shows personal data, for the sweeper to overwrite."""
        if self._sent_cards is None or not isinstance(reply, CardReply) or not reply.personal:
            return
        activity = turn_context.activity
        self._sent_cards.note(
            SentCardRef(
                conversation_id=activity.conversation.id if activity.conversation else "",
                activity_id=activity_id,
                service_url=activity.service_url or "",
                channel_id=activity.channel_id or "",
                tenant_id=tenant_of(activity) or "",
            )
        )

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        """The welcome, once: Teams also sends a conversationUpdate on installation, and
        the app installed for a user (by them or by an admin) arrives here too."""
        await turn_context.send_activity(to_activity(welcome_reply(self._services)))


def team_roster(turn_context: TurnContext) -> Callable[[], Awaitable[frozenset[str]]] | None:
    """In a team's channel, a way to ask Teams who the team's members are (Entra object ids)."""
    channel_data = turn_context.activity.channel_data
    team = channel_data.get("team") if isinstance(channel_data, dict) else None
    team_id = team.get("id") if isinstance(team, dict) else None
    if not isinstance(team_id, str) or not team_id:
        return None

    async def members() -> frozenset[str]:
        found: set[str] = set()
        token: str | None = None
        for _ in range(100):  # 100 pages of 500: far beyond any team
            page = await TeamsInfo.get_paged_team_members(turn_context, team_id, token, 500)
            found.update(m.aad_object_id.lower() for m in page.members if m.aad_object_id)
            token = page.continuation_token
            if not token:
                break
        return frozenset(found)

    return members


def turn_of(turn_context: TurnContext) -> Turn:
    """The plain request the flows see: who (as the gate admitted them), where, which."""
    activity = turn_context.activity
    user = user_of(turn_context)
    channel_user_id = activity.from_property.id if activity.from_property else ""
    return Turn(
        user=replace(user, channel_user_id=channel_user_id or ""),
        conversation_id=activity.conversation.id if activity.conversation else "",
        activity_id=activity.id or "",
        scope=scope_of(activity),
        roles=roles_of(turn_context),
    )


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
