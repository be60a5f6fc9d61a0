"""Drive the Microsoft 365 Agents Playground (0.2.28) in headless Chromium, as a user would.

`Playground` wraps one Playwright page (sync API) open on the Playground's personal chat
with the bot. Every wait is on an event, never a fixed sleep:

- an init script records what the Playground's own websockets carry: each message the
  bot posts (`createMessage`, with its text and card JSON) and each log entry (the
  activities sent to the bot and the bot's status codes);
- sending waits for the Playground to accept the message, then for the bot's replies to
  arrive over the websocket and be rendered;
- clicking an `Action.Execute` waits for the `adaptiveCard/action` invoke's response and
  for the Playground to show its note under the card ("Your response was sent to the
  app", or the bot's message); an updated card has replaced the old one by then.

DOM facts relied on (found by exploring the running Playground; all in `SELECTORS`):

- the composer is a Lexical editor, `[data-lexical-editor="true"][role="textbox"]`;
- every chat message is a `div` whose direct child is `[aria-label="Message header"]`;
  the bot's messages (and only those, in the personal chat) carry
  `[aria-label="Message author"]` in that header; messages are in chronological order;
- a message's content is `.fai-OutputCard`; an Adaptive Card in it is `.ac-adaptiveCard`
  (the Adaptive Cards JS renderer with Fluent UI inputs); the invoke note is
  `[aria-label="Display Invoked Message"]`, closed with `[aria-label="Dismiss Invoke
  Message"]`;
- card buttons are `button`s in `.ac-actionSet` (aria-label and title = the action's
  title); an element with a `selectAction` is `.ac-selectable[role="button"]` with
  aria-label = the action's title and title = its tooltip;
- every input has a `<label for=...>` holding its label (plus " *" when required);
  Input.Text is an `<input>`, a compact Input.ChoiceSet a Fluent combobox
  (`input[role="combobox"]`, options `[role="option"]` in a popup), an expanded one a
  `[role="radiogroup"]` of radios labelled with the choice titles. The card's input ids
  are not in the DOM (elements get generated `__ac-...` ids), so an input id is resolved
  to its label through the card JSON received.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    Playwright,
    Response,
    ViewportSize,
)
from playwright.sync_api import (
    TimeoutError as PlaywrightTimeoutError,
)

Json = dict[str, Any]

CHROMIUM: Final = Path("/usr/bin/chromium")
CHROMIUM_ARGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
VIEWPORT: Final[ViewportSize] = {"width": 1280, "height": 1400}
"""Tall, so that most cards fit on a screenshot without scrolling the chat."""

DEFAULT_TIMEOUT_MS: Final = 20_000.0
"""Per wait. Opening the Playground takes about 2 s here (mostly running its 9 MB script),
plus up to 15 s while its server waits for the bot's endpoint to answer at all."""


class SELECTORS:
    composer: Final = '[data-lexical-editor="true"][role="textbox"]'
    message: Final = 'div:has(> [aria-label="Message header"])'
    bot_message: Final = 'div:has(> [aria-label="Message header"] [aria-label="Message author"])'
    content: Final = ".fai-OutputCard"
    card: Final = ".ac-adaptiveCard"
    invoke_note: Final = '[aria-label="Display Invoked Message"]'
    dismiss_note: Final = '[aria-label="Dismiss Invoke Message"]'
    actions: Final = '.ac-actionSet button, .ac-selectable[role="button"]'
    option: Final = '[role="option"]'


ADAPTIVE_CARD: Final = "application/vnd.microsoft.card.adaptive"

_INSTALLATION = re.compile(r"/_debug/conversation/([^/]+)/installation$")
_SEND = re.compile(r"/_conversation/v1/conversations/[^/]+/messages$")
_INVOKE = re.compile(r"/_conversation/v1/invoke$")

