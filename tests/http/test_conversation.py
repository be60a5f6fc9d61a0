"""The whole conversation over HTTP, as Teams drives it: messages and `adaptiveCard/action`
invokes posted to /api/messages of the running app, on SQLite and PostgreSQL, with the
demo population loaded. Replies go to a fake connector, or come back in the response
(`deliveryMode: expectReplies`)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import SWEEPER_KEY, create_app
from bot.card_sweeper import CardSweeper
from bot.composition import build_services
from bot.settings import Settings
from data_access.audit.events import AuditUnavailable
from data_access.demo_command import load_demo
from data_access.engine import create_engine
from data_access.models import Person
from dialogs.services import Services
from tests.support.activities import TEAMS_SERVICE_URL, invoke, message
from tests.support.card_validation import actions_in, validate_card, validate_cards
from tests.support.connector import FakeConnector, fake_connector

CARD = "application/vnd.microsoft.card.adaptive"


def local_settings(url: str, **overrides: Any) -> Settings:
    return Settings(_env_file=None, database_url=url, environment="local", **overrides)


def cards_in(activities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Adaptive Cards among the activities, each checked valid on the way."""
    found = [
        attachment["content"]
        for activity in activities
        for attachment in activity.get("attachments") or []
        if attachment.get("contentType") == CARD
    ]
    if found:
        validate_cards(found)
    return found


