"""The results card: the candidates for a search, to pick the right person from.

Each row holds only what tells namesakes apart (name, date of birth and age,
first line of address or postcode, case id) and how well it matched, in
words, with the scorer's reason. Nothing about services appears here: the
person's services are the next level of disclosure, reached by selecting
the row, which is why the card warns that selecting may show sensitive
information.

A list of names and dates of birth must not sit unchanged in the chat either:
given the search's id, the card refreshes (RefreshResults), and the bot can
list the same people again after checking access, or show the expired notice.
"""

from __future__ import annotations

from cards.actions import OpenPerson, RefreshResults, execute, refresh_property
from cards.elements import Json, card, container, heading, selectable_row, text
from cards.text import (
    birth_and_age,
    full_name,
    is_missing,
    match_words,
    or_not_recorded,
    plain,
    plural,
)
from cards.views import CardContext, ResultRow, ResultsView


def results_card(view: ResultsView, context: CardContext) -> Json:
    """A short list of candidates, best first, each opening its person card."""
    count = len(view.rows)
    if count == 0:
        title = "No one matched"
    elif view.more_available:
        title = f"{plural(count, 'possible match', 'possible matches')} (best first)"
    else:
        title = plural(count, "possible match", "possible matches")
    body: list[Json] = [heading(title)]
    if view.ambiguous and count > 1:
        body.append(
            text(
                "The best matches are too close to call. Check the date of birth, address "
                "and case id before you choose.",
                weight="bolder",
                spacing="small",
            )
        )
    body.append(
        container(
            [
                text(
                    "Selecting a person may show sensitive information. Only open a record "
                    "you need for your work: each one you open is recorded.",
                    size="small",
                )
            ],
            style="warning",
            spacing="small",
        )
    )
    body.extend(_row(row, context) for row in view.rows)
    if count == 0:
        body.append(
            text(
                "Try adding a date of birth, checking the spelling, or searching by case id.",
                spacing="small",
            )
        )
    elif view.more_available:
        body.append(
            text(
                "More people partly match. If the right person isn't listed, add a date of "
                "birth or their full name.",
                subtle=True,
                spacing="medium",
                separator=True,
            )
        )
    refresh = None
    if view.search_id is not None:
        refresh = refresh_property(
            RefreshResults.of(view.search_id, context.issued_at), context.viewer_ids
        )
    return card(body, refresh=refresh, fallback_text="Family Context: possible matches")


def _row(row: ResultRow, context: CardContext) -> Json:
    listing = row.listing
    name = full_name(listing.first_name, listing.last_name)
    place_parts = [
        plain(part)
        for part in (listing.address_line, listing.postcode)
        if part is not None and not is_missing(part)
    ]
    place = ", ".join(place_parts) if place_parts else "Address not recorded"
    case_id = or_not_recorded(listing.cms_id)
    lines = [
        text(name, weight="bolder"),
        text(
            f"{birth_and_age(listing.age, listing.date_of_birth, context.today)} · {place}",
            spacing="none",
        ),
        text(f"Case id: {case_id}", spacing="none"),
        text(f"{match_words(row.label)}: {_reason(row.reason)}", subtle=True, spacing="none"),
    ]
    action = execute(OpenPerson(listing.person_id), "Open", tooltip=f"Open the record for {name}")
    return selectable_row(lines, action)


def _reason(reason: str) -> str:
    return plain(reason) if not is_missing(reason) else "no reason given"