RECORDER: Final = """
(() => {
  if (window.__e2e) return;
  const state = { messages: [], updates: [], logs: [] };
  window.__e2e = state;
  const record = (url, data) => {
    let event;
    try { event = JSON.parse(data); } catch (error) { return; }
    if (url.includes('/_ws_conversation/')) {
      if (event.action === 'createMessage' && event.message) {
        state.messages.push({ conversationId: event.actionConversationId, message: event.message });
      } else if (event.action === 'updateMessage' && event.message) {
        state.updates.push({ conversationId: event.actionConversationId, message: event.message });
      }
    } else if (url.includes('/_ws/log/') && event.logAction === 'appendLog' && event.log) {
      const log = event.log;
      state.logs.push({
        activityName: log.activityName || null,
        from: log.from || null,
        timestamp: log.timestamp || 0,
        status: log.response ? log.response.statusCode : null,
        level: log.level || null,
        text: log.displayText || '',
      });
    }
  };
  const Native = window.WebSocket;
  class RecordingWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      const href = String(url);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string') record(href, event.data);
      });
    }
  }
  window.WebSocket = RecordingWebSocket;
})();
"""

_SETUP_DONE = """
({ names, since }) => names.every((name) => window.__e2e.logs.some(
  (log) => log.activityName === name && log.status !== null && log.timestamp >= since))
"""

_RENDERED = """
({ selector, conversationId, atLeast }) => {
  const received = window.__e2e.messages.filter((m) => m.conversationId === conversationId);
  return received.length >= atLeast
    && document.querySelectorAll(selector).length >= received.length;
}
"""

_TEXT_WITHOUT_NOTE = """
(element, noteSelector) => {
  const copy = element.cloneNode(true);
  copy.querySelectorAll(noteSelector + ', [role="progressbar"]').forEach((e) => e.remove());
  document.body.appendChild(copy);  // innerText needs layout
  copy.style.position = 'absolute';
  copy.style.left = '-10000px';
  const text = copy.innerText;
  copy.remove();
  return text.replace(/\\n{3,}/g, '\\n\\n').trim();
}
"""

_LABEL_TARGET = """
(card, wanted) => {
  const clean = (s) => s.replace(/\\s+/g, ' ').replace(/\\s*\\*\\s*$/, '').trim();
  for (const label of card.querySelectorAll('label[for]')) {
    if (clean(label.innerText) === wanted && card.querySelector('[id="' + label.htmlFor + '"]')) {
      return label.htmlFor;
    }
  }
  for (const input of card.querySelectorAll('input, textarea, [role="radiogroup"]')) {
    const name = input.getAttribute('aria-label') || input.getAttribute('placeholder') || '';
    if (input.id && clean(name) === wanted) return input.id;
  }
  return null;
}
"""

_INPUT_KIND = """
(element) => {
  const role = element.getAttribute('role') || '';
  if (role === 'combobox') return 'combobox';
  if (role === 'radiogroup') return 'radiogroup';
  if (element.querySelector && element.querySelector('input[type="checkbox"]')
      && !['INPUT', 'TEXTAREA'].includes(element.tagName)) return 'checkboxes';
  if (element.tagName === 'INPUT' && ['checkbox', 'radio'].includes(element.type)) return 'toggle';
  if (role === 'switch' || role === 'checkbox') return 'toggle';
  return 'text';
}
"""


class PlaygroundError(AssertionError):
    """The Playground or the bot did not do what a step expected; says what it saw."""


@dataclass(frozen=True)
class ActionResult:
    """What clicking a card button led to."""

    response_type: str | None
    """The invoke response's type: ADAPTIVE_CARD (the card was replaced),
    "application/vnd.microsoft.activity.message" (a note under the card), an error type,
    or None when no invoke was expected."""
    value: Any
    """The invoke response's value: the new card's JSON, or the message's text."""
    note: str
    """The note the Playground shows under the card ("" if none)."""
    new_messages: int
    """Messages the bot posted meanwhile."""


def launch_chromium(playwright: Playwright, executable: Path = CHROMIUM) -> Browser:
    """Debian's Chromium, headless. Playwright never downloads a browser here."""
    if not executable.exists():
        raise PlaygroundError(
            f"{executable} is missing: the end-to-end tests need Debian's Chromium "
            "(apt-get install -y chromium fonts-dejavu-core; .ci/run does it)"
        )
    return playwright.chromium.launch(
        executable_path=str(executable), args=list(CHROMIUM_ARGS), headless=True
    )


