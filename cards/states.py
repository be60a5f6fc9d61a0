"""How a service's state is shown, the same way on the person card and the service card.

Display rule 3 says the states must never be confused, so each has its own
words and its own symbol; colour only repeats what the words already say.
"None found" always says who the data covers, because it only ever means
"not in this data", and "not available" says that nothing can be concluded.
"""

from __future__ import annotations

from cards.elements import Colour, Json, text
from cards.text import (
    format_timestamp,
    is_missing,
    not_shown_sentence,
    or_not_recorded,
    plain,
    service_name,
    state_symbol,
    state_words,
)
from data_access.disclosure.records import DataLimitations, ServiceFlag, ServiceState

MARKER_WIDTH = "24px"
"""One width for every symbol, so the services' words line up whatever the shape."""

STATE_COLOURS: dict[ServiceState, Colour] = {
    ServiceState.CURRENT: "accent",
    ServiceState.RECORDS_FOUND: "accent",
    ServiceState.NOT_AVAILABLE: "warning",
}


def state_marker(state: ServiceState) -> Json:
    """The state's symbol, large enough to scan down a card."""
    return text(state_symbol(state), size="large", colour=STATE_COLOURS.get(state), wrap=False)


def state_lines(flag: ServiceFlag) -> list[Json]:
    """The state in words, with what it means for the reader."""
    state = flag.state
    colour = STATE_COLOURS.get(state)
    if state is ServiceState.NOT_APPLICABLE:
        sentence = not_shown_sentence(flag.service, flag.age_band)
        return [text(f"Not shown: {sentence}", spacing="none")]
    if state is ServiceState.NONE_FOUND:
        return [text(f"None found — {coverage(flag.limitations)}", spacing="none")]
    if state is ServiceState.NOT_AVAILABLE:
        name = service_name(flag.service)
        return [
            text(state_words(state), colour=colour, weight="bolder", spacing="none"),
            text(
                f"Family Context has no up-to-date {name} data, so it can't say whether "
                f"{name} knows this person. Ask them directly.",
                spacing="none",
            ),
        ]
    return [text(state_words(state), colour=colour, weight="bolder", spacing="none")]


def coverage(limitations: tuple[DataLimitations, ...]) -> str:
    """Who the data covers, from the feeds' coverage notes."""
    notes = [
        plain(feed.coverage_note)
        for feed in limitations
        if feed.available and feed.coverage_note is not None and not is_missing(feed.coverage_note)
    ]
    if not notes:
        return "this only means the person isn't in the data Family Context holds"
    return "the data covers: " + "; ".join(notes)


def source_line(feed: DataLimitations) -> str:
    """One feed in a line: `Synergy, Stockport Council, updated 21 Nov 2026`."""
    source = system_words(feed)
    if not feed.available:
        return f"{source}: not available at the moment"
    return f"{source}, updated {format_timestamp(feed.current_as_of)}"


def system_words(feed: DataLimitations) -> str:
    """`Synergy, Stockport Council`: the system users recognise and who holds the data."""
    return f"{or_not_recorded(feed.system_name)}, {or_not_recorded(feed.organisation)}"
