"""A throwaway bot that answers with Adaptive Cards, to prove the Playground harness.

It speaks the Bot Framework protocol directly (no botbuilder). A message starting with
`text:` is answered with plain text; any other message with a small Adaptive Card 1.5
(an Input.Text, two Input.ChoiceSets, a row with a selectAction and two Action.Execute
buttons), posted to the activity's `serviceUrl`. Every `adaptiveCard/action` invoke is
answered with an updated card in the invoke response, which Teams (and the Playground)
put in place of the card that was clicked.

It runs in a thread of the test process (`CardEchoBot`), or on its own:
`python -m tests.e2e.support.card_echo_bot --port 3979`.
"""

from __future__ import annotations

import argparse
import asyncio
import threading
import uuid
from collections.abc import Mapping
from typing import Any

from aiohttp import ClientSession, ClientTimeout, web

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.5"
SUBMIT_VERB = "submit"
DETAILS_VERB = "details"
OPEN_VERB = "open"
TEXT_PREFIX = "text:"
"""A message starting with this is answered with plain text (the rest, after "Echo: ")."""

COLOURS = ("Red", "Green", "Blue")
REASONS = ("Safeguarding enquiry", "Assessment", "Other")

Json = dict[str, Any]


def question_card(said: str, user_id: str = "") -> Json:
    """The card sent in answer to a message: what was said, inputs, a selectable row and
    two buttons. Like the bot's cards it has a `refresh` for the user; the Playground does
    not refresh cards, and shows "User specific view is not supported yet" under it."""
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": [
            {"type": "TextBlock", "text": "Card echo", "weight": "Bolder", "size": "Medium"},
            {"type": "TextBlock", "text": f"You said: {said}", "wrap": True},
            {
                "type": "Input.Text",
                "id": "name",
                "label": "Your name",
                "placeholder": "Type a name",
                "isRequired": True,
                "errorMessage": "A name is needed",
            },
            {
                "type": "Input.ChoiceSet",
                "id": "colour",
                "label": "Favourite colour",
                "style": "compact",
                "choices": [{"title": c, "value": c.lower()} for c in COLOURS],
            },
            {
                "type": "Input.ChoiceSet",
                "id": "reason",
                "label": "Reason",
                "style": "expanded",
                "choices": [{"title": r, "value": r.split()[0].lower()} for r in REASONS],
            },
            {
                "type": "ColumnSet",
                "separator": True,
                "selectAction": {
                    "type": "Action.Execute",
                    "title": "Open",
                    "verb": OPEN_VERB,
                    "data": {"row": "jaden"},
                    "tooltip": "Open the record for Jaden Smith",
                    "associatedInputs": "none",
                },
                "columns": [
                    {
                        "type": "Column",
                        "width": "stretch",
                        "items": [{"type": "TextBlock", "text": "Jaden Smith", "weight": "Bolder"}],
                    },
                    {
                        "type": "Column",
                        "width": "auto",
                        "items": [{"type": "TextBlock", "text": "Open ›", "color": "Accent"}],
                    },
                ],
            },
        ],
        "refresh": {
            "action": {"type": "Action.Execute", "title": "Refresh", "verb": "refresh"},
            "userIds": [user_id] if user_id else [],
        },
        "actions": [
            {
                "type": "Action.Execute",
                "title": "Submit",
                "verb": SUBMIT_VERB,
                "data": {"step": 1},
            },
            {
                "type": "Action.Execute",
                "title": "Police",
                "verb": DETAILS_VERB,
                "data": {"service": "police"},
                "associatedInputs": "none",
            },
        ],
    }


def answer_card(verb: str, data: Mapping[str, Any]) -> Json:
    """The card that replaces the clicked one: what the invoke carried."""
    if verb == SUBMIT_VERB:
        lines = [
            f"Thanks, {data.get('name', '')}.",
            f"Colour: {data.get('colour', '')}",
            f"Reason: {data.get('reason', '')}",
        ]
    elif verb == OPEN_VERB:
        lines = [f"Opened the row {data.get('row', '')}"]
    elif verb == DETAILS_VERB:
        lines = [f"Details for {data.get('service', '')}"]
    else:
        lines = [f"Action {verb}"]
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": [
            {"type": "TextBlock", "text": "Card echo: updated", "weight": "Bolder"},
            *({"type": "TextBlock", "text": line, "wrap": True} for line in lines),
        ],
        "actions": [
            {"type": "Action.Execute", "title": "Start again", "verb": "again", "data": {}}
        ],
    }


class CardEchoBot:
    """The bot on 127.0.0.1:`port` (0: any free port), in a daemon thread with its own loop.

    `invokes` keeps the value of every `adaptiveCard/action` invoke received, and
    `messages` the text of every message, so a test can check what the Playground sent.
    """

    def __init__(self, port: int = 0) -> None:
        self._requested_port = port
        self.port = 0
        self.invokes: list[Json] = []
        self.messages: list[str] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self._client: ClientSession | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/messages"

    def start(self) -> None:
        self._thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        if self._loop.is_closed():
            return
        try:
            asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._loop.close()

    def __enter__(self) -> CardEchoBot:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    async def _start(self) -> None:
        self._client = ClientSession(timeout=ClientTimeout(total=10))
        app = web.Application()
        app.router.add_post("/api/messages", self._messages)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self._requested_port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def _stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._client is not None:
            await self._client.close()

    async def _messages(self, request: web.Request) -> web.Response:
        activity: Json = await request.json()
        kind = activity.get("type")
        if kind == "invoke" and activity.get("name") == "adaptiveCard/action":
            value: Json = activity.get("value") or {}
            self.invokes.append(value)
            action: Json = value.get("action") or {}
            card = answer_card(str(action.get("verb", "")), action.get("data") or {})
            body = {"statusCode": 200, "type": ADAPTIVE_CARD, "value": card}
            return web.json_response(body)
        if kind == "message":
            text = str(activity.get("text") or "")
            self.messages.append(text)
            if text.lower().startswith(TEXT_PREFIX):
                await self._reply(activity, text=f"Echo: {text[len(TEXT_PREFIX) :].strip()}")
            else:
                await self._reply(
                    activity,
                    card=question_card(text, str((activity.get("from") or {}).get("id", ""))),
                )
        return web.Response(status=201 if kind == "message" else 200)

    async def _reply(
        self, activity: Mapping[str, Any], *, card: Json | None = None, text: str | None = None
    ) -> None:
        conversation: Json = activity["conversation"]
        url = (
            f"{str(activity['serviceUrl']).rstrip('/')}/v3/conversations/"
            f"{conversation['id']}/activities/{activity['id']}"
        )
        reply: Json = {
            "type": "message",
            "id": str(uuid.uuid4()),
            "from": activity.get("recipient"),
            "recipient": activity.get("from"),
            "conversation": conversation,
            "replyToId": activity.get("id"),
        }
        if text is not None:
            reply["text"] = text
        if card is not None:
            reply["attachments"] = [{"contentType": ADAPTIVE_CARD, "content": card}]
        assert self._client is not None
        async with self._client.post(url, json=reply) as response:
            response.raise_for_status()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=3979)
    port = parser.parse_args().port
    with CardEchoBot(port) as bot:
        print(f"card echo bot on {bot.endpoint}; Ctrl+C to stop")
        threading.Event().wait()


if __name__ == "__main__":
    main()
