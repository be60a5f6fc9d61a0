"""The conversation's entry points: a message or a card action in, what to show out.

Errors never reach the user as text: a store that cannot be reached (or an
audit entry that cannot be committed) gives the "temporarily unavailable"
notice, anything else the "something went wrong" notice, and the log gets
the error's type only (a database error's message can quote search text).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from cards import actions as card_actions
from cards import welcome
from cards.views import NoticeKind, WelcomeView
from data_access.audit.events import AuditUnavailable, SearchLimitReached
from data_access.conversations import EMPTY
from data_access.errors import STORE_ERRORS
from data_access.search.parse import parse_query
from dialogs import lookup, purpose
from dialogs.audit_look import audit_look, view_audit
from dialogs.commands import match_command
from dialogs.replies import CardReply, Reply, TextReply
from dialogs.requests import ActionRequest, Scope, TextRequest, Turn
from dialogs.services import Services

log = logging.getLogger(__name__)

_R = TypeVar("_R", bound=Reply | None)

GREETINGS = frozenset({"?", "hi", "hello", "hey"})

HOW_TO_ASK_TEXT = (
    "Tell me who you're looking for: a name, and a date of birth if you know it "
    '(for example "find Jayden Smith 12/03/2016"), or a case id ("case 7190247"). '
    "Type **help** to see what I can do."
)


async def _guarded(turn: Turn, flow: Callable[[], Awaitable[_R]]) -> _R | Reply:
    try:
        return await flow()
    except SearchLimitReached:
        # The audit trail refused the search as it was recorded, and recorded the attempt.
        lookup.log_search_limit(turn)
        return lookup.notice(NoticeKind.RATE_LIMITED)
    except AuditUnavailable:
        log.error("audit entry not committed: nothing disclosed", extra={"turn": turn.activity_id})
        return lookup.notice(NoticeKind.UNAVAILABLE)
    except STORE_ERRORS as error:
        log.error("store unavailable: %s", type(error).__name__, extra={"turn": turn.activity_id})
        return lookup.notice(NoticeKind.UNAVAILABLE)
    except Exception as error:
        log.error("turn failed: %s", type(error).__name__, extra={"turn": turn.activity_id})
        return lookup.notice(NoticeKind.ERROR)


def _welcome_view(services: Services) -> WelcomeView:
    return WelcomeView(
        council_name=services.policy.council_name,
        appropriate_use_text=services.policy.appropriate_use_text,
    )


def welcome_reply(services: Services) -> CardReply:
    """For a new installation or a new user: what this is and how to ask."""
    return CardReply(welcome.welcome_card(_welcome_view(services)))


def help_reply(services: Services) -> CardReply:
    return CardReply(welcome.help_card(_welcome_view(services)))


async def handle_text(request: TextRequest, services: Services) -> list[Reply]:
    turn = request.turn
    text = request.text.strip()
    command = match_command(text)
    name = command.command.title if command else None
    if not text or name == "help" or text.casefold() in GREETINGS:
        return [help_reply(services)]
    if name == "audit" and command is not None:
        return [await _guarded(turn, lambda: audit_look(request, command.arguments, services))]
    if not turn.may_search:
        return [lookup.notice(NoticeKind.NOT_ALLOWED)]
    if name == "purpose":
        return [await _guarded(turn, lambda: _ask_purpose(turn, services, pending=False))]
    if parse_query(text, services.today()).is_empty:
        return [TextReply(HOW_TO_ASK_TEXT)]
    reply = await _guarded(turn, lambda: _search_or_ask_purpose(turn, text, services))
    return [] if reply is None else [reply]


async def _search_or_ask_purpose(turn: Turn, text: str, services: Services) -> Reply | None:
    """None when Teams delivered this message again: it was answered (or is being)."""
    lookups = services.lookups
    lookups.count += 1
    try:
        early = lookups.count <= lookups.most_for_early_search
        return await _lookup(turn, text, services, early=early)
    finally:
        lookups.count -= 1


async def _lookup(turn: Turn, text: str, services: Services, *, early: bool) -> Reply | None:
    """When this instance knows the user gave a purpose in this conversation that is still
    in force (`purpose_known`), and has time to spare (`early`), the search runs while the
    state is read: one round trip fewer on every lookup after the first. The state read
    decides: the result is used only if it says the message is new and the purpose is
    there; otherwise it is dropped unseen, unrecorded and unlogged. The first search of a
    conversation waits for the purpose (product.md: it is recorded before the first
    search)."""
    key = lookup.conversation_key(turn)
    started = None
    if early and services.conversations.purpose_known(key):
        started = lookup.start_search(text, services)
    try:
        first, snapshot = await services.conversations.open(key, turn.activity_id)
    except Exception:
        if started is not None:
            await lookup.drop_search(started)
        raise
    except BaseException:  # the turn itself was cancelled
        if started is not None:
            started.cancel()
        raise
    if started is not None and (not first or snapshot.purpose is None):
        await lookup.drop_search(started)
        started = None
    if not first:
        return None
    if snapshot.purpose is None:
        await services.conversations.keep_pending(key, text)
        return await _ask_purpose(turn, services, pending=True)
    return await lookup.search(turn, text, snapshot.purpose, services, started)


async def _ask_purpose(
    turn: Turn, services: Services, *, pending: bool, problem: str | None = None
) -> Reply:
    from cards.purpose import purpose_card

    snapshot = await services.conversations.get(lookup.conversation_key(turn))
    pending = pending or bool(snapshot.pending_text)
    if turn.scope is Scope.SHARED:
        # Everyone in a group chat or channel sees the card: not the user's own words.
        snapshot = EMPTY
    view = purpose.purpose_view(services.policy, snapshot, pending=pending, problem=problem)
    return CardReply(purpose_card(view))


async def handle_action(request: ActionRequest, services: Services) -> Reply:
    turn = request.turn
    action = card_actions.parse_action(request.verb, request.data)
    if action is None:
        log.info("card action not understood", extra={"turn": turn.activity_id})
        return lookup.notice(NoticeKind.ACTION_NOT_RECOGNISED)
    if isinstance(action, card_actions.ShowHelp):
        return help_reply(services)
    if isinstance(action, card_actions.ViewAudit):
        if services.clock() - action.issued > services.policy.card_max_age:
            return lookup.notice(NoticeKind.EXPIRED)
        subject, members = action.subject, request.team_members
        return await _guarded(turn, lambda: view_audit(turn, subject, members, services))
    if not turn.may_search:
        return lookup.notice(NoticeKind.NOT_ALLOWED)
    return await _guarded(turn, lambda: _act(turn, action, request.automatic, services))


async def _act(
    turn: Turn, action: card_actions.CardAction, automatic: bool, services: Services
) -> Reply:
    key = lookup.conversation_key(turn)
    if isinstance(action, card_actions.ChangePurpose):
        return await _ask_purpose(turn, services, pending=False)
    if isinstance(action, card_actions.SetPurpose):
        return await _set_purpose(turn, action, services)

    if isinstance(action, card_actions.Refresh | card_actions.RefreshResults):
        age = services.clock() - action.issued
        if age > services.policy.card_max_age or age.total_seconds() < -300:
            return lookup.notice(NoticeKind.EXPIRED)
    snapshot = await services.conversations.get(key)
    given = snapshot.purpose
    if given is None:
        if isinstance(action, card_actions.Refresh | card_actions.RefreshResults) and automatic:
            # Seen again after the purpose lapsed: no personal data until it is given.
            return lookup.notice(NoticeKind.EXPIRED)
        return await _ask_purpose(turn, services, pending=False)

    if isinstance(action, card_actions.RefreshResults):
        if action.search_id != snapshot.search_id or not snapshot.offered:
            return lookup.notice(NoticeKind.EXPIRED)  # a newer search replaced this list
        return await lookup.present(
            turn, snapshot.offered, action.search_id, services, given, issued_at=action.issued
        )
    if isinstance(action, card_actions.OpenPerson):
        match = lookup.offered_match(snapshot, action.person_id)
        return await lookup.show_person(turn, action.person_id, services, given, match=match)
    if isinstance(action, card_actions.OpenService):
        return await lookup.show_service(turn, action.person_id, action.service, services, given)
    if isinstance(action, card_actions.Refresh):
        if action.view == "service" and action.service is not None:
            return await lookup.show_service(
                turn, action.person_id, action.service, services, given, issued_at=action.issued
            )
        match = lookup.offered_match(snapshot, action.person_id)
        return await lookup.show_person(
            turn, action.person_id, services, given, match=match, issued_at=action.issued
        )
    return lookup.notice(NoticeKind.ERROR)


async def _set_purpose(turn: Turn, action: card_actions.SetPurpose, services: Services) -> Reply:
    title = purpose.resolve(services.policy, action.purpose, action.purpose_other)
    if title is None:
        problem = "Choose a reason, or describe your own in a few words."
        return await _ask_purpose(turn, services, pending=False, problem=problem)
    case_reference = None
    if action.case_reference:
        case_reference = purpose.clean(action.case_reference, purpose.MAX_CASE_REFERENCE_LENGTH)
        if case_reference is None:
            problem = f"A case reference is at most {purpose.MAX_CASE_REFERENCE_LENGTH} characters."
            return await _ask_purpose(turn, services, pending=False, problem=problem)
    given, pending = await services.conversations.set_purpose(
        lookup.conversation_key(turn), title, case_reference
    )
    if pending:
        return await lookup.search(turn, pending, given, services)
    return lookup.notice(NoticeKind.PURPOSE_RECORDED)
