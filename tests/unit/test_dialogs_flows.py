"""The conversation's flows as plain functions over fake services: what is shown, and
exactly which audit entries are committed before it, in order."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

import pytest

from data_access.audit.events import AuditAction, AuditOutcome
from data_access.disclosure.records import Restricted
from data_access.enums import Service
from dialogs.conversation import handle_action, handle_text
from dialogs.replies import CardReply, Reply, TextReply
from dialogs.requests import ActionRequest, Role, Scope, TextRequest, Turn
from tests.support import fakes
from tests.support.card_validation import actions_in, validate_card
from tests.support.fakes import World
from tests.support.records import (
    CANDIDATES,
    listing,
    police_details,
    school_details,
    summary,
)


def card_text(reply: Reply) -> str:
    """The card as text, after checking it is valid (schema, renderer, size, no "None")."""
    assert isinstance(reply, CardReply), reply
    validate_card(reply.card)
    return json.dumps(reply.card)


def find_action(card: dict[str, Any], verb: str) -> dict[str, Any]:
    """The first Action.Execute with this verb anywhere in the card."""
    found = actions_in(card, verb)
    assert found, f"no {verb} action in card"
    return found[0]


def make_world() -> World:
    directory = fakes.FakeDirectory(
        people={"P1": summary("P1"), "P2": summary("P2", "Kelly"), "P9": Restricted("P9")},
        details={
            ("P1", Service.SCHOOL): school_details(),
            ("P2", Service.POLICE): police_details(),
        },
        listing={
            p: listing(p, c.first_name, c.last_name, c.date_of_birth)
            for p, c in ((c.person_id, c) for c in CANDIDATES)
        },
    )
    return fakes.world(CANDIDATES, directory)


async def say(w: World, text: str, t: Turn | None = None) -> list[Reply]:
    return await handle_text(
        TextRequest(t or fakes.turn(activity_id=f"m-{text}"), text), w.services
    )


async def act(
    w: World, verb: str, data: dict[str, Any], t: Turn | None = None, automatic: bool = False
) -> Reply:
    request = ActionRequest(t or fakes.turn(activity_id=f"a-{verb}"), verb, data, automatic)
    return await handle_action(request, w.services)


async def give_purpose(w: World, code: str = "1", case_reference: str = "") -> Reply:
    return await act(w, "purpose.set", {"purpose": code, "case_reference": case_reference})


async def test_once_a_purpose_is_known_the_search_runs_while_the_state_is_read() -> None:
    w = make_world()
    await say(w, "find jayden smith 12/03/2016")
    await give_purpose(w)
    order: list[str] = []
    open_state, search_people = w.conversations.open, w.search.search_people

    async def opening(*args: Any, **kwargs: Any) -> Any:
        found = await open_state(*args, **kwargs)
        order.append("state read")
        return found

    async def searching(*args: Any, **kwargs: Any) -> Any:
        order.append("search started")
        return await search_people(*args, **kwargs)

    w.conversations.open = opening  # type: ignore[method-assign]
    w.search.search_people = searching  # type: ignore[method-assign]
    (reply,) = await say(w, "find kelly smith")

    assert order == ["search started", "state read"]
    assert "Kelly" in card_text(reply)

    order.clear()
    w.services.lookups.count = w.services.lookups.most_for_early_search  # a busy instance
    (reply,) = await say(w, "find kelly smith 01/01/2001")
    assert order == ["state read", "search started"]
    assert w.services.lookups.count == w.services.lookups.most_for_early_search


async def test_a_search_started_early_is_dropped_unrecorded_when_the_state_says_so() -> None:
    w = make_world()
    await say(w, "find jayden smith 12/03/2016")
    await give_purpose(w)
    entries = len(w.audit.entries)
    searches = len(w.search.texts)
    again = fakes.turn(activity_id="m-repeated")
    assert len(await say(w, "find kelly smith", again)) == 1
    entries_after_first = len(w.audit.entries)
    assert entries_after_first > entries

    assert await say(w, "find kelly smith", again) == []  # Teams delivered it again
    assert len(w.search.texts) == searches + 2  # it did run, while the state was read
    assert len(w.audit.entries) == entries_after_first  # nothing shown, nothing recorded

    w.clock.advance(hours=9)  # the purpose has lapsed: no search before it is given again
    (reply,) = await say(w, "find kelly smith")
    assert "purpose.set" in card_text(reply)
    assert len(w.search.texts) == searches + 2
    assert len(w.audit.entries) == entries_after_first


async def test_help_and_greetings_show_the_welcome_card_without_searching() -> None:
    w = make_world()
    for text in ("help", "hi", "", "/help"):
        (reply,) = await say(w, text)
        assert "Family Context" in card_text(reply)
    assert w.audit.entries == []
    assert w.search.texts == []


async def test_first_search_asks_for_a_purpose_then_answers_the_kept_request() -> None:
    w = make_world()
    (reply,) = await say(w, "find jayden smith 12/03/2016")
    assert "purpose.set" in card_text(reply)
    assert "jayden" not in card_text(reply).lower()  # the request is not echoed back
    assert w.audit.entries == []
    assert w.search.texts == []

    answer = await give_purpose(w, "2", "CASE-42")
    text = card_text(answer)
    assert "Jayden" in text
    assert "Smith" in text
    assert w.audit.actions == [AuditAction.SEARCH, AuditAction.PERSON_VIEWED]
    search, viewed = w.audit.events
    assert search.search_text == "find jayden smith 12/03/2016"
    assert search.purpose == "Child protection enquiry (section 47)"
    assert search.case_reference == "CASE-42"
    assert viewed.person_ids == ("P1", "P2")  # the person, then the related people listed
    assert viewed.purpose == search.purpose
    assert search.actor.user_id == fakes.USER.object_id
    assert search.actor.user_name == "Sam Worker"
    assert search.actor.tenant_id == fakes.TENANT


async def test_purpose_without_a_kept_request_is_confirmed() -> None:
    w = make_world()
    reply = await give_purpose(w)
    assert isinstance(reply, CardReply)
    assert w.audit.entries == []


async def test_other_reason_needs_words_and_is_recorded_with_them() -> None:
    w = make_world()
    await say(w, "jayden smith 12/3/16")
    again = await act(w, "purpose.set", {"purpose": "4", "purpose_other": "   "})
    assert "purpose.set" in card_text(again)  # asked again, nothing searched
    assert w.search.texts == []
    await act(w, "purpose.set", {"purpose": "4", "purpose_other": "Court report"})
    assert w.audit.events[0].purpose == "Another reason: Court report"


async def test_unknown_purpose_code_is_refused() -> None:
    w = make_world()
    reply = await act(w, "purpose.set", {"purpose": "99"})
    assert "purpose.set" in card_text(reply)
    assert w.conversations.purposes == {}


async def test_several_candidates_give_a_list_and_choosing_opens_the_person() -> None:
    w = make_world()
    await give_purpose(w)
    (reply,) = await say(w, "jayden smith")
    text = card_text(reply)
    assert "person.open" in text
    assert w.audit.actions == [AuditAction.SEARCH, AuditAction.RESULTS_PRESENTED]
    listed = w.audit.events[1].person_ids
    assert "P1" in listed
    assert "P9" not in listed

    assert isinstance(reply, CardReply)
    open_p1 = find_action(reply.card, "person.open")
    person = await act(w, "person.open", open_p1["data"])
    assert "Smith" in card_text(person)
    assert w.audit.actions[-1] is AuditAction.PERSON_VIEWED
    assert w.audit.events[-1].person_ids[0] == open_p1["data"]["person_id"]


async def test_opening_a_service_is_audited_at_the_fourth_level() -> None:
    w = make_world()
    await give_purpose(w)
    reply = await act(w, "service.open", {"person_id": "P1", "service": "school"})
    assert "Exampleton Primary" in card_text(reply)
    (event,) = w.audit.events
    assert event.action is AuditAction.SERVICE_VIEWED
    assert event.service == "school"
    assert event.person_ids == ("P1",)


async def test_restricted_person_by_id_is_not_found_and_recorded_as_an_attempt() -> None:
    w = make_world()
    await give_purpose(w)
    for verb, data in (
        ("person.open", {"person_id": "P9"}),
        ("service.open", {"person_id": "P9", "service": "police"}),
    ):
        reply = await act(w, verb, data)
        assert "Secret" not in card_text(reply)
    assert [e.outcome for e in w.audit.events] == [AuditOutcome.REFUSED_RESTRICTED] * 2
    assert w.audit.actions == [AuditAction.PERSON_VIEWED, AuditAction.SERVICE_VIEWED]


async def test_unknown_person_is_not_found_and_nothing_is_recorded_as_viewed() -> None:
    w = make_world()
    await give_purpose(w)
    reply = await act(w, "person.open", {"person_id": "NOPE"})
    assert isinstance(reply, CardReply)
    assert w.audit.entries == []


async def test_nothing_matched_records_the_search_and_suggests_what_to_try() -> None:
    w = make_world()
    await give_purpose(w)
    (reply,) = await say(w, "zebedee quixote 01/01/1950")
    assert isinstance(reply, CardReply)
    assert w.audit.actions == [AuditAction.SEARCH]


async def test_failed_audit_write_means_no_disclosure() -> None:
    w = make_world()
    await give_purpose(w)
    w.audit.fail = True
    replies = [
        *(await say(w, "jayden smith 12/03/2016")),
        *(await say(w, "jayden smith")),
        await act(w, "person.open", {"person_id": "P1"}),
        await act(w, "service.open", {"person_id": "P1", "service": "school"}),
    ]
    for reply in replies:
        text = card_text(reply)
        assert "Jayden" not in text
        assert "Exampleton Primary" not in text
        assert "7190247" not in text
    assert w.audit.entries == []


async def test_the_search_limit_refuses_with_a_clear_message_and_records_the_refusal() -> None:
    w = make_world()
    await give_purpose(w)
    for i in range(fakes.SEARCH_LIMIT):
        await say(w, "zebedee quixote", fakes.turn(activity_id=f"s{i}"))
    (reply,) = await say(w, "jayden smith 12/03/2016", fakes.turn(activity_id="over"))
    assert "Jayden" not in card_text(reply)
    assert w.audit.events[-1].outcome is AuditOutcome.REFUSED_RATE_LIMIT
    w.clock.advance(hours=2)  # the window moves on
    (reply,) = await say(w, "jayden smith 12/03/2016", fakes.turn(activity_id="later"))
    assert "Jayden" in card_text(reply)


async def test_a_purpose_expires_and_is_asked_for_again() -> None:
    w = make_world()
    await give_purpose(w)
    w.clock.advance(hours=9)
    (reply,) = await say(w, "jayden smith 12/03/2016")
    assert "purpose.set" in card_text(reply)
    assert w.search.texts == []


async def test_a_repeated_delivery_of_a_message_is_answered_once() -> None:
    w = make_world()
    await give_purpose(w)
    t = fakes.turn(activity_id="same")
    assert await say(w, "jayden smith 12/03/2016", t)
    assert await say(w, "jayden smith 12/03/2016", t) == []
    assert w.audit.actions.count(AuditAction.SEARCH) == 1


async def test_a_fresh_card_refreshes_with_current_data_and_an_old_one_expires() -> None:
    w = make_world()
    await give_purpose(w)
    issued = fakes.NOW.isoformat()
    data = {"view": "person", "person_id": "P1", "issued_at": issued}
    reply = await act(w, "card.refresh", data, automatic=True)
    assert "Jayden" in card_text(reply)
    assert w.audit.actions == [AuditAction.PERSON_VIEWED]
    w.clock.advance(hours=25)
    old = await act(w, "card.refresh", data, automatic=True)
    assert "Jayden" not in card_text(old)
    assert w.audit.actions == [AuditAction.PERSON_VIEWED]  # nothing more disclosed


async def test_a_refreshed_card_keeps_its_first_issue_time() -> None:
    w = make_world()
    await give_purpose(w)
    issued = (fakes.NOW - dt.timedelta(hours=3)).isoformat()
    reply = await act(w, "card.refresh", {"view": "person", "person_id": "P1", "issued_at": issued})
    assert isinstance(reply, CardReply)
    refresh = reply.card["refresh"]["action"]["data"]
    assert refresh["issued_at"].startswith(issued[:16])


async def test_in_a_group_chat_a_confident_match_is_sent_without_personal_data() -> None:
    w = make_world()
    await give_purpose(w)
    shared = fakes.turn(activity_id="g1", scope=Scope.SHARED)
    await act(w, "purpose.set", {"purpose": "1"}, t=shared)
    (reply,) = await say(w, "jayden smith 12/03/2016", shared)
    text = card_text(reply)
    assert "Jayden" not in text
    assert "7190247" not in text
    assert "2016" not in text.split("issued_at")[0]
    assert w.audit.actions == [AuditAction.SEARCH]
    assert isinstance(reply, CardReply)
    view = reply.card["refresh"]["action"]
    opened = await act(w, view["verb"], view["data"], t=shared, automatic=True)
    assert "Jayden" in card_text(opened)
    assert w.audit.actions == [AuditAction.SEARCH, AuditAction.PERSON_VIEWED]


@pytest.mark.parametrize("roles", [(), (Role.AUDITOR,)])
async def test_users_without_a_search_role_cannot_search_or_open(roles: tuple[Role, ...]) -> None:
    w = make_world()
    t = fakes.turn(roles=roles)
    (reply,) = await say(w, "jayden smith 12/03/2016", t)
    opened = await act(w, "person.open", {"person_id": "P1"}, t=t)
    for r in (reply, opened):
        assert "Jayden" not in card_text(r)
    assert w.search.texts == []
    assert w.audit.entries == []


@pytest.mark.parametrize(
    ("verb", "data"),
    [
        (None, None),
        ("person.open", {"person_id": 7}),
        ("service.open", {"person_id": "P1", "service": "tax"}),
        ("no.such.verb", {}),
        ("person.open", "P1"),
    ],
)
async def test_malformed_actions_get_a_kind_error_and_disclose_nothing(
    verb: str | None, data: object
) -> None:
    w = make_world()
    await give_purpose(w)
    reply = await handle_action(ActionRequest(fakes.turn(), verb, data), w.services)
    assert isinstance(reply, CardReply | TextReply)
    assert w.audit.entries == []


async def test_store_failure_gives_the_unavailable_notice_not_an_exception() -> None:
    w = make_world()
    await give_purpose(w)

    async def broken(*_: object, **__: object) -> object:
        raise OSError("connection refused by 10.0.0.5")

    w.directory.summary = broken  # type: ignore[method-assign]
    reply = await act(w, "person.open", {"person_id": "P1"})
    assert "10.0.0.5" not in card_text(reply)
    assert "OSError" not in card_text(reply)


# --- the audit trail in Teams ---------------------------------------------------------

AUDITOR = fakes.User(
    object_id="9d1c0a55-0000-4000-8000-0000000000ad",
    tenant_id=fakes.TENANT,
    display_name="Ada Auditor",
    channel_user_id="29:ada",
)


async def look(
    w: World, text: str, roles: tuple[Role, ...], team: frozenset[str] | None = None
) -> Reply:
    async def members() -> frozenset[str]:
        assert team is not None
        return team

    request = TextRequest(
        fakes.turn(activity_id=f"look-{text}", roles=roles, user=AUDITOR),
        text,
        team_members=members if team is not None else None,
    )
    (reply,) = await handle_text(request, w.services)
    return reply


async def test_an_auditor_sees_a_users_and_a_persons_entries_and_the_look_is_recorded() -> None:
    w = make_world()
    await give_purpose(w)
    await act(w, "person.open", {"person_id": "P1"})
    await act(w, "service.open", {"person_id": "P1", "service": "school"})

    by_person = card_text(await look(w, "audit P1", (Role.AUDITOR,)))
    assert "Viewed a person" in by_person
    assert "Viewed service details (School)" in by_person
    assert "Jayden" not in by_person  # ids, not names
    assert w.audit.actions[-1] is AuditAction.AUDIT_VIEWED
    assert w.audit.events[-1].actor.user_id == AUDITOR.object_id

    by_user = card_text(await look(w, f"audit {fakes.USER.object_id.upper()}", (Role.AUDITOR,)))
    assert "Sam Worker" in by_user
    assert "Ada Auditor" not in by_user  # the user asked about, not the auditor


async def test_a_social_worker_cannot_look_at_the_trail() -> None:
    w = make_world()
    reply = await look(w, "audit", (Role.SOCIAL_WORKER,))
    assert "Audit trail" not in card_text(reply)
    assert w.audit.entries == []


async def test_a_team_manager_sees_only_their_teams_members() -> None:
    w = make_world()
    await give_purpose(w)
    await act(w, "person.open", {"person_id": "P1"})
    outside = card_text(await look(w, "audit", (Role.TEAM_MANAGER,), team=frozenset({"someone"})))
    assert "Sam Worker" not in outside
    inside = card_text(
        await look(w, "audit", (Role.TEAM_MANAGER,), team=frozenset({fakes.USER.object_id}))
    )
    assert "Sam Worker" in inside
    not_in_a_team = card_text(await look(w, "audit", (Role.TEAM_MANAGER,)))
    assert "Audit trail" not in not_in_a_team


async def test_in_a_channel_the_trail_is_shown_to_each_viewer_on_their_own() -> None:
    w = make_world()
    await give_purpose(w)
    await act(w, "person.open", {"person_id": "P1"})
    before = len(w.audit.entries)

    async def team() -> frozenset[str]:
        return frozenset({fakes.USER.object_id})

    asked = fakes.turn(
        activity_id="c1", scope=Scope.SHARED, roles=(Role.TEAM_MANAGER,), user=AUDITOR
    )
    (posted,) = await handle_text(TextRequest(asked, "audit", team_members=team), w.services)
    text = card_text(posted)
    assert "Sam Worker" not in text  # what the channel stores holds no entries
    assert len(w.audit.entries) == before  # nothing shown, nothing recorded
    assert isinstance(posted, CardReply)
    assert posted.card["refresh"]["userIds"] == ["29:ada"]
    view = posted.card["refresh"]["action"]

    shown = await handle_action(
        ActionRequest(asked, view["verb"], view["data"], automatic=True, team_members=team),
        w.services,
    )
    assert "Sam Worker" in card_text(shown)
    assert w.audit.actions[-1] is AuditAction.AUDIT_VIEWED

    member = fakes.turn(activity_id="c2", scope=Scope.SHARED, roles=(Role.SOCIAL_WORKER,))
    refused = await handle_action(ActionRequest(member, view["verb"], view["data"]), w.services)
    assert "Sam Worker" not in card_text(refused)

    w.clock.advance(hours=25)
    old = await handle_action(
        ActionRequest(asked, view["verb"], view["data"], team_members=team), w.services
    )
    assert "Sam Worker" not in card_text(old)


async def test_searches_sent_at_once_cannot_all_slip_under_the_limit() -> None:
    w = make_world()
    await give_purpose(w)
    limit = fakes.SEARCH_LIMIT
    for i in range(limit - 1):
        await say(w, "zebedee quixote", fakes.turn(activity_id=f"s{i}"))
    burst = [say(w, "jayden smith 12/03/2016", fakes.turn(activity_id=f"b{i}")) for i in range(4)]
    replies = [reply for replies in await asyncio.gather(*burst) for reply in replies]
    shown = [r for r in replies if "Jayden" in card_text(r)]
    assert len(shown) == 1  # every one passed the check before searching; one got through
    outcomes = [e.outcome for e in w.audit.events if e.action is AuditAction.SEARCH]
    assert outcomes.count(AuditOutcome.DISCLOSED) == limit
    assert outcomes.count(AuditOutcome.REFUSED_RATE_LIMIT) == 3
