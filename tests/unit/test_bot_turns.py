"""The bot through botbuilder's TestAdapter: activities in, activities out, with the
flows over fake services. Checks the translation layer: mentions, scopes, card
attachments, `adaptiveCard/action` invokes and their responses, the welcome."""

from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    Mention,
)

from bot.activity_handler import CARD_CONTENT_TYPE, FamilyContextBot
from bot.auth.access import AccessGate
from bot.auth.roles import DevelopmentRoles
from bot.auth.tenants import TenantPolicy
from data_access.audit.events import AuditAction
from dialogs.requests import Role
from tests.support import fakes
from tests.support.card_validation import validate_card
from tests.unit.test_dialogs_flows import find_action, make_world

TENANT = fakes.TENANT
USER_AAD = fakes.USER.object_id


def bot_for(
    world: fakes.World, roles: frozenset[Role] = frozenset({Role.SOCIAL_WORKER})
) -> FamilyContextBot:
    gate = AccessGate(
        tenants=TenantPolicy(frozenset({TENANT})),
        authoriser=DevelopmentRoles(roles),
        contact="the service desk",
    )
    return FamilyContextBot(gate, world.services)


def activity(
    kind: str = ActivityTypes.message, *, conversation_type: str = "personal", **extra: Any
) -> Activity:
    return Activity(
        type=kind,
        id=extra.pop("id", "activity-1"),
        channel_id="msteams",
        service_url="https://smba.trafficmanager.net/uk/",
        from_property=ChannelAccount(id="29:sam", name="Sam Worker", aad_object_id=USER_AAD),
        recipient=ChannelAccount(id="28:bot", name="Family Context"),
        conversation=ConversationAccount(
            id="a:conversation-1", conversation_type=conversation_type, tenant_id=TENANT
        ),
        channel_data={"tenant": {"id": TENANT}},
        **extra,
    )


async def run(bot: FamilyContextBot, incoming: Activity) -> tuple[list[Activity], Any]:
    """The activities the bot sent, and the invoke response (if any)."""
    adapter = TestAdapter()
    sent: list[Activity] = []
    context = TurnContext(adapter, incoming)

    async def capture(_: TurnContext, activities: list[Activity], next_send: Any) -> Any:
        sent.extend(activities)
        return await next_send()

    context.on_send_activities(capture)
    await bot.on_turn(context)
    responses = [a for a in sent if a.type == ActivityTypes.invoke_response]
    messages = [a for a in sent if a.type != ActivityTypes.invoke_response]
    return messages, responses[0].value if responses else None


def card_of(message: Activity) -> dict[str, Any]:
    (attachment,) = message.attachments
    assert attachment.content_type == CARD_CONTENT_TYPE
    content: dict[str, Any] = attachment.content
    validate_card(content)
    return content


async def test_help_message_gets_the_help_card() -> None:
    bot = bot_for(make_world())
    messages, _ = await run(bot, activity(text="help"))
    (reply,) = messages
    assert "How to use Family Context" in str(card_of(reply))


async def test_a_mention_in_a_channel_is_removed_before_the_text_is_read() -> None:
    bot = bot_for(make_world())
    mention = Mention(
        mentioned=ChannelAccount(id="28:bot", name="Family Context"),
        text="<at>Family Context</at>",
        type="mention",
    )
    incoming = activity(
        text="<at>Family Context</at> help", conversation_type="channel", entities=[mention]
    )
    messages, _ = await run(bot, incoming)
    assert "How to use Family Context" in str(card_of(messages[0]))


async def test_a_card_action_is_answered_in_the_invoke_response() -> None:
    world = make_world()
    bot = bot_for(world)
    invoke = activity(
        ActivityTypes.invoke,
        name="adaptiveCard/action",
        value={
            "action": {"type": "Action.Execute", "verb": "purpose.set", "data": {"purpose": "1"}},
            "trigger": "manual",
        },
    )
    messages, response = await run(bot, invoke)
    assert messages == []
    assert response.status == 200
    assert response.body["type"] == CARD_CONTENT_TYPE
    validate_card(response.body["value"])
    assert world.conversations.purposes  # recorded


async def test_a_search_in_personal_chat_sends_the_person_card_and_audits_it() -> None:
    world = make_world()
    bot = bot_for(world)
    await run(
        bot,
        activity(
            ActivityTypes.invoke,
            id="a0",
            name="adaptiveCard/action",
            value={"action": {"verb": "purpose.set", "data": {"purpose": "2"}}},
        ),
    )
    messages, _ = await run(bot, activity(text="find jayden smith 12/03/2016", id="m1"))
    card = card_of(messages[0])
    assert find_action(card, "service.open")
    assert card["refresh"]["userIds"] == ["29:sam"]  # the refresh is for this user only
    assert world.audit.actions == [AuditAction.SEARCH, AuditAction.PERSON_VIEWED]
    assert world.audit.events[0].correlation_id == "m1"


async def test_another_tenant_is_refused_before_the_flows() -> None:
    world = make_world()
    bot = bot_for(world)
    incoming = activity(text="find jayden smith 12/03/2016")
    incoming.channel_data = {"tenant": {"id": "11111111-2222-4333-8444-555555555555"}}
    incoming.conversation.tenant_id = "11111111-2222-4333-8444-555555555555"
    messages, _ = await run(bot, incoming)
    assert "can't use Family Context" in (messages[0].text or "")
    assert world.search.texts == []


async def test_installation_sends_the_welcome_card() -> None:
    bot = bot_for(make_world())
    incoming = activity(ActivityTypes.installation_update, action="add")
    messages, _ = await run(bot, incoming)
    assert "Welcome to Family Context" in str(card_of(messages[0]))
