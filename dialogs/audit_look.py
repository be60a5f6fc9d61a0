"""An auditor's (or a team manager's) look at the audit trail from Teams.

`audit` alone lists the newest entries; `audit <Entra object id>` a user's,
`audit <person id>` a person's. Auditors see the whole trail. Only in a 1:1
chat: what the bot posts in a group chat or channel, everyone there reads.
A team manager sees the entries of a team's members when the request tells
the bot which team (`team_members`); the 1:1 chat has none, so for now that
look answers "not allowed". Each look is itself recorded before it is shown.
"""

from __future__ import annotations

import re

from cards.audit import audit_card
from cards.views import AuditRow, AuditView, NoticeKind
from data_access.audit.events import AuditAction, AuditActor, AuditEvent
from data_access.audit.records import AuditRecord
from dialogs.lookup import notice
from dialogs.replies import CardReply, Reply, TextReply
from dialogs.requests import Role, Scope, TextRequest
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


SHARED_SCOPE_TEXT = (
    "For privacy I only show the audit trail in a 1:1 chat with me: message me directly."
)


async def audit_look(request: TextRequest, arguments: str, services: Services) -> Reply:
    turn = request.turn
    if turn.scope is Scope.SHARED:
        # What is posted in a group chat or channel, everyone in it reads.
        return TextReply(SHARED_SCOPE_TEXT)
    argument = arguments.strip()
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
        if Role.TEAM_MANAGER not in turn.roles or request.team_members is None:
            return notice(NoticeKind.NOT_ALLOWED)
        team = await request.team_members()
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
