"""The contract between the buttons on a card and the bot that answers them.

Every button is an `Action.Execute` (Universal Actions): Teams sends its
`verb` and `data` back in an `adaptiveCard/action` invoke. This module is the
only place that writes that data and the only place that reads it back, so
the two can never drift apart.

Two rules hold for every action:

- The data carries ids only (a person id, a service, a view, a time), never
  a name, a date of birth or search text. Card data is stored in the chat,
  copied between clients and echoed back; ids mean nothing without access
  to Family Context, which is checked again on every invoke.
- What comes back is untrusted. `parse_action` checks every type and length
  and returns None for anything it does not recognise; it never raises, so
  a forged or garbled invoke cannot become an error page or a log entry full
  of someone's input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, Literal, get_args

from data_access.enums import Service

MAX_ID_LENGTH = 64
"""The interchange format's limit for person ids (common-data-model.md)."""
MAX_PURPOSE_CODE_LENGTH = 64
MAX_PURPOSE_TEXT_LENGTH = 200
"""The purpose card's "other reason" box accepts no more than this."""
MAX_CASE_REFERENCE_LENGTH = 50
MAX_REFRESH_USERS = 60
"""Teams runs automatic refresh for at most 60 listed users."""
_MAX_TIMESTAMP_LENGTH = 40

PURPOSE_INPUT = "purpose"
PURPOSE_OTHER_INPUT = "purpose_other"
CASE_REFERENCE_INPUT = "case_reference"


class Verb(StrEnum):
    SET_PURPOSE = "purpose.set"
    CHANGE_PURPOSE = "purpose.change"
    OPEN_PERSON = "person.open"
    OPEN_SERVICE = "service.open"
    REFRESH = "card.refresh"
    HELP = "help"


RefreshView = Literal["person", "service", "shared"]
REFRESH_VIEWS: tuple[RefreshView, ...] = get_args(RefreshView)

DATA_KEYS = frozenset({"person_id", "service", "view", "issued_at", "search_id", "subject"})
"""Every key a card ever writes into action data: ids and a time, nothing personal."""
INPUT_KEYS = frozenset({PURPOSE_INPUT, PURPOSE_OTHER_INPUT, CASE_REFERENCE_INPUT})
"""Keys that arrive merged into the data from the purpose card's inputs (typed by the user)."""


@dataclass(frozen=True, slots=True)
class SetPurpose:
    """The purpose card was sent. Its fields come from the card's inputs, never from card data.

    `purpose` is the chosen option's code ("" when none was chosen: the flow
    asks again kindly rather than treating it as an attack); the two texts
    are stripped, whitespace collapsed.
    """

    purpose: str
    purpose_other: str = ""
    case_reference: str = ""
    verb: ClassVar[Verb] = Verb.SET_PURPOSE


@dataclass(frozen=True, slots=True)
class ChangePurpose:
    verb: ClassVar[Verb] = Verb.CHANGE_PURPOSE


@dataclass(frozen=True, slots=True)
class OpenPerson:
    """Show this person's card (first level of disclosure)."""

    person_id: str
    verb: ClassVar[Verb] = Verb.OPEN_PERSON


@dataclass(frozen=True, slots=True)
class OpenService:
    """Show one service's details for this person (second level of disclosure)."""

    person_id: str
    service: Service
    verb: ClassVar[Verb] = Verb.OPEN_SERVICE


@dataclass(frozen=True, slots=True)
class Refresh:
    """A card's `refresh`: Teams sends it when a listed user views the card again.

    `issued_at` is when the card was made (ISO 8601, UTC, `...Z`), so the bot
    can decide whether to show fresh data or the "expired" notice. `service`
    is set exactly when `view` is "service".
    """

    view: RefreshView
    person_id: str
    service: Service | None
    issued_at: str
    verb: ClassVar[Verb] = Verb.REFRESH

    @property
    def issued(self) -> dt.datetime:
        """`issued_at` as an aware UTC time (checked when parsed or built)."""
        return dt.datetime.fromisoformat(self.issued_at).astimezone(dt.UTC)

    @classmethod
    def of(
        cls,
        view: RefreshView,
        person_id: str,
        issued_at: dt.datetime,
        service: Service | None = None,
    ) -> Refresh:
        return cls(view=view, person_id=person_id, service=service, issued_at=iso_utc(issued_at))


