"""In-memory stand-ins for the conversation's services (dialogs/services.py), for unit tests
of the flows. The search is the real parser and scorer over a list of candidates, so a
flow test searches the way the bot does, without a database."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from data_access.audit.events import (
    AuditAction,
    AuditEvent,
    AuditOutcome,
    AuditUnavailable,
    SearchLimitReached,
)
from data_access.audit.records import AuditRecord
from data_access.conversations import (
    EMPTY,
    ConversationKey,
    OfferedPerson,
    Purpose,
    Snapshot,
)
from data_access.disclosure.records import (
    PersonListing,
    PersonSummary,
    Restricted,
    ServiceDetails,
)
from data_access.enums import Service
from data_access.search.parse import parse_query
from data_access.search.scoring import DEFAULT_LIMIT, Candidate, SearchOutcome, rank
from data_access.search.service import SearchResult
from dialogs.requests import Role, Scope, Turn, User
from dialogs.services import Policy, Services

NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)
TENANT = "0f5c7c1e-0000-4000-8000-000000000001"
USER = User(
    object_id="5b0e3c2a-0000-4000-8000-000000000002",
    tenant_id=TENANT,
    display_name="Sam Worker",
    channel_user_id="29:sam",
)


def turn(
    *,
    activity_id: str = "act-1",
    scope: Scope = Scope.PERSONAL,
    roles: Iterable[Role] = (Role.SOCIAL_WORKER,),
    user: User = USER,
    conversation_id: str = "a:conversation-1",
) -> Turn:
    return Turn(user, conversation_id, activity_id, scope, frozenset(roles))


class Clock:
    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


class FakeSearch:
    def __init__(self, candidates: Sequence[Candidate]) -> None:
        self.candidates = list(candidates)
        self.texts: list[str] = []

    async def search_people(
        self,
        text: str,
        *,
        limit: int = DEFAULT_LIMIT,
        today: dt.date | None = None,
        settle_for_confident: bool = True,
    ) -> SearchResult:
        self.texts.append(text)
        today = today or NOW.date()
        query = parse_query(text, today)
        if query.is_empty:
            return SearchResult(SearchOutcome((), ambiguous=False, considered=0), {})
        outcome = rank(query, self.candidates, today, limit)
        chosen = {m.person_id for m in outcome.matches}
        return SearchResult(
            outcome, {c.person_id: c for c in self.candidates if c.person_id in chosen}
        )


@dataclass
class FakeDirectory:
    people: dict[str, PersonSummary | Restricted] = field(default_factory=dict)
    details: dict[tuple[str, Service], ServiceDetails] = field(default_factory=dict)
    listing: dict[str, PersonListing] = field(default_factory=dict)

    async def summary(self, person_id: str, today: dt.date) -> PersonSummary | Restricted | None:
        return self.people.get(person_id)

    async def service_details(
        self, person_id: str, service: Service, today: dt.date
    ) -> ServiceDetails | Restricted | None:
        person = self.people.get(person_id)
        if isinstance(person, Restricted):
            return person
        return self.details.get((person_id, service))

    async def listings(self, person_ids: Sequence[str], today: dt.date) -> dict[str, PersonListing]:
        return {p: self.listing[p] for p in person_ids if p in self.listing}


class FakeAudit:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.entries: list[tuple[dt.datetime, AuditEvent]] = []
        self.fail = False
        self.search_limit: int | None = None
        self.search_window = dt.timedelta(hours=1)

    async def record(self, *events: AuditEvent) -> None:
        """As AuditLog.record with a search limit: the limit is checked as entries are
        written, so searches that all passed the check before searching still stop."""
        if self.fail:
            raise AuditUnavailable("injected")
        await asyncio.sleep(0)  # let searches sent at once interleave, as a database would
        search = next(
            (
                e
                for e in events
                if e.action is AuditAction.SEARCH and e.outcome is AuditOutcome.DISCLOSED
            ),
            None,
        )
        if search is not None and self.search_limit is not None:
            since = self.clock() - self.search_window
            if await self.count_searches(search.actor.user_id, since) >= self.search_limit:
                refused = replace(search, outcome=AuditOutcome.REFUSED_RATE_LIMIT)
                self.entries.append((self.clock(), refused))
                raise SearchLimitReached()
        self.entries.extend((self.clock(), event) for event in events)

    async def count_searches(self, user_id: str, since: dt.datetime) -> int:
        return sum(
            1
            for at, event in self.entries
            if event.action is AuditAction.SEARCH
            and event.outcome is not AuditOutcome.REFUSED_RATE_LIMIT
            and event.actor.user_id == user_id
            and at >= since
        )

    async def recent(
        self,
        user_id: str | None = None,
        person_id: str | None = None,
        limit: int = 20,
        *,
        user_ids: Sequence[str] | None = None,
    ) -> list[AuditRecord]:
        found = []
        for seq, (at, event) in enumerate(self.entries, 1):
            if user_id is not None and event.actor.user_id != user_id:
                continue
            if person_id is not None and person_id not in event.person_ids:
                continue
            if user_ids is not None and event.actor.user_id not in user_ids:
                continue
            found.append(
                AuditRecord(
                    seq=seq,
                    time=at,
                    tenant_id=event.actor.tenant_id,
                    user_id=event.actor.user_id,
                    user_name=event.actor.user_name,
                    action=event.action,
                    outcome=event.outcome,
                    person_ids=event.person_ids,
                    service=event.service,
                    search_text=event.search_text,
                    purpose=event.purpose,
                    case_reference=event.case_reference,
                    conversation_id=event.conversation_id,
                    correlation_id=event.correlation_id,
                    detail=event.detail,
                    prev_hash="",
                    hash="",
                )
            )
        return list(reversed(found))[:limit]

    @property
    def events(self) -> list[AuditEvent]:
        return [event for _, event in self.entries]

    @property
    def actions(self) -> list[AuditAction]:
        return [event.action for event in self.events]


class FakeConversations:
    def __init__(self, clock: Clock, ttl: dt.timedelta = dt.timedelta(hours=8)) -> None:
        self.clock = clock
        self.ttl = ttl
        self.purposes: dict[ConversationKey, Purpose] = {}
        self.pending: dict[ConversationKey, tuple[str, dt.datetime]] = {}
        self.offered: dict[ConversationKey, tuple[OfferedPerson, ...]] = {}
        self.search_ids: dict[ConversationKey, str] = {}
        self.delivered: set[tuple[str, str]] = set()

    async def get(self, key: ConversationKey) -> Snapshot:
        now = self.clock()
        purpose = self.purposes.get(key)
        if purpose is not None and now - purpose.given_at >= self.ttl:
            purpose = None
        pending = self.pending.get(key)
        text = pending[0] if pending and now - pending[1] < self.ttl else None
        if purpose is None and text is None and key not in self.offered:
            return EMPTY
        return Snapshot(purpose, text, self.offered.get(key, ()), self.search_ids.get(key))

    async def set_purpose(
        self, key: ConversationKey, title: str, case_reference: str | None
    ) -> tuple[Purpose, str | None]:
        purpose = Purpose(title, case_reference, self.clock())
        self.purposes[key] = purpose
        pending = self.pending.pop(key, None)
        return purpose, pending[0] if pending else None

    async def keep_pending(self, key: ConversationKey, text: str) -> None:
        self.pending[key] = (text, self.clock())

    async def offer(
        self, key: ConversationKey, offered: tuple[OfferedPerson, ...], search_id: str
    ) -> None:
        self.offered[key] = offered
        self.search_ids[key] = search_id

    def purpose_known(self, key: ConversationKey) -> bool:
        purpose = self.purposes.get(key)
        return purpose is not None and self.clock() - purpose.given_at < self.ttl

    async def open(self, key: ConversationKey, activity_id: str | None) -> tuple[bool, Snapshot]:
        await asyncio.sleep(0)  # a round trip, during which other work may run
        first = True
        if activity_id:
            first = (activity_id, key.conversation_id) not in self.delivered
            self.delivered.add((activity_id, key.conversation_id))
        return first, await self.get(key)


SEARCH_LIMIT = 5
"""Searches per hour in the fake world (the audit trail enforces it, as AuditLog does)."""

POLICY = Policy(
    purposes=(
        "Child and family assessment (section 17)",
        "Child protection enquiry (section 47)",
        "Strategy discussion",
        "Another reason",
    ),
    council_name="Example Council",
    appropriate_use_text="Only look up people connected to your case.",
)


@dataclass
class World:
    """Fake services sharing one clock, and the Services the flows get."""

    clock: Clock
    search: FakeSearch
    directory: FakeDirectory
    audit: FakeAudit
    conversations: FakeConversations
    services: Services


def world(candidates: Sequence[Candidate] = (), directory: FakeDirectory | None = None) -> World:
    clock = Clock()
    search = FakeSearch(candidates)
    directory = directory or FakeDirectory()
    audit = FakeAudit(clock)
    audit.search_limit = SEARCH_LIMIT
    conversations = FakeConversations(clock)
    services = Services(search, directory, audit, conversations, POLICY, clock)
    return World(clock, search, directory, audit, conversations, services)
