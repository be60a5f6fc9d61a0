"""Teams single sign-on: the user's app roles, from a token Entra ID issued for the bot's API.

The flow (docs/admin-guide.md, sections 2 and 3):

1. A user whose roles are not known (first message, or the last token expired)
   gets an OAuth card naming the OAuth connection (FC_OAUTH_CONNECTION_NAME);
   their message is kept, briefly, in memory.
2. Teams obtains a token for `api://botid-<app id>` silently and sends it in a
   `signin/tokenExchange` invoke. It is validated here (`entra_tokens`), for
   this user in this tenant, then exchanged with the Bot Framework token
   service through the OAuth connection. If either fails the answer is 412,
   and Teams shows the card's sign-in button instead (the fallback);
   `signin/verifyState` then reports the finished sign-in, and the bot asks
   for single sign-on again.
3. The roles of the validated token are remembered until it expires, and the
   kept message is answered. Every later message and card action is checked
   against them; a new token replaces them, so a role removed in Entra ID is
   gone as soon as Teams presents a token without it.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from botbuilder.core import CardFactory, CloudAdapterBase, MessageFactory, TurnContext
from botbuilder.core.invoke_response import InvokeResponse
from botbuilder.schema import (
    ActionTypes,
    Activity,
    ActivityTypes,
    CardAction,
    OAuthCard,
    SignInConstants,
)
from botframework.connector.auth import UserTokenClient
from botframework.connector.token_api.models import TokenExchangeRequest

from bot.auth.entra_tokens import EntraTokenRefused, EntraTokenValidator, UserAccess
from bot.auth.roles import Role, SignInRequired
from dialogs.requests import User

log = logging.getLogger(__name__)

SIGN_IN_TEXT = "Sign in to Family Context"
SIGN_IN_UNAVAILABLE_TEXT = (
    "Sorry, I can't check who you are at the moment. Please try again in a few minutes."
)
PENDING_SECONDS = 600.0
MAX_ENTRIES = 10_000
SEEN_EXCHANGES = 1_000

SSO_INVOKES = frozenset(
    {
        SignInConstants.token_exchange_operation_name.value,
        SignInConstants.verify_state_operation_name.value,
    }
)


class RoleCache:
    """The roles each user's latest validated token gave them, until that token expires."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._entries: OrderedDict[tuple[str, str], UserAccess] = OrderedDict()

    def get(self, tenant_id: str, object_id: str) -> frozenset[Role] | None:
        key = (tenant_id.lower(), object_id.lower())
        access = self._entries.get(key)
        if access is None:
            return None
        if access.expires_at <= self._clock():
            del self._entries[key]
            return None
        return access.roles

    def put(self, access: UserAccess) -> None:
        key = (access.tenant_id, access.object_id)
        self._entries[key] = access
        self._entries.move_to_end(key)
        while len(self._entries) > MAX_ENTRIES:
            self._entries.popitem(last=False)


@dataclass(frozen=True)
class _Pending:
    activity: Activity
    kept_until: float


