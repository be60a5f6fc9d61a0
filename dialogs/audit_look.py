"""An auditor's (or a team manager's) look at the audit trail from Teams.

`audit` alone lists the newest entries; `audit <Entra object id>` a user's,
`audit <person id>` a person's. Auditors see the whole trail; a team manager
sees the entries of the members of the team whose channel they ask in (Teams
gives the roster there), and nothing elsewhere. What the bot posts in a group
chat or channel everyone there reads, so there it posts a card without
entries that shows each viewer their own look, checked for them. Each look is
itself recorded before it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from cards.audit import audit_card, audit_stub_card
from cards.views import AuditRow, AuditView, NoticeKind
from data_access.audit.events import AuditAction, AuditActor, AuditEvent
from data_access.audit.records import AuditRecord
from dialogs.lookup import card_context, notice
from dialogs.replies import CardReply, Reply
from dialogs.requests import Role, Scope, TextRequest, Turn
from dialogs.services import Services

_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_PERSON_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
LOOK_LIMIT = 20


def _row(record: AuditRecord) -> AuditRow:
    return AuditRow(
        seq=record.seq,
        time=record.time,
        user_name=record.user_name,
        action=record.action.value,
        outcome=record.outcome.value,
        person_ids=record.person_ids,
        service=record.service,
        purpose=record.purpose,
        case_reference=record.case_reference,
    )


async def audit_look(request: TextRequest, arguments: str, services: Services) -> Reply:
    """`audit ...` typed: the entries in a 1:1 chat; in a group chat or channel a card
    without them, which shows each viewer their own look (`view_audit`)."""
    turn = request.turn
    subject = arguments.strip()
    if not _allowed_to_look(turn.roles):
        return notice(NoticeKind.NOT_ALLOWED)
    if turn.scope is Scope.SHARED:
        # What is posted in a group chat or channel, everyone in it reads.
        if not (subject == "" or _GUID.match(subject) or _PERSON_ID.match(subject)):
            return notice(NoticeKind.ACTION_NOT_RECOGNISED)
        stub = audit_stub_card(subject, card_context(turn, services))
        return CardReply(stub, personal=True)  # overwritten when old, like any card
    return await look(turn, subject, request.team_members, services)


async def view_audit(
    turn: Turn,
    subject: str,
    team_members: Callable[[], Awaitable[frozenset[str]]] | None,
    services: Services,
) -> Reply:
    """A viewer of the card `audit_look` posted in a shared chat: their own look."""
    if not _allowed_to_look(turn.roles):
        return notice(NoticeKind.NOT_ALLOWED)
    return await look(turn, subject, team_members, services)


def _allowed_to_look(roles: frozenset[Role]) -> bool:
    return Role.AUDITOR in roles or Role.TEAM_MANAGER in roles


async def look(
    turn: Turn,
    argument: str,
    team_members: Callable[[], Awaitable[frozenset[str]]] | None,
    services: Services,
) -> Reply:
    user_id = person_id = None
    if _GUID.match(argument):
        user_id = argument.lower()
        subject = f"user {user_id}"
    elif argument:
        if not _PERSON_ID.match(argument):
            return notice(NoticeKind.ACTION_NOT_RECOGNISED)
        person_id = argument
        subject = f"person {person_id}"
    else:
        subject = "recent activity"

    team: frozenset[str] | None = None
    if Role.AUDITOR not in turn.roles:
        if team_members is None:  # a team manager sees their team, so only in a team
            return notice(NoticeKind.NOT_ALLOWED)
        team = await team_members()
        if user_id is not None and user_id not in team:
            return notice(NoticeKind.NOT_ALLOWED)
        subject += " in this team"

    await services.audit.record(
        AuditEvent(
            action=AuditAction.AUDIT_VIEWED,
            actor=AuditActor(turn.user.tenant_id, turn.user.object_id, turn.user.display_name),
            conversation_id=turn.conversation_id,
            correlation_id=turn.activity_id,
            person_ids=(person_id,) if person_id else (),
            detail=f"audit look: {subject}",
        )
    )
    records = await services.audit.recent(
        user_id=user_id,
        person_id=person_id,
        user_ids=sorted(team) if team is not None else None,
        limit=LOOK_LIMIT,
    )
    view = AuditView(subject=subject, rows=tuple(_row(r) for r in records))
    return CardReply(audit_card(view), personal=True)
