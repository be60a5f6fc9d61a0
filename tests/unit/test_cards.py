"""Every card of the conversation, for realistic inputs, and their validation.

All cards are built once per module and validated together (schema, size,
shown text, action contract, and the npm renderer in one Node call); the
other tests read what each card says.
"""

from __future__ import annotations

import ast
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cards import notices, people, purpose, results, welcome
from cards.actions import (
    CASE_REFERENCE_INPUT,
    DATA_KEYS,
    MAX_CASE_REFERENCE_LENGTH,
    MAX_PURPOSE_TEXT_LENGTH,
    PURPOSE_INPUT,
    PURPOSE_OTHER_INPUT,
    ChangePurpose,
    OpenPerson,
    OpenService,
    Refresh,
    RefreshResults,
    SetPurpose,
    ShowHelp,
    parse_action,
)
from cards.views import CardContext, NoticeKind, ResultsView
from data_access.enums import Service
from tests.support import card_examples as ex
from tests.support.card_validation import (
    MAX_CARD_BYTES,
    RENDERER,
    card_size,
    validate_card,
    validate_cards,
)

Json = dict[str, Any]
CARDS_DIR = Path(__file__).resolve().parents[2] / "cards"


def build_all_cards() -> dict[str, Json]:
    cards: dict[str, Json] = {
        "welcome": welcome.welcome_card(ex.WELCOME),
        "help": welcome.help_card(ex.WELCOME),
        "help with purpose": welcome.help_card(ex.WELCOME, current_purpose="Strategy discussion"),
        "purpose, search waiting": purpose.purpose_card(ex.PURPOSE_FIRST),
        "purpose, change": purpose.purpose_card(ex.PURPOSE_CHANGE),
        "results, ambiguous": results.results_card(ex.RESULTS, ex.CONTEXT),
        "results, ten and more": results.results_card(ex.MANY_RESULTS, ex.CONTEXT),
        "results, none": results.results_card(ResultsView(rows=()), ex.CONTEXT),
        "person, child": people.person_card(ex.CHILD, ex.MATCH, ex.CONTEXT),
        "person, adult": people.person_card(ex.ADULT, None, ex.CONTEXT),
        "person, age unknown": people.person_card(ex.UNKNOWN_AGE, ex.MATCH, ex.CONTEXT),
        "person, baby": people.person_card(ex.BABY, None, ex.CONTEXT),
        "person, largest": people.person_card(ex.LARGEST, ex.MATCH, ex.CHANNEL_CONTEXT),
        "service, school": people.service_card(ex.SCHOOL_DETAILS, ex.CONTEXT),
        "service, housing": people.service_card(ex.HOUSING_DETAILS, ex.CONTEXT),
        "service, adult social care": people.service_card(ex.ASC_DETAILS, ex.CONTEXT),
        "service, police": people.service_card(ex.POLICE_DETAILS, ex.CHANNEL_CONTEXT),
        "service, police none": people.service_card(ex.POLICE_NO_OFFENCES, ex.CONTEXT),
        "service, none found": people.service_card(ex.NONE_FOUND_DETAILS, ex.CONTEXT),
        "service, not available": people.service_card(ex.NOT_AVAILABLE_DETAILS, ex.CONTEXT),
        "service, not applicable": people.service_card(ex.NOT_APPLICABLE_DETAILS, ex.CONTEXT),
        "shared": people.shared_card("P0000004", ex.CHANNEL_CONTEXT),
        "shared, no viewers": people.shared_card(
            "P0000004", CardContext((), ex.ISSUED_AT, ex.TODAY)
        ),
    }
    for kind in NoticeKind:
        cards[f"notice, {kind.value}"] = notices.notice_card(kind)
    cards["notice, rate limited with wait"] = notices.notice_card(
        NoticeKind.RATE_LIMITED, retry_after_seconds=45
    )
    cards["notice, error with reference"] = notices.notice_card(
        NoticeKind.ERROR, reference="7f3a9c2e-41d0"
    )
    return cards


@pytest.fixture(scope="module")
def all_cards() -> dict[str, Json]:
    return build_all_cards()


# --- helpers -------------------------------------------------------------------------