@dataclass(frozen=True, slots=True)
class RefreshResults:
    """A results card's `refresh` (verb "card.refresh", view "results").

    A results list shows names, dates of birth and addresses, so it must not
    sit unchanged in the chat either. It carries the id of the search (an id
    the bot chose, such as the search's audit entry id), never the search
    text: the bot can list the same people again, checked and up to date, or
    answer with the "expired" notice.
    """

    search_id: str
    issued_at: str
    verb: ClassVar[Verb] = Verb.REFRESH

    @property
    def issued(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.issued_at).astimezone(dt.UTC)

    @classmethod
    def of(cls, search_id: str, issued_at: dt.datetime) -> RefreshResults:
        return cls(search_id=search_id, issued_at=iso_utc(issued_at))


@dataclass(frozen=True, slots=True)
class ShowHelp:
    verb: ClassVar[Verb] = Verb.HELP


@dataclass(frozen=True, slots=True)
class ViewAudit:
    """An audit look asked for in a group chat or channel, shown to each viewer on their own.

    `subject` is what followed "audit": empty, an Entra object id or a person id (ids
    only). `issued_at` as for Refresh: the card stops working once old."""

    subject: str
    issued_at: str
    verb: ClassVar[Verb] = Verb.REFRESH

    @property
    def issued(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.issued_at).astimezone(dt.UTC)

    @classmethod
    def of(cls, subject: str, issued_at: dt.datetime) -> ViewAudit:
        return cls(subject=subject, issued_at=iso_utc(issued_at))


CardAction = (
    SetPurpose
    | ChangePurpose
    | OpenPerson
    | OpenService
    | Refresh
    | RefreshResults
    | ShowHelp
    | ViewAudit
)


def iso_utc(moment: dt.datetime) -> str:
    """`2026-11-22T09:30:00Z`: whole seconds in UTC. A naive time is a bug, so it raises."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("issued_at must be timezone-aware")
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def action_data(action: CardAction) -> dict[str, str]:
    """The ids an action carries. SetPurpose carries none: its values are the card's inputs."""
    if isinstance(action, OpenPerson):
        return {"person_id": action.person_id}
    if isinstance(action, OpenService):
        return {"person_id": action.person_id, "service": action.service.value}
    if isinstance(action, Refresh):
        data = {"view": action.view, "person_id": action.person_id, "issued_at": action.issued_at}
        if action.service is not None:
            data["service"] = action.service.value
        return data
    if isinstance(action, RefreshResults):
        return {"view": "results", "search_id": action.search_id, "issued_at": action.issued_at}
    if isinstance(action, ViewAudit):
        subject = {"subject": action.subject} if action.subject else {}
        return {"view": "audit", **subject, "issued_at": action.issued_at}
    return {}


def execute(
    action: CardAction,
    title: str,
    *,
    tooltip: str | None = None,
    style: Literal["positive", "destructive"] | None = None,
) -> dict[str, Any]:
    """The `Action.Execute` JSON for a button, a `selectAction` or a `refresh`."""
    result: dict[str, Any] = {"type": "Action.Execute", "title": title, "verb": action.verb.value}
    data = action_data(action)
    if data:
        result["data"] = data
    if tooltip:
        result["tooltip"] = tooltip
    if style:
        result["style"] = style
    return result


def refresh_property(
    action: Refresh | RefreshResults | ViewAudit, user_ids: Sequence[str]
) -> dict[str, Any]:
    """A card's `refresh`: automatic for the listed users (at most 60), manual for anyone else."""
    if len(user_ids) > MAX_REFRESH_USERS:
        raise ValueError(f"refresh.userIds takes at most {MAX_REFRESH_USERS} users")
    result: dict[str, Any] = {"action": execute(action, "Refresh")}
    if user_ids:
        result["userIds"] = list(user_ids)
    return result


# --- parsing what comes back --------------------------------------------------------


