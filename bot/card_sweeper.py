"""Overwriting old cards: personal data does not sit in chat history indefinitely.

A card the user views again is refreshed for them, or shows the "expired"
notice once older than FC_CARD_MAX_AGE_HOURS (dialogs/conversation.py). The
message itself stays in the chat as sent, so this task also goes back to every
message with personal data (data_access/sent_cards.py) once it is that old,
and replaces its card with the notice, as Teams lets a bot update its own
messages. It runs inside `familycontext serve`; with several instances each
sweeps, and a message overwritten twice is harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
)

from bot.activity_handler import CARD_CONTENT_TYPE
from bot.auth.service_urls import ServiceUrlNotAllowed
from cards.notices import notice_card
from cards.views import NoticeKind
from data_access.conversations import ConversationStore
from data_access.sent_cards import SentCardRef, SentCards

log = logging.getLogger(__name__)


def _reference(ref: SentCardRef, bot_id: str) -> ConversationReference:
    return ConversationReference(
        channel_id=ref.channel_id,
        service_url=ref.service_url,
        conversation=ConversationAccount(id=ref.conversation_id, tenant_id=ref.tenant_id),
        bot=ChannelAccount(id=bot_id),
    )


class CardSweeper:
    def __init__(
        self,
        adapter: CloudAdapter,
        sent_cards: SentCards,
        *,
        conversations: ConversationStore | None = None,
        app_id: str,
        max_age: dt.timedelta,
        interval: dt.timedelta = dt.timedelta(minutes=5),
    ) -> None:
        self._adapter = adapter
        self._sent_cards = sent_cards
        self._conversations = conversations
        self._app_id = app_id
        self._max_age = max_age
        self._interval = interval
        self._task: asyncio.Task[None] | None = None

    async def sweep_once(self) -> int:
        """Overwrite every card that is due; the number overwritten."""
        await self._sent_cards.flush()  # cards noted but not yet written count too
        overwritten = 0
        for ref in await self._sent_cards.due(self._max_age):
            try:
                await self._overwrite(ref)
            except Exception as error:
                # The service down or unreachable: the next sweep tries again. Refused
                # (the message deleted, the conversation gone, the host no longer
                # allowed): it never will work, so stop trying and make room for others.
                status = getattr(getattr(error, "response", None), "status_code", None)
                log.warning("could not overwrite an old card: %s", type(error).__name__)
                if isinstance(error, ServiceUrlNotAllowed) or (
                    isinstance(status, int) and 400 <= status < 500 and status != 429
                ):
                    await self._sent_cards.forget(ref)
                continue
            await self._sent_cards.forget(ref)
            overwritten += 1
        if overwritten:
            log.info("overwrote %d old card(s) with the expired notice", overwritten)
        return overwritten

    async def _overwrite(self, ref: SentCardRef) -> None:
        notice = Activity(
            type=ActivityTypes.message,
            id=ref.activity_id,
            attachments=[
                Attachment(content_type=CARD_CONTENT_TYPE, content=notice_card(NoticeKind.EXPIRED))
            ],
        )

        async def update(turn_context: TurnContext) -> None:
            await turn_context.update_activity(notice)

        await self._adapter.continue_conversation(
            _reference(ref, self._app_id), update, bot_app_id=self._app_id
        )

    async def _run(self) -> None:
        while True:
            # First wait: nothing sent by this instance is old yet, and an app that starts
            # and stops at once (a test, a failed deployment) never touches the database.
            await asyncio.sleep(self._interval.total_seconds())
            try:
                await self.sweep_once()
                if self._conversations is not None:
                    # Expired reasons, kept requests (search text) and offered people.
                    await self._conversations.forget_expired()
            except Exception as error:  # the database down: try again next time
                log.warning("card sweep failed: %s", type(error).__name__)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="card-sweeper")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