def walk(node: object) -> Iterator[Json]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def shown_text(card: Json) -> str:
    """Everything a reader sees, one piece per line."""
    pieces: list[str] = []
    for element in walk(card):
        if element.get("type") == "TextBlock":
            pieces.append(element["text"])
        if element.get("type") == "FactSet":
            pieces.extend(f"{fact['title']}: {fact['value']}" for fact in element["facts"])
        if element.get("type", "").startswith("Action.") and "title" in element:
            pieces.append(element["title"])
        if element.get("type") == "Input.ChoiceSet":
            pieces.extend(choice["title"] for choice in element["choices"])
        if element.get("type", "").startswith("Input."):
            pieces.append(element.get("label", ""))
    return "\n".join(pieces)


def facts_of(card: Json) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for element in walk(card):
        if element.get("type") == "FactSet":
            for fact in element["facts"]:
                found.setdefault(fact["title"], []).append(fact["value"])
    return found


def executes(card: Json) -> list[Json]:
    return [element for element in walk(card) if element.get("type") == "Action.Execute"]


def parsed_actions(card: Json) -> list[object]:
    return [parse_action(button["verb"], button.get("data")) for button in executes(card)]


def urls(card: Json) -> list[str]:
    return [element["url"] for element in walk(card) if element.get("type") == "Action.OpenUrl"]


# --- validation of every card --------------------------------------------------------


def test_every_card_is_valid(all_cards: dict[str, Json]) -> None:
    validate_cards(all_cards)
    assert RENDERER.starts == 1  # one Node process for the whole session


def test_largest_realistic_cards_fit_in_a_teams_message(
    all_cards: dict[str, Json], capsys: pytest.CaptureFixture[str]
) -> None:
    sizes = {
        name: card_size(all_cards[name])
        for name in (
            "person, largest",
            "service, police",
            "service, school",
            "service, housing",
            "results, ten and more",
        )
    }
    with capsys.disabled():
        print("\ncard sizes (bytes, compact UTF-8):", json.dumps(sizes))
    assert max(sizes.values()) < MAX_CARD_BYTES
    # A person card is a per-user view: with one viewer it keeps a wide margin.
    one_viewer = people.person_card(ex.LARGEST, ex.MATCH, ex.CONTEXT)
    assert card_size(one_viewer) < 22 * 1024


def test_cards_are_adaptive_cards_1_5_without_nulls(all_cards: dict[str, Json]) -> None:
    for name, card in all_cards.items():
        assert card["type"] == "AdaptiveCard", name
        assert card["version"] == "1.5", name
        for element in walk(card):
            assert None not in element.values(), (name, element)
        assert "None" not in shown_text(card).replace("None found", ""), name


def test_cards_are_pure_functions_of_their_inputs(all_cards: dict[str, Json]) -> None:
    assert build_all_cards() == all_cards


def test_action_data_holds_ids_only(all_cards: dict[str, Json]) -> None:
    personal = [
        "Jayden",
        "O'Connor",
        "Smith",
        "2016",
        "12/03",
        "Brinnington",
        "SK5",
        "7190247",
        "Priya",
        "@",
    ]
    for name, card in all_cards.items():
        for button in executes(card):
            data = button.get("data", {})
            assert set(data) <= DATA_KEYS, name
            for value in data.values():
                assert not any(word in value for word in personal if word != "2016"), (name, value)
                if "issued_at" not in data or value != data["issued_at"]:
                    assert "2016" not in value, (name, value)
        for action in parsed_actions(card):
            assert action is not None, name