def new_context(browser: Browser) -> BrowserContext:
    """A fresh profile; anything but the loopback Playground (its CDN fonts) is refused fast."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB", timezone_id="Europe/London")
    context.route(
        lambda url: not url.startswith(("http://127.0.0.1", "ws://127.0.0.1")),
        lambda route: route.abort(),
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def _walk(element: Any) -> Iterator[Json]:
    """Every element of a card's JSON, depth first (body, columns, items, actions, cards)."""
    if isinstance(element, dict):
        yield element
        for value in element.values():
            yield from _walk(value)
    elif isinstance(element, list):
        for item in element:
            yield from _walk(item)


@dataclass
class Playground:
    """One open Playground page: the personal chat with the bot."""

    page: Page
    conversation_id: str
    timeout_ms: float = DEFAULT_TIMEOUT_MS
    invoke_responses: list[Json] = field(default_factory=list)
    """Bodies of the invoke responses seen, oldest first."""

    # --- opening ---------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        context: BrowserContext,
        url: str,
        *,
        timeout_ms: float = DEFAULT_TIMEOUT_MS,
        setup_activities: Sequence[str] = ("installationUpdate", "conversationUpdate"),
    ) -> Playground:
        """Open the Playground at `url` and wait until the bot has been told about the chat
        (`setup_activities`, sent on every page load) and whatever it said back is shown."""
        page = context.new_page()
        page.add_init_script(RECORDER)
        with page.expect_response(
            lambda r: bool(_INSTALLATION.search(r.url)) and r.request.method == "POST",
            timeout=timeout_ms,
        ) as installation:
            page.goto(url, wait_until="commit", timeout=timeout_ms)
        response = installation.value
        match = _INSTALLATION.search(response.url)
        assert match is not None
        playground = cls(page=page, conversation_id=match.group(1), timeout_ms=timeout_ms)
        page.locator(SELECTORS.composer).wait_for(timeout=timeout_ms)
        since = float(response.request.timing["startTime"]) - 50
        try:
            page.wait_for_function(
                _SETUP_DONE,
                arg={"names": list(setup_activities), "since": since},
                timeout=timeout_ms,
            )
        except PlaywrightTimeoutError as error:
            raise PlaygroundError(
                f"the bot never answered {', '.join(setup_activities)}\n{playground.describe()}"
            ) from error
        playground._wait_rendered(0)
        return playground

    # --- reading ---------------------------------------------------------------------

    def bot_messages(self) -> Locator:
        return self.page.locator(SELECTORS.bot_message)

    def bot_message_count(self) -> int:
        return self.bot_messages().count()

    def received(self) -> list[Json]:
        """The bot's messages in this chat as the Playground received them (JSON), oldest first."""
        messages: list[Json] = self.page.evaluate(
            "(id) => window.__e2e.messages.filter((m) => m.conversationId === id)"
            ".map((m) => m.message)",
            self.conversation_id,
        )
        return messages

    def logs(self) -> list[Json]:
        """The Playground's log panel entries so far (activity names and status codes)."""
        logs: list[Json] = self.page.evaluate("() => window.__e2e.logs")
        return logs

    def last_bot_message(self) -> Locator:
        count = self.bot_message_count()
        if count == 0:
            raise PlaygroundError(f"the bot has said nothing yet\n{self.describe()}")
        return self.bot_messages().nth(count - 1)

    def _last_card_index(self) -> int:
        has_card = self.page.evaluate(
            "([m, c]) => Array.from(document.querySelectorAll(m)).map((e) => !!e.querySelector(c))",
            [SELECTORS.bot_message, SELECTORS.card],
        )
        for index in range(len(has_card) - 1, -1, -1):
            if has_card[index]:
                return index
        raise PlaygroundError(f"the bot has sent no card\n{self.describe()}")

    def last_card_message(self) -> Locator:
        """The bot's latest message holding an Adaptive Card (fixed to it: later messages
        do not move it)."""
        return self.bot_messages().nth(self._last_card_index())

    def last_card(self) -> Locator:
        return self.last_card_message().locator(SELECTORS.card).last

    def text_of(self, message: Locator) -> str:
        """What a message shows (card text included), without the invoke note."""
        text: str = message.locator(SELECTORS.content).first.evaluate(
            _TEXT_WITHOUT_NOTE, SELECTORS.invoke_note
        )
        return text

    def last_bot_text(self) -> str:
        return self.text_of(self.last_bot_message())

    def last_card_text(self) -> str:
        return self.text_of(self.last_card_message())

    def note_of(self, message: Locator) -> str:
        """The Playground's note under a card after an invoke ("" if none)."""
        note = message.locator(SELECTORS.invoke_note)
        return note.inner_text().strip() if note.count() else ""

    def cards_received(self) -> list[Json]:
        """Every card JSON seen, oldest first: in the bot's messages and in invoke responses."""
        cards: list[Json] = []
        for message in self.received():
            for attachment in message.get("attachments") or []:
                if attachment.get("contentType") == ADAPTIVE_CARD:
                    cards.append(attachment.get("content") or {})
        for body in self.invoke_responses:
            if body.get("type") == ADAPTIVE_CARD and isinstance(body.get("value"), dict):
                cards.append(body["value"])
        return cards

    def last_card_json(self) -> Json:
        cards = self.cards_received()
        if not cards:
            raise PlaygroundError(f"no card received\n{self.describe()}")
        return cards[-1]

    def actions(self, message: Locator | None = None) -> list[tuple[str, str | None]]:
        """The buttons and selectable rows of a card, in order: (title, tooltip or None)."""
        message = message if message is not None else self.last_card_message()
        pairs: list[list[str | None]] = message.locator(SELECTORS.actions).evaluate_all(
            "(es) => es.map((e) => { const a = e.getAttribute('aria-label') || e.innerText;"
            " const t = e.getAttribute('title'); return [a.trim(), t && t !== a ? t : null]; })"
        )
        return [(str(title), tooltip) for title, tooltip in pairs]

    def action_names(self, message: Locator | None = None) -> list[str]:
        """The titles of a card's buttons and selectable rows, in order."""
        return [title for title, _ in self.actions(message)]

    def describe(self) -> str:
        """What the page shows, for failure messages: the last messages and log lines."""
        lines = ["--- Playground log (last 12) ---"]
        try:
            for log in self.logs()[-12:]:
                name = log.get("activityName") or ""
                status = log.get("status")
                lines.append(f"{log.get('from') or ''} {name} {status or ''} {log.get('text')}")
            lines.append("--- last messages ---")
            messages = self.page.locator(SELECTORS.message)
            count = messages.count()
            for index in range(max(0, count - 3), count):
                lines.append(messages.nth(index).inner_text()[:600])
        except Exception as error:  # the page may be gone; the failure matters more
            lines.append(f"(could not read the page: {error})")
        return "\n".join(lines)

    # --- waiting ---------------------------------------------------------------------

    def _wait_rendered(self, at_least: int, timeout_ms: float | None = None) -> None:
        """Until the bot's messages received number `at_least` and all are on the page."""
        try:
            self.page.wait_for_function(
                _RENDERED,
                arg={
                    "selector": SELECTORS.bot_message,
                    "conversationId": self.conversation_id,
                    "atLeast": at_least,
                },
                timeout=timeout_ms or self.timeout_ms,
            )
        except PlaywrightTimeoutError as error:
            raise PlaygroundError(
                f"waited for {at_least} bot message(s), saw {self.bot_message_count()}\n"
                f"{self.describe()}"
            ) from error

    def wait_for_reply(
        self, *, after: int, count: int = 1, timeout_ms: float | None = None
    ) -> Locator:
        """Until the bot has posted `count` messages more than `after` (a
        `bot_message_count()` taken earlier); returns the last of them."""
        self._wait_rendered(after + count, timeout_ms)
        return self.bot_messages().nth(after + count - 1)

    # --- acting ----------------------------------------------------------------------

    def send(self, text: str, *, replies: int = 1) -> Locator:
        """Type `text` in the personal chat, send it, and wait for `replies` bot messages
        (0: only for the Playground to accept it). Returns the last reply."""
        before = len(self.received())
        composer = self.page.locator(SELECTORS.composer)
        composer.click()
        composer.fill(text)
        with self.page.expect_response(
            lambda r: bool(_SEND.search(r.url)) and r.request.method == "POST",
            timeout=self.timeout_ms,
        ) as sent:
            composer.press("Enter")
        if not sent.value.ok:
            raise PlaygroundError(
                f"the Playground refused the message ({sent.value.status}): "
                f"{sent.value.text()[:300]}\n{self.describe()}"
            )
        if replies == 0:
            return self.page.locator(SELECTORS.message).last
        return self.wait_for_reply(after=before, count=replies)

    def _action(self, message: Locator, name: str, nth: int | None) -> Locator:
        quoted = _css_string(name)
        candidates = message.locator(SELECTORS.actions).and_(
            self.page.locator(f"[aria-label={quoted}], [title={quoted}]")
        )
        count = candidates.count()
        if count == 0:
            candidates = message.locator(SELECTORS.actions).filter(
                has_text=re.compile(rf"^\s*{re.escape(name)}\s*$")
            )
            count = candidates.count()
        if count == 0:
            raise PlaygroundError(
                f"no button {name!r} on the card; it has: {self.actions(message)}\n"
                f"{self.describe()}"
            )
        if nth is None:
            if count > 1:
                raise PlaygroundError(
                    f"{count} buttons match {name!r} (pass nth=, or a tooltip): "
                    f"{self.actions(message)}"
                )
            return candidates.first
        return candidates.nth(nth)

    def click(
        self,
        name: str,
        *,
        nth: int | None = None,
        message: Locator | None = None,
        expect: Literal["invoke", "reply", "nothing"] = "invoke",
        replies: int = 1,
        timeout_ms: float | None = None,
    ) -> ActionResult:
        """Click a card's button, or a row with a `selectAction`, by its title or tooltip
        (exactly), on the latest card unless `message` is given.

        expect="invoke" (Action.Execute): waits for the invoke's response and the note the
        Playground then shows under the card; a returned card has replaced the old one.
        expect="reply" (Action.Submit, or an invoke answered by new messages): waits for
        `replies` new bot messages. expect="nothing" (Action.ShowCard, Action.OpenUrl).
        Raises PlaygroundError when no invoke goes out (e.g. a required input is empty:
        the card then shows its error message).
        """
        timeout = timeout_ms or self.timeout_ms
        if message is None:
            message = self.bot_messages().nth(self._last_card_index())
        target = self._action(message, name, nth)
        before = len(self.received())
        if expect != "invoke":
            target.click()
            if expect == "reply":
                self.wait_for_reply(after=before, count=replies, timeout_ms=timeout)
            return ActionResult(None, None, "", len(self.received()) - before)

        dismiss = message.locator(SELECTORS.dismiss_note)
        if dismiss.count():
            dismiss.click()
            message.locator(SELECTORS.invoke_note).wait_for(state="detached")
        try:
            with self.page.expect_response(
                lambda r: bool(_INVOKE.search(r.url)) and r.request.method == "POST",
                timeout=timeout,
            ) as invoked:
                target.click()
        except PlaywrightTimeoutError as error:
            raise PlaygroundError(
                f"clicking {name!r} sent no invoke (a required input left empty? the card "
                f"shows: {self.text_of(message)!r})\n{self.describe()}"
            ) from error
        body = self._invoke_body(invoked.value, name)
        try:
            message.locator(SELECTORS.invoke_note).wait_for(timeout=timeout)
        except PlaywrightTimeoutError as error:
            raise PlaygroundError(
                f"the Playground never finished the invoke for {name!r}: {body}\n{self.describe()}"
            ) from error
        self._wait_rendered(before, timeout)
        return ActionResult(
            response_type=body.get("type"),
            value=body.get("value"),
            note=self.note_of(message),
            new_messages=len(self.received()) - before,
        )

    def _invoke_body(self, response: Response, name: str) -> Json:
        if not response.ok:
            raise PlaygroundError(
                f"the invoke for {name!r} failed ({response.status}): {response.text()[:500]}\n"
                f"{self.describe()}"
            )
        try:
            body = response.json()
        except ValueError:
            body = {"type": None, "value": response.text()}
        if not isinstance(body, dict):
            body = {"type": None, "value": body}
        self.invoke_responses.append(body)
        return body

    def _input_json(self, input_id: str) -> Json | None:
        for card in reversed(self.cards_received()):
            for element in _walk(card):
                if element.get("id") == input_id and str(element.get("type", "")).startswith(
                    "Input."
                ):
                    return element
        return None

    def _choice_titles(self, spec: Json | None, values: Sequence[str]) -> list[str]:
        """Choice titles for values given as titles or as the card's choice values."""
        if spec is None:
            return list(values)
        choices = [c for c in spec.get("choices") or [] if isinstance(c, dict)]
        titles = {str(c.get("title")) for c in choices}
        by_value = {str(c.get("value")): str(c.get("title")) for c in choices}
        return [v if v in titles else by_value.get(v, v) for v in values]

    def fill(
        self,
        field_name: str,
        value: str | bool | Sequence[str],
        *,
        message: Locator | None = None,
    ) -> None:
        """Set a card input, found by its label (as shown, without " *") or by its id in
        the card JSON: Input.Text/Number/Date (a string), Input.ChoiceSet (a choice's
        title or value; several for a multi-select), Input.Toggle (a bool)."""
        message = message if message is not None else self.last_card_message()
        card = message.locator(SELECTORS.card).last
        spec = self._input_json(field_name)
        label = str(spec["label"]) if spec is not None and spec.get("label") else field_name
        element_id = card.evaluate(_LABEL_TARGET, label)
        if element_id is None and spec is not None and spec.get("placeholder"):
            element_id = card.evaluate(_LABEL_TARGET, str(spec["placeholder"]))
        if element_id is None:
            raise PlaygroundError(
                f"no input labelled {label!r} on the card; it shows: {self.text_of(message)!r}"
            )
        target = card.locator(f"[id={_css_string(element_id)}]")
        kind = target.evaluate(_INPUT_KIND)
        if kind == "toggle":
            target.set_checked(value not in (False, "false", "0", ""))
            return
        if kind == "text":
            target.fill(str(value))
            return
        if isinstance(value, bool):
            raise PlaygroundError(f"{field_name!r} is a choice set: give a choice, not {value}")
        titles = self._choice_titles(spec, [value] if isinstance(value, str) else list(value))
        if kind == "radiogroup":
            (title,) = titles
            target.get_by_role("radio", name=title, exact=True).check()
        elif kind == "checkboxes":
            for title in titles:
                target.get_by_role("checkbox", name=title, exact=True).check()
        else:  # a compact choice set: a combobox with a popup list of options
            for title in titles:
                target.click()
                self.page.locator(SELECTORS.option).filter(
                    has_text=re.compile(rf"^\s*{re.escape(title)}\s*$")
                ).first.click()
            if len(titles) == 1 and target.input_value() != titles[0]:
                raise PlaygroundError(
                    f"{field_name!r} shows {target.input_value()!r} after choosing {titles[0]!r}"
                )

    def screenshot(self, path: Path, *, message: Locator | None = None) -> Path:
        """The page (or only `message`) as PNG at `path`, after scrolling the latest message
        into view."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if message is not None:
            message.screenshot(path=str(path))
            return path
        if self.bot_message_count():
            self.last_bot_message().scroll_into_view_if_needed()
        self.page.screenshot(path=str(path))
        return path


# --- the lookup journey (for the lead: not collected as a test yet) ----------------------


def journey_query(database: Path) -> str:
    """A misspelt name (one letter dropped from the surname) of an adult in the demo
    database (Police information is only shown for people aged 18 and over) who has a
    Police record, at least one related person, and no namesake."""
    with sqlite3.connect(database) as connection:
        row = connection.execute(
            """
            SELECT p.first_name, p.last_name FROM person AS p
            WHERE NOT p.restricted
              AND p.date_of_birth <= date('now', '-19 years')
              AND EXISTS (SELECT 1 FROM police_involvement AS i WHERE i.person_id = p.person_id)
              AND EXISTS (SELECT 1 FROM relationship AS r WHERE r.person_id = p.person_id)
              AND length(p.last_name) >= 5
              AND (SELECT count(*) FROM person AS q
                   WHERE q.first_name = p.first_name AND q.last_name = p.last_name) = 1
            ORDER BY p.person_id LIMIT 1
            """
        ).fetchone()
    if row is None:
        raise PlaygroundError(f"no adult with a Police record and relatives in {database}")
    first, last = str(row[0]), str(row[1])
    misspelt = last[:2] + last[3:]
    return f"find {first.lower()} {misspelt.lower()}"


def _row_names(playground: Playground) -> list[str]:
    """The names on a card's rows whose tooltip is "Open the record for NAME", in order."""
    prefix = "Open the record for "
    return [
        tooltip[len(prefix) :]
        for _, tooltip in playground.actions()
        if tooltip is not None and tooltip.startswith(prefix)
    ]


