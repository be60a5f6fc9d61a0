"""The card actions contract (cards.actions): what buttons carry, and reading it back safely."""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cards import actions
from cards.actions import (
    CardAction,
    ChangePurpose,
    OpenPerson,
    OpenService,
    Refresh,
    RefreshResults,
    SetPurpose,
    ShowHelp,
    Verb,
    execute,
    parse_action,
)
from data_access.enums import Service

ISSUED = dt.datetime(2026, 11, 22, 9, 30, 15, 123456, tzinfo=dt.UTC)
ROUND_TRIPS: list[CardAction] = [
    ChangePurpose(),
    ShowHelp(),
    OpenPerson("P0000004"),
    *(OpenService("P0000004", service) for service in Service),
    Refresh.of("person", "P0000004", ISSUED),
    Refresh.of("shared", "P0000004", ISSUED),
    *(Refresh.of("service", "P0000004", ISSUED, service) for service in Service),
    RefreshResults.of("S-2026-11-22-000123", ISSUED),
]


def invoke(button: dict[str, Any], inputs: dict[str, Any] | None = None) -> CardAction | None:
    """What the bot gets back when the button is pressed: Teams merges inputs into the data."""
    data = {**button.get("data", {}), **(inputs or {})}
    return parse_action(button["verb"], data)


@pytest.mark.parametrize("action", ROUND_TRIPS, ids=repr)
def test_every_action_round_trips(action: CardAction) -> None:
    button = execute(action, "Open")
    assert button["type"] == "Action.Execute"
    assert button["verb"] == action.verb.value
    assert invoke(button) == action


def test_verbs_are_the_documented_ones() -> None:
    assert {verb.value for verb in Verb} == {
        "purpose.set",
        "purpose.change",
        "person.open",
        "service.open",
        "card.refresh",
        "help",
    }


def test_set_purpose_values_come_from_the_inputs_not_the_card() -> None:
    button = execute(SetPurpose(""), "Save reason")
    assert "data" not in button
    inputs = {
        "purpose": "4",
        "purpose_other": "  Pre-birth   assessment\nrequested by the midwife ",
        "case_reference": " CR-2026-00421 ",
    }
    assert invoke(button, inputs) == SetPurpose(
        "4", "Pre-birth assessment requested by the midwife", "CR-2026-00421"
    )
    # Nothing chosen yet is not an attack: the flow asks again.
    assert invoke(button, {}) == SetPurpose("", "", "")
    assert invoke(button, {"purpose": "s17_assessment", "case_reference": None}) == SetPurpose(
        "s17_assessment"
    )


def test_action_data_carries_ids_only() -> None:
    for action in ROUND_TRIPS:
        data = execute(action, "x").get("data", {})
        assert set(data) <= actions.DATA_KEYS
        assert all(isinstance(value, str) and " " not in value for value in data.values())


def test_refresh_time_is_canonical_utc() -> None:
    refresh = Refresh.of("person", "P1", dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC))
    assert refresh.issued_at == "2026-11-22T09:30:00Z"
    assert refresh.issued == dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC)
    british_summer = dt.timezone(dt.timedelta(hours=1))
    later = Refresh.of("person", "P1", dt.datetime(2026, 7, 1, 10, 0, tzinfo=british_summer))
    assert later.issued_at == "2026-07-01T09:00:00Z"
    with pytest.raises(ValueError, match="timezone"):
        Refresh.of("person", "P1", dt.datetime(2026, 11, 22, 9, 30))
    # Other spellings of a UTC time are accepted and put in the canonical form.
    data = {"view": "person", "person_id": "P1", "issued_at": "2026-11-22T09:30:00.5+00:00"}
    parsed = parse_action("card.refresh", data)
    assert isinstance(parsed, Refresh)
    assert parsed.issued_at == "2026-11-22T09:30:00Z"


def test_refresh_property_limits_users() -> None:
    refresh = Refresh.of("person", "P1", ISSUED)
    prop = actions.refresh_property(refresh, ["29:a"] * 60)
    assert prop["action"]["verb"] == "card.refresh"
    assert len(prop["userIds"]) == 60
    assert "userIds" not in actions.refresh_property(refresh, [])
    with pytest.raises(ValueError, match="60"):
        actions.refresh_property(refresh, ["29:a"] * 61)


HUGE = "x" * 100_000
GOOD_REFRESH = {"view": "person", "person_id": "P1", "issued_at": "2026-11-22T09:30:00Z"}