def test_cards_import_only_what_they_may() -> None:
    allowed_data_access = {"data_access.disclosure.records", "data_access.enums"}
    forbidden_roots = {"bot", "dialogs", "sqlalchemy", "aiohttp", "botbuilder", "requests", "os"}
    for path in sorted(CARDS_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for module in names:
                root = module.split(".")[0]
                assert root not in forbidden_roots, f"{path.name} imports {module}"
                if root == "data_access":
                    assert module in allowed_data_access, f"{path.name} imports {module}"


# --- welcome and help ----------------------------------------------------------------


def test_welcome_says_what_it_is_how_to_ask_and_that_searches_are_recorded(
    all_cards: dict[str, Json],
) -> None:
    shown = shown_text(all_cards["welcome"])
    assert "Stockport Council" in shown
    for example in ("find Jayden Smith 12/03/2016", "Smith, Jayden", "case 7190247"):
        assert example in shown
    assert "School, Housing, Adult Social Care and Police" in shown
    assert "Every search, and every record you open, is recorded" in shown
    assert ex.WELCOME.appropriate_use_text in shown
    assert "Type help at any time" in shown
    assert "actions" not in all_cards["welcome"]


def test_help_offers_to_change_the_reason(all_cards: dict[str, Json]) -> None:
    assert parsed_actions(all_cards["help"]) == [ChangePurpose()]
    shown = shown_text(all_cards["help with purpose"])
    assert "Your reason for looking: Strategy discussion" in shown
    assert "Change your reason" in shown


# --- purpose -------------------------------------------------------------------------


def test_purpose_card_asks_for_a_reason_and_keeps_the_search_private(
    all_cards: dict[str, Json],
) -> None:
    card = all_cards["purpose, search waiting"]
    shown = shown_text(card)
    assert "I'll run your search as soon as you've given a purpose." in shown
    inputs = {element["id"]: element for element in walk(card) if "id" in element}
    choice = inputs[PURPOSE_INPUT]
    assert choice["type"] == "Input.ChoiceSet"
    assert [c["value"] for c in choice["choices"]] == ["1", "2", "3", "4"]
    assert "Child protection enquiry (section 47)" in shown
    assert choice["isRequired"] is True
    assert "value" not in choice
    assert inputs[PURPOSE_OTHER_INPUT]["maxLength"] == MAX_PURPOSE_TEXT_LENGTH
    assert inputs[CASE_REFERENCE_INPUT]["maxLength"] == MAX_CASE_REFERENCE_LENGTH
    [button] = executes(card)
    assert button["title"] == "Save and search"
    assert parse_action(button["verb"], {"purpose": "2"}) == SetPurpose("2")


def test_purpose_card_shows_the_current_reason_and_the_problem(
    all_cards: dict[str, Json],
) -> None:
    card = all_cards["purpose, change"]
    shown = shown_text(card)
    assert "I'll run your search" not in shown
    assert "Choose a reason, or describe your own in a few words." in shown
    inputs = {element["id"]: element for element in walk(card) if "id" in element}
    assert inputs[PURPOSE_INPUT]["value"] == "4"
    assert inputs[PURPOSE_OTHER_INPUT]["value"] == ex.PURPOSE_CHANGE.current_text
    assert inputs[CASE_REFERENCE_INPUT]["value"] == "CR-2026-00421"
    assert executes(card)[0]["title"] == "Save reason"


def test_purpose_card_ignores_a_current_code_that_is_not_offered() -> None:
    view = dataclasses.replace(ex.PURPOSE_CHANGE, current_code="retired-code")
    card = purpose.purpose_card(view)
    choice = next(e for e in walk(card) if e.get("id") == PURPOSE_INPUT)
    assert "value" not in choice


# --- results -------------------------------------------------------------------------


def test_results_list_tells_namesakes_apart(all_cards: dict[str, Json]) -> None:
    card = all_cards["results, ambiguous"]
    shown = shown_text(card)
    assert "3 possible matches" in shown
    assert "too close to call" in shown
    assert "Selecting a person may show sensitive information" in shown
    assert "Born 12 Mar 2016 (10 years) · 14 Brinnington Road, SK5 8AB" in shown
    assert "Born 3 Dec 2016 (9 years) · SK5 8AB" in shown
    assert "Date of birth not recorded · Address not recorded" in shown
    assert "Case id: 7190247" in shown
    assert "Case id: Not recorded" in shown
    assert "Possible match: name matches; day and month of the date of birth swapped" in shown
    assert parsed_actions(card) == [
        OpenPerson("P0000004"),
        OpenPerson("P0000021"),
        OpenPerson("P0000033"),
    ]
    rows = [e for e in walk(card) if e.get("type") == "ColumnSet" and "selectAction" in e]
    assert len(rows) == 3
    assert "refresh" not in card  # no search id given: nothing to refresh from


def test_results_with_more_available_and_a_search_id(all_cards: dict[str, Json]) -> None:
    card = all_cards["results, ten and more"]
    shown = shown_text(card)
    assert "10 possible matches (best first)" in shown
    assert "More people partly match" in shown
    assert "too close to call" not in shown
    assert "Strong match" not in shown
    refresh = parse_action(card["refresh"]["action"]["verb"], card["refresh"]["action"]["data"])
    assert refresh == RefreshResults.of("S-2026-11-22-000123", ex.ISSUED_AT)
    assert card["refresh"]["userIds"] == [ex.VIEWER]


def test_results_strong_match_words() -> None:
    view = ResultsView(rows=(dataclasses.replace(ex.RESULTS.rows[0], label="confident"),))
    shown = shown_text(results.results_card(view, ex.CONTEXT))
    assert "1 possible match" in shown
    assert "Strong match: name matches" in shown


def test_empty_results_say_what_to_try(all_cards: dict[str, Json]) -> None:
    shown = shown_text(all_cards["results, none"])
    assert "No one matched" in shown
    assert "adding a date of birth" in shown


# --- person --------------------------------------------------------------------------


def service_rows(card: Json) -> dict[str, str]:
    """Each service's row text, by service name (rows follow the "Services" heading)."""
    rows: dict[str, str] = {}
    for element in walk(card):
        if element.get("type") != "ColumnSet" or "selectAction" in element:
            continue
        text = shown_text(element)
        first = text.split("\n")[1] if "\n" in text else ""
        if first in {"School", "Housing", "Adult Social Care", "Police"}:
            rows[first] = text
    return rows


def test_person_card_shows_basic_details_and_match(all_cards: dict[str, Json]) -> None:
    card = all_cards["person, child"]
    shown = shown_text(card)
    assert card["body"][0]["text"] == "Jayden O'Connor-Smith"
    assert "Strong match: name and date of birth match exactly" in shown
    facts = facts_of(card)
    assert facts["Date of birth"] == ["12 Mar 2016"]
    assert facts["Age"] == ["10 years"]
    assert facts["Gender"] == ["Male"]
    assert facts["Address"] == [
        "Flat 3, Brinnington Court, 14 Brinnington Road, Stockport, SK5 8AB"
    ]
    assert facts["Case id"] == ["7190247"]


def test_person_card_states_in_words_and_symbols(all_cards: dict[str, Json]) -> None:
    rows = service_rows(all_cards["person, child"])
    assert list(rows) == ["School", "Housing", "Adult Social Care", "Police"]
    assert rows["School"].startswith("●\nSchool\nCurrent involvement")
    assert "School details" in rows["School"]
    assert rows["Housing"].startswith("○\nHousing\nNone found — the data covers: Current Stockport")
    assert "About the Housing data" in rows["Housing"]
    assert rows["Adult Social Care"].startswith("△\nAdult Social Care\nNot available")
    assert "None found" not in rows["Adult Social Care"]
    assert "can't say whether Adult Social Care knows this person" in rows["Adult Social Care"]
    assert rows["Police"] == (
        "⊘\nPolice\nNot shown: Police information is only shown for people aged 18 and over"
    )
    # Every service shown carries where its data comes from.
    assert "Synergy, Stockport Council Education Services, updated 21 Nov 2026" in rows["School"]
    assert "Capita Open Housing, Stockport Homes Group, updated 20 Nov 2026" in rows["Housing"]


def test_person_card_other_states(all_cards: dict[str, Json]) -> None:
    rows = service_rows(all_cards["person, adult"])
    assert rows["School"].startswith("⊘\nSchool\nNot shown: School information is only shown")
    assert "aged 4 to 20" in rows["School"]
    assert rows["Housing"].startswith("◐\nHousing\nHistoric involvement")
    assert rows["Police"].startswith("■\nPolice\nRecords found")
    assert "Police details" in rows["Police"]
    unavailable = "LiquidLogic Adults, Stockport Council Adult Social Care: not available"
    assert unavailable in rows["Adult Social Care"]
    assert parsed_actions(all_cards["person, adult"])[1:3] == [
        OpenService("P0000002", Service.HOUSING),
        OpenService("P0000002", Service.POLICE),
    ]


def test_person_card_with_unknown_date_of_birth(all_cards: dict[str, Json]) -> None:
    card = all_cards["person, age unknown"]
    facts = facts_of(card)
    assert facts["Date of birth"] == ["Not recorded"]
    assert facts["Age"] == ["Unknown (date of birth not recorded)"]
    rows = service_rows(card)
    assert "Age unknown, so the Police age limit (18 and over) was not applied." in rows["Police"]
    assert "Age unknown, so the School age limit (4 to 20) was not applied." in rows["School"]
    assert "No related people are recorded." in shown_text(card)


def test_person_card_for_a_baby(all_cards: dict[str, Json]) -> None:
    card = all_cards["person, baby"]
    assert facts_of(card)["Age"] == ["10 months"]
    assert all("Not shown:" in row for row in service_rows(card).values())
    assert not [a for a in parsed_actions(card) if isinstance(a, OpenService)]


def test_person_card_related_people(all_cards: dict[str, Json]) -> None:
    card = all_cards["person, largest"]
    shown = shown_text(card)
    related = [
        action
        for element in walk(card)
        if element.get("type") == "ColumnSet" and "selectAction" in element
        for action in [
            parse_action(element["selectAction"]["verb"], element["selectAction"]["data"])
        ]
    ]
    assert related == [OpenPerson(f"P{n + 100:07d}") for n in range(20)]
    assert "Maternal grandmother (provides respite care at weekends and school holidays)" in shown
    assert "Father · Born 2 Feb 1963 (63 years)" in shown
    assert "Half-sibling · " in shown
    assert "Other relationship · " in shown
    assert "7 more related people not listed here." in shown


def test_person_card_refreshes_for_its_viewers(all_cards: dict[str, Json]) -> None:
    card = all_cards["person, child"]
    action = card["refresh"]["action"]
    assert parse_action(action["verb"], action["data"]) == Refresh.of(
        "person", "P0000004", ex.ISSUED_AT
    )
    assert card["refresh"]["userIds"] == [ex.VIEWER]
    largest = all_cards["person, largest"]
    assert len(largest["refresh"]["userIds"]) == 60


def test_card_context_refuses_more_than_60_viewers() -> None:
    with pytest.raises(ValueError, match="60"):
        CardContext(tuple(f"29:{n}" for n in range(61)), ex.ISSUED_AT, ex.TODAY)
    with pytest.raises(ValueError, match="timezone"):
        CardContext(("29:a",), ex.ISSUED_AT.replace(tzinfo=None), ex.TODAY)


# --- service details -----------------------------------------------------------------


def test_school_card_fields_and_contacts(all_cards: dict[str, Json]) -> None:
    card = all_cards["service, school"]
    shown = shown_text(card)
    assert card["body"][0]["text"] == "School: Jayden O'Connor-Smith"
    assert "Born 12 Mar 2016 (10 years)" in shown
    assert "Hillside Primary School (1 of 3)" in shown
    assert "School name not recorded (2 of 3)" in shown
    facts = facts_of(card)
    assert facts["Involvement"] == ["Current", "Current", "Historic"]
    assert facts["Registration"] == ["Main provision", "Off-site provision", "Not recorded"]
    assert facts["Name"] == ["Priya Ramanathan-Whitfield", "Not recorded", "Tom Hardcastle"]
    assert facts["Phone"] == ["0161 496 0123", "Not recorded", "Not recorded"]
    assert urls(card) == [
        "tel:+441614960123",
        "mailto:priya.ramanathan-whitfield@hillside-primary.example.org",
        "https://teams.microsoft.com/l/chat/0/0?users="
        "priya.ramanathan-whitfield@hillside-primary.example.org",
    ]
    assert "No phone number or email is recorded. Try contacting the service directly." in shown
    assert "Try contacting Little Acorns Nursery directly." in shown
    titles = [e["title"] for e in walk(card) if e.get("type") == "Action.OpenUrl"]
    assert titles == ["Call", "Email", "Chat in Teams"]


def test_housing_card_case_statuses(all_cards: dict[str, Json]) -> None:
    facts = facts_of(all_cards["service, housing"])
    assert facts["Tenancy start"] == ["13 May 2019", "Not recorded"]
    assert facts["Anti-social behaviour case"] == ["Open", "Not recorded"]
    assert facts["Eviction support"] == ["No case", "Not recorded"]
    assert facts["Notice seeking possession"] == ["Closed", "Not recorded"]
    assert facts["Rent arrears support"] == ["Open", "Not recorded"]
    assert "tel:+447700900456" in urls(all_cards["service, housing"])
    assert "Housing provider not recorded (2 of 2)" in shown_text(all_cards["service, housing"])


def test_adult_social_care_card(all_cards: dict[str, Json]) -> None:
    card = all_cards["service, adult social care"]
    facts = facts_of(card)
    assert facts["Latest involvement started"] == ["1 Feb 2021"]
    assert facts["Most recent interaction"] == ["30 Aug 2023"]
    assert facts["Involvement"] == ["Historic"]
    assert facts["Role"] == ["Not recorded"]
    assert urls(card) == []


def test_police_card_offences_and_other_records(all_cards: dict[str, Json]) -> None:
    card = all_cards["service, police"]
    shown = shown_text(card)
    assert "2 Jun 2026: Violence with injury — Suspect" in shown
    assert "19 Jan 2024: Possession of weapons — Convicted" in shown
    assert "12 Mar 2022: Violence without injury — Convicted" in shown
    assert shown.index("2 Jun 2026") < shown.index("19 Jan 2024") < shown.index("12 Mar 2022")
    assert "Other records found: Yes" in shown
    assert "Greater Manchester Police" in shown
    # No phone: email and chat only.
    assert [url.split(":")[0] for url in urls(card)] == ["mailto", "https"]
    facts = facts_of(card)
    assert facts["Phone"] == ["Not recorded"]
    assert facts["Who's included"] == [
        "Convictions from the last 5 years and suspect records from the last year"
    ]
    assert facts["Period covered"] == ["19 Nov 2021 to 18 Nov 2026"]
    assert facts["Last updated"] == ["19 Nov 2026"]
    assert facts["System"] == ["PoliceWorks, Greater Manchester Police"]
    assert facts["Area"] == ["Greater Manchester"]
    assert facts["Source"] == ["Greater Manchester Police safeguarding extract"]


def test_police_card_without_offences(all_cards: dict[str, Json]) -> None:
    shown = shown_text(all_cards["service, police none"])
    assert "No safeguarding offences found." in shown
    assert "Other records found: Not recorded" in shown
    assert "Police area not recorded" in shown
    assert "Age unknown, so the Police age limit (18 and over) was not applied." in shown
    assert "Date of birth not recorded" in shown


def test_service_cards_for_states_without_details(all_cards: dict[str, Json]) -> None:
    none_found = shown_text(all_cards["service, none found"])
    assert "None found — the data covers: Current Stockport Homes tenants" in none_found
    assert "About this data" in none_found
    assert "Practitioner" not in none_found
    not_available = shown_text(all_cards["service, not available"])
    assert "Not available" in not_available
    assert "No Adult Social Care data is loaded into Family Context." in not_available
    not_applicable = all_cards["service, not applicable"]
    shown = shown_text(not_applicable)
    assert "Not shown: Police information is only shown for people aged 18 and over" in shown
    assert "About this data" not in shown
    assert "Practitioner" not in shown


def test_service_card_back_button_and_refresh(all_cards: dict[str, Json]) -> None:
    card = all_cards["service, police"]
    [back] = card["actions"]
    assert parse_action(back["verb"], back["data"]) == OpenPerson("P0000004")
    action = card["refresh"]["action"]
    assert parse_action(action["verb"], action["data"]) == Refresh.of(
        "service", "P0000004", ex.ISSUED_AT, Service.POLICE
    )
    assert len(card["refresh"]["userIds"]) == 60


# --- notices and the shared card -----------------------------------------------------


def test_every_notice_is_short_and_says_what_to_do(all_cards: dict[str, Json]) -> None:
    for kind in NoticeKind:
        card = all_cards[f"notice, {kind.value}"]
        shown = shown_text(card)
        assert len(shown) < 600, kind
        assert "Exception" not in shown
        assert "Traceback" not in shown
    expired = shown_text(all_cards["notice, expired"])
    assert (
        "This card has expired to protect personal information. "
        "To look again, send the person's name."
    ) in expired
    nothing = all_cards["notice, nothing_matched"]
    assert "add a date of birth" in shown_text(nothing)
    assert "check the spelling" in shown_text(nothing)
    assert parsed_actions(nothing) == [ShowHelp()]


def test_rate_limit_and_error_details(all_cards: dict[str, Json]) -> None:
    assert "Please wait about 45 seconds" in shown_text(all_cards["notice, rate limited with wait"])
    long_wait = notices.notice_card(NoticeKind.RATE_LIMITED, retry_after_seconds=300)
    assert "Please wait about 5 minutes" in shown_text(long_wait)
    assert "Reference: 7f3a9c2e-41d0" in shown_text(all_cards["notice, error with reference"])
    leaked = notices.notice_card(NoticeKind.ERROR, reference="KeyError: 'Jayden Smith'")
    assert "Jayden" not in json.dumps(leaked)


def test_shared_card_holds_no_personal_data(all_cards: dict[str, Json]) -> None:
    card = all_cards["shared"]
    serialised = json.dumps(card)
    for personal in ("Jayden", "Smith", "2016", "Brinnington", "SK5", "7190247"):
        assert personal not in serialised
    assert "each view is recorded" in shown_text(card)
    assert parsed_actions(card) == [
        Refresh.of("shared", "P0000004", ex.ISSUED_AT),
        OpenPerson("P0000004"),
    ]
    assert len(card["refresh"]["userIds"]) == 60
    assert "userIds" not in all_cards["shared, no viewers"]["refresh"]


def test_validate_card_works_on_a_single_card() -> None:
    validate_card(people.shared_card("P1", ex.CONTEXT))
