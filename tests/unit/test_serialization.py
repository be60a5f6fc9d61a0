"""The pass-through serializer writes the same JSON as msrest's own, faster for cards."""

from __future__ import annotations

import datetime as dt
import json

from botbuilder.core import CardFactory, MessageFactory
from botbuilder.schema import ChannelAccount, ConversationAccount, ExpectedReplies
from msrest.serialization import Serializer

from bot.serialization import CLIENT_MODELS, SERIALIZER, to_json
from cards import people
from tests.support import card_examples as examples


def _activity() -> object:
    card = people.person_card(examples.LARGEST, examples.MATCH, examples.CONTEXT)
    activity = MessageFactory.attachment(CardFactory.adaptive_card(card))
    activity.conversation = ConversationAccount(id="a:1")
    activity.recipient = ChannelAccount(id="29:user", name="User")
    activity.channel_data = {"tenant": {"id": "t"}, "sent": dt.datetime(2026, 11, 22, 9, 30)}
    return activity


def test_an_activity_is_written_as_msrest_writes_it() -> None:
    activity = _activity()
    ours = SERIALIZER.body(activity, "Activity")
    theirs = Serializer(CLIENT_MODELS).body(activity, "Activity")
    assert json.dumps(ours, sort_keys=True) == json.dumps(theirs, sort_keys=True)
    # The card went through unchanged; the date in channel data still took msrest's path.
    assert ours["attachments"][0]["content"]["type"] == "AdaptiveCard"
    assert ours["channelData"]["sent"] == "2026-11-22T09:30:00.000Z"


def test_expected_replies_are_written_as_model_serialize_writes_them() -> None:
    replies = ExpectedReplies(activities=[_activity(), MessageFactory.text("hello")])
    assert json.dumps(to_json(replies), sort_keys=True) == json.dumps(
        replies.serialize(), sort_keys=True
    )


def test_a_value_that_is_not_plain_json_is_left_to_msrest() -> None:
    value = {"when": dt.date(2016, 3, 12), "nan": float("nan")}
    assert SERIALIZER.serialize_object(value) == Serializer(CLIENT_MODELS).serialize_object(value)


def test_a_sent_card_is_not_copied_and_is_written_as_the_card() -> None:
    import copy

    from bot.activity_handler import CardAttachment, to_activity
    from dialogs.replies import CardReply

    card = people.person_card(examples.LARGEST, examples.MATCH, examples.CONTEXT)
    activity = to_activity(CardReply(card))
    attachment = activity.attachments[0]
    assert isinstance(attachment, CardAttachment)
    assert copy.deepcopy(activity).attachments[0] is attachment
    for written in (
        SERIALIZER.body(activity, "Activity"),
        activity.serialize(),  # msrest's own, as botbuilder uses for expectReplies
    ):
        content = written["attachments"][0]["content"]
        assert json.dumps(content, sort_keys=True) == json.dumps(card, sort_keys=True)
