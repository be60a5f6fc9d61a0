"""Teams-shaped activities, as the Teams channel posts them to /api/messages."""

from __future__ import annotations

import uuid
from typing import Any

BOT_ID = "28:bot-app-id"
TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"
USER_OBJECT_ID = "00000000-0000-0000-0000-0000000000a1"
TEAMS_SERVICE_URL = "https://smba.trafficmanager.net/uk/"
"""A real Teams service URL: allowed, so only usable with expectReplies (nothing is sent)."""


def message(text: str, service_url: str, **extra: Any) -> dict[str, Any]:
    activity: dict[str, Any] = {
        "type": "message",
        "id": uuid.uuid4().hex,
        "timestamp": "2026-11-22T09:00:00.000Z",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": "29:user-id", "name": "Test Worker", "aadObjectId": USER_OBJECT_ID},
        "conversation": {
            "id": "a:conversation-id",
            "conversationType": "personal",
            "tenantId": TENANT_ID,
        },
        "recipient": {"id": BOT_ID, "name": "Family Context"},
        "text": text,
        "textFormat": "plain",
        "locale": "en-GB",
        "channelData": {"tenant": {"id": TENANT_ID}},
    }
    activity.update(extra)
    return activity


def invoke(name: str, value: Any, service_url: str, **extra: Any) -> dict[str, Any]:
    """An invoke (card action, sign-in) from the same user and conversation as `message`."""
    activity = message("", service_url, **extra)
    activity.update(type="invoke", name=name, value=value)
    del activity["text"], activity["textFormat"]
    return activity


def in_tenant(activity: dict[str, Any], tenant: str) -> dict[str, Any]:
    activity["channelData"] = {"tenant": {"id": tenant}}
    activity["conversation"]["tenantId"] = tenant
    return activity
