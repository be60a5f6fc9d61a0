"""Checks every Adaptive Card the bot sends must pass, for tests.

`validate_cards(cards)` (or `validate_card(card)`) raises AssertionError
naming each card and each problem when a card:

a. fails the Adaptive Card 1.5 JSON schema (the copy next to this file, from
   ../shared/schemas: the schema declares draft-06, and its upstream quirk
   spells Container's and TableCell's `rtl` as `"rtl?"`, which is corrected
   here so that a card Teams accepts is not refused);
b. is over 28 KB as compact UTF-8 JSON (the Teams message limit we design for);
c. shows "None", "null", "nan" (leftovers of a missing value) or an empty
   text, title or fact;
d. is refused by the official npm `adaptivecards` renderer (validate_cards.js);
e. breaks the card action contract: an Action.Execute without a known verb
   (the schema does not require one), action data with anything but ids,
   more than 60 refresh users, or a link other than https, tel: or mailto:.

The renderer runs in one Node process for the whole test session, started on
first use (Node takes about 100 ms to start; a card takes well under 1 ms):
call `validate_cards` with every card a test module builds, or
`validate_card` as often as needed.
"""

from __future__ import annotations

import atexit
import json
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import IO, Any

import jsonschema
from jsonschema.exceptions import ValidationError

from cards.actions import DATA_KEYS, MAX_REFRESH_USERS, Verb

SUPPORT = Path(__file__).resolve().parent
PROJECT = SUPPORT.parents[1]
SCHEMA_PATH = SUPPORT / "adaptive-card-1.5.json"
SCRIPT_PATH = SUPPORT / "validate_cards.js"
MAX_CARD_BYTES = 28 * 1024

_PLACEHOLDER_VALUES = frozenset({"none", "null", "nan", "undefined"})
_PLACEHOLDER_WORDS = re.compile(r"\b(?:null|nan|NaN|NULL|undefined|None(?! found))\b")
_PYTHON_LEAKS = re.compile(r"datetime\.|object at 0x|Traceback|Error\(|<class ")
_DATA_VALUE = re.compile(r"^[A-Za-z0-9._:\-]{1,64}$")
_TEL = re.compile(r"^tel:\+?[0-9]{10,13}$")
_MAILTO = re.compile(r"^mailto:[^?#\s]+@[^?#\s]+$")
_TEAMS_CHAT = "https://teams.microsoft.com/l/chat/0/0?users="

# Properties shown to the reader, by element type; `title` on a selectAction is optional.
_SHOWN_TEXT = {
    "TextBlock": ("text",),
    "TextRun": ("text",),
    "Input.Text": ("label", "placeholder", "errorMessage"),
    "Input.ChoiceSet": ("label", "placeholder", "errorMessage"),
    "Action.Execute": ("title", "tooltip"),
    "Action.OpenUrl": ("title", "tooltip"),
}
_REQUIRED_TEXT = {"TextBlock": "text", "TextRun": "text"}


# --- the JSON schema -----------------------------------------------------------------


@cache
def schema_validator() -> jsonschema.Draft6Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    for name in ("Container", "TableCell"):
        properties = schema["definitions"][name]["properties"]
        if "rtl?" in properties:
            properties["rtl"] = properties.pop("rtl?")
    jsonschema.Draft6Validator.check_schema(schema)
    return jsonschema.Draft6Validator(schema)


def schema_errors(card: object) -> list[str]:
    """Schema failures, each explained at the element it concerns."""
    found: list[str] = []
    for error in schema_validator().iter_errors(card):
        found.extend(_describe(leaf) for leaf in _leaves(error))
    return sorted(set(found))


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    """Follow an `anyOf` failure into the branch for the element's own type.

    The schema lists every element type as an `anyOf` branch, so a single bad
    property makes jsonschema report "not valid under any of the given
    schemas" for the whole card. The branch whose `$ref` names the element's
    `type` holds the real reason.
    """
    if error.validator != "anyOf" or not error.context:
        yield error
        return
    element_type = error.instance.get("type") if isinstance(error.instance, dict) else None
    branch = None
    options = error.validator_value
    if isinstance(element_type, str) and isinstance(options, list):
        for index, option in enumerate(options):
            refs = [part.get("$ref", "") for part in option.get("allOf", ())]
            refs.append(option.get("$ref", ""))
            if any(ref.endswith("/" + element_type) for ref in refs):
                branch = index
    if branch is None:
        yield error
        return
    inner = [sub for sub in error.context if sub.relative_schema_path[0] == branch]
    if not inner:
        yield error
        return
    for sub in inner:
        yield from _leaves(sub)