class SingleSignOn:
    """The `Authoriser` of authenticated deployments, and the sign-in invokes it relies on."""

    def __init__(
        self,
        *,
        validator: EntraTokenValidator,
        connection_name: str,
        roles: RoleCache | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._validator = validator
        self._connection = connection_name
        self._roles = roles or RoleCache(clock)
        self._clock = clock
        self._pending: OrderedDict[tuple[str, str, str], _Pending] = OrderedDict()
        self._seen: OrderedDict[str, None] = OrderedDict()

    async def roles_of(self, user: User, turn: TurnContext) -> frozenset[Role]:
        roles = self._roles.get(user.tenant_id, user.object_id)
        if roles is None:
            raise SignInRequired
        return roles

    async def close(self) -> None:
        await self._validator.close()

    async def ask_to_sign_in(self, turn: TurnContext, user: User) -> None:
        """Send the OAuth card that starts single sign-on, and keep the message to answer."""
        activity = turn.activity
        if activity.type == ActivityTypes.message:
            self._keep(user, activity)
        try:
            resource = await _user_token_client(turn).get_sign_in_resource(
                self._connection, activity, None
            )
        except Exception as error:  # the token service is down: say so, and keep the message
            log.warning("no sign-in resource from the token service: %s", type(error).__name__)
            await turn.send_activity(MessageFactory.text(SIGN_IN_UNAVAILABLE_TEXT))
            return
        card = OAuthCard(
            text=SIGN_IN_TEXT,
            connection_name=self._connection,
            buttons=[
                CardAction(type=ActionTypes.signin, title="Sign in", value=resource.sign_in_link)
            ],
            token_exchange_resource=resource.token_exchange_resource,
        )
        await turn.send_activity(MessageFactory.attachment(CardFactory.oauth_card(card)))

    async def on_sign_in_invoke(self, turn: TurnContext, user: User) -> Activity | None:
        """Answer a sign-in invoke; returns the kept message to answer now, if there is one."""
        if turn.activity.name == SignInConstants.verify_state_operation_name.value:
            await self._finish_fallback_sign_in(turn)
            await _answer(turn, InvokeResponse(status=HTTPStatus.OK))
            await self.ask_to_sign_in(turn, user)  # signed in by hand: now single sign-on works
            return None
        return await self._exchange(turn, user)

    async def _exchange(self, turn: TurnContext, user: User) -> Activity | None:
        value: Any = turn.activity.value
        value = value if isinstance(value, dict) else {}
        exchange_id, token = value.get("id"), value.get("token")
        if value.get("connectionName") != self._connection or not isinstance(token, str):
            await _answer(turn, InvokeResponse(status=HTTPStatus.BAD_REQUEST))
            return None
        seen_key = f"{user.tenant_id}/{user.object_id}/{exchange_id}"
        if isinstance(exchange_id, str) and self._already_seen(seen_key):
            # Teams may deliver the same exchange more than once (several clients).
            await _answer(turn, InvokeResponse(status=HTTPStatus.OK))
            return None
        try:
            access = await self._validator.validate(
                token, tenant=user.tenant_id, object_id=user.object_id
            )
        except EntraTokenRefused as refusal:
            log.warning("single sign-on token refused: %s", refusal.reason.value)
            await _answer(turn, _precondition_failed(exchange_id, self._connection))
            return None
        if not await self._exchanged_with_token_service(turn, token):
            await _answer(turn, _precondition_failed(exchange_id, self._connection))
            return None
        self._roles.put(access)
        body = {"id": exchange_id, "connectionName": self._connection}
        await _answer(turn, InvokeResponse(status=HTTPStatus.OK, body=body))
        return self._take(user, turn.activity)

    async def _finish_fallback_sign_in(self, turn: TurnContext) -> None:
        """Hand the token service the code of a sign-in finished on the fallback card."""
        value: Any = turn.activity.value
        state = value.get("state") if isinstance(value, dict) else None
        sender = turn.activity.from_property
        try:
            await _user_token_client(turn).get_user_token(
                sender.id if sender else "",
                self._connection,
                turn.activity.channel_id,
                state if isinstance(state, str) else None,
            )
        except Exception as error:  # the card is sent again either way
            log.warning("token service sign-in not completed: %s", type(error).__name__)

    async def _exchanged_with_token_service(self, turn: TurnContext, token: str) -> bool:
        activity = turn.activity
        sender = activity.from_property
        try:
            result = await _user_token_client(turn).exchange_token(
                sender.id if sender else "",
                self._connection,
                activity.channel_id,
                TokenExchangeRequest(token=token),
            )
        except Exception as error:  # the token service's failures all mean "use the fallback"
            log.warning("token service exchange failed: %s", type(error).__name__)
            return False
        if result is None or not getattr(result, "token", None):
            log.warning("token service exchange returned no token")
            return False
        return True

    def _keep(self, user: User, activity: Activity) -> None:
        key = _pending_key(user, activity)
        self._pending[key] = _Pending(activity, self._clock() + PENDING_SECONDS)
        self._pending.move_to_end(key)
        while len(self._pending) > MAX_ENTRIES:
            self._pending.popitem(last=False)

    def _take(self, user: User, activity: Activity) -> Activity | None:
        pending = self._pending.pop(_pending_key(user, activity), None)
        if pending is None or pending.kept_until <= self._clock():
            return None
        return pending.activity

    def _already_seen(self, exchange_id: str) -> bool:
        if exchange_id in self._seen:
            return True
        self._seen[exchange_id] = None
        while len(self._seen) > SEEN_EXCHANGES:
            self._seen.popitem(last=False)
        return False


def _pending_key(user: User, activity: Activity) -> tuple[str, str, str]:
    conversation = activity.conversation.id if activity.conversation else ""
    return (user.tenant_id.lower(), user.object_id.lower(), conversation or "")


def _user_token_client(turn: TurnContext) -> UserTokenClient:
    client = turn.turn_state.get(CloudAdapterBase.USER_TOKEN_CLIENT_KEY)
    if client is None:
        raise RuntimeError("the adapter gave this turn no user token client")
    return client


def _precondition_failed(exchange_id: Any, connection: str) -> InvokeResponse:
    """412 tells Teams to show the card's sign-in button: the fallback sign-in."""
    return InvokeResponse(
        status=HTTPStatus.PRECONDITION_FAILED,
        body={
            "id": exchange_id,
            "connectionName": connection,
            "failureDetail": "The single sign-on token could not be used.",
        },
    )


async def _answer(turn: TurnContext, response: InvokeResponse) -> None:
    await turn.send_activity(Activity(type=ActivityTypes.invoke_response, value=response))
