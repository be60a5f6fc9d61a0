"""The gate every message and every invoke passes before anything reaches dialogs/.

On each turn, not once per conversation: the tenant must be allowed, the user
must have an Entra object id, and the `Authoriser` must give them at least
one role. A user who fails any of these gets one short message saying who to
contact (the same words whatever failed, so nothing is disclosed) and the
turn ends. Sign-in invokes are answered here; they need an allowed tenant but
no role, since they are how roles become known.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from http import HTTPStatus

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.core.invoke_response import InvokeResponse
from botbuilder.schema import Activity, ActivityTypes

from bot.auth.roles import Authoriser, Role, SignInRequired
from bot.auth.sso import SSO_INVOKES, SingleSignOn
from bot.auth.tenants import TenantPolicy, tenant_of
from dialogs.requests import User

log = logging.getLogger(__name__)

REFUSAL_TEXT = "Sorry, you can't use Family Context. To ask for access, contact {contact}."
SIGN_IN_FIRST_TEXT = "Please send me a message first, so that I can check who you are."
CARD_ACTION_INVOKE = "adaptiveCard/action"
MESSAGE_RESPONSE_TYPE = "application/vnd.microsoft.activity.message"


@dataclass(frozen=True)
class Admission:
    """A turn that may go on: who asks, with which roles, and the turn to answer."""

    user: User
    roles: frozenset[Role]
    turn: TurnContext
    """Usually the turn itself; after a sign-in, a turn for the message kept meanwhile."""


class AccessGate:
    def __init__(
        self,
        *,
        tenants: TenantPolicy,
        authoriser: Authoriser,
        contact: str,
        sso: SingleSignOn | None = None,
    ) -> None:
        self._tenants = tenants
        self._authoriser = authoriser
        self._refusal = REFUSAL_TEXT.format(contact=contact)
        self._sso = sso

    def tenant_allowed(self, activity: Activity) -> bool:
        return self._tenants.allows(tenant_of(activity))

    def user_of(self, activity: Activity) -> User | None:
        """The user, identified by Entra object id and an allowed tenant; None otherwise."""
        tenant = tenant_of(activity)
        sender = activity.from_property
        object_id = (sender.aad_object_id or "") if sender else ""
        if not self._tenants.allows(tenant) or not object_id or tenant is None:
            return None
        return User(
            object_id=object_id.lower(),
            tenant_id=tenant,
            display_name=(sender.name or "") if sender else "",
        )

    async def admit(self, turn: TurnContext) -> Admission | None:
        """The user and their roles if the turn may go on; otherwise None, and it is answered."""
        activity = turn.activity
        user = self.user_of(activity)
        if user is None:
            log.info("refused a %s from a tenant or user not allowed", activity.type)
            await self.refuse(turn)
            return None
        if activity.type == ActivityTypes.invoke and activity.name in SSO_INVOKES:
            if self._sso is None:
                await _answer(turn, InvokeResponse(status=HTTPStatus.NOT_IMPLEMENTED))
                return None
            pending = await self._sso.on_sign_in_invoke(turn, user)
            return await self._resume(turn, pending)
        try:
            roles = await self._authoriser.roles_of(user, turn)
        except SignInRequired:
            await self._sign_in(turn, user)
            return None
        if not roles:
            log.info("refused a %s from a user without a role", activity.type)
            await self.refuse(turn)
            return None
        return Admission(user, roles, turn)

    async def refuse(self, turn: TurnContext) -> None:
        activity = turn.activity
        if activity.type == ActivityTypes.message:
            if activity.conversation is None or not activity.conversation.id:
                return  # nowhere to reply to
            await turn.send_activity(MessageFactory.text(self._refusal))
        elif activity.type == ActivityTypes.invoke:
            await _answer(turn, _invoke_refusal(activity, self._refusal))

    async def _sign_in(self, turn: TurnContext, user: User) -> None:
        if turn.activity.type == ActivityTypes.message and self._sso is not None:
            await self._sso.ask_to_sign_in(turn, user)
        elif turn.activity.type == ActivityTypes.invoke:
            await _answer(turn, _invoke_refusal(turn.activity, SIGN_IN_FIRST_TEXT))

    async def _resume(self, turn: TurnContext, pending: Activity | None) -> Admission | None:
        """After a sign-in: refuse a user left without a role, or answer the kept message."""
        if pending is None:
            return None
        user = self.user_of(pending)
        roles: frozenset[Role] = frozenset()
        if user is not None:
            try:
                roles = await self._authoriser.roles_of(user, turn)
            except SignInRequired:
                roles = frozenset()
        if user is None or not roles:
            await turn.send_activity(MessageFactory.text(self._refusal))
            return None
        pending.delivery_mode = None  # the replies go out now, not in the invoke's response
        resumed = TurnContext(turn.adapter, pending)
        resumed.turn_state.update(turn.turn_state)  # the same connector and clients
        return Admission(user, roles, resumed)


def _invoke_refusal(activity: Activity, text: str) -> InvokeResponse:
    if activity.name == CARD_ACTION_INVOKE:
        body = {"statusCode": 200, "type": MESSAGE_RESPONSE_TYPE, "value": text}
        return InvokeResponse(status=HTTPStatus.OK, body=body)
    return InvokeResponse(status=HTTPStatus.FORBIDDEN)


async def _answer(turn: TurnContext, response: InvokeResponse) -> None:
    await turn.send_activity(Activity(type=ActivityTypes.invoke_response, value=response))
