"""The service card: one service's details and contacts (the second level of disclosure).

It shows every field the rules let through and nothing else, with "Not
recorded" for a missing value, because the card's job is to get the social
worker talking to the right practitioner: the contact comes with one-tap
call, email and Teams chat. The data limitations of each feed close the card,
since "what this data covers" changes what a record, or its absence, means.
"""

from __future__ import annotations

from collections.abc import Sequence

from cards.actions import OpenPerson, execute
from cards.elements import (
    Json,
    action_set,
    card,
    column,
    columns,
    container,
    facts,
    heading,
    open_url,
    refresh_for,
    text,
)
from cards.states import MARKER_WIDTH, state_lines, state_marker
from cards.text import (
    admission_words,
    age_unknown_sentence,
    birth_and_age,
    case_status_words,
    format_date,
    format_period,
    format_phone,
    format_timestamp,
    full_name,
    has_contact_details,
    involvement_words,
    is_missing,
    mailto_url,
    offence_involvement_words,
    offence_type_words,
    or_not_recorded,
    plain,
    service_name,
    teams_chat_url,
    tel_url,
    yes_no,
)
from cards.views import CardContext
from data_access.disclosure.records import (
    AdultSocialCareRecord,
    Contact,
    DataLimitations,
    HousingRecord,
    Offence,
    PoliceRecord,
    SchoolRecord,
    ServiceDetails,
    ServiceRecord,
)
from data_access.enums import Service


def service_card(details: ServiceDetails, context: CardContext) -> Json:
    """The details, contacts and data limitations of one service for one person."""
    flag = details.flag
    name = service_name(flag.service)
    person = full_name(details.first_name, details.last_name)
    body: list[Json] = [
        heading(f"{name}: {person}", size="large"),
        text(
            birth_and_age(details.age, details.date_of_birth, context.today),
            subtle=True,
            spacing="none",
        ),
        columns(
            [column([state_marker(flag.state)], width=MARKER_WIDTH), column(state_lines(flag))],
            spacing="small",
        ),
    ]
    if flag.shown and flag.age_unknown:
        body.append(text(age_unknown_sentence(flag.service, flag.age_band), subtle=True))
    count = len(details.records)
    for index, record in enumerate(details.records, 1):
        body.append(_record(record, index, count))
    if flag.service is Service.POLICE and flag.has_details:
        body.extend(_offences(details.offences, details.other_offences_found))
    if flag.shown:
        body.extend(_limitations(flag.limitations, name))
    back = execute(OpenPerson(details.person_id), "Back to summary")
    return card(
        body,
        actions=[back],
        refresh=refresh_for(
            "service", details.person_id, context.viewer_ids, context.issued_at, flag.service
        ),
        fallback_text=f"Family Context: {name} details",
    )


# --- records -------------------------------------------------------------------------


def _record(record: ServiceRecord, index: int, count: int) -> Json:
    place, place_label, fields = _fields(record)
    title = plain(place) if place is not None and not is_missing(place) else place_label
    if count > 1:
        title = f"{title} ({index} of {count})"
    items: list[Json] = [heading(title, size="default")]
    if fields:
        items.append(facts(fields, spacing="small"))
    items.extend(_contact(record.contact, place))
    return container(items, separator=True, spacing="medium")


def _fields(record: ServiceRecord) -> tuple[str | None, str, list[tuple[str, str]]]:
    """(the place the record belongs to, what to call it when missing, the other fields)."""
    if isinstance(record, SchoolRecord):
        return (
            record.school_name,
            "School name not recorded",
            [
                ("Involvement", involvement_words(record.involvement)),
                ("Registration", admission_words(record.admission_type)),
            ],
        )
    if isinstance(record, HousingRecord):
        return (
            record.housing_provider,
            "Housing provider not recorded",
            [
                ("Involvement", involvement_words(record.involvement)),
                ("Tenancy start", format_date(record.tenancy_start)),
                ("Anti-social behaviour case", case_status_words(record.anti_social_behaviour)),
                ("Eviction support", case_status_words(record.eviction)),
                ("Notice seeking possession", case_status_words(record.notice_seeking_possession)),
                ("Rent arrears support", case_status_words(record.rent_arrears)),
            ],
        )
    if isinstance(record, AdultSocialCareRecord):
        return (
            record.organisation,
            "Organisation not recorded",
            [
                ("Involvement", involvement_words(record.involvement)),
                ("Latest involvement started", format_date(record.last_involvement_start)),
                ("Most recent interaction", format_date(record.most_recent_interaction)),
            ],
        )
    police: PoliceRecord = record
    return police.police_area, "Police area not recorded", []


