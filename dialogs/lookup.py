"""Looking people up: search, the results list, the person, a service's details.

Every disclosure follows the same order: read what the rules allow, commit
the audit entry that records it, and only then return the card. If the
entry cannot be committed (`AuditUnavailable`), the user gets the
"temporarily unavailable" notice and nothing is disclosed.

Restricted people are never listed (search and the reader leave them out);
one reached by its id is recorded as an attempt and shown as "not found",
the same answer as for an id that does not exist.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from cards import notices, people, results
from cards.elements import Json
from cards.views import CardContext, MatchInfo, NoticeKind, ResultRow, ResultsView
from data_access.audit.events import (
    AuditAction,
    AuditActor,
    AuditEvent,
    AuditOutcome,
)
from data_access.conversations import ConversationKey, OfferedPerson, Purpose, Snapshot
from data_access.disclosure.records import PersonSummary, Restricted, ServiceDetails
from data_access.enums import Service
from data_access.search.service import SearchResult
from dialogs.replies import CardReply, Reply
from dialogs.requests import Scope, Turn
from dialogs.services import Services

log = logging.getLogger(__name__)


def log_search_limit(turn: Turn) -> None:
    """A structured event auditors can alert on: identifiers only."""
    log.warning(
        "search limit reached",
        extra={"event": "search_limit_reached", "user_id": turn.user.object_id},
    )


def conversation_key(turn: Turn) -> ConversationKey:
    return ConversationKey(turn.user.tenant_id, turn.conversation_id, turn.user.object_id)


def card_context(
    turn: Turn, services: Services, issued_at: dt.datetime | None = None
) -> CardContext:
    viewer = turn.user.channel_user_id
    return CardContext(
        viewer_ids=(viewer,) if viewer else (),
        issued_at=issued_at or services.clock(),
        today=services.today(),
    )


def notice(kind: NoticeKind) -> CardReply:
    return CardReply(notices.notice_card(kind))


async def disclose(
    services: Services, events: Sequence[AuditEvent], card: Callable[[], Json]
) -> Json:
    """The card, once `events` are committed; if they cannot be, the audit error instead.

    The card is built while the entry is on its way to the database (after one step
    of the event loop, the append is waiting on its reply), so the turn pays for the
    round trip or the card, not both. It goes nowhere until the commit returns."""
    recording = asyncio.ensure_future(services.audit.record(*events))
    await asyncio.sleep(0)
    try:
        built = card()
    finally:
        await recording
    return built


@dataclass(frozen=True, slots=True)
class _Auditor:
    """Builds the turn's audit events with who, where, why already filled in."""

    turn: Turn
    purpose: Purpose | None

    def event(
        self,
        action: AuditAction,
        *,
        person_ids: tuple[str, ...] = (),
        service: Service | None = None,
        search_text: str | None = None,
        outcome: AuditOutcome = AuditOutcome.DISCLOSED,
    ) -> AuditEvent:
        user = self.turn.user
        return AuditEvent(
            action=action,
            actor=AuditActor(user.tenant_id, user.object_id, user.display_name),
            conversation_id=self.turn.conversation_id,
            correlation_id=self.turn.activity_id,
            person_ids=person_ids,
            service=service.value if service else None,
            search_text=search_text,
            purpose=self.purpose.title if self.purpose else None,
            case_reference=self.purpose.case_reference if self.purpose else None,
            outcome=outcome,
        )


def start_search(text: str, services: Services) -> asyncio.Future[SearchResult]:
    """The search the bot makes of a request, started now, to be awaited by `search` or
    dropped unseen by `drop_search`."""
    return asyncio.ensure_future(
        services.search.search_people(
            text,
            limit=services.policy.result_limit,
            today=services.today(),
            settle_for_confident=True,
        )
    )


async def drop_search(started: asyncio.Future[SearchResult]) -> None:
    """Let a search started ahead of need finish, and forget what it found (and any
    error: the turn's answer does not depend on it). Not cancelled: cancelling a query
    in flight would cost the pool its connection."""
    with contextlib.suppress(Exception):
        await started


