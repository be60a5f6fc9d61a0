"""What the flows need from the rest of the system, as small protocols, and the council's
policy. The composition root (bot/cli.py via bot/app.py) builds the real ones from
data_access/; unit tests pass fakes (tests/support/fakes.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol
from zoneinfo import ZoneInfo

from data_access.audit.events import AuditEvent
from data_access.audit.records import AuditRecord
from data_access.conversations import (
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
from data_access.search.service import SearchResult


class Searcher(Protocol):
    async def search_people(
        self,
        text: str,
        *,
        limit: int = ...,
        today: dt.date | None = None,
        settle_for_confident: bool = True,
    ) -> SearchResult: ...


class Directory(Protocol):
    async def summary(
        self, person_id: str, today: dt.date
    ) -> PersonSummary | Restricted | None: ...

    async def service_details(
        self, person_id: str, service: Service, today: dt.date
    ) -> ServiceDetails | Restricted | None: ...

    async def listings(
        self, person_ids: Sequence[str], today: dt.date
    ) -> dict[str, PersonListing]: ...


class AuditTrail(Protocol):
    async def record(self, *events: AuditEvent) -> None:
        """Commit the entries, or raise AuditUnavailable: nothing may be shown without them."""
        ...

    async def recent(
        self,
        user_id: str | None = None,
        person_id: str | None = None,
        limit: int = 20,
        *,
        user_ids: Sequence[str] | None = None,
    ) -> list[AuditRecord]: ...


class Conversations(Protocol):
    async def get(self, key: ConversationKey) -> Snapshot: ...

    async def set_purpose(
        self, key: ConversationKey, title: str, case_reference: str | None
    ) -> tuple[Purpose, str | None]: ...

    async def keep_pending(self, key: ConversationKey, text: str) -> None: ...

    async def offer(
        self, key: ConversationKey, offered: tuple[OfferedPerson, ...], search_id: str
    ) -> None: ...

    async def open(self, key: ConversationKey, activity_id: str | None) -> tuple[bool, Snapshot]:
        """The state as a message's turn begins, and whether the message is seen for the
        first time: False when Teams delivers it again (it retries after 15 s without an
        ack); True when it has no id."""
        ...

    def purpose_known(self, key: ConversationKey) -> bool:
        """Whether a purpose given in this conversation is known, without asking the
        store, to be still in force: only a hint (`open` decides)."""
        ...


@dataclass(frozen=True, slots=True)
class Policy:
    """The council's choices, from settings."""

    purposes: tuple[str, ...]
    """The last one is "another reason": the user types their own words."""
    card_max_age: dt.timedelta = dt.timedelta(hours=24)
    council_name: str = ""
    appropriate_use_text: str = ""
    result_limit: int = 5


_LONDON = ZoneInfo("Europe/London")
"""Ages are computed on the day in England, not in UTC."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(slots=True)
class LookupsInProgress:
    """The lookups this instance is in the middle of. With spare processor time a search
    may run while the turn's state is read; when many turns are under way there is none
    to spare, and running the two at once only adds to the queue
    (dialogs/conversation.py)."""

    count: int = 0
    most_for_early_search: int = 2


@dataclass(frozen=True, slots=True)
class Services:
    search: Searcher
    directory: Directory
    audit: AuditTrail
    conversations: Conversations
    policy: Policy
    clock: Callable[[], dt.datetime] = utc_now
    """UTC now; `today` for ages is its date in England (see `today`)."""
    lookups: LookupsInProgress = field(default_factory=LookupsInProgress)

    def today(self) -> dt.date:
        return self.clock().astimezone(_LONDON).date()