def _describe(error: ValidationError) -> str:
    where = _path(error.absolute_path)
    if error.validator == "anyOf" and isinstance(error.instance, dict):
        kind = error.instance.get("type")
        return f"schema: {where}: element type {kind!r} is not allowed here"
    return f"schema: {where}: {error.message}"


def _path(parts: Sequence[object] | Any) -> str:
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


# --- checks of our own ---------------------------------------------------------------


def card_size(card: Mapping[str, Any]) -> int:
    """Bytes as sent: compact JSON, UTF-8."""
    return len(json.dumps(card, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def content_errors(card: Mapping[str, Any]) -> list[str]:
    """Size, shown text and the action contract (checks b, c and e)."""
    found: list[str] = []
    if card.get("type") != "AdaptiveCard" or card.get("version") != "1.5":
        found.append('card: must be {"type": "AdaptiveCard", "version": "1.5"}')
    size = card_size(card)
    if size > MAX_CARD_BYTES:
        found.append(f"size: {size} bytes, over the {MAX_CARD_BYTES}-byte limit")
    refresh = card.get("refresh")
    if isinstance(refresh, dict):
        users = refresh.get("userIds", [])
        if len(users) > MAX_REFRESH_USERS:
            found.append(f"$.refresh.userIds: {len(users)} users, Teams allows {MAX_REFRESH_USERS}")
        action = refresh.get("action")
        if not isinstance(action, dict) or action.get("verb") != Verb.REFRESH:
            found.append(f"$.refresh.action: verb must be {Verb.REFRESH.value!r}")
    for path, element in _elements(card, "$"):
        found.extend(_text_errors(path, element))
        found.extend(_action_errors(path, element))
    return found


def _elements(node: object, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _elements(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _elements(value, f"{path}[{index}]")


def _text_errors(path: str, element: dict[str, Any]) -> Iterator[str]:
    kind = element.get("type")
    if not isinstance(kind, str):
        return
    # Facts and choices usually carry no type of their own: check them from their parent.
    if kind == "FactSet":
        for index, fact in enumerate(element.get("facts", ())):
            for key in ("title", "value"):
                yield from _shown(f"{path}.facts[{index}].{key}", fact.get(key))
    if kind == "Input.ChoiceSet":
        for index, choice in enumerate(element.get("choices", ())):
            yield from _shown(f"{path}.choices[{index}].title", choice.get("title"))
    for key in _SHOWN_TEXT.get(kind, ()):
        if key in element or _REQUIRED_TEXT.get(kind) == key:
            yield from _shown(f"{path}.{key}", element.get(key))


def _shown(path: str, value: object) -> Iterator[str]:
    if value is None:
        yield f"{path}: missing"
        return
    if not isinstance(value, str) or not value.strip():
        yield f"{path}: empty text is shown as a blank"
        return
    bare = value.strip().strip("*_").strip()
    if bare.casefold() in _PLACEHOLDER_VALUES or _PLACEHOLDER_WORDS.search(value):
        yield f"{path}: shows a missing-value placeholder: {value!r}"
    if _PYTHON_LEAKS.search(value):
        yield f"{path}: shows program internals: {value!r}"


def _action_errors(path: str, element: dict[str, Any]) -> Iterator[str]:
    kind = element.get("type")
    if kind == "Action.Submit":
        yield f"{path}: use Action.Execute (Universal Actions), not Action.Submit"
    if kind == "Action.Execute":
        verb = element.get("verb")
        if verb not in {verb.value for verb in Verb}:
            yield f"{path}.verb: {verb!r} is not one of the card action verbs"
        data = element.get("data", {})
        if not isinstance(data, dict):
            yield f"{path}.data: must be an object"
            return
        for key, value in data.items():
            if key not in DATA_KEYS:
                yield f"{path}.data.{key}: only ids may travel in action data"
            elif not isinstance(value, str) or not _DATA_VALUE.match(value):
                yield f"{path}.data.{key}: {value!r} does not look like an id"
    if kind == "Action.OpenUrl":
        url = element.get("url", "")
        allowed = (
            _TEL.match(url) or _MAILTO.match(url) or url.startswith(_TEAMS_CHAT)
        ) and " " not in url
        if not allowed:
            yield f"{path}.url: {url!r} is not a tel:, mailto: or Teams chat link"


# --- the npm renderer ----------------------------------------------------------------


class _Renderer:
    """One `node validate_cards.js --lines` process for the whole session."""

    def __init__(self) -> None:
        self.starts = 0
        self._process: subprocess.Popen[str] | None = None
        self._stderr: IO[str] | None = None
        self._lock = threading.Lock()

    def problems(self, cards: Sequence[Mapping[str, Any]]) -> list[list[str]]:
        with self._lock:
            process = self._running()
            assert process.stdin is not None
            assert process.stdout is not None
            try:
                process.stdin.write(json.dumps(list(cards), ensure_ascii=False) + "\n")
                process.stdin.flush()
                line = process.stdout.readline()
            except (BrokenPipeError, OSError):
                line = ""
            if not line:
                self.close()
                raise AssertionError(f"the adaptivecards renderer stopped: {self._last_error()}")
            answer = json.loads(line)
            if not isinstance(answer, list) or len(answer) != len(cards):
                raise AssertionError(f"the adaptivecards renderer answered {line!r}")
            return [[str(problem) for problem in problems] for problems in answer]

    def _running(self) -> subprocess.Popen[str]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        node = shutil.which("node")
        if node is None:
            raise AssertionError("node is not on PATH: the renderer check cannot run")
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        self._process = subprocess.Popen(
            [node, str(SCRIPT_PATH), "--lines"],
            cwd=PROJECT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
        )
        self.starts += 1
        return self._process

    def _last_error(self) -> str:
        if self._stderr is None:
            return "no output"
        self._stderr.seek(0)
        return self._stderr.read().strip() or "no output"

    def close(self) -> None:
        if self._process is not None:
            if self._process.stdin is not None:
                self._process.stdin.close()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None


RENDERER = _Renderer()
atexit.register(RENDERER.close)


def renderer_problems(cards: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """What the npm renderer reports for each card (check d), in one round trip."""
    return RENDERER.problems(cards) if cards else []


# --- the entry points ----------------------------------------------------------------


def card_problems(
    cards: Sequence[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]],
) -> dict[str, list[str]]:
    """Every problem of every card, by card name (its key, or its index)."""
    named = dict(cards) if isinstance(cards, Mapping) else {str(i): c for i, c in enumerate(cards)}
    rendered = renderer_problems(list(named.values()))
    result: dict[str, list[str]] = {}
    for (name, card), from_renderer in zip(named.items(), rendered, strict=True):
        found = schema_errors(card) + content_errors(card)
        found += [f"renderer: {problem}" for problem in from_renderer]
        if found:
            result[name] = found
    return result


def validate_cards(
    cards: Sequence[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]],
) -> None:
    """Raise AssertionError listing every problem of every card (all checks, one Node call)."""
    problems = card_problems(cards)
    if problems:
        lines = [f"{len(problems)} card(s) failed validation:"]
        for name, found in problems.items():
            lines.append(f"- {name}:")
            lines.extend(f"    {problem}" for problem in found)
        raise AssertionError("\n".join(lines))


def validate_card(card: Mapping[str, Any]) -> None:
    validate_cards({"card": card})


def actions_in(card: Mapping[str, Any], verb: str) -> list[dict[str, Any]]:
    """Every Action.Execute with this verb anywhere in the card (buttons, rows, refresh)."""
    found: list[dict[str, Any]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Action.Execute" and node.get("verb") == verb:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found
