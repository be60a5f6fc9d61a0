"""Writing activities as JSON without msrest's per-value walk over card content.

msrest serialises an attachment's `content` (typed `object`) value by value,
and each string goes through `serialize_basic`, which calls `eval` on the type
name: about 3 ms for a typical person card and 7 ms for the largest, on every
reply (measured: benchmarks/turns.py; bench in the closing note of issue 4).
Our cards are plain JSON already (cards/ builds them from dicts, lists,
strings, numbers and booleans), so a value the standard library can write as
JSON as it is passes through unchanged, and anything else (a botbuilder model
inside channel data, a date) still takes msrest's own path. The body on the
wire is the same either way (tests/unit/test_serialization.py checks it).

Used by the connector clients the app keeps (bot/auth/bot_framework.py) and for
`expectReplies` answers (bot/app.py). No msrest class is patched: this is a
subclass, installed only on our own clients.
"""

from __future__ import annotations

import json
from typing import Any

from botframework.connector import models
from msrest.serialization import Model, Serializer

CLIENT_MODELS: dict[str, type] = {k: v for k, v in models.__dict__.items() if isinstance(v, type)}


def _is_plain_json(value: dict[Any, Any] | list[Any]) -> bool:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return True


class PlainJsonSerializer(Serializer):
    """msrest's Serializer, with plain JSON objects and arrays passed through as they are."""

    def __init__(self) -> None:
        super().__init__(CLIENT_MODELS)  # type: ignore[no-untyped-call]

    def serialize_object(self, attr: Any, **kwargs: Any) -> Any:
        if type(attr) in (dict, list) and _is_plain_json(attr):
            return attr
        return super().serialize_object(attr, **kwargs)  # type: ignore[no-untyped-call]


SERIALIZER = PlainJsonSerializer()
"""Holds no state between calls (msrest's Serializer keeps only its model table)."""


def to_json(model: Model) -> Any:
    """A botbuilder model (an Activity, ExpectedReplies) as JSON-ready data: what
    `model.serialize()` gives, which is this same call on a plain msrest Serializer."""
    return SERIALIZER._serialize(model)  # type: ignore[no-untyped-call]