def _contact(contact: Contact, place: str | None) -> list[Json]:
    items: list[Json] = [
        text("Practitioner", weight="bolder", spacing="medium"),
        facts(
            [
                ("Name", or_not_recorded(contact.name)),
                ("Role", or_not_recorded(contact.role)),
                ("Phone", format_phone(contact.phone)),
                ("Email", or_not_recorded(contact.email)),
            ],
            spacing="small",
        ),
    ]
    buttons = _contact_buttons(contact)
    if buttons:
        items.append(action_set(buttons, spacing="small"))
    if not has_contact_details(contact):
        where = plain(place) if place is not None and not is_missing(place) else "the service"
        items.append(
            text(
                f"No phone number or email is recorded. Try contacting {where} directly.",
                subtle=True,
                spacing="small",
            )
        )
    return items


def _contact_buttons(contact: Contact) -> list[Json]:
    who = plain(contact.name) if contact.name and not is_missing(contact.name) else "them"
    buttons: list[Json] = []
    tel = tel_url(contact.phone)
    if tel is not None:
        buttons.append(
            open_url("Call", tel, tooltip=f"Call {who} on {format_phone(contact.phone)}")
        )
    mailto = mailto_url(contact.email)
    if mailto is not None:
        buttons.append(open_url("Email", mailto, tooltip=f"Email {who}"))
    chat = teams_chat_url(contact.email)
    if chat is not None:
        buttons.append(open_url("Chat in Teams", chat, tooltip=f"Chat with {who} in Teams"))
    return buttons


# --- police offences -----------------------------------------------------------------


def _offences(offences: Sequence[Offence], other_found: bool | None) -> list[Json]:
    items: list[Json] = [heading("Safeguarding offences", separator=True)]
    if offences:
        items.append(
            facts(
                [
                    (
                        format_date(offence.offence_date),
                        f"{offence_type_words(offence.offence_type)} — "
                        f"{offence_involvement_words(offence.involvement)}",
                    )
                    for offence in offences
                ],
                spacing="small",
            )
        )
        items.append(
            text(
                "Most recent first. Only the most recent safeguarding offences are shown.",
                subtle=True,
                size="small",
                spacing="none",
            )
        )
    else:
        items.append(text("No safeguarding offences found.", spacing="small"))
    items.append(facts([("Other records found", yes_no(other_found))], spacing="small"))
    items.append(
        text(
            "Convictions or suspect records for offences that aren't safeguarding offences.",
            subtle=True,
            size="small",
            spacing="none",
        )
    )
    return items


# --- data limitations ----------------------------------------------------------------


def _limitations(feeds: Sequence[DataLimitations], name: str) -> list[Json]:
    items: list[Json] = [heading("About this data", separator=True)]
    if not feeds:
        items.append(text(f"No {name} data is loaded into Family Context.", spacing="small"))
        return items
    for feed in feeds:
        rows = [
            ("Source", or_not_recorded(feed.title)),
            (
                "System",
                f"{or_not_recorded(feed.system_name)}, {or_not_recorded(feed.organisation)}",
            ),
            ("Last updated", format_timestamp(feed.current_as_of)),
            ("Period covered", format_period(feed.coverage_start, feed.coverage_end)),
            ("Area", or_not_recorded(feed.coverage_area)),
            ("Who's included", or_not_recorded(feed.coverage_note)),
        ]
        if not feed.available:
            rows.append(("Status", "Not available at the moment"))
        items.append(facts(rows, spacing="small"))
    return items