@pytest.mark.parametrize(
    ("verb", "data"),
    [
        (None, {}),
        ("", {}),
        ("delete.everything", {}),
        ("PERSON.OPEN", {"person_id": "P1"}),
        (123, {}),
        (HUGE, {}),
        ("help", "not an object"),
        ("help", ["a", "list"]),
        ("person.open", {}),
        ("person.open", {"person_id": ""}),
        ("person.open", {"person_id": 42}),
        ("person.open", {"person_id": ["P1"]}),
        ("person.open", {"person_id": {"$ne": None}}),
        ("person.open", {"person_id": "x" * 65}),
        ("person.open", {"person_id": HUGE}),
        ("person.open", {"person_id": " P1"}),
        ("person.open", {"person_id": "P1\n"}),
        ("person.open", {"person_id": "P1\x00"}),
        ("service.open", {"person_id": "P1"}),
        ("service.open", {"person_id": "P1", "service": "social_services"}),
        ("service.open", {"person_id": "P1", "service": "POLICE"}),
        ("service.open", {"person_id": "P1", "service": None}),
        ("service.open", {"person_id": "P1", "service": HUGE}),
        ("card.refresh", {**GOOD_REFRESH, "view": "everyone"}),
        ("card.refresh", {**GOOD_REFRESH, "view": None}),
        ("card.refresh", {**GOOD_REFRESH, "issued_at": "yesterday"}),
        ("card.refresh", {**GOOD_REFRESH, "issued_at": "2026-11-22T09:30:00"}),
        ("card.refresh", {**GOOD_REFRESH, "issued_at": "2026-11-22T10:30:00+01:00"}),
        ("card.refresh", {**GOOD_REFRESH, "issued_at": 1795000000}),
        ("card.refresh", {**GOOD_REFRESH, "issued_at": HUGE}),
        ("card.refresh", {key: v for key, v in GOOD_REFRESH.items() if key != "issued_at"}),
        ("card.refresh", {**GOOD_REFRESH, "service": "police"}),
        ("card.refresh", {**GOOD_REFRESH, "view": "service"}),
        ("card.refresh", {**GOOD_REFRESH, "view": "service", "service": "tax"}),
        ("card.refresh", {**GOOD_REFRESH, "view": "shared", "service": "police"}),
        ("card.refresh", {"view": "results", "issued_at": "2026-11-22T09:30:00Z"}),
        ("card.refresh", {"view": "results", "search_id": 7, "issued_at": "2026-11-22T09:30:00Z"}),
        ("card.refresh", {**GOOD_REFRESH, "view": "results", "search_id": "S1"}),
        ("purpose.set", {"purpose": 4}),
        ("purpose.set", {"purpose": "4", "purpose_other": "x" * 201}),
        ("purpose.set", {"purpose": "4", "purpose_other": HUGE}),
        ("purpose.set", {"purpose": "4", "purpose_other": ["a"]}),
        ("purpose.set", {"purpose": "4", "case_reference": "x" * 51}),
        ("purpose.set", {"purpose": "4", "case_reference": "ref\x07"}),
        ("purpose.set", {"purpose": "4; DROP TABLE audit"}),
        ("purpose.set", {"purpose": "x" * 65}),
    ],
)
def test_malformed_actions_are_refused(verb: object, data: object) -> None:
    assert parse_action(verb, data) is None  # type: ignore[arg-type]


def test_extra_keys_are_ignored_not_read() -> None:
    data = {"person_id": "P1", "first_name": "Jayden", "msteams": {"x": 1}}
    assert parse_action("person.open", data) == OpenPerson("P1")


def test_missing_data_is_fine_for_actions_without_any() -> None:
    assert parse_action("help", None) == ShowHelp()
    assert parse_action("purpose.change", None) == ChangePurpose()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=80),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4)
    ),
    max_leaves=12,
)
known_keys = st.sampled_from(
    ["person_id", "service", "view", "issued_at", "search_id", "purpose", "purpose_other"]
)


@given(
    st.one_of(st.none(), st.sampled_from([verb.value for verb in Verb]), st.text(max_size=40)),
    st.one_of(json_values, st.dictionaries(known_keys, json_values, max_size=6)),
)
def test_parse_action_never_raises(verb: str | None, data: object) -> None:
    result = parse_action(verb, data)
    assert result is None or isinstance(result, get_args(CardAction))


def test_an_audit_view_round_trips_with_ids_only() -> None:
    issued = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC)
    for subject in ("", "P0000001", "5b0e3c2a-0000-4000-8000-000000000002"):
        action = actions.ViewAudit.of(subject, issued)
        button = actions.execute(action, "Show")
        assert actions.parse_action(button["verb"], button["data"]) == action
        assert set(button["data"]) <= actions.DATA_KEYS


@pytest.mark.parametrize(
    "data",
    [
        {"view": "audit"},
        {"view": "audit", "issued_at": "yesterday"},
        {"view": "audit", "subject": " P1", "issued_at": "2026-11-22T09:30:00Z"},
        {"view": "audit", "subject": "x" * 65, "issued_at": "2026-11-22T09:30:00Z"},
        {"view": "audit", "person_id": "P1", "issued_at": "2026-11-22T09:30:00Z"},
    ],
)
def test_a_malformed_audit_view_is_ignored(data: dict[str, object]) -> None:
    assert actions.parse_action("card.refresh", data) is None