def parse_action(verb: str | None, data: object) -> CardAction | None:
    """The action an invoke asked for, or None when anything about it is malformed."""
    try:
        return _parse(verb, data)
    except Exception:  # never raise on untrusted input; the caller treats None as "ignore"
        return None


def _parse(verb: object, data: object) -> CardAction | None:
    if not isinstance(verb, str) or len(verb) > 32:
        return None
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        return None
    if verb == Verb.HELP:
        return ShowHelp()
    if verb == Verb.CHANGE_PURPOSE:
        return ChangePurpose()
    if verb == Verb.SET_PURPOSE:
        return _parse_set_purpose(data)
    if verb == Verb.REFRESH and data.get("view") == "results":
        return _parse_refresh_results(data)
    if verb == Verb.REFRESH and data.get("view") == "audit":
        return _parse_view_audit(data)
    person_id = _identifier(data.get("person_id"))
    if person_id is None:
        return None
    if verb == Verb.OPEN_PERSON:
        return OpenPerson(person_id)
    if verb == Verb.OPEN_SERVICE:
        service = _service(data.get("service"))
        return None if service is None else OpenService(person_id, service)
    if verb == Verb.REFRESH:
        return _parse_refresh(person_id, data)
    return None


def _parse_set_purpose(data: Mapping[Any, Any]) -> SetPurpose | None:
    code = _text(data.get(PURPOSE_INPUT, ""), MAX_PURPOSE_CODE_LENGTH)
    other = _text(data.get(PURPOSE_OTHER_INPUT, ""), MAX_PURPOSE_TEXT_LENGTH)
    reference = _text(data.get(CASE_REFERENCE_INPUT, ""), MAX_CASE_REFERENCE_LENGTH)
    if code is None or other is None or reference is None:
        return None
    if code and not all(char.isascii() and (char.isalnum() or char in "_-.") for char in code):
        return None
    return SetPurpose(code, other, reference)


def _parse_refresh(person_id: str, data: Mapping[Any, Any]) -> Refresh | None:
    view = data.get("view")
    if view not in REFRESH_VIEWS:
        return None
    raw_service = data.get("service")
    service = _service(raw_service)
    if service is None and raw_service is not None:
        return None
    if (view == "service") != (service is not None):
        return None
    issued_at = _timestamp(data.get("issued_at"))
    return None if issued_at is None else Refresh(view, person_id, service, issued_at)


def _parse_refresh_results(data: Mapping[Any, Any]) -> RefreshResults | None:
    search_id = _identifier(data.get("search_id"))
    issued_at = _timestamp(data.get("issued_at"))
    if search_id is None or issued_at is None or "person_id" in data or "service" in data:
        return None
    return RefreshResults(search_id, issued_at)


def _parse_view_audit(data: Mapping[Any, Any]) -> ViewAudit | None:
    raw = data.get("subject", "")
    subject = "" if raw == "" else _identifier(raw)
    issued_at = _timestamp(data.get("issued_at"))
    if subject is None or issued_at is None or "person_id" in data or "service" in data:
        return None
    return ViewAudit(subject, issued_at)


def _timestamp(value: object) -> str | None:
    """An ISO 8601 time in UTC, in the canonical form `iso_utc` writes."""
    if not isinstance(value, str) or len(value) > _MAX_TIMESTAMP_LENGTH:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.utcoffset() != dt.timedelta(0):
        return None
    return iso_utc(moment)


def _identifier(value: object) -> str | None:
    """An id as the interchange format allows: 1 to 64 printable characters, no edges."""
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ID_LENGTH:
        return None
    if not value.isprintable() or value != value.strip():
        return None
    return value


def _service(value: object) -> Service | None:
    if not isinstance(value, str) or len(value) > 32:
        return None
    try:
        return Service(value)
    except ValueError:
        return None


def _text(value: object, limit: int) -> str | None:
    """User-typed text: whitespace collapsed, within the limit, no control characters."""
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > limit * 4:
        return None
    collapsed = " ".join(value.split())
    if len(collapsed) > limit or not collapsed.isprintable():
        return None
    return collapsed