def run_lookup_journey(
    playground: Playground, out_dir: Path, *, query: str = "find jaden smyth"
) -> list[Path]:
    """The lookup journey of tests/e2e/test_playground.py::test_lookup_journey.

    A social worker sends a misspelt name, gives a purpose, picks the person from the
    results, opens the Police details, goes back and opens a related person; a screenshot
    of each step goes to `out_dir` (returned in order). Every card action replaces the
    card acted on (dialogs/replies.py), so each step reads the same message again.

    The titles follow cards/ as of this writing: purpose card "Why are you looking?",
    input "Reason", button "Save and search"; results "N possible matches", rows with a
    selectAction "Open" whose tooltip is "Open the record for NAME" (a single confident
    match shows a short card with "View" instead); person card "Police details" (shown for
    people aged 18 and over), "Related people" rows like the results; service card "Back
    to summary". The default `query` is only an example: `journey_query(database)` gives
    a misspelt name that exists in the demo data, with Police details and relatives.
    """
    shots: list[Path] = []

    def shot(name: str) -> None:
        shots.append(playground.screenshot(out_dir / f"{len(shots) + 1:02d}-{name}.png"))

    # 1. The request: with no purpose given yet in this chat, the bot asks for one first.
    playground.send(query)
    assert "Why are you looking?" in playground.last_card_text(), playground.last_card_text()
    shot("purpose")

    # 2. The purpose card: choose the first listed reason, save, and the search runs.
    purpose = playground.last_card_json()
    reason = next(e for e in _walk(purpose) if e.get("type") == "Input.ChoiceSet")
    playground.fill(str(reason["id"]), str(reason["choices"][0]["title"]))
    result = playground.click("Save and search")
    assert result.response_type == ADAPTIVE_CARD, result
    results_text = playground.last_card_text()
    assert "possible match" in results_text or "View" in playground.action_names(), results_text
    shot("results")

    # 3. The results: open the best match.
    if "possible match" in results_text:
        (name, *_) = _row_names(playground)
        playground.click(f"Open the record for {name}")
        person_text = playground.last_card_text()
        assert person_text.startswith(name), person_text
    else:
        playground.click("View")
        person_text = playground.last_card_text()
    assert "Police details" in playground.action_names(), person_text
    shot("person")

    # 4. The Police details and contacts.
    playground.click("Police details")
    assert playground.last_card_text().startswith("Police"), playground.last_card_text()
    shot("police")

    # 5. Back to the person, then the first related person.
    playground.click("Back to summary")
    assert "Related people" in playground.last_card_text(), playground.last_card_text()
    (relative, *_) = _row_names(playground)
    playground.click(f"Open the record for {relative}")
    assert playground.last_card_text().startswith(relative), playground.last_card_text()
    shot("related-person")
    return shots