async def search(
    turn: Turn,
    text: str,
    purpose: Purpose,
    services: Services,
    started: Awaitable[SearchResult] | None = None,
) -> Reply:
    """Show what a search the user has a purpose for found (`started`: the search of
    `text`, begun by `start_search`; else run it now).

    The search limit is the audit trail's to enforce, as the search is recorded under
    its lock (AuditLog.record): searches sent at once cannot all slip under a count
    taken beforehand. Over the limit, recording raises SearchLimitReached and nothing
    is shown (dialogs/conversation.py)."""
    auditor = _Auditor(turn, purpose)
    found = await (started if started is not None else start_search(text, services))
    outcome = found.outcome
    search_event = auditor.event(AuditAction.SEARCH, search_text=text)
    confident = outcome.confident
    if confident is not None and turn.scope is Scope.SHARED:
        # What a group chat or channel stores holds no personal data: each member sees
        # the person only in their own refreshed view, audited then (see refresh).
        await services.audit.record(search_event)
        stub = people.shared_card(confident.person_id, card_context(turn, services))
        # No personal data, but its View button must stop working with age: overwrite it too.
        return CardReply(stub, personal=True)
    if confident is not None:
        match = MatchInfo(confident.label.value, confident.reason)
        return await show_person(
            turn, confident.person_id, services, purpose, match=match, first=(search_event,)
        )
    if not outcome.matches:
        await services.audit.record(search_event)
        return notice(NoticeKind.NOTHING_MATCHED)
    if turn.scope is Scope.SHARED:
        await services.audit.record(search_event)
        return notice(NoticeKind.NARROW_DOWN_IN_SHARED)

    offered = tuple(OfferedPerson(m.person_id, m.label.value, m.reason) for m in outcome.matches)
    search_id = uuid.uuid4().hex  # names this list for its card's refresh; not the search text
    return await present(
        turn,
        offered,
        search_id,
        services,
        purpose,
        first=(search_event,),
        ambiguous=outcome.ambiguous,
    )


async def present(
    turn: Turn,
    offered: tuple[OfferedPerson, ...],
    search_id: str,
    services: Services,
    purpose: Purpose,
    *,
    first: tuple[AuditEvent, ...] = (),
    ambiguous: bool = False,
    issued_at: dt.datetime | None = None,
) -> Reply:
    """The results list (level 2), read again from the directory so that it is current
    and restricted people are left out, audited with the people it lists."""
    auditor = _Auditor(turn, purpose)
    listings = await services.directory.listings([o.person_id for o in offered], services.today())
    rows = tuple(
        ResultRow(listings[o.person_id], o.label, o.reason)
        for o in offered
        if o.person_id in listings
    )
    shown = tuple(row.listing.person_id for row in rows)
    view = ResultsView(rows=rows, ambiguous=ambiguous, search_id=search_id)
    context = card_context(turn, services, issued_at)
    card = await disclose(
        services,
        (*first, auditor.event(AuditAction.RESULTS_PRESENTED, person_ids=shown)),
        lambda: results.results_card(view, context),
    )
    if issued_at is None:
        kept = tuple(o for o in offered if o.person_id in listings)
        await services.conversations.offer(conversation_key(turn), kept, search_id)
    return CardReply(card, personal=True)


async def show_person(
    turn: Turn,
    person_id: str,
    services: Services,
    purpose: Purpose,
    *,
    match: MatchInfo | None = None,
    first: tuple[AuditEvent, ...] = (),
    issued_at: dt.datetime | None = None,
) -> Reply:
    """The person card (first level of disclosure), audited as a person view.

    `first` are entries of the same turn to commit before it (the search that
    led straight here). `issued_at` keeps a refreshed card's first issue time, from
    which its age is counted.
    """
    auditor = _Auditor(turn, purpose)
    summary = await services.directory.summary(person_id, services.today())
    if not isinstance(summary, PersonSummary):
        return await _not_found(auditor, person_id, summary, first, services)
    # The card lists the related people too (names, dates of birth): the entry names them,
    # after the person viewed.
    shown = (person_id, *(related.person_id for related in summary.related))
    context = card_context(turn, services, issued_at)
    card = await disclose(
        services,
        (*first, auditor.event(AuditAction.PERSON_VIEWED, person_ids=shown)),
        lambda: people.person_card(summary, match, context),
    )
    return CardReply(card, personal=True)


async def show_service(
    turn: Turn,
    person_id: str,
    service: Service,
    services: Services,
    purpose: Purpose,
    *,
    issued_at: dt.datetime | None = None,
) -> Reply:
    """One service's details and contacts (second level), audited as a service view."""
    auditor = _Auditor(turn, purpose)
    details = await services.directory.service_details(person_id, service, services.today())
    if not isinstance(details, ServiceDetails):
        return await _not_found(auditor, person_id, details, (), services, service=service)
    context = card_context(turn, services, issued_at)
    card = await disclose(
        services,
        (auditor.event(AuditAction.SERVICE_VIEWED, person_ids=(person_id,), service=service),),
        lambda: people.service_card(details, context),
    )
    return CardReply(card, personal=True)


async def _not_found(
    auditor: _Auditor,
    person_id: str,
    found: Restricted | None,
    first: tuple[AuditEvent, ...],
    services: Services,
    *,
    service: Service | None = None,
) -> Reply:
    events = list(first)
    if isinstance(found, Restricted):
        action = AuditAction.SERVICE_VIEWED if service else AuditAction.PERSON_VIEWED
        events.append(
            auditor.event(
                action,
                person_ids=(person_id,),
                service=service,
                outcome=AuditOutcome.REFUSED_RESTRICTED,
            )
        )
    if events:
        await services.audit.record(*events)
    return notice(NoticeKind.NOT_FOUND)


def offered_match(snapshot: Snapshot, person_id: str) -> MatchInfo | None:
    """How well this person matched the user's last search, if they came from its list."""
    for offered in snapshot.offered:
        if offered.person_id == person_id:
            return MatchInfo(offered.label, offered.reason)
    return None
