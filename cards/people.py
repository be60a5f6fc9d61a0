"""The cards about one person: the person card, a service's details, and the shared card.

The person card is the first level of disclosure: basic details and one line
per service. Each service line shows its state in words and with a symbol
of its own shape, so "none found" and "not available" can never be mistaken
for each other, by colour or otherwise, and services keep the same order on
every card. The service card (cards.service) is the second level.

Both refresh for their viewers: seen again later, a card is either brought
up to date (after the bot has checked access again) or replaced by a notice.

The shared card is what goes into a group chat or channel: a pointer with no
personal data in it. Everyone in a channel sees the stored card, and Teams
keeps it for good, so it says only that there is a Family Context record
here. Each member who selects View (or whose client refreshes the card) gets
the person card in their own invoke response, after the bot has checked
that they may see it and recorded the view.
"""

from __future__ import annotations

from cards.actions import OpenPerson, OpenService, execute
from cards.elements import (
    Json,
    action_set,
    card,
    column,
    columns,
    container,
    facts,
    heading,
    refresh_for,
    selectable_row,
    text,
)
from cards.service import service_card
from cards.states import MARKER_WIDTH, source_line, state_lines, state_marker
from cards.text import (
    address_line,
    age_unknown_sentence,
    birth_and_age,
    format_age,
    format_date,
    full_name,
    gender_words,
    is_missing,
    match_words,
    or_not_recorded,
    plain,
    plural,
    relationship_words,
    service_name,
)
from cards.views import CardContext, MatchInfo
from data_access.disclosure.records import (
    PersonSummary,
    RelatedPerson,
    ServiceFlag,
    ServiceState,
)

__all__ = ["person_card", "service_card", "shared_card"]


def person_card(summary: PersonSummary, match: MatchInfo | None, context: CardContext) -> Json:
    """Basic details, the services, the related people and how the match was made."""
    name = full_name(summary.first_name, summary.last_name)
    body: list[Json] = [heading(name, size="large")]
    if match is not None:
        body.append(text(_match_line(match), subtle=True, spacing="none"))
    body.append(facts(_details(summary, context), spacing="small"))
    body.append(heading("Services", separator=True))
    body.extend(_service_row(flag, summary.person_id) for flag in summary.services)
    body.extend(_related(summary, context))
    body.append(
        text(
            "Family Context is a starting point for conversations, not for decisions: check "
            "with the practitioner before you act.",
            subtle=True,
            size="small",
            separator=True,
            spacing="medium",
        )
    )
    return card(
        body,
        refresh=refresh_for("person", summary.person_id, context.viewer_ids, context.issued_at),
        fallback_text="Family Context record",
    )


def _match_line(match: MatchInfo) -> str:
    reason = plain(match.reason) if not is_missing(match.reason) else "no reason given"
    return f"{match_words(match.label)}: {reason}"


def _details(summary: PersonSummary, context: CardContext) -> list[tuple[str, str]]:
    if summary.date_of_birth is None:
        age = "Unknown (date of birth not recorded)"
    else:
        age = format_age(summary.age, summary.date_of_birth, context.today)
    return [
        ("Date of birth", format_date(summary.date_of_birth)),
        ("Age", age),
        ("Gender", gender_words(summary.gender)),
        ("Address", address_line(summary.address, summary.postcode)),
        ("Case id", or_not_recorded(summary.cms_id)),
    ]


# --- services ------------------------------------------------------------------------


def _service_row(flag: ServiceFlag, person_id: str) -> Json:
    name = service_name(flag.service)
    lines: list[Json] = [text(name, weight="bolder")]
    lines.extend(state_lines(flag))
    if flag.shown and flag.age_unknown:
        lines.append(
            text(age_unknown_sentence(flag.service, flag.age_band), subtle=True, spacing="none")
        )
    if flag.shown:
        lines.extend(
            text(source_line(feed), subtle=True, size="small", spacing="none")
            for feed in flag.limitations
        )
    button = _service_button(flag, person_id, name)
    if button is not None:
        lines.append(action_set([button], spacing="small"))
    return columns(
        [column([state_marker(flag.state)], width=MARKER_WIDTH), column(lines)],
        separator=True,
        spacing="small",
    )


def _service_button(flag: ServiceFlag, person_id: str, name: str) -> Json | None:
    action = OpenService(person_id, flag.service)
    if flag.has_details:
        return execute(action, f"{name} details", tooltip=f"Open the {name} details and contacts")
    if flag.state is ServiceState.NONE_FOUND:
        return execute(action, f"About the {name} data")
    return None


# --- related people ------------------------------------------------------------------


def _related(summary: PersonSummary, context: CardContext) -> list[Json]:
    body: list[Json] = [heading("Related people", separator=True)]
    if not summary.related and not summary.related_not_shown:
        body.append(text("No related people are recorded.", subtle=True, spacing="none"))
        return body
    body.append(
        text(
            "From the case management system. Select someone to see their record.",
            subtle=True,
            spacing="none",
        )
    )
    body.extend(_related_row(person, context) for person in summary.related)
    if summary.related_not_shown:
        more = plural(summary.related_not_shown, "more related person", "more related people")
        body.append(
            container(
                [text(f"{more} not listed here. Search for them by name to see them.")],
                spacing="small",
            )
        )
    return body


def _related_row(person: RelatedPerson, context: CardContext) -> Json:
    name = full_name(person.first_name, person.last_name)
    relationship = relationship_words(person.relationship, person.label)
    lines = [
        text(name, weight="bolder"),
        text(
            f"{relationship} · {birth_and_age(person.age, person.date_of_birth, context.today)}",
            subtle=True,
            spacing="none",
        ),
    ]
    action = execute(OpenPerson(person.person_id), "Open", tooltip=f"Open the record for {name}")
    return selectable_row(lines, action)


# --- the shared card -----------------------------------------------------------------


def shared_card(person_id: str, context: CardContext) -> Json:
    """The stored card for a shared record; `context.viewer_ids` refresh automatically."""
    body = [
        heading("Family Context record"),
        text(
            "Select View to see it. You'll only see it if your account is allowed to, "
            "and each view is recorded.",
            spacing="small",
        ),
    ]
    return card(
        body,
        actions=[execute(OpenPerson(person_id), "View", tooltip="View this Family Context record")],
        refresh=refresh_for("shared", person_id, context.viewer_ids, context.issued_at),
        fallback_text="Family Context record",
    )
