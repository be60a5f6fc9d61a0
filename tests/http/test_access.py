"""Who may use the bot: allowed tenants only, users with an app role only, on every turn.

The requests carry valid channel tokens (that part is test_inbound_auth.py);
roles come through Teams single sign-on: an OAuth card, then a
`signin/tokenExchange` invoke with an Entra ID access token minted by the
local identity provider, exchanged with a fake token service.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_app
from bot.settings import Settings
from data_access.engine import create_engine
from tests.support.activities import TENANT_ID, USER_OBJECT_ID, in_tenant, invoke, message
from tests.support.bot_app import APP_ID, identity_settings, running_bot
from tests.support.bot_token import BOT_TOKEN, StaticBotTokenSource
from tests.support.connector import HELP_SHOWN, FakeConnector, fake_connector, shown
from tests.support.identity_provider import (
    IdentityProvider,
    forged_key,
    identity_provider,
    sign,
)
from tests.support.token_service import FakeTokenService, fake_token_service

CONTACT = "the Family Context team on 0161 496 0000"
REFUSAL = f"Sorry, you can't use Family Context. To ask for access, contact {CONTACT}."
OTHER_TENANT = "0d0c0b0a-0000-4000-8000-00000000beef"
OAUTH_CARD = "application/vnd.microsoft.card.oauth"


@dataclass
class World:
    client: TestClient
    idp: IdentityProvider
    connector: FakeConnector
    tokens: FakeTokenService

    async def post(self, activity: dict[str, Any]) -> tuple[int, Any]:
        token = self.idp.channel_token(app_id=APP_ID, service_url=activity["serviceUrl"])
        response = await self.client.post(
            "/api/messages", json=activity, headers={"Authorization": f"Bearer {token}"}
        )
        body = await response.read()
        return response.status, (await response.json()) if body else None

    async def say(self, text: str, tenant: str = TENANT_ID, **extra: Any) -> int:
        status, _ = await self.post(in_tenant(message(text, self.connector.url, **extra), tenant))
        return status

    def sso_token(self, roles: tuple[str, ...] = ("SocialWorker",), **overrides: Any) -> str:
        return self.idp.entra_token(
            tenant=TENANT_ID, app_id=APP_ID, object_id=USER_OBJECT_ID, roles=roles, **overrides
        )

    async def exchange(
        self, token: str, exchange_id: str | None = None, **value: Any
    ) -> tuple[int, Any]:
        payload = {
            "id": exchange_id or uuid.uuid4().hex,
            "connectionName": "FamilyContextSSO",
            "token": token,
            **value,
        }
        return await self.post(invoke("signin/tokenExchange", payload, self.connector.url))

    def sent(self) -> list[str]:
        """What the user saw: texts, 'oauth-card' for a sign-in card, 'card:<title>'."""
        return [shown(activity) for activity in self.connector.sent]


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with (
        identity_provider() as idp,
        fake_connector() as connector,
        fake_token_service(APP_ID) as tokens,
    ):
        settings = identity_settings(
            tmp_path / "db.sqlite3",
            idp,
            entra_authority=idp.authority,
            bot_token_service_url=tokens.url,
            access_contact=CONTACT,
        )
        async with running_bot(settings, sso=True) as client:
            yield World(client, idp, connector, tokens)


async def signed_in(world: World, roles: tuple[str, ...] = ("SocialWorker",)) -> None:
    assert await world.say("help") == 201
    status, _ = await world.exchange(world.sso_token(roles))
    assert status == 200


# Tenants


async def test_another_tenant_gets_the_short_refusal_and_nothing_else(world: World) -> None:
    assert await world.say("help", tenant=OTHER_TENANT) == 201

    assert world.sent() == [REFUSAL]
    assert world.tokens.sign_in_resources == 0


async def test_an_activity_naming_two_tenants_is_refused(world: World) -> None:
    activity = message("help", world.connector.url)
    activity["conversation"]["tenantId"] = OTHER_TENANT

    status, _ = await world.post(activity)

    assert status == 201
    assert world.sent() == [REFUSAL]


async def test_a_user_without_an_entra_object_id_is_refused(world: World) -> None:
    activity = message("help", world.connector.url)
    del activity["from"]["aadObjectId"]

    await world.post(activity)

    assert world.sent() == [REFUSAL]


async def test_a_card_action_from_another_tenant_is_refused_in_the_invoke_response(
    world: World,
) -> None:
    activity = in_tenant(
        invoke("adaptiveCard/action", {"action": {"verb": "open"}}, world.connector.url),
        OTHER_TENANT,
    )

    status, body = await world.post(activity)

    assert status == 200
    assert body == {
        "statusCode": 200,
        "type": "application/vnd.microsoft.activity.message",
        "value": REFUSAL,
    }
    assert world.sent() == []


async def test_a_sign_in_from_another_tenant_is_refused(world: World) -> None:
    token = world.idp.entra_token(
        tenant=OTHER_TENANT, app_id=APP_ID, object_id=USER_OBJECT_ID, roles=["SocialWorker"]
    )
    activity = in_tenant(
        invoke(
            "signin/tokenExchange",
            {"id": "x", "connectionName": "FamilyContextSSO", "token": token},
            world.connector.url,
        ),
        OTHER_TENANT,
    )

    status, _ = await world.post(activity)

    assert status == 403
    assert world.tokens.exchanged == []


# Single sign-on and roles


async def test_the_first_message_asks_for_single_sign_on_and_is_answered_after_it(
    world: World,
) -> None:
    assert await world.say("help") == 201
    assert world.sent() == ["oauth-card"]
    card = world.connector.sent[0]["attachments"][0]["content"]
    assert card["connectionName"] == "FamilyContextSSO"
    assert card["tokenExchangeResource"]["uri"] == f"api://botid-{APP_ID}"

    status, body = await world.exchange(world.sso_token(), exchange_id="ex-1")

    assert status == 200
    assert body == {"id": "ex-1", "connectionName": "FamilyContextSSO"}
    assert world.sent() == ["oauth-card", HELP_SHOWN]  # the kept message, answered
    assert world.tokens.exchanged == [world.tokens.exchanged[0]]
    assert set(world.tokens.authorization) == {f"Bearer {BOT_TOKEN}"}


async def test_once_signed_in_each_message_is_answered_directly(world: World) -> None:
    await signed_in(world)

    assert await world.say("hello") == 201

    assert world.sent() == ["oauth-card", HELP_SHOWN, HELP_SHOWN]
    assert world.tokens.sign_in_resources == 1


async def test_a_user_without_a_role_is_refused_on_every_message(world: World) -> None:
    await signed_in(world, roles=())
    assert world.sent() == ["oauth-card", REFUSAL]

    await world.say("help")
    await world.say("jayden smith 12/03/2016")

    assert world.sent() == ["oauth-card", REFUSAL, REFUSAL, REFUSAL]


async def test_a_role_unknown_to_the_bot_is_no_role(world: World) -> None:
    await signed_in(world, roles=("Reader",))
    assert world.sent()[-1] == REFUSAL


async def test_a_removed_role_is_refused_on_the_next_message(world: World) -> None:
    await signed_in(world)
    assert await world.say("help") == 201
    assert world.sent()[-1] == HELP_SHOWN

    # Teams presents a renewed token: the role was removed in Entra ID meanwhile.
    status, _ = await world.exchange(world.sso_token(roles=()))
    assert status == 200
    await world.say("help")

    assert world.sent()[-1] == REFUSAL


async def test_other_configured_role_names_are_honoured(tmp_path: Path) -> None:
    async with (
        identity_provider() as idp,
        fake_connector() as connector,
        fake_token_service(APP_ID) as tokens,
    ):
        settings = identity_settings(
            tmp_path / "db.sqlite3",
            idp,
            entra_authority=idp.authority,
            bot_token_service_url=tokens.url,
            role_social_worker="FC.Practitioner",
        )
        async with running_bot(settings, sso=True) as client:
            world = World(client, idp, connector, tokens)
            await signed_in(world, roles=("FC.Practitioner",))
            assert world.sent() == ["oauth-card", HELP_SHOWN]


async def test_a_card_action_by_a_user_not_yet_signed_in_is_asked_to_send_a_message(
    world: World,
) -> None:
    status, body = await world.post(
        invoke("adaptiveCard/action", {"action": {"verb": "open"}}, world.connector.url)
    )

    assert status == 200
    assert "send me a message first" in body["value"]


async def test_a_card_action_by_a_user_whose_role_was_removed_is_refused(world: World) -> None:
    await signed_in(world)
    await world.exchange(world.sso_token(roles=()))

    status, body = await world.post(
        invoke("adaptiveCard/action", {"action": {"verb": "open"}}, world.connector.url)
    )

    assert status == 200
    assert body["value"] == REFUSAL


def _expired(world: World) -> str:
    return world.sso_token(exp=int(time.time()) - 600)


def _forged(world: World) -> str:
    claims = world.idp.entra_claims(
        tenant=TENANT_ID, app_id=APP_ID, object_id=USER_OBJECT_ID, roles=["SocialWorker"]
    )
    return sign(claims, forged_key(world.idp.tenant_key(TENANT_ID)))


BAD_SSO_TOKENS = {
    "garbage": lambda w: "not-a-token",
    "wrong-audience": lambda w: w.sso_token(aud="api://botid-someone-else"),
    "graph-audience": lambda w: w.sso_token(aud="00000003-0000-0000-c000-000000000000"),
    "wrong-issuer": lambda w: w.sso_token(iss="https://login.microsoftonline.com/common/v2.0"),
    "other-tenant-in-token": lambda w: w.sso_token(tid=OTHER_TENANT),
    "someone-elses-token": lambda w: w.sso_token(oid=str(uuid.uuid4())),
    "no-scope": lambda w: w.sso_token(scp=None),
    "other-scope": lambda w: w.sso_token(scp="User.Read"),
    "expired": _expired,
    "not-yet-valid": lambda w: w.sso_token(nbf=int(time.time()) + 600),
    "bad-signature": _forged,
}


@pytest.mark.parametrize("make", BAD_SSO_TOKENS.values(), ids=BAD_SSO_TOKENS.keys())
async def test_a_bad_sign_in_token_gets_the_fallback_and_no_roles(world: World, make: Any) -> None:
    assert await world.say("help") == 201

    status, body = await world.exchange(make(world))

    assert status == 412  # Teams then shows the card's sign-in button
    assert body["failureDetail"]
    assert world.tokens.exchanged == []
    await world.say("help")
    assert world.sent() == ["oauth-card", "oauth-card"]  # still not signed in


async def test_a_v1_token_is_accepted(world: World) -> None:
    await world.say("help")
    token = world.idp.entra_token(
        tenant=TENANT_ID,
        app_id=APP_ID,
        object_id=USER_OBJECT_ID,
        roles=["TeamManager"],
        version="1.0",
        aud=APP_ID,
    )

    status, _ = await world.exchange(token)

    assert status == 200
    assert world.sent() == ["oauth-card", HELP_SHOWN]


async def test_when_the_token_service_refuses_the_exchange_the_fallback_is_used(
    world: World,
) -> None:
    world.tokens.exchange_fails = True
    await world.say("help")

    status, _ = await world.exchange(world.sso_token())

    assert status == 412
    await world.say("help")
    assert world.sent() == ["oauth-card", "oauth-card"]


async def test_a_repeated_exchange_is_answered_once(world: World) -> None:
    await world.say("help")
    token = world.sso_token()

    first, _ = await world.exchange(token, exchange_id="same")
    second, _ = await world.exchange(token, exchange_id="same")

    assert (first, second) == (200, 200)
    assert len(world.tokens.exchanged) == 1
    assert world.sent() == ["oauth-card", HELP_SHOWN]


async def test_when_the_token_service_is_unavailable_the_user_is_told(world: World) -> None:
    world.tokens.sign_in_fails = True

    assert await world.say("help") == 201

    assert world.sent() == [
        "Sorry, I can't check who you are at the moment. Please try again in a few minutes."
    ]


async def test_an_exchange_for_another_connection_is_refused(world: World) -> None:
    status, _ = await world.exchange(world.sso_token(), connectionName="SomethingElse")
    assert status == 400


async def test_a_finished_fallback_sign_in_asks_for_single_sign_on_again(world: World) -> None:
    await world.say("help")

    status, _ = await world.post(
        invoke("signin/verifyState", {"state": "123456"}, world.connector.url)
    )

    assert status == 200
    assert world.tokens.magic_codes == ["123456"]
    assert world.sent() == ["oauth-card", "oauth-card"]


# Local development roles


async def local_bot(tmp_path: Path, **values: Any) -> tuple[TestClient, Any]:
    settings = Settings(
        _env_file=None,
        environment="local",
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}",
        **values,
    )
    engine = create_engine(settings.effective_database_url)
    app = create_app(settings, engine, bot_token_source=StaticBotTokenSource())
    return TestClient(TestServer(app, host="127.0.0.1")), engine


@pytest.mark.parametrize(
    ("values", "answer"),
    [
        pytest.param({}, HELP_SHOWN, id="default-social-worker"),
        pytest.param({"dev_roles": "Auditor"}, HELP_SHOWN, id="configured"),
        pytest.param({"dev_roles": ""}, "Sorry, you can't use", id="none"),
    ],
)
async def test_the_playground_gets_the_development_roles(
    tmp_path: Path, values: dict[str, Any], answer: str
) -> None:
    client, engine = await local_bot(tmp_path, **values)
    async with client:
        response = await client.post(
            "/api/messages",
            json=message("help", "http://127.0.0.1:56150/", deliveryMode="expectReplies"),
        )
        texts = [shown(reply) for reply in (await response.json())["activities"]]
    await engine.dispose()

    assert len(texts) == 1
    assert texts[0].startswith(answer)
