"""The auditor's look at the trail in Teams: a compact list of recent entries.

It holds person ids, never names: the trail records ids, and an auditor who
needs the person opens them the usual way (which is itself audited). Times
are UK local time, as the reader thinks of them.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from cards.actions import ViewAudit, execute, refresh_property
from cards.elements import Json, action_set, card, container, heading, text
from cards.text import plural, service_name
from cards.views import AuditRow, AuditView, CardContext

_LONDON = ZoneInfo("Europe/London")

ACTION_WORDS = {
    "search": "Searched",
    "results_presented": "Was shown a list",
    "person_viewed": "Viewed a person",
    "service_viewed": "Viewed service details",
    "audit_viewed": "Looked at the audit trail",
    "audit_purged": "Purged old audit entries",
}
OUTCOME_WORDS = {
    "refused_restricted": "refused: restricted record",
    "refused_rate_limit": "refused: search limit reached",
}


def _line(row: AuditRow) -> Json:
    when = row.time.astimezone(_LONDON).strftime("%d %b %Y %H:%M")
    what = ACTION_WORDS.get(row.action, row.action)
    if row.service:
        what += f" ({service_name(row.service)})"
    if row.outcome in OUTCOME_WORDS:
        what += f", {OUTCOME_WORDS[row.outcome]}"
    details = []
    if row.person_ids:
        shown = ", ".join(row.person_ids[:5])
        more = len(row.person_ids) - 5
        details.append(f"People: {shown}" + (f" and {more} more" if more > 0 else ""))
    if row.purpose:
        reason = row.purpose + (f" (case {row.case_reference})" if row.case_reference else "")
        details.append(f"Reason: {reason}")
    items = [text(f"**{when}** · {row.user_name or 'Unknown user'} · {what}", spacing="none")]
    if details:
        items.append(text(" · ".join(details), subtle=True, spacing="none"))
    return container(items, separator=True, spacing="small")


def audit_card(view: AuditView) -> Json:
    body: list[Json] = [
        heading(f"Audit trail: {view.subject}", size="medium"),
        text(
            f"{plural(len(view.rows), 'entry', 'entries')}, newest first. This look is "
            "itself recorded. For a full export, use `familycontext audit export`.",
            subtle=True,
        ),
    ]
    if not view.rows:
        body.append(text("Nothing recorded yet.", spacing="medium"))
    body.extend(_line(row) for row in view.rows)
    return card(body, fallback_text=f"Audit trail: {view.subject}")


def audit_stub_card(subject: str, context: CardContext) -> Json:
    """For a group chat or channel: no entries, only a way for each viewer to see them in
    their own view (refreshed automatically for whoever asked), checked for each."""
    action = ViewAudit.of(subject, context.issued_at)
    body = [
        heading("Audit trail", size="medium"),
        text(
            "The entries are shown only to the person who asked, and to other managers or "
            "auditors who select Show. Each look is recorded.",
            subtle=True,
        ),
        action_set([execute(action, "Show")]),
    ]
    return card(
        body,
        refresh=refresh_property(action, context.viewer_ids),
        fallback_text="Audit trail",
    )