@dataclass
class Chat:
    client: TestClient
    connector: FakeConnector
    engine: AsyncEngine
    sweeper: CardSweeper | None = None

    async def say(self, words: str, **extra: Any) -> list[dict[str, Any]]:
        """Send a message; the cards the bot sent back through the connector."""
        before = len(self.connector.sent)
        response = await self.client.post(
            "/api/messages", json=message(words, self.connector.url, **extra)
        )
        assert response.status in (200, 201), response.status
        return cards_in(self.connector.sent[before:])

    async def press(
        self, action: dict[str, Any], inputs: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Invoke an Action.Execute as Teams does; the card that replaces the one pressed."""
        value = {
            "action": {
                "type": "Action.Execute",
                "verb": action["verb"],
                "data": {**action.get("data", {}), **(inputs or {})},
            },
            "trigger": "manual",
        }
        response = await self.client.post(
            "/api/messages", json=invoke("adaptiveCard/action", value, self.connector.url)
        )
        assert response.status == 200
        body = await response.json()
        assert body["statusCode"] == 200, body
        assert body["type"] == CARD, body
        card: dict[str, Any] = body["value"]
        validate_card(card)
        return card

    async def audit_actions(self) -> list[str]:
        async with self.engine.connect() as connection:
            rows = await connection.execute(text("SELECT action FROM audit_entry ORDER BY seq"))
            return [row[0] for row in rows]


@pytest.fixture
async def demo_engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    await load_demo(db_url, people=300, seed=7)
    engine = create_engine(db_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def chat(db_url: str, demo_engine: AsyncEngine) -> AsyncIterator[Chat]:
    async with fake_connector() as connector:
        app = create_app(local_settings(db_url), demo_engine)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            yield Chat(client, connector, demo_engine, app[SWEEPER_KEY])


async def person(engine: AsyncEngine, person_id: str) -> Any:
    async with engine.connect() as connection:
        return (await connection.execute(select(Person).where(Person.person_id == person_id))).one()


async def test_request_purpose_person_service_and_related_person(chat: Chat) -> None:
    mother = await person(chat.engine, "P0000001")
    born = mother.date_of_birth.strftime("%d/%m/%Y")
    (purpose_card,) = await chat.say(f"find {mother.first_name} {mother.last_name} {born}")
    (submit,) = actions_in(purpose_card, "purpose.set")

    shown = await chat.press(submit, {"purpose": "1", "case_reference": "CR-1"})
    assert mother.last_name in json.dumps(shown)  # the kept request, answered
    assert await chat.audit_actions() == ["search", "person_viewed"]

    housing = [a for a in actions_in(shown, "service.open") if a["data"]["service"] == "housing"]
    details = await chat.press(housing[0])
    assert "Housing" in json.dumps(details)
    related = actions_in(shown, "person.open")
    assert related, "the person card lists related people"
    relative = await chat.press(related[0])
    assert relative != shown
    assert await chat.audit_actions() == [
        "search",
        "person_viewed",
        "service_viewed",
        "person_viewed",
    ]


async def test_a_name_without_date_of_birth_gives_a_list_to_choose_from(chat: Chat) -> None:
    (purpose_card,) = await chat.say("purpose")
    await chat.press(actions_in(purpose_card, "purpose.set")[0], {"purpose": "3"})
    mother = await person(chat.engine, "P0000001")
    cards = await chat.say(f"{mother.last_name}")
    (results,) = cards
    choices = actions_in(results, "person.open")
    assert len(choices) >= 2
    opened = await chat.press(choices[0])
    assert actions_in(opened, "service.open")
    assert await chat.audit_actions() == ["search", "results_presented", "person_viewed"]


async def test_expect_replies_returns_the_cards_in_the_response(chat: Chat) -> None:
    activity = message("purpose", TEAMS_SERVICE_URL, deliveryMode="expectReplies")
    response = await chat.client.post("/api/messages", json=activity)
    assert response.status == 200
    body = await response.json()
    (card,) = cards_in(body["activities"])
    assert actions_in(card, "purpose.set")
    assert chat.connector.sent == []


async def test_expect_replies_invoke_is_answered_in_the_response(chat: Chat) -> None:
    value = {"action": {"type": "Action.Execute", "verb": "purpose.change", "data": {}}}
    activity = invoke("adaptiveCard/action", value, TEAMS_SERVICE_URL)
    response = await chat.client.post("/api/messages", json=activity)
    assert response.status == 200
    body = await response.json()
    assert body["type"] == CARD
    assert actions_in(body["value"], "purpose.set")


async def test_a_card_older_than_the_limit_shows_a_notice_and_nothing_else(chat: Chat) -> None:
    (purpose_card,) = await chat.say("purpose")
    await chat.press(actions_in(purpose_card, "purpose.set")[0], {"purpose": "1"})
    mother = await person(chat.engine, "P0000001")
    stale = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
    refresh = {
        "verb": "card.refresh",
        "data": {"view": "person", "person_id": "P0000001", "issued_at": stale},
    }
    card = await chat.press(refresh)
    assert mother.last_name not in json.dumps(card)
    assert await chat.audit_actions() == []


async def test_a_failed_audit_write_discloses_nothing_over_http(
    db_url: str, demo_engine: AsyncEngine
) -> None:
    real = build_services(local_settings(db_url), demo_engine)

    class BrokenAudit:
        async def record(self, *events: object) -> None:
            raise AuditUnavailable("injected")

        async def count_searches(self, user_id: str, since: dt.datetime) -> int:
            return 0

    services = Services(
        search=real.search,
        directory=real.directory,
        audit=BrokenAudit(),
        conversations=real.conversations,
        policy=real.policy,
    )
    mother = await person(demo_engine, "P0000001")
    async with fake_connector() as connector:
        app = create_app(local_settings(db_url), demo_engine, services=services)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            chat = Chat(client, connector, demo_engine)
            (purpose_card,) = await chat.say("purpose")
            await chat.press(actions_in(purpose_card, "purpose.set")[0], {"purpose": "1"})
            born = mother.date_of_birth.strftime("%d/%m/%Y")
            (card,) = await chat.say(f"{mother.first_name} {mother.last_name} {born}")
            opened = await chat.press({"verb": "person.open", "data": {"person_id": "P0000001"}})
    for shown in (card, opened):
        assert mother.last_name not in json.dumps(shown)
        assert not actions_in(shown, "service.open")


async def test_a_whole_conversation_at_debug_leaves_no_personal_data_in_the_logs(
    chat: Chat, caplog: pytest.LogCaptureFixture
) -> None:
    mother = await person(chat.engine, "P0000001")
    born = mother.date_of_birth.strftime("%d/%m/%Y")
    caplog.set_level(logging.DEBUG)
    (purpose_card,) = await chat.say(f"find {mother.first_name} {mother.last_name} {born}")
    shown = await chat.press(actions_in(purpose_card, "purpose.set")[0], {"purpose": "1"})
    for action in actions_in(shown, "service.open"):
        await chat.press(action)
    for action in actions_in(shown, "person.open")[:3]:
        await chat.press(action)
    await chat.say(mother.last_name)
    await chat.say(f"{mother.first_name} {mother.last_name} 01/01/1900")

    logged = "\n".join(
        f"{record.getMessage()} {record.__dict__}" for record in caplog.records
    ).casefold()
    assert caplog.records, "the conversation logged something at DEBUG"
    secrets = [mother.first_name, mother.last_name, born, mother.date_of_birth.isoformat()]
    if mother.address:
        secrets.append(mother.address.splitlines()[0])
    if mother.postcode:
        secrets.append(mother.postcode)
    leaked = [s for s in secrets if s.casefold() in logged]
    assert not leaked, "personal data reached the log"


async def test_old_cards_with_personal_data_are_overwritten_in_the_chat(chat: Chat) -> None:
    """The refresh protects a card that is viewed again; the sweeper protects the message."""
    assert chat.sweeper is not None
    (purpose_card,) = await chat.say("purpose")
    await chat.press(actions_in(purpose_card, "purpose.set")[0], {"purpose": "1"})
    mother = await person(chat.engine, "P0000001")
    born = mother.date_of_birth.strftime("%d/%m/%Y")
    (card,) = await chat.say(f"{mother.first_name} {mother.last_name} {born}")
    assert mother.last_name in json.dumps(card)
    assert await chat.sweeper.sweep_once() == 0  # not old yet
    assert chat.connector.updated == []

    async with chat.engine.begin() as connection:
        await connection.execute(
            text("UPDATE sent_card SET sent_at = :old"),
            {"old": dt.datetime.now(dt.UTC) - dt.timedelta(hours=25)},
        )
    assert await chat.sweeper.sweep_once() == 1
    ((activity_id, update),) = chat.connector.updated
    assert activity_id
    (notice,) = cards_in([update])
    assert mother.last_name not in json.dumps(notice)
    assert "expired" in json.dumps(notice).casefold()
    assert await chat.sweeper.sweep_once() == 0  # done once
