"""Builders for the Adaptive Card elements every card uses.

They write the JSON Teams expects with defaults left out (a card must stay
under 28 KB, and a person card with twenty related people gets close enough
to care) and with `wrap` on, since clipped text in a safeguarding tool hides
exactly the part someone needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from cards.actions import Refresh, refresh_property
from cards.text import NOT_RECORDED
from data_access.enums import Service

Json = dict[str, Any]
Spacing = Literal["none", "small", "medium", "large", "extraLarge", "padding"]
Colour = Literal["default", "dark", "light", "accent", "good", "warning", "attention"]
Size = Literal["default", "small", "medium", "large", "extraLarge"]
ContainerStyle = Literal["emphasis", "good", "attention", "warning", "accent"]

CARD_VERSION = "1.5"


def card(
    body: Sequence[Json],
    *,
    actions: Sequence[Json] = (),
    refresh: Json | None = None,
    fallback_text: str | None = None,
) -> Json:
    result: Json = {"type": "AdaptiveCard", "version": CARD_VERSION}
    if refresh is not None:
        result["refresh"] = refresh
    result["body"] = list(body)
    if actions:
        result["actions"] = list(actions)
    if fallback_text:
        result["fallbackText"] = fallback_text
    return result


def text(
    value: str,
    *,
    weight: Literal["bolder", "lighter"] | None = None,
    size: Size | None = None,
    subtle: bool = False,
    colour: Colour | None = None,
    spacing: Spacing | None = None,
    separator: bool = False,
    heading: bool = False,
    wrap: bool = True,
) -> Json:
    """A wrapping TextBlock. A blank value becomes "Not recorded": an empty label is never right.

    `wrap=False` only for a word or a symbol that can never need a second line.
    """
    result: Json = {"type": "TextBlock", "text": value if value.strip() else NOT_RECORDED}
    if wrap:
        result["wrap"] = True
    if heading:
        result["style"] = "heading"
    if weight:
        result["weight"] = weight
    if size:
        result["size"] = size
    if subtle:
        result["isSubtle"] = True
    if colour:
        result["color"] = colour
    _place(result, spacing, separator)
    return result


def heading(value: str, *, size: Size = "medium", separator: bool = False) -> Json:
    """A bold heading that screen readers announce as one (TextBlock style "heading").

    The size is always written: the "heading" style makes text large unless told otherwise.
    """
    spacing: Spacing | None = "medium" if separator else None
    return text(
        value, weight="bolder", size=size, heading=True, separator=separator, spacing=spacing
    )


def facts(
    pairs: Iterable[tuple[str, str]], *, spacing: Spacing | None = None, separator: bool = False
) -> Json:
    result: Json = {
        "type": "FactSet",
        "facts": [
            {"title": title, "value": value if value.strip() else NOT_RECORDED}
            for title, value in pairs
        ],
    }
    _place(result, spacing, separator)
    return result


def container(
    items: Sequence[Json],
    *,
    style: ContainerStyle | None = None,
    select_action: Json | None = None,
    spacing: Spacing | None = None,
    separator: bool = False,
) -> Json:
    result: Json = {"type": "Container", "items": list(items)}
    if style:
        result["style"] = style
    if select_action is not None:
        result["selectAction"] = select_action
    _place(result, spacing, separator)
    return result


def column(
    items: Sequence[Json],
    *,
    width: str = "stretch",
    vertical: Literal["center", "bottom"] | None = None,
) -> Json:
    result: Json = {"type": "Column", "width": width, "items": list(items)}
    if vertical:
        result["verticalContentAlignment"] = vertical
    return result


def columns(
    cols: Sequence[Json],
    *,
    select_action: Json | None = None,
    spacing: Spacing | None = None,
    separator: bool = False,
) -> Json:
    result: Json = {"type": "ColumnSet", "columns": list(cols)}
    if select_action is not None:
        result["selectAction"] = select_action
    _place(result, spacing, separator)
    return result


def action_set(actions: Sequence[Json], *, spacing: Spacing | None = None) -> Json:
    result: Json = {"type": "ActionSet", "actions": list(actions)}
    _place(result, spacing, False)
    return result


def open_url(title: str, url: str, *, tooltip: str | None = None) -> Json:
    result: Json = {"type": "Action.OpenUrl", "title": title, "url": url}
    if tooltip:
        result["tooltip"] = tooltip
    return result


def selectable_row(lines: Sequence[Json], action: Json, *, separator: bool = True) -> Json:
    """A row the reader taps, with a visible "Open" so it does not rely on hover to be found."""
    hint = text("Open ›", colour="accent", weight="bolder", wrap=False)
    return columns(
        [column(lines), column([hint], width="auto", vertical="center")],
        select_action=action,
        separator=separator,
        spacing="small" if separator else None,
    )


def refresh_for(
    view: Literal["person", "service", "shared"],
    person_id: str,
    viewer_ids: Sequence[str],
    issued_at: dt.datetime,
    service: Service | None = None,
) -> Json:
    return refresh_property(Refresh.of(view, person_id, issued_at, service), viewer_ids)


def _place(element: Json, spacing: Spacing | None, separator: bool) -> None:
    if spacing:
        element["spacing"] = spacing
    if separator:
        element["separator"] = True
